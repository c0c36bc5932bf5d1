#!/usr/bin/env bash
# Checks benchmark: the five seed checks over 10,000 generated environments (optional argument: count).
set -euo pipefail
cd "$(dirname "$0")/.."
T=target-bench-checks
mvn -B -q -o -Dkbsh.target=$T -pl kb-rules,kb-ini,kb-shell,plugins/q165057,plugins/q254909,plugins/q178532,plugins/q187225,plugins/q166604 -am compile
M2="${MAVEN_REPO:-$HOME/.m2/repository}/com/fasterxml/jackson/core"
CP="kb-model/$T/classes:kb-rules/$T/classes:kb-ini/$T/classes:kb-shell/$T/classes"
for p in q165057 q254909 q178532 q187225 q166604; do CP="$CP:plugins/$p/$T/classes"; done
CP="$CP:$M2/jackson-databind/2.23.0/jackson-databind-2.23.0.jar:$M2/jackson-core/2.23.0/jackson-core-2.23.0.jar"
CP="$CP:$(ls "$M2"/jackson-annotations/2.23*/jackson-annotations-2.23*.jar | head -1)"
java -Xms512m -Xmx512m -cp "$CP" bench/checks/ChecksBench.java "$@"
