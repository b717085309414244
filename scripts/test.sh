#!/usr/bin/env bash
# Sets up the machine (see scripts/setup.sh), builds everything in Release and runs the whole
# FleetCast test suite (unit, integration, and browser end-to-end tests). Extra arguments go to
# `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "[test] building (Release)"
dotnet build FleetCast.sln -c Release -nologo -clp:ErrorsOnly
echo "[test] running tests"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test FleetCast.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
