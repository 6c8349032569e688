#!/usr/bin/env bash
# Rehearses several instances on one machine with the real parts: Debian's redis-server holding the key
# ring, the app published once and started twice on loopback ports, Debian's nginx in front with
# deploy/nginx.conf (cookie affinity, WebSocket upgrade, long timeouts). Then checks /readyz of each
# instance and, in Chromium through nginx, the test classes of Category=cluster: a file transcribes;
# history saved through one instance opens through the other; two client addresses are two clients;
# killing an instance mid-run leaves the transcript on screen with a message, and the next run lands on
# the other. Stops everything it started.
# Usage: scripts/rehearse-cluster.sh   (needs root or sudo for apt)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# The ports deploy/nginx.conf names; override them when a neighbour holds one.
port_a="${CLUSTER_PORT_A:-15101}"
port_b="${CLUSTER_PORT_B:-15102}"
port_nginx="${CLUSTER_PORT_NGINX:-18088}"
port_redis="${CLUSTER_PORT_REDIS:-16379}"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
step() { echo "== $*"; }
started=$(date +%s)

work=$(mktemp -d /tmp/rehearse-cluster.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

step "packages: the app's, Chromium, nginx and redis-server"
scripts/setup.sh test >/dev/null
missing=()
for p in nginx redis-server curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian starts the packaged services where systemd runs; this rehearsal runs its own copies on its own ports.

step "redis-server on 127.0.0.1:$port_redis, in memory, with a password"
secret="rehearsal-$RANDOM$RANDOM$RANDOM"
printf 'port %s\nbind 127.0.0.1\nsave ""\nappendonly no\ndaemonize no\nrequirepass %s\n' "$port_redis" "$secret" > "$work/redis.conf"
redis-server "$work/redis.conf" > "$work/redis.log" 2>&1 &
pids+=($!)

step "publish the app once"
dotnet publish src/TranscribeBlazor/TranscribeBlazor.csproj -c Release -o "$work/app" --verbosity quiet

start_instance() { # name port
  (cd "$work/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$2" \
    DataProtection__Redis="127.0.0.1:$port_redis,password=$secret" \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    Transcription__MaxRunsPerClient=1 \
    dotnet TranscribeBlazor.dll) > "$work/$1.log" 2>&1 &
  pids+=($!)
  eval "pid_$1=$!"
}
step "two instances: A on $port_a, B on $port_b (key ring in Redis, nginx as the trusted proxy, 1 run per client)"
start_instance a "$port_a"
start_instance b "$port_b"
for port in "$port_a" "$port_b"; do
  for _ in $(seq 90); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
  ready=$(curl -sS -w ' HTTP %{http_code}' "http://127.0.0.1:$port/readyz" || true)
  echo "127.0.0.1:$port/readyz: $ready"
  [[ "$ready" == *'"status":"Healthy"'*'HTTP 200' ]] || { cat "$work"/a.log "$work"/b.log; echo "instance on $port is not ready"; exit 1; }
done

step "nginx on 127.0.0.1:$port_nginx with deploy/nginx.conf"
mkdir -p "$work/nginx/logs" "$work/nginx/temp"
# The only change to the documented file: its ports, and a header naming the instance that answered, which the tests read.
sed -e "s/127.0.0.1:15101/127.0.0.1:$port_a/; s/127.0.0.1:15102/127.0.0.1:$port_b/; s/127.0.0.1:18088/127.0.0.1:$port_nginx/" \
    -e 's|# rehearsal: upstream header|add_header X-Upstream $upstream_addr always;|' deploy/nginx.conf > "$work/nginx/nginx.conf"
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 30); do curl -fsS "http://127.0.0.1:$port_nginx/healthz" >/dev/null 2>&1 && break; sleep 1; done
[[ "$(curl -fsS "http://127.0.0.1:$port_nginx/healthz")" == Healthy ]] || { cat "$work/nginx/logs/error.log"; echo "nginx does not reach the app"; exit 1; }

export CLUSTER_URL="http://127.0.0.1:$port_nginx"
export CLUSTER_INSTANCES="http://127.0.0.1:$port_a=$pid_a,http://127.0.0.1:$port_b=$pid_b"
step "Chromium through nginx: transcription, shared history, two clients (tests/…/Cluster/ClusterTests)"
dotnet test tests/TranscribeBlazor.Tests --filter "Category=cluster&FullyQualifiedName~Cluster.ClusterTests" --logger "console;verbosity=detailed" 2>&1 \
  | tee "$work/tests.log" | grep -E '^ +(Passed|Failed|Skipped) |^ [A-Za-z0-9]|error|Assert|   at ' || true
passed() { grep -q "Test Run Successful" "$2" && grep -qE "^ +Passed: $1\$" "$2"; } # all of them ran, none skipped
passed 3 "$work/tests.log" || { tail -60 "$work/tests.log"; exit 1; }

step "losing an instance mid-run (tests/…/Cluster/ClusterFailoverTests; kills one instance)"
dotnet test tests/TranscribeBlazor.Tests --no-build --filter "Category=cluster&FullyQualifiedName~Cluster.ClusterFailoverTests" --logger "console;verbosity=detailed" 2>&1 \
  | tee "$work/failover.log" | grep -E '^ +(Passed|Failed|Skipped) |^ [A-Za-z0-9]|error|Assert|   at ' || true
passed 1 "$work/failover.log" || { tail -60 "$work/failover.log"; exit 1; }

if grep -q "$secret" "$work"/a.log "$work"/b.log; then echo "the Redis password appeared in an instance's log"; exit 1; fi
echo "rehearsal passed in $(( $(date +%s) - started )) s"
