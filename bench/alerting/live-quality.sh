#!/usr/bin/env bash
# Live alert quality on the simulated fleet (issue 12), on loopback only, bounded in time:
#  1. start `fleetcast run` on a fresh data directory (two simulated days back-filled first);
#  2. healthy scenario for STEPS simulated steps: every second, read /api/v1/fleet and count servers
#     shown healthy (or below warning) that carry a firing critical alert; then count the critical
#     alerts that started in that period (per server-day) and any alert that started during back-fill;
#  3. cascade scenario: every second for 30 s, the share of the affected servers at warning or worse
#     with at least one firing alert.
# Usage: bench/alerting/live-quality.sh [SERVERS=90] [SPEED=5] [STEPS=288] [SEED=42]
# Needs: dotnet, curl, jq. Prints a Markdown summary; the server's log stays in the printed directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
servers=${1:-90}
speed=${2:-5}
steps=${3:-288}
seed=${4:-42}
step_seconds=300
dir=$(mktemp -d /tmp/fleetcast-live-quality.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:${port}"

dotnet build src/FleetCast.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet run --project src/FleetCast.Cli -c Release --no-build -- run --port "$port" --data-dir "$dir/data" \
  --servers "$servers" --speed "$speed" --seed "$seed" >"$dir/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

deadline=$((SECONDS + 300))
until grep -q "Backfilled" "$dir/server.log"; do
  [ $SECONDS -lt $deadline ] || { echo "no back-fill within 300 s; see $dir/server.log" >&2; exit 1; }
  sleep 1
done
until curl -sf "$base/api/v1/fleet" -o "$dir/fleet.json"; do sleep 1; done
# The healthy period starts at the back-fill's last step (the first step computed after it is over).
start=$(grep -o 'data time now [^)]*' "$dir/server.log" | head -1 | cut -d' ' -f4)
start_s=$(date -d "$start" +%s)
end_s=$((start_s + steps * step_seconds))
echo "[live-quality] back-fill done; healthy scenario from data time $start for $steps steps (speed $speed)" >&2

reads=0
violations=0
below_warning_with_critical=0
while :; do
  curl -sf "$base/api/v1/fleet" -o "$dir/fleet.json" || { sleep 1; continue; }
  reads=$((reads + 1))
  # servers shown healthy with a firing critical alert; servers below warning with one
  read -r healthy_bad below_bad < <(jq -r '
    ([.alerts[] | select(.severity == "critical") | .server] | unique) as $crit
    | [.servers[] | select(.name as $n | $crit | index($n))] as $s
    | "\([$s[] | select(.level == "healthy")] | length) \([$s[] | select(.level == "healthy" or .level == "watch" or .level == "degrading")] | length)"' "$dir/fleet.json")
  violations=$((violations + healthy_bad))
  below_warning_with_critical=$((below_warning_with_critical + below_bad))
  now_s=$(date -d "$(jq -r .dataTime "$dir/fleet.json")" +%s)
  [ "$now_s" -lt "$end_s" ] || break
  sleep 1
done
end=$(jq -r .dataTime "$dir/fleet.json")

from=$(date -u -d "@$start_s" +%Y-%m-%dT%H:%M:%SZ)
curl -sfG "$base/api/v1/alerts/history" --data-urlencode "from=$from" --data-urlencode "to=$end" -o "$dir/history.json"
# started at or after the healthy period's start (times as seconds: the API writes +00:00 offsets)
since='def t: sub("(\\.[0-9]+)?(\\+00:00|Z)$"; "Z") | fromdateiso8601; [.alerts[] | select((.startedAt | t) >= $from)]'
critical=$(jq --argjson from "$start_s" "$since"' | map(select(.peakSeverity == "critical")) | length' "$dir/history.json")
warning=$(jq --argjson from "$start_s" "$since"' | map(select(.peakSeverity == "warning")) | length' "$dir/history.json")
# A critical alert's likelihood is its headline's latest: "now" once the value itself is over the threshold.
by_headline=$(jq -r --argjson from "$start_s" "$since"' | map(select(.peakSeverity == "critical")) | "\(map(select(.likelihood == "now")) | length) / \(map(select(.likelihood != "now")) | length)"' "$dir/history.json")
by_outcome=$(jq -r --argjson from "$start_s" "$since"' | map(select(.peakSeverity == "critical" and .likelihood != "now")) | "\(map(select(.outcome == "came-true")) | length) / \(map(select(.outcome == "did-not-happen")) | length) / \(map(select(.outcome == "open")) | length)"' "$dir/history.json")
by_metric=$(jq -r --argjson from "$start_s" "$since"' | map(select(.peakSeverity == "critical") | .metric) | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$dir/history.json")
curl -sfG "$base/api/v1/alerts/history" --data-urlencode "from=2000-01-01T00:00:00Z" --data-urlencode "to=$from" -o "$dir/backfill-history.json"
backfill_alerts=$(jq --argjson from "$start_s" 'def t: sub("(\\.[0-9]+)?(\\+00:00|Z)$"; "Z") | fromdateiso8601; [.alerts[] | select((.startedAt | t) < $from)] | length' "$dir/backfill-history.json")
server_days=$(python3 -c "print($servers * ($(date -d "$end" +%s) - $start_s) / 86400)")
per_day=$(python3 -c "print(round($critical / $server_days, 3))")

# Cascade
curl -sf -X PUT -H 'Content-Type: application/json' -d '{"scenario":"cascade"}' "$base/api/v1/admin/scenario" -o "$dir/cascade.json"
jq -r '.affectedServers // .affected // [] | .[]' "$dir/cascade.json" >"$dir/affected.txt"
affected=$(wc -l <"$dir/affected.txt")
cascade_start=$SECONDS
reached_at=""
best=0
while [ $((SECONDS - cascade_start)) -lt 30 ]; do
  curl -sf "$base/api/v1/fleet" -o "$dir/fleet.json" || { sleep 1; continue; }
  share=$(jq --rawfile names "$dir/affected.txt" -r '
    ($names | split("\n") | map(select(length > 0))) as $aff
    | ([.alerts[].server] | unique) as $alerting
    | [.servers[] | select(.name as $n | ($aff | index($n)) and ($alerting | index($n)) and (.level | IN("warning", "danger", "critical", "imminent-failure")))] | length' "$dir/fleet.json")
  [ "$share" -gt "$best" ] && best=$share
  if [ -z "$reached_at" ] && [ "$affected" -gt 0 ] && [ $((share * 100)) -ge $((affected * 80)) ]; then
    reached_at=$((SECONDS - cascade_start))
  fi
  sleep 1
done

cat <<EOF
## Live alert quality: $servers servers, speed $speed, seed $seed ($(date -u +%Y-%m-%dT%H:%MZ))

| what | measured |
|---|---|
| healthy scenario | $start → $end ($server_days server-days), $reads fleet reads |
| server-reads shown healthy with a firing critical alert | $violations |
| server-reads below warning (healthy, watch, degrading) with a firing critical alert | $below_warning_with_critical |
| critical alerts started (per server-day) | $critical ($per_day) |
| by metric | ${by_metric:-none} |
| critical: headline on a current breach / still predictive | $by_headline |
| critical, still predictive: came true / did not happen / open at the end | $by_outcome |
| warning alerts started | $warning |
| alerts started during the back-fill | $backfill_alerts |
| cascade: affected servers | $affected |
| cascade: most affected at warning or worse with an alert, within 30 s | $best |
| cascade: seconds until 80 % were | ${reached_at:-not within 30 s} |

Server log and the JSON read: $dir
EOF
