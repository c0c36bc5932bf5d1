#!/bin/sh
# Start-up benchmark: `kbsh -c version` (every bundled plugin and rule pack loaded and validated on the way)
# with the bundled rule packs and without them, against a bare JVM running a one-line main, in the same run,
# alternating, N runs each; prints medians, the ratio and what the rule packs add.
# Then the first check of a shell: `kbsh -c "env load EXAMPLE; check"` (the bundled example environment), with
# and without the rule packs, CHECK_RUNS runs each: what every batch check pays before its first finding, the rules'
# compile included (a rule validated before is compiled when first used, from the checked form of its expressions).
# Usage: bench/startup.sh [RUNS [CHECK_RUNS]]   (defaults 21 and 7)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
RUNS=${1:-21}
CHECK_RUNS=${2:-7}
DIST=$ROOT/kb-shell/target/kbsh
# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
[ -x "$DIST/bin/kbsh" ] || (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
javac -d "$WORK" "$WORK/Hello.java"

# "Without": a copy of the distribution whose plugins/ holds no rule pack (a directory with kbsh-pack.yaml,
# or a JAR with META-INF/kbsh/rules/kbsh-pack.yaml). When the distribution bundles none, "with" adds the
# example pack of kbsh's own tests, so the comparison always measures a pack.
cp -a "$DIST" "$WORK/without"
packs=0
for p in "$WORK/without/plugins"/*; do
  [ -e "$p" ] || continue
  if [ -f "$p/kbsh-pack.yaml" ] || { [ -f "$p" ] && unzip -l "$p" 2>/dev/null | grep -q 'META-INF/kbsh/rules/kbsh-pack.yaml'; }; then
    rm -rf "$p"; packs=$((packs + 1))
  fi
done
EXTRA=""
if [ "$packs" -eq 0 ]; then
  mkdir -p "$WORK/extra"
  cp -r "$ROOT/kb-shell/src/test/resources/io/kbsh/shell/rules/example-pack" "$WORK/extra/example-pack"
  chmod -R go-w "$WORK/extra"
  EXTRA="--plugins $WORK/extra"
fi

now() { date +%s%N; }
# shellcheck disable=SC2086
time_with() { s=$(now); "$DIST/bin/kbsh" --home "$WORK/home" $EXTRA -c version >/dev/null; e=$(now); echo $(( (e - s) / 1000 )); }
time_without() { s=$(now); "$WORK/without/bin/kbsh" --home "$WORK/home2" -c version >/dev/null; e=$(now); echo $(( (e - s) / 1000 )); }
EXAMPLE=examples/site-v2-tailspin.json
# shellcheck disable=SC2086
time_check_with() { s=$(now); "$DIST/bin/kbsh" --home "$WORK/home" $EXTRA -c "env load $DIST/$EXAMPLE; check" >/dev/null 2>&1; e=$(now); echo $(( (e - s) / 1000 )); }
time_check_without() { s=$(now); "$WORK/without/bin/kbsh" --home "$WORK/home2" -c "env load $WORK/without/$EXAMPLE; check" >/dev/null 2>&1; e=$(now); echo $(( (e - s) / 1000 )); }
time_bare() { s=$(now); java -XX:+UseSerialGC -XX:-UsePerfData -cp "$WORK" Hello >/dev/null; e=$(now); echo $(( (e - s) / 1000 )); }

# Warm-up: the first kbsh runs also write the AppCDS archives.
time_with >/dev/null; time_with >/dev/null; time_without >/dev/null; time_without >/dev/null; time_bare >/dev/null
# Check that version really loads every plugin: the same start-up path must list them, packs included.
# shellcheck disable=SC2086
loaded=$("$DIST/bin/kbsh" --home "$WORK/home" $EXTRA -c plugins | head -n 1)
# shellcheck disable=SC2086
rules=$("$DIST/bin/kbsh" --home "$WORK/home" $EXTRA -c "rules list" | grep -c '^  Q' || true)

: > "$WORK/with.txt"; : > "$WORK/without.txt"; : > "$WORK/bare.txt"
i=0
while [ $i -lt "$RUNS" ]; do
  time_with >> "$WORK/with.txt"
  time_without >> "$WORK/without.txt"
  time_bare >> "$WORK/bare.txt"
  i=$((i + 1))
done
# shellcheck disable=SC2086
checked=$("$DIST/bin/kbsh" --home "$WORK/home" $EXTRA -c "env load $DIST/$EXAMPLE; check" 2>/dev/null | grep -E 'articles checked' || true)
time_check_with >/dev/null; time_check_without >/dev/null
: > "$WORK/check-with.txt"; : > "$WORK/check-without.txt"
i=0
while [ $i -lt "$CHECK_RUNS" ]; do
  time_check_with >> "$WORK/check-with.txt"
  time_check_without >> "$WORK/check-without.txt"
  i=$((i + 1))
done
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m / 1e6 }'; }
k=$(median "$WORK/with.txt"); w=$(median "$WORK/without.txt"); b=$(median "$WORK/bare.txt")
echo "plugins: $loaded; rules in packs: $rules ($( [ -n "$EXTRA" ] && echo "the example pack, the distribution bundles none" || echo "$packs bundled pack(s)"))"
echo "runs: $RUNS each, alternating, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
echo "kbsh -c version, with the rule packs     median ${k} s"
echo "kbsh -c version, without the rule packs  median ${w} s"
echo "bare JVM hello                           median ${b} s"
echo "ratio (with / bare)                      $(awk -v k="$k" -v b="$b" 'BEGIN { printf "%.1fx", k / b }')"
echo "rule packs add                           $(awk -v k="$k" -v w="$w" 'BEGIN { printf "%+.1f%%", (k / w - 1) * 100 }') (target within 5%: $(awk -v k="$k" -v w="$w" 'BEGIN { print (k <= w * 1.05) ? "met" : "NOT met" }'))"
echo "target                                   kbsh median <= 0.350 s: $(awk -v k="$k" 'BEGIN { print (k <= 0.35) ? "met" : "NOT met" }')"
cw=$(median "$WORK/check-with.txt"); cn=$(median "$WORK/check-without.txt")
echo "first check ($EXAMPLE, $CHECK_RUNS runs each, alternating): ${checked:-no summary line}"
echo "kbsh -c 'env load; check', with the rule packs     median ${cw} s"
echo "kbsh -c 'env load; check', without the rule packs  median ${cn} s"
echo "rule packs add to a first check                  $(awk -v k="$cw" -v w="$cn" 'BEGIN { printf "%+.3f s", k - w }')"
