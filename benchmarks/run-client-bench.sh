#!/usr/bin/env bash
# The client benchmark (docs/benchmarks.md): kmip-jca's KmipClient (JMH, ClientBenchmark: ops/s and
# sampled latency of Get and Encrypt, 1 thread over 1 connection and 4 threads over 4) against PyKMIP
# and the development server, then kmip-jca's plain harness and PyKMIP's own client (pykmip_bench.py)
# against the same PyKMIP server in the same run (ops/s, p50/p99, client CPU per operation; kmip-jca's
# both from a fresh JVM and after WARMUP_OPS calls against the development server).
# Usage: benchmarks/run-client-bench.sh   (SKIP_BUILD=1 to reuse the jars; JMH_THREADS= to skip JMH;
# about 7 minutes)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-servers.sh"
OPS_PYKMIP=${OPS_PYKMIP:-300}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 1 -w 3s -i 3 -r 3s}

build
mkdir -p "$BENCH_DIR"
exec > >(tee "$BENCH_DIR/client-bench.txt") 2>&1
describe_machine
start_pykmip
start_dev
for n in ${JMH_THREADS-1 4}; do
    KMIPJCA_BENCH_DIR=$BENCH_DIR "$JAVA" -jar "$BENCH_JAR" ClientBenchmark $JMH_OPTS -t "$n" -p connections="$n" \
        -rf json -rff "$BENCH_DIR/jmh-client-$n.json"
done
for n in 1 4; do
    python_load pykmip "$OPS_PYKMIP" "$n"
    java_load pykmip "$OPS_PYKMIP" "$n"
    java_load pykmip "$OPS_PYKMIP" "$n" "${WARMUP_OPS:-20000}"
done
echo "results in $BENCH_DIR"
