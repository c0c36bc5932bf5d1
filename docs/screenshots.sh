#!/usr/bin/env bash
# Regenerates docs/images/report-*.png: the HTML report of each example site, as headless Chromium shows it.
# Made with a fresh kbsh home, so no imported archive text can reach the pictures (only the plugins' summaries).
# Needs the built distribution (./mvnw -DskipTests package) and Chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
KBSH=kb-shell/target/kbsh/bin/kbsh
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -x "$KBSH" ] || { echo "screenshots: build kbsh first: ./mvnw -DskipTests package" >&2; exit 1; }
[ -n "$CHROMIUM" ] || { echo "screenshots: no Chromium (apt-get install chromium)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r examples "$WORK/examples"
for site in site-q254909-q187225 site-q178532-ssl site-healthy; do
  "$KBSH" --home "$WORK/home" -c "check --env $WORK/examples/$site.json --html $WORK/$site.html" >/dev/null
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$WORK/chromium" --hide-scrollbars \
    --window-size=1280,1100 --screenshot="docs/images/report-$site.png" "file://$WORK/$site.html" >/dev/null 2>&1
  echo "docs/images/report-$site.png"
done
