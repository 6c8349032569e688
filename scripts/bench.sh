#!/usr/bin/env bash
# The benchmark: whole product against Debian's bare pocketsphinx_continuous on the same samples,
# allocations per audio chunk, first partial while a 1 MB and a 200 MB file still arrive, 6 and 8
# sessions at real-time pace, renders per circuit; WER beside every speed figure. Prints Markdown.
# Usage: scripts/bench.sh [--runs N]        (BENCH_PARAMS="-fwdflat=no" tries decoder settings)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test >/dev/null
dpkg-query -W -f='${Status}' pocketsphinx 2>/dev/null | grep -q "install ok installed" || {
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq --no-install-recommends pocketsphinx; else sudo apt-get install -y -qq --no-install-recommends pocketsphinx; fi; }
dotnet build bench/TranscribeBlazor.Bench -c Release --verbosity quiet -nologo >/dev/null
exec dotnet bench/TranscribeBlazor.Bench/bin/Release/net10.0/TranscribeBlazor.Bench.dll "$@"
