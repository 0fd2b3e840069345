#!/usr/bin/env bash
# The server benchmark (docs/benchmarks.md): Get and Encrypt operations per second served by the
# development server and by PyKMIP in the same run, each measured with kmip-jca's client (ClientLoad)
# and with PyKMIP's client (pykmip_bench.py), over 1 and over 4 connections.
# Usage: benchmarks/run-server-bench.sh   (SKIP_BUILD=1 to reuse the jars; about 3 minutes)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-servers.sh"
OPS_PYKMIP=${OPS_PYKMIP:-300}
OPS_DEV_JAVA=${OPS_DEV_JAVA:-20000}
OPS_DEV_PYTHON=${OPS_DEV_PYTHON:-2000}

build
mkdir -p "$BENCH_DIR"
exec > >(tee "$BENCH_DIR/server-bench.txt") 2>&1
describe_machine
start_pykmip
start_dev
for n in 1 4; do
    java_load pykmip "$OPS_PYKMIP" "$n"
    java_load dev "$OPS_DEV_JAVA" "$n"
    python_load pykmip "$OPS_PYKMIP" "$n"
    python_load dev "$OPS_DEV_PYTHON" "$n"
done
echo "results in $BENCH_DIR"
