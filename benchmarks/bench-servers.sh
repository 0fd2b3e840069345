# Sourced by run-client-bench.sh and run-server-bench.sh: starts PyKMIP and the development server on
# free loopback ports under $BENCH_DIR, writes $BENCH_DIR/pykmip.kmip and $BENCH_DIR/dev.kmip (kmip.*
# settings that reach them), and stops both by process id when the calling script exits.
# Both servers run with their per-request logging off (PyKMIP logging_level=WARNING; the development
# server's dev.kmipjca.server logger at WARNING), so that neither pays for a log line per request.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
JAVA=${JAVA:-java}
JAR=$ROOT/target/kmip-jca.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
BENCH_DIR=${BENCH_DIR:-$ROOT/benchmarks/target/run-$(date +%Y%m%d-%H%M%S)}
SERVER_PIDS=()

# the process ids of $1's descendants (PyKMIP's policy monitor runs in a child process)
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

# stops each server and its descendants by process id: SIGTERM, then SIGKILL after 5 s
stop_servers() {
    local all=() pid
    for pid in "${SERVER_PIDS[@]}"; do
        all+=("$pid" $(descendants "$pid"))
    done
    for pid in "${all[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${all[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap stop_servers EXIT

build() {
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        (cd "$ROOT" && mvn -q -DskipTests -DskipITs install && mvn -q -f benchmarks/pom.xml package)
    fi
}

start_pykmip() {
    mkdir -p "$BENCH_DIR/pykmip"
    PYKMIP_PORT=$("$JAVA" -cp "$BENCH_JAR" dev.kmipjca.benchmarks.BenchSetup "$BENCH_DIR/pykmip")
    "$PYTHON" -c 'from kmip.services.server.server import main; main()' -f "$BENCH_DIR/pykmip/pykmip.conf" \
        -l "$BENCH_DIR/pykmip/server.log" > "$BENCH_DIR/pykmip/stdout.txt" 2>&1 &
    SERVER_PIDS+=($!)
    for _ in $(seq 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PYKMIP_PORT") 2>/dev/null; then
            cp "$BENCH_DIR/pykmip/pykmip.kmip" "$BENCH_DIR/pykmip.kmip"
            echo "PyKMIP $("$PYTHON" -c 'import kmip; print(kmip.__version__)') on 127.0.0.1:$PYKMIP_PORT (pid ${SERVER_PIDS[-1]})"
            return 0
        fi
        sleep 0.1
    done
    echo "PyKMIP did not start; see $BENCH_DIR/pykmip" >&2
    return 1
}

start_dev() {
    mkdir -p "$BENCH_DIR/dev"
    printf 'handlers=java.util.logging.ConsoleHandler\n.level=INFO\ndev.kmipjca.server.level=WARNING\n' \
        > "$BENCH_DIR/dev-logging.properties"
    "$JAVA" ${DEV_SERVER_JVM_OPTS:-} -Djava.util.logging.config.file="$BENCH_DIR/dev-logging.properties" \
        -jar "$JAR" server --dir "$BENCH_DIR/dev" --port 0 > "$BENCH_DIR/dev/stdout.txt" 2> "$BENCH_DIR/dev/stderr.txt" &
    SERVER_PIDS+=($!)
    for _ in $(seq 600); do
        DEV_PORT=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$BENCH_DIR/dev/stdout.txt")
        if [ -n "$DEV_PORT" ]; then
            printf 'kmip.serverName=127.0.0.1\nkmip.port=%s\nkmip.serverCAFile=%s\nkmip.clientCertificateFile=%s\nkmip.connectTimeoutMS=30000\n' \
                "$DEV_PORT" "$BENCH_DIR/dev/ca.pem" "$BENCH_DIR/dev/client.pem" > "$BENCH_DIR/dev.kmip"
            echo "kmip-jca development server on 127.0.0.1:$DEV_PORT (pid ${SERVER_PIDS[-1]})"
            return 0
        fi
        sleep 0.1
    done
    echo "the development server did not start; see $BENCH_DIR/dev" >&2
    return 1
}

# python_load LABEL OPS THREADS: PyKMIP's client against pykmip or dev
python_load() {
    _python_load "$@" 2> >(grep -v "^Config file" >&2)
}

_python_load() {
    local label=$1 ops=$2 threads=$3
    if [ "$label" = pykmip ]; then
        "$PYTHON" "$ROOT/benchmarks/pykmip_bench.py" pykmip 127.0.0.1 "$PYKMIP_PORT" "$BENCH_DIR/pykmip/ca.pem" \
            "$BENCH_DIR/pykmip/client-cert.pem" "$BENCH_DIR/pykmip/client-key.pem" "$ops" "$threads"
    else
        "$PYTHON" "$ROOT/benchmarks/pykmip_bench.py" dev 127.0.0.1 "$DEV_PORT" "$BENCH_DIR/dev/ca.pem" \
            "$BENCH_DIR/dev/client.pem" "$BENCH_DIR/dev/client.pem" "$ops" "$threads"
    fi
}

# java_load LABEL OPS THREADS [WARMUP_OPS]: kmip-jca's client (plain harness) against pykmip or dev,
# optionally after WARMUP_OPS calls of each operation against the development server
java_load() {
    local warm=()
    if [ -n "${4:-}" ]; then warm=("$BENCH_DIR/dev.kmip" "$4"); fi
    "$JAVA" -cp "$BENCH_JAR" dev.kmipjca.benchmarks.ClientLoad "$BENCH_DIR/$1.kmip" "$1" "$2" "$3" "${warm[@]}"
}

describe_machine() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "java: $("$JAVA" -version 2>&1 | sed -n 2p)"
    echo "python: $("$PYTHON" --version 2>&1)"
    echo "cpu: $(nproc) x $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}
