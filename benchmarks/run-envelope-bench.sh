#!/usr/bin/env bash
# The envelope throughput benchmark (docs/benchmarks.md, "Envelope encryption"): JMH EnvelopeBenchmark
# (envelope encrypt/decrypt next to raw AES-256-GCM of the same provider, SunJCE and ACCP, at 1 KiB,
# 16 KiB, 1 MiB and 16 MiB) on each JDK given in JDKS (default: the java on PATH and
# /usr/lib/jvm/temurin-25-jdk-amd64 when present), then a table of envelope/raw ratios per JDK.
# Builds kmip-jca and the benchmarks jar first (offline when OFFLINE=1).
# JMH options: JMH_OPTS (default "-f 1 -wi 3 -w 1s -i 5 -r 1s"). Results: benchmarks/target/envelope-*.json
# Usage: benchmarks/run-envelope-bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MVN=(mvn -q ${OFFLINE:+-o})
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -w 1s -i 5 -r 1s"}
if [ -z "${JDKS:-}" ]; then
    JDKS=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && JDKS="$JDKS /usr/lib/jvm/temurin-25-jdk-amd64"
fi
"${MVN[@]}" -DskipTests -DskipITs install
"${MVN[@]}" -f benchmarks/pom.xml package
for jdk in $JDKS; do
    v=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.version = //p')
    out=benchmarks/target/envelope-jdk$v.json
    echo "== JDK $v ($jdk); load: $(uptime)"
    # shellcheck disable=SC2086
    "$jdk/bin/java" -jar benchmarks/target/benchmarks.jar 'EnvelopeBenchmark\.' $JMH_OPTS -rf json -rff "$out" \
        | grep -E "^(EnvelopeBenchmark|Benchmark|bulk provider)" || true
    python3 - "$out" "$v" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
score = {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    p = r["params"]
    score[(p["provider"], int(p["size"]), name)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
def fmt_size(s):
    return f"{s >> 20} MiB" if s >= 1 << 20 else f"{s >> 10} KiB"
print(f"\nJDK {sys.argv[2]}: throughput in MB/s (± 99.9% error), envelope / raw")
print("| provider | size | raw encrypt | envelope encrypt | ratio | raw decrypt | envelope decrypt | ratio |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for prov in ("SunJCE", "ACCP"):
    for size in sorted({k[1] for k in score if k[0] == prov}):
        cells = []
        for op in ("Encrypt", "Decrypt"):
            raw, env = score.get((prov, size, "raw" + op)), score.get((prov, size, "envelope" + op))
            if not raw or not env:
                cells += ["-", "-", "-"]
                continue
            mb = lambda t: f"{t[0] * size / 1e6:,.0f} ± {t[1] * size / 1e6:,.0f}"
            cells += [mb(raw), mb(env), f"{env[0] / raw[0]:.2f}"]
        print(f"| {prov} | {fmt_size(size)} | " + " | ".join(cells) + " |")
PY
done
