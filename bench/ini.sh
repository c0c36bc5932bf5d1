#!/usr/bin/env bash
# kb-ini benchmark: parse + one edit + write of a 10 MB INI file (optional argument: size in MB).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -Dkbsh.target=target-bench -pl kb-ini -am compile
java -Xms1g -Xmx1g -cp kb-ini/target-bench/classes:kb-model/target-bench/classes bench/ini/IniBench.java "$@"
