#!/usr/bin/env bash
# HTML report benchmark: what --html adds to a check, for the largest example and a generated 200-server site,
# and the size of the file. Runs the packaged kbsh; the baseline is the same check without --html, in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
T=target-bench-report
RUNS=${RUNS:-5}
# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
./mvnw -B -q -ntp -Dkbsh.target=$T -DskipTests -pl kb-shell -am package
KBSH=kb-shell/$T/kbsh/bin/kbsh
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java bench/report/SiteGenerator.java "$WORK/site-200.json" 200

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run() { # label, environment
  local plain=() html=()
  for _ in $(seq "$RUNS"); do
    local t0; t0=$(ms)
    "$KBSH" --home "$WORK/home" -c "check --env $2 --json" >/dev/null
    local t1; t1=$(ms)
    "$KBSH" --home "$WORK/home" -c "check --env $2 --json --html $WORK/report.html" >/dev/null
    local t2; t2=$(ms)
    plain+=($((t1 - t0))); html+=($((t2 - t1)))
  done
  local p h
  p=$(printf '%s\n' "${plain[@]}" | median); h=$(printf '%s\n' "${html[@]}" | median)
  printf '%-28s check %6s ms   check --html %6s ms   report adds %6s ms   file %8s bytes   ratio %.2f\n' \
    "$1" "$p" "$h" "$(echo "$h - $p" | bc)" "$(stat -c %s "$WORK/report.html")" "$(echo "scale=4; $h / $p" | bc)"
}

echo "kbsh HTML report benchmark, $(nproc) cores, $(java -version 2>&1 | head -1), median of $RUNS runs"
run "example (cluster, 2 sites)" examples/site-q254909-q187225.json
run "generated, 200 servers" "$WORK/site-200.json"
