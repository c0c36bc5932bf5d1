#!/usr/bin/env bash
# Article benchmarks over the KB archive: parse throughput against `unzip -p … > /dev/null` (same run, with
# ratio), full import time, index open time, search latency p50/p99 over 1,000 mixed queries.
# Usage: bench/article.sh [PATH/kbarchive-txt.zip]   (default ../shared/kbarchive/kbarchive-txt.zip)
set -euo pipefail
cd "$(dirname "$0")/.."
ZIP=${1:-../shared/kbarchive/kbarchive-txt.zip}
[ -f "$ZIP" ] || { echo "skipped: $ZIP is absent (the KB archive data is not on this machine)"; exit 0; }
# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
./mvnw -B -q -ntp -Dkbsh.target=target-bench -pl kb-shell -am compile dependency:build-classpath \
    -Dmdep.outputFile=target-bench/bench.classpath -Dmdep.includeScope=runtime
CP="kb-shell/target-bench/classes:$(cat kb-shell/target-bench/bench.classpath)"

# Baseline: plain decompression of the same zip, best of three.
best=999999
for i in 1 2 3; do
  s=$(date +%s%N); unzip -p "$ZIP" > /dev/null; e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 )); [ $ms -lt $best ] && best=$ms
done
echo "unzip -p > /dev/null: $(awk -v m=$best 'BEGIN { printf "%.2f", m / 1000 }') s (best of 3)"
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
java -Xms1g -Xmx2g -cp "$CP" bench/article/ArticleBench.java "$ZIP" "$HOME_DIR" | tee /tmp/kbsh-article-bench.$$
java -cp "$CP" bench/article/ArticleBench.java --open "$HOME_DIR"
p1=$(awk '/^PARSE_SECONDS/ { print $2 }' /tmp/kbsh-article-bench.$$)
pn=$(awk '/^PARSE_SECONDS/ { print $3 }' /tmp/kbsh-article-bench.$$)
rm -f /tmp/kbsh-article-bench.$$
awk -v a="$p1" -v b="$pn" -v u="$best" 'BEGIN { printf "parse / unzip ratio: %.2f on 1 thread, %.2f on all cores (target <= 2)\n", a / (u / 1000), b / (u / 1000) }'
