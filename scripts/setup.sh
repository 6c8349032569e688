#!/usr/bin/env bash
# Installs what the app and its tests need on Debian 12: the .NET 10 SDK (if missing) and Debian packages.
# Usage: scripts/setup.sh [app|test]   (test adds Chromium and the speech test data)
set -euo pipefail

profile="${1:-app}"
packages=(libpocketsphinx3 pocketsphinx-en-us ffmpeg)
if [[ "$profile" == test ]]; then
  packages+=(pocketsphinx-testdata chromium sox libsox-fmt-base libvo-amrwbenc0 redis-server)  # libsox-fmt-base, libvo-amrwbenc0: AMR-NB and AMR-WB test files (Debian's ffmpeg encodes neither); redis-server: the key-ring tests
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "Installing the .NET 10 SDK from Microsoft's Debian 12 feed"
  as_root apt-get install -y -qq --no-install-recommends wget ca-certificates
  wget -q https://packages.microsoft.com/config/debian/12/packages-microsoft-prod.deb -O /tmp/packages-microsoft-prod.deb
  as_root dpkg -i /tmp/packages-microsoft-prod.deb
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dotnet-sdk-10.0
fi

if [[ "$profile" == test ]]; then
  # axe-core, for the browser tests' WCAG checks (pinned by tests/a11y/package-lock.json).
  npm ci --prefix "$(dirname "$0")/../tests/a11y" --no-audit --no-fund --loglevel=error
fi
