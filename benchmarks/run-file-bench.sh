#!/usr/bin/env bash
# The file benchmark (docs/benchmarks.md, "Files"): whole processes over one file of SIZE_MIB MiB
# (default 1024), medians of RUNS (default 5), in the same run:
#   cp; age -r RECIPIENT / age -d -i KEY; java -jar target/kmip-jca.jar encrypt / decrypt (against a
#   development server started here on --port 0 and stopped by PID) with the default bulk provider
#   (auto: ACCP where it loads) and pinned to SunJCE (--kmipBulkProvider SunJCE), the SunJCE pair also
#   with --no-warmup (no start-up preload, no AES-GCM warm-up); a plain SunJCE streaming loop (benchmarks/SunJceFileLoop.java, 64 KiB GCM
#   segments, no KMIP) next to the CLI's SunJCE encryption. Each row ends with the 1-minute load average.
# Needs: target/kmip-jca.jar (mvn -o package -DskipTests), age and age-keygen (apt-get install age);
# installs nothing.
# Files live in a temporary directory under ${BENCH_TMP:-/tmp}, removed at exit.
# Usage: benchmarks/run-file-bench.sh   (SIZE_MIB=256 RUNS=3 for a quicker look)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=$PWD/target/kmip-jca.jar
JAVA=${JAVA:-java}
SIZE_MIB=${SIZE_MIB:-1024}
RUNS=${RUNS:-5}
[ -f "$JAR" ] || { echo "build the jar first: mvn -o package -DskipTests" >&2; exit 2; }
SERVER_JAR=$JAR BENCH_NAME=kmip-file-bench
. benchmarks/file-bench-setup.sh
mkdir -p "$WORK/loop" && "${JAVAC:-javac}" -d "$WORK/loop" benchmarks/SunJceFileLoop.java # compiled once: not timed
echo "file benchmark: $SIZE_MIB MiB, medians of $RUNS; $(nproc) cores; $(uname -r); $("$JAVA" -version 2>&1 | head -1)"
echo "load before: $(uptime)"

# median wall-clock seconds of RUNS runs of "$@", whose output file is $1 (removed before each run, so that
# no run pays for truncating the previous one's 1 GiB; the page cache is warm: the input was just written)
median() {
    local out=$1
    shift
    local times=()
    for _ in $(seq "$RUNS"); do
        rm -f "$out"
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
row() { # name seconds
    printf '%-40s %7.2f s  %7.0f MB/s   load %s\n' "$1" "$2" "$(echo "$SIZE_MIB * 1048576 / $2 / 1000000" | bc -l)" \
        "$(cut -d' ' -f1 /proc/loadavg)"
}
KJ=("$JAVA" -jar "$JAR")
CP=$(median "$WORK/copy" cp "$WORK/plain" "$WORK/copy"); row "cp" "$CP"
AGE_E=$(median "$WORK/plain.age" age -r "$RECIPIENT" -o "$WORK/plain.age" "$WORK/plain"); row "age -r (encrypt)" "$AGE_E"
AGE_D=$(median "$WORK/age.out" age -d -i "$WORK/age.key" -o "$WORK/age.out" "$WORK/plain.age"); row "age -d (decrypt)" "$AGE_D"
SUN=$(median "$WORK/plain.sun" "$JAVA" -cp "$WORK/loop" SunJceFileLoop "$WORK/plain" "$WORK/plain.sun"); row "SunJCE loop (compiled class)" "$SUN"
KJ_E=$(median "$WORK/plain.kje" "${KJ[@]}" encrypt --keystore "$KS" --kmipKeyIdentifier "$MK" -q --in "$WORK/plain" --out "$WORK/plain.kje")
row "kmip-jca encrypt" "$KJ_E"
KJ_D=$(median "$WORK/plain.kjd" "${KJ[@]}" decrypt --keystore "$KS" -q --in "$WORK/plain.kje" --out "$WORK/plain.kjd")
row "kmip-jca decrypt" "$KJ_D"
cmp "$WORK/plain" "$WORK/plain.kjd" || { echo "decrypt produced other bytes" >&2; exit 1; }
SJ=(--kmipBulkProvider SunJCE)
SJ_E=$(median "$WORK/plain.kje" "${KJ[@]}" encrypt --keystore "$KS" --kmipKeyIdentifier "$MK" -q "${SJ[@]}" --in "$WORK/plain" --out "$WORK/plain.kje")
row "kmip-jca encrypt (SunJCE)" "$SJ_E"
SJ_D=$(median "$WORK/plain.kjd" "${KJ[@]}" decrypt --keystore "$KS" -q "${SJ[@]}" --in "$WORK/plain.kje" --out "$WORK/plain.kjd")
row "kmip-jca decrypt (SunJCE)" "$SJ_D"
cmp "$WORK/plain" "$WORK/plain.kjd" || { echo "decrypt produced other bytes" >&2; exit 1; }
SJ_NE=$(median "$WORK/plain.kje" "${KJ[@]}" encrypt --keystore "$KS" --kmipKeyIdentifier "$MK" -q "${SJ[@]}" --no-warmup --in "$WORK/plain" --out "$WORK/plain.kje")
row "kmip-jca encrypt (SunJCE, --no-warmup)" "$SJ_NE"
SJ_ND=$(median "$WORK/plain.kjd" "${KJ[@]}" decrypt --keystore "$KS" -q "${SJ[@]}" --no-warmup --in "$WORK/plain.kje" --out "$WORK/plain.kjd")
row "kmip-jca decrypt (SunJCE, --no-warmup)" "$SJ_ND"
head -c 1024 /dev/urandom >"$WORK/small"
FIXED=$(median "$WORK/small.kje" "${KJ[@]}" encrypt --keystore "$KS" --kmipKeyIdentifier "$MK" -q --in "$WORK/small" --out "$WORK/small.kje")
printf '%-40s %7.2f s  (start-up, keystore, TLS, data-key wrap)   load %s\n' "kmip-jca encrypt of 1 KiB" "$FIXED" \
    "$(cut -d' ' -f1 /proc/loadavg)"
r() { echo "$1 / $2" | bc -l | cut -c1-5; }
echo "ratios: encrypt/age $(r "$KJ_E" "$AGE_E"), decrypt/age $(r "$KJ_D" "$AGE_D"), encrypt/cp $(r "$KJ_E" "$CP")," \
     "decrypt/cp $(r "$KJ_D" "$CP"); SunJCE: encrypt/age $(r "$SJ_E" "$AGE_E"), decrypt/age $(r "$SJ_D" "$AGE_D")," \
     "SunJCE loop time / SunJCE encrypt time $(r "$SUN" "$SJ_E")"
echo "load after: $(uptime)"
