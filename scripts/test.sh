#!/usr/bin/env bash
# Sets up and runs every test: unit, engine (real speech), markup, CLI and browser (Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
exec dotnet test TranscribeBlazor.sln --logger "console;verbosity=normal" "$@"
