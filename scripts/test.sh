#!/usr/bin/env bash
# Sets up the machine (see scripts/setup.sh) and runs the whole FleetCast test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "[test] building (Release)"
dotnet build FleetCast.sln -c Release -nologo -clp:ErrorsOnly
echo "[test] running tests"
dotnet test FleetCast.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@"
