#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine for FleetCast: the C++ runtime TorchSharp needs,
# Chromium, Alertmanager, node_exporter and Prometheus for the tests (skipped when FLEETCAST_SETUP_BROWSER=0, as run.sh does), and the dashboard's npm packages. Safe to run again:
# every step checks first and says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    say "refreshing the apt package lists"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
}

libstdcxx_path() {
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}'
}

has_glibcxx_3_4_32() {
  local lib
  lib="$(libstdcxx_path)"
  [ -n "$lib" ] && grep -aq 'GLIBCXX_3\.4\.32' "$lib"
}

# TorchSharp-cpu 0.107.0 is linked against GLIBCXX_3.4.32; Debian 12 ships 3.4.30. Take only
# libstdc++6 (and the libc6 it needs) from Debian 13, pinned low so nothing else moves.
ensure_cxx_runtime() {
  if has_glibcxx_3_4_32; then
    say "C++ runtime already provides GLIBCXX_3.4.32 (needed by TorchSharp): nothing to do"
    return
  fi
  say "C++ runtime lacks GLIBCXX_3.4.32, which TorchSharp needs"
  local sources=/etc/apt/sources.list.d/debian.sources
  local mirror
  mirror="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' "$sources" 2>/dev/null || true)"
  if [ -z "$mirror" ]; then
    mirror="$(awk '/^deb / && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  if [ -z "$mirror" ]; then
    say "ERROR: could not find the Debian mirror in the system's apt sources"; exit 1
  fi
  say "adding Debian 13 (trixie) from the system's own mirror as a low-priority apt source (pin 100)"
  $SUDO tee /etc/apt/sources.list.d/fleetcast-trixie.sources >/dev/null <<SRC
Types: deb
URIs: ${mirror}
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  $SUDO tee /etc/apt/preferences.d/fleetcast-trixie >/dev/null <<PIN
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt_updated=0
  apt_update_once
  say "installing libstdc++6 from trixie (this also upgrades libc6)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -t trixie libstdc++6
  has_glibcxx_3_4_32 || { say "ERROR: GLIBCXX_3.4.32 still missing after the upgrade"; exit 1; }
  say "C++ runtime now provides GLIBCXX_3.4.32"
}

ensure_package() {
  local cmd="$1" pkg="$2" why="$3"
  if command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ]; then
    say "$pkg present ($why)"
    return
  fi
  apt_update_once
  say "installing $pkg ($why)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$pkg"
}

ensure_npm_packages() {
  if [ -f src/FleetCast.Dashboard/package.json ]; then
    if [ ! -d src/FleetCast.Dashboard/node_modules ]; then
      say "installing the dashboard's npm packages (ECharts, bundler)"
      (cd src/FleetCast.Dashboard && npm ci --no-audit --no-fund --loglevel=error)
    else
      say "dashboard npm packages present"
    fi
  fi
}

command -v dotnet >/dev/null 2>&1 || { say "ERROR: the .NET 10 SDK (dotnet) is required"; exit 1; }
ensure_cxx_runtime
if [ "${FLEETCAST_SETUP_BROWSER:-1}" = "1" ]; then
  ensure_package /usr/bin/chromium chromium "headless browser for the dashboard tests"
  ensure_package /usr/bin/prometheus-alertmanager prometheus-alertmanager "the alert routing integration test delivers to a real Alertmanager"
  # The tests start their own instances on free loopback ports; the packages' services are not needed
  # (where the package manager starts them, they listen on :9100 and :9090 and can be stopped).
  ensure_package /usr/bin/prometheus-node-exporter prometheus-node-exporter "the sources integration tests scrape a real node_exporter"
  ensure_package /usr/bin/prometheus prometheus "the sources integration tests query a real Prometheus scraping that node_exporter"
fi
ensure_package sqlite3 sqlite3 "command-line access to the data directory's database"
ensure_npm_packages
say "done"
