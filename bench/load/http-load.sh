#!/usr/bin/env bash
# Loopback HTTP load on a real FleetCast server (wrk from Debian's packages).
# Starts `fleetcast run` with the simulator at --servers N, waits for the first snapshot, then drives
# each route for a fixed time with a fixed number of connections, and stops the server.
# Usage: bench/load/http-load.sh [servers=1000] [seconds=15] [connections=32]
# Targets 127.0.0.1 only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
servers="${1:-1000}"; seconds="${2:-15}"; connections="${3:-32}"
port="${FLEETCAST_BENCH_PORT:-18080}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
data="$(mktemp -d)"
dotnet build src/FleetCast.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet run --project src/FleetCast.Cli -c Release --no-build -- run --port "$port" --data-dir "$data" \
  --servers "$servers" --speed 1 >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/api/v1/fleet" && break
  sleep 0.5
done
curl -fs -o /dev/null "$base/api/v1/fleet" || { echo "server did not serve a snapshot"; tail -20 "$data/server.log"; exit 1; }
# The simulator back-fills its history first (about 30 s at 170 % CPU for 1,000 servers); measuring
# during it would measure the back-fill.
for _ in $(seq 1 240); do
  grep -q "Backfilled" "$data/server.log" && break
  sleep 0.5
done
grep -q "Backfilled" "$data/server.log" || echo "warning: the simulator's back-fill did not finish within 2 minutes"
curl -fs "$base/api/v1/fleet" -o "$data/fleet.json"
first="$(grep -o '"name":"[^"]*"' "$data/fleet.json" | sed -n '1s/"name":"\(.*\)"/\1/p')"
size_plain="$(wc -c < "$data/fleet.json")"
size_gzip="$(curl -fs -H 'Accept-Encoding: gzip' "$base/api/v1/fleet" | wc -c)"
size_br="$(curl -fs -H 'Accept-Encoding: br' "$base/api/v1/fleet" | wc -c)"
echo "servers=$servers fleet snapshot bytes: plain=$size_plain gzip=$size_gzip br=$size_br"
echo "forecaster: $(curl -fs "$base/api/v1/status" | grep -o '"primary":"[^"]*"' | head -1)"
run() {
  local name="$1" path="$2" encoding="$3"
  echo "== $name ($path, Accept-Encoding: ${encoding:-identity}, ${connections} connections, ${seconds}s)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency ${encoding:+-H "Accept-Encoding: $encoding"} "$base$path" \
    | grep -E 'Requests/sec|Transfer/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors'
}
run "fleet snapshot" /api/v1/fleet br
run "fleet snapshot" /api/v1/fleet gzip
run "status" /api/v1/status ""
run "server row" "/api/v1/servers/$first/summary" ""
run "healthz" /healthz ""
# $pid is `dotnet run`; the server is its child process.
server_pid="$(pgrep -P "$pid" -f fleetcast | head -1 || true)"
echo "server RSS (KiB): $(ps -o rss= -p "${server_pid:-$pid}" | tr -d ' ')"
