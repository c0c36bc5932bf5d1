#!/usr/bin/env bash
# kb-net benchmark (loopback only): 2,000 SMTP greeting probes against servers that greet after 1 s, and a
# 1,000-port TCP connect sweep compared with nmap -sT over the same ports. Installs nmap (Debian) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v nmap >/dev/null 2>&1; then
    echo "nmap: found $(nmap --version | head -1)"
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "nmap: not found; installing the Debian package"
    apt-get install -y nmap >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y nmap >/dev/null 2>&1; } || true
    command -v nmap >/dev/null 2>&1 && echo "nmap: installed $(nmap --version | head -1)" || echo "nmap: could not be installed; the sweep runs without a baseline"
else
    echo "nmap: not found and cannot be installed here; the sweep runs without a baseline"
fi
NMAP=$(command -v nmap || echo -)

# The wrapper fetches Maven and the build fetches what it lacks: this runs on a machine that never built kbsh.
./mvnw -B -q -ntp -Dkbsh.target=target-bench -pl kb-net -am compile dependency:build-classpath \
    -Dmdep.outputFile=target-bench/bench.classpath -Dmdep.includeScope=runtime
CP="kb-net/target-bench/classes:$(cat kb-net/target-bench/bench.classpath)"

ulimit -n 16384 2>/dev/null || true
SWEEP_START=20000
SWEEP_COUNT=1000

# The servers run in their own JVM so that the probing JVM's memory is measured alone; closing their
# stdin (a fifo held open here) ends them.
WORK=$(mktemp -d)
mkfifo "$WORK/stdin"
java bench/net/GreetingServer.java "$SWEEP_START" "$SWEEP_COUNT" 8 <"$WORK/stdin" >"$WORK/ready" &
SERVER=$!
exec 3>"$WORK/stdin"
trap 'exec 3>&-; kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 150); do grep -q '^ready' "$WORK/ready" 2>/dev/null && break; sleep 0.1; done
read -r _ OPEN PORTS < "$WORK/ready"
echo "servers: $OPEN open ports in $SWEEP_START-$((SWEEP_START + SWEEP_COUNT - 1)); greeting listeners on $PORTS"

java ${BENCH_JAVA_OPTS:-} -cp "$CP" bench/net/NetBench.java "$SWEEP_START" "$SWEEP_COUNT" "$OPEN" "$NMAP" $PORTS
