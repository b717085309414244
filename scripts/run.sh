#!/usr/bin/env bash
# Sets up the machine, builds FleetCast and runs it on its embedded defaults: a simulated fleet
# of 90 servers, SQLite under ./data, the dashboard and API on http://localhost:8000.
# Extra arguments go to `fleetcast run` (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
FLEETCAST_SETUP_BROWSER=0 bash scripts/setup.sh
echo "[run] building (Release)"
dotnet build src/FleetCast.Cli -c Release -nologo -clp:ErrorsOnly
exec dotnet run --project src/FleetCast.Cli -c Release --no-build -- run --open-browser "$@"
