#!/usr/bin/env bash
# Sets up and starts the app on the offline engine (PocketSphinx). Open the URL it prints.
# ASPNETCORE_URLS chooses the address (default http://localhost:5000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
exec dotnet run --project src/TranscribeBlazor -c Release "$@"
