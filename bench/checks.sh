#!/usr/bin/env bash
# Checks benchmark: the five seed checks and the rule packs' rules over 10,000 generated environments,
# Java checks only, rules only and all together, side by side (optional argument: count).
# FIRST_RUNS: fresh JVMs whose first pass is judged (default 5).
# RULES: the rule pack directories (':'-separated); default the bundled pack (plugins/rules-exchange) when
# it exists, else the example pack of kbsh's own tests.
set -euo pipefail
cd "$(dirname "$0")/.."
T=target-bench-checks
PLUGINS="q165057 q254909 q178532 q187225 q166604"
# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
# kb-shell's run-time class path holds the API modules and the runner; the plugins' classes go beside it.
./mvnw -B -q -ntp -Dkbsh.target=$T -pl "kb-shell,$(printf 'plugins/%s,' $PLUGINS | sed 's/,$//')" -am \
    compile dependency:build-classpath -Dmdep.outputFile=$T/bench.classpath -Dmdep.includeScope=runtime
CP="kb-shell/$T/classes:$(cat kb-shell/$T/bench.classpath)"
for p in $PLUGINS; do CP="$CP:plugins/$p/$T/classes"; done
if [ -z "${RULES:-}" ]; then
  RULES=$(find plugins/rules-exchange -name kbsh-pack.yaml -not -path '*/target/*' -printf '%h\n' 2>/dev/null | head -n 1 || true)
  RULES=${RULES:-kb-shell/src/test/resources/io/kbsh/shell/rules/example-pack}
fi
# The JVM options of kbsh's launcher (kb-shell/src/dist/bin/kbsh), so that the checks run as in the shell.
bench() { java -Xmx512m -XX:+UseSerialGC -XX:-UsePerfData -Dkbsh.bench.rules="$RULES" -cp "$CP" "$@"; }
# The first pass of a fresh JVM is judged on the median of FIRST_RUNS JVMs (default 5: four that run only the
# warm-up and that pass, then the full run's own), as one JVM's varies by a quarter with the JIT and the host.
FIRST_RUNS=${FIRST_RUNS:-5}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
firsts=""
for i in $(seq 2 "$FIRST_RUNS"); do
  bench -Dkbsh.bench.firstPassOnly=true bench/checks/ChecksBench.java "$@" > "$OUT"
  line=$(grep '^first pass only:' "$OUT")
  echo "fresh JVM $((i - 1)): $line"
  firsts="$firsts $(echo "$line" | awk '{print $4}')"
done
bench bench/checks/ChecksBench.java "$@" | tee "$OUT"
firsts="$firsts $(sed -n 's/^all checks in a fresh JVM: first pass \([0-9.]*\) ms.*/\1/p' "$OUT")"
median=$(printf '%s\n' $firsts | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
verdict=$(awk -v m="$median" 'BEGIN {print (m <= 2000 ? "met" : "NOT met")}')
echo "first pass in a fresh JVM, $(printf '%s\n' $firsts | wc -l) JVMs:$(printf ' %s' $firsts) ms; median $median ms (target 2000 ms: $verdict)"
