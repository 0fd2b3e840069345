#!/usr/bin/env bash
# Before/after of the file benchmark (docs/benchmarks.md, "Files", fourth measurement): two builds of
# kmip-jca.jar, cp and age over one random file of SIZE_MIB MiB (default 1024), alternating round after
# round (RUNS rounds, default 9) so that the VM's drift falls on every row alike; prints the median of each.
# Each output is removed before its run. A development server is started on --port 0 (with the new jar)
# and stopped by PID.
# Needs: age and age-keygen (apt-get install age); installs nothing.
# Usage: OLD_JAR=/path/old/kmip-jca.jar benchmarks/run-file-ab.sh   (NEW_JAR defaults to target/kmip-jca.jar)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
NEW_JAR=${NEW_JAR:-$PWD/target/kmip-jca.jar}
OLD_JAR=${OLD_JAR:?set OLD_JAR to the jar to compare with}
JAVA=${JAVA:-java}
SIZE_MIB=${SIZE_MIB:-1024}
RUNS=${RUNS:-9}
SERVER_JAR=$NEW_JAR BENCH_NAME=kmip-file-ab
. benchmarks/file-bench-setup.sh
head -c 1024 /dev/urandom >"$WORK/small"
echo "file A/B: $SIZE_MIB MiB, $RUNS alternating rounds; $("$JAVA" -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
# seconds of one run of "$@" whose output is $1 (removed first)
t() {
    local out=$1
    shift
    rm -f "$out"
    local t0
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }
    echo "$(date +%s.%N) - $t0" | bc
}
declare -A T
add() { T[$1]="${T[$1]:-} $2"; }
for _ in $(seq "$RUNS"); do
    add cp "$(t "$WORK/o.cp" cp "$WORK/plain" "$WORK/o.cp")"
    add "age -r" "$(t "$WORK/o.age" age -r "$RECIPIENT" -o "$WORK/o.age" "$WORK/plain")"
    add "age -d" "$(t "$WORK/o.aged" age -d -i "$WORK/age.key" -o "$WORK/o.aged" "$WORK/o.age")"
    for j in old new; do
        jar=$OLD_JAR
        [ "$j" = new ] && jar=$NEW_JAR
        add "$j encrypt" "$(t "$WORK/o.$j.kje" "$JAVA" -jar "$jar" encrypt --keystore "$KS" --kmipKeyIdentifier "$MK" -q \
            --in "$WORK/plain" --out "$WORK/o.$j.kje")"
        add "$j decrypt" "$(t "$WORK/o.$j.kjd" "$JAVA" -jar "$jar" decrypt --keystore "$KS" -q --in "$WORK/o.$j.kje" \
            --out "$WORK/o.$j.kjd")"
        add "$j encrypt 1 KiB" "$(t "$WORK/o.$j.small" "$JAVA" -jar "$jar" encrypt --keystore "$KS" --kmipKeyIdentifier "$MK" \
            -q --in "$WORK/small" --out "$WORK/o.$j.small")"
    done
done
cmp "$WORK/plain" "$WORK/o.old.kjd" && cmp "$WORK/plain" "$WORK/o.new.kjd" || { echo "a decryption differs" >&2; exit 1; }
for k in cp "age -r" "age -d" "old encrypt" "new encrypt" "old decrypt" "new decrypt" "old encrypt 1 KiB" "new encrypt 1 KiB"; do
    printf '%-20s median %6.2f s   (%s)\n' "$k" "$(printf '%s\n' ${T[$k]} | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" "${T[$k]# }"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
