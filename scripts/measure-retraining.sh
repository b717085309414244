#!/usr/bin/env bash
# Retraining time on this machine and the engine's step time meanwhile (docs/performance.md, "Retraining").
# Needs a Release build (dotnet build FleetCast.sln -c Release); writes under $OUT (default /tmp/retrain-measure).
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/retrain-measure}
BIN=src/FleetCast.Cli/bin/Release/net10.0
mkdir -p $OUT
rm -rf $OUT/data
export FLEETCAST__RETRAINING__AUTO=false FLEETCAST__RETRAINING__EPOCHS=${EPOCHS:-1}
PORT=${PORT:-8791}
dotnet $BIN/fleetcast.dll run --data-dir $OUT/data --servers 20 --backfill-steps 2016 --speed 0.2 --port $PORT > $OUT/server.log 2>&1 &
SERVER=$!
echo "server pid $SERVER"
until curl -sf http://127.0.0.1:$PORT/api/v1/status >/dev/null; do sleep 2; done
step() { curl -s http://127.0.0.1:$PORT/metrics | awk '/^fleetcast_snapshot_step_seconds_sum/ {s=$2} /^fleetcast_snapshot_step_seconds_count/ {c=$2} END {print s, c}'; }
sleep 30
read s0 c0 < <(step); sleep 120; read s1 c1 < <(step)
echo "before: steps $((${c1%.*}-${c0%.*})) mean step ms $(echo "($s1-$s0)/($c1-$c0)*1000" | bc -l)"
t0=$(date +%s)
JOB=$(curl -s -X POST -H 'Content-Type: application/json' -d '{}' http://127.0.0.1:$PORT/api/v1/admin/models/retrain)
echo "job: $JOB"
ID=$(echo "$JOB" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
read s2 c2 < <(step)
while true; do
  sleep 20
  J=$(curl -s http://127.0.0.1:$PORT/api/v1/admin/models/jobs/$ID)
  STATE=$(echo "$J" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d["state"], "|", d["phase"])')
  echo "$(( $(date +%s) - t0 )) s: $STATE"
  case "$STATE" in running*) ;; *) break;; esac
done
t1=$(date +%s)
read s3 c3 < <(step)
echo "retraining wall time: $((t1-t0)) s"
echo "during: steps $((${c3%.*}-${c2%.*})) mean step ms $(echo "($s3-$s2)/($c3-$c2)*1000" | bc -l)"
echo "job: $J"
curl -s http://127.0.0.1:$PORT/api/v1/models > $OUT/models.json
kill $SERVER
wait $SERVER
echo done
