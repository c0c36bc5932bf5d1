#!/bin/sh
# Start-up benchmark: `kbsh -c version` (every bundled plugin loaded and validated on the way) against a
# bare JVM running a one-line main, in the same run, alternating, N runs each; prints medians and ratio.
# Usage: bench/startup.sh [RUNS]   (default 21)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
RUNS=${1:-21}
DIST=$ROOT/kb-shell/target/kbsh
# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
[ -x "$DIST/bin/kbsh" ] || (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
javac -d "$WORK" "$WORK/Hello.java"

now() { date +%s%N; }
time_kbsh() { s=$(now); "$DIST/bin/kbsh" --home "$WORK/home" -c version >/dev/null; e=$(now); echo $(( (e - s) / 1000 )); }
time_bare() { s=$(now); java -XX:+UseSerialGC -XX:-UsePerfData -cp "$WORK" Hello >/dev/null; e=$(now); echo $(( (e - s) / 1000 )); }

# Warm-up: the first kbsh run also writes the AppCDS archive.
time_kbsh >/dev/null; time_kbsh >/dev/null; time_bare >/dev/null
# Check that version really loads every plugin: the same start-up path must list all five.
loaded=$("$DIST/bin/kbsh" --home "$WORK/home" -c plugins | head -n 1)

: > "$WORK/kbsh.txt"; : > "$WORK/bare.txt"
i=0
while [ $i -lt "$RUNS" ]; do
  time_kbsh >> "$WORK/kbsh.txt"
  time_bare >> "$WORK/bare.txt"
  i=$((i + 1))
done
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m / 1e6 }'; }
k=$(median "$WORK/kbsh.txt"); b=$(median "$WORK/bare.txt")
echo "plugins: $loaded"
echo "runs: $RUNS each, alternating, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
echo "kbsh -c version  median ${k} s"
echo "bare JVM hello   median ${b} s"
echo "ratio            $(awk -v k="$k" -v b="$b" 'BEGIN { printf "%.1fx", k / b }')"
echo "target           kbsh median <= 0.350 s: $(awk -v k="$k" 'BEGIN { print (k <= 0.35) ? "met" : "NOT met" }')"
