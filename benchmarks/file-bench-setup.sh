# Sourced by run-file-bench.sh and run-file-ab.sh: a work directory under ${BENCH_TMP:-/tmp} (removed at
# exit), a development server of "$SERVER_JAR" on --port 0 (stopped by PID at exit), its keystore $KS, a
# master key $MK created there, an age identity ($WORK/age.key, $RECIPIENT) and $SIZE_MIB MiB of random
# bytes in $WORK/plain. Needs JAVA, SERVER_JAR, SIZE_MIB and a name for the work directory in BENCH_NAME.
command -v age >/dev/null || { echo "install age: apt-get install -y age" >&2; exit 2; }
WORK=$(mktemp -d "${BENCH_TMP:-/tmp}/$BENCH_NAME.XXXXXX")
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
"$JAVA" -jar "$SERVER_JAR" server --dir "$WORK/server" --port 0 >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on" "$WORK/server.out" || { cat "$WORK/server.err" >&2; exit 1; }
KS=$WORK/server/client.kmip
MK=$("$JAVA" -jar "$SERVER_JAR" keys create --name "$BENCH_NAME" --keystore "$KS" 2>/dev/null)
age-keygen -o "$WORK/age.key" 2>/dev/null
RECIPIENT=$(age-keygen -y "$WORK/age.key")
head -c $((SIZE_MIB << 20)) /dev/urandom >"$WORK/plain"
