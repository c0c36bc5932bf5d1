#!/usr/bin/env bash
# kb-ini benchmark: parse + one edit + write of a 10 MB INI file (optional argument: size in MB).
set -euo pipefail
cd "$(dirname "$0")/.."
# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
./mvnw -B -q -ntp -Dkbsh.target=target-bench -pl kb-ini -am compile dependency:build-classpath \
    -Dmdep.outputFile=target-bench/bench.classpath -Dmdep.includeScope=runtime
java -Xms1g -Xmx1g -cp "kb-ini/target-bench/classes:$(cat kb-ini/target-bench/bench.classpath)" bench/ini/IniBench.java "$@"
