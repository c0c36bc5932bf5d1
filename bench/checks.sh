#!/usr/bin/env bash
# Checks benchmark: the five seed checks over 10,000 generated environments (optional argument: count).
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
java -Xms512m -Xmx512m -cp "$CP" bench/checks/ChecksBench.java "$@"
