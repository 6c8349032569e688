#!/usr/bin/env bash
# Rehearses the Dockerfile on this Debian 12 machine, where no Docker engine runs: its build stage
# (restore from the project files alone, then publish with the sources copied after), then its
# runtime stage (the same apt packages, the published output run from a clean directory as a
# non-root user, configured through the same environment variables), and checks /healthz, /readyz,
# the security headers and one transcription per decoder path (WAV in-process, MP3 through ffmpeg).
# Usage: scripts/rehearse-container.sh   (needs root or sudo for apt and the throwaway user)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
port="${REHEARSAL_PORT:-18080}"   # the image uses 8080; a free port here avoids the machine's neighbours
user=tb-rehearsal
speech=/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
step() { echo "== $*"; }

work=$(mktemp -d /tmp/rehearsal.XXXXXX)
server=
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  # $server is the subshell; the app runs under runuser below it and outlived it: stop the throwaway user's app itself.
  as_root pkill -u "$user" -f TranscribeBlazor.dll 2>/dev/null || true
  as_root rm -rf "$work"
}
trap cleanup EXIT

step "build stage: restore from the project files alone"
mkdir -p "$work/src/src/TranscribeBlazor"
cp NuGet.config Directory.Build.props Directory.Packages.props "$work/src/"
cp src/TranscribeBlazor/TranscribeBlazor.csproj "$work/src/src/TranscribeBlazor/"
dotnet restore "$work/src/src/TranscribeBlazor/TranscribeBlazor.csproj" --verbosity quiet

step "build stage: sources copied after restore (no bin/ or obj/, as .dockerignore says), publish"
tar -C "$repo" --exclude='bin' --exclude='obj' -cf - src wwwroot | tar -C "$work/src" -xf -
dotnet publish "$work/src/src/TranscribeBlazor/TranscribeBlazor.csproj" -c Release --no-restore -o "$work/app" --verbosity quiet
test -s "$work/app/wwwroot/_framework/blazor.web.js" || { echo "blazor.web.js missing from the published output"; exit 1; }

step "runtime stage: Debian packages"
scripts/setup.sh app >/dev/null
command -v curl >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl

step "runtime stage: a non-root user, a clean directory, the key ring volume"
id "$user" >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
mkdir -p "$work/keys"
chmod 755 "$work"
as_root chown "$user" "$work/keys"
rm -rf "$work/src"
run_as_app() { as_root runuser -u "$user" -- env -i PATH=/usr/local/bin:/usr/bin:/bin DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  ASPNETCORE_HTTP_PORTS="$port" DataProtection__KeyDirectory="$work/keys" "$@"; }

step "start the app as $user on port $port"
# Credentials as a container would get them from its environment: the secret must never reach a page or a log.
secret=rehearsal-secret-$RANDOM$RANDOM
(cd "$work/app" && run_as_app AWS_ACCESS_KEY_ID=AKIAREHEARSAL0000000 AWS_SECRET_ACCESS_KEY="$secret" AWS_REGION=eu-west-1 \
  dotnet TranscribeBlazor.dll) > "$work/app.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
[[ "$(curl -fsS "http://127.0.0.1:$port/healthz")" == Healthy ]] || { cat "$work/app.log"; echo "/healthz did not answer Healthy"; exit 1; }
owner=$(ps -o user= -p "$(pgrep -u "$user" -f TranscribeBlazor.dll | head -1)")
[[ "$owner" == "$user" ]] || { echo "the app runs as '$owner', not $user"; exit 1; }
echo "healthz: Healthy (process owner: $owner)"

ready=$(curl -sS -w ' HTTP %{http_code}' "http://127.0.0.1:$port/readyz")
echo "readyz: $ready"
[[ "$ready" == *'"status":"Healthy"'*'HTTP 200' ]] || { cat "$work/app.log"; exit 1; }

headers=$(curl -fsS -D - -o "$work/page.html" "http://127.0.0.1:$port/")
grep -qi '^content-security-policy:.*frame-ancestors' <<<"$headers" || { echo "no Content-Security-Policy on /"; exit 1; }
grep -q 'data-testid="drop-zone"' "$work/page.html" || { echo "the page did not render"; exit 1; }
echo "page and security headers: ok"

step "one transcription per decoding path, as $user, with the published binary"
cp "$speech" "$work/speech.wav"
ffmpeg -hide_banner -loglevel error -i "$speech" -c:a libmp3lame -b:a 64k "$work/speech.mp3"
chmod 644 "$work/speech.wav" "$work/speech.mp3"
for f in speech.wav speech.mp3; do
  text=$(cd "$work/app" && run_as_app dotnet TranscribeBlazor.dll transcribe "$work/$f" --format text)
  echo "$f: $text"
  grep -q "young man" <<<"$text" || { echo "$f: expected 'young man' in the transcript"; exit 1; }
done

if grep -q "$secret" "$work/app.log" "$work/page.html"; then echo "the AWS secret appeared in the log or the page"; exit 1; fi
echo "rehearsal passed"
