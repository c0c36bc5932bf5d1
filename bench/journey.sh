#!/usr/bin/env bash
# The README's journey at the kbsh prompt, in tmux at 80x24 and at 200x50, as a new user with a fresh home
# takes it (ReadmeJourneyIT: every command of the README's shell sections that stays on this machine, each
# question answered, each pager left). Fails on a stack trace or a line the terminal had to wrap, and
# prints the session. Not a timing: a check that the whole journey runs clean at both sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "journey: tmux is not installed (apt-get install tmux)" >&2; exit 2; }
./mvnw -B -ntp verify -pl kb-shell -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ReadmeJourneyIT -Dfailsafe.failIfNoSpecifiedTests=false "$@"
