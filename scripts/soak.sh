#!/usr/bin/env bash
# The long soak: N browser sessions in a row (default 200) against the app in its own process, then
# its decoders, descriptors, sockets, child processes, circuits and memory compared with before.
# Usage: scripts/soak.sh [sessions]     (CI runs the same test with 18)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
SOAK_SESSIONS="${1:-200}" exec dotnet test tests/TranscribeBlazor.Tests --filter "FullyQualifiedName~SoakTests" --logger "console;verbosity=detailed"
