#!/usr/bin/env bash
# Sets up and runs every test: unit, engine (real speech), markup, CLI and browser (Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# The full log runs to ~20,000 lines and CI shows only part of it, so a failed run ends by repeating
# each failed test with its message and stack.
log=$(mktemp /tmp/transcribeblazor-test.XXXXXX.log)
status=0
dotnet test TranscribeBlazor.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
if (( status != 0 )); then
  echo
  echo "== failed tests (repeated from above) =="
  awk '/^  Failed / { show = 1 } /^  Passed |^  Skipped |^\[xUnit|^info: |^warn: |^fail: / { show = 0 } show' "$log" | head -400
fi
rm -f "$log"
exit "$status"
