#!/usr/bin/env bash
# Dashboard browser benchmark (DESIGN.md section 9): first load, tab switch, snapshot-to-display and
# concurrent sessions against a real `fleetcast run` with the simulator, in Debian's headless Chromium.
# Builds the CLI and the benchmark in Release, then runs it from the repository root; every option
# goes to the benchmark (see --help text in bench/FleetCast.DashboardBench/BenchOptions.cs), e.g.
#   bench/dashboard/run.sh --servers 1000 --runs 5 --out artifacts/dashboard-bench.md
#   bench/dashboard/run.sh --servers 1000 --pages 25,50,100 --skip-browser --out artifacts/sessions.md
# Binds 127.0.0.1 only; each stage is bounded in time (timeouts inside the benchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/FleetCast.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/FleetCast.DashboardBench -c Release -nologo -clp:ErrorsOnly >/dev/null
mkdir -p artifacts
exec dotnet bench/FleetCast.DashboardBench/bin/Release/net10.0/FleetCast.DashboardBench.dll "$@"
