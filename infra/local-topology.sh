#!/usr/bin/env bash
# The topology of infra/compose.yaml without Docker, on loopback: this machine's PostgreSQL
# and Redis, two app processes from the built server, and Debian's nginx as load balancer
# with the same proxy rules (infra/nginx/entente.conf.template). Runs in the foreground
# until Ctrl-C or SIGTERM, then stops everything it started; if any of its processes ends
# on its own, it stops the others and exits 1. Settings: infra/README.md.
#
#   infra/local-topology.sh [database-name]
# shellcheck disable=SC2317 # stop_all and cleanup run from traps, which shellcheck misses
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="$ROOT/infra/nginx/entente.conf.template"
MAIN="$ROOT/apps/server/dist/main.js"

DB_NAME="${1:-${ENTENTE_DB:-entente_local}}"
POSTGRES_URL="${POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
POSTGRES_URL="${POSTGRES_URL%/}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
LB_PORT="${LB_PORT:-8080}"
APP1_PORT="${APP1_PORT:-3001}"
APP2_PORT="${APP2_PORT:-3002}"
PUBLIC_ORIGIN="${PUBLIC_ORIGIN:-http://localhost:$LB_PORT}"
# Not NGINX: nginx itself reads that variable (sockets inherited on upgrade).
NGINX_BIN="${NGINX_BIN:-/usr/sbin/nginx}"
ACCESS_LOG="${ACCESS_LOG:-}"
NODE="${NODE:-node}"
START_TIMEOUT="${START_TIMEOUT:-60}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"

say() { printf '[topology] %s\n' "$*"; }
fail() {
  printf '[topology] error: %s\n' "$*" >&2
  exit 1
}

# --- Checks: everything that can be missing is named before anything starts. ---------------

[[ $DB_NAME =~ ^[a-z_][a-z0-9_]{0,62}$ ]] ||
  fail "database name '$DB_NAME': use lowercase letters, digits and _ (at most 63)"
for port in "$LB_PORT" "$APP1_PORT" "$APP2_PORT"; do
  if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then fail "not a port: '$port'"; fi
done
[[ $LB_PORT != "$APP1_PORT" && $LB_PORT != "$APP2_PORT" && $APP1_PORT != "$APP2_PORT" ]] ||
  fail "LB_PORT, APP1_PORT and APP2_PORT must differ ($LB_PORT, $APP1_PORT, $APP2_PORT)"

[[ -x $NGINX_BIN ]] ||
  fail "nginx is missing: nothing executable at $NGINX_BIN. Install Debian's (apt-get install -y nginx) or set NGINX_BIN=/path/to/nginx."
command -v "$NODE" >/dev/null || fail "node is missing ($NODE): install Node 20 or set NODE"
[[ -f $MAIN ]] || fail "the server is not built ($MAIN is missing): run npx tsc -b"
[[ -f $TEMPLATE ]] || fail "$TEMPLATE is missing"
command -v psql >/dev/null ||
  fail "PostgreSQL client (psql) is missing: apt-get install -y postgresql-client"

# Something answers on 127.0.0.1:$1 (a bash TCP connect; no curl needed).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$LB_PORT" "$APP1_PORT" "$APP2_PORT"; do
  ! port_in_use "$port" || fail "port $port on 127.0.0.1 is already in use"
done

pg_error="$(psql "$POSTGRES_URL/postgres" -XAtq -c 'SELECT 1' 2>&1 >/dev/null)" ||
  fail "PostgreSQL is not reachable at $POSTGRES_URL/postgres (${pg_error%%$'\n'*}). Start it (pg_ctlcluster <version> main start) or set POSTGRES_URL."

# Redis: PING over a bash TCP socket; +PONG, or -NOAUTH when the URL carries a password.
if [[ $REDIS_URL =~ ^redis://([^@/]*@)?([^:/@]+)(:([0-9]+))?(/.*)?$ ]]; then
  redis_host="${BASH_REMATCH[2]}"
  redis_port="${BASH_REMATCH[4]:-6379}"
  # shellcheck disable=SC2016 # $0 and $1 are the inner shell's arguments
  redis_reply="$(
    timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r reply <&3 && printf "%s" "$reply"' \
      "$redis_host" "$redis_port" 2>/dev/null
  )" || true
  [[ $redis_reply == +PONG* || $redis_reply == -NOAUTH* ]] ||
    fail "Redis is not reachable at $REDIS_URL. Start it (redis-server --bind 127.0.0.1 --port 6379 --daemonize yes) or set REDIS_URL."
elif [[ $REDIS_URL != rediss://* ]]; then
  fail "REDIS_URL must look like redis://host:port (got '$REDIS_URL')"
fi

# --- Database: created when missing; the first instance to start migrates it. -------------

DATABASE_URL="$POSTGRES_URL/$DB_NAME"
if [[ -z "$(psql "$POSTGRES_URL/postgres" -XAtq -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]]; then
  psql "$POSTGRES_URL/postgres" -XAtq -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null
  say "created database $DB_NAME"
else
  say "using existing database $DB_NAME"
fi

# --- Processes, and stopping them whatever happens. ---------------------------------------

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/entente-topology.XXXXXX")"
# nginx's workers (nobody, when started as root) create their temp files below it.
chmod 755 "$RUN_DIR"
# A file, not /dev/stdout: nginx cannot open that when stdout is a socket (systemd, Node).
ACCESS_LOG="${ACCESS_LOG:-$RUN_DIR/access.log}"
declare -A NAME_OF=()
STARTED=() # pids, in start order

# Stops nginx first (no new requests), then both instances (they drain: sockets close with
# 4000, clients reconnect elsewhere); SIGKILL after STOP_TIMEOUT seconds.
stop_all() {
  local forced=0 pid deadline i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    pid="${STARTED[i]}"
    kill -TERM "$pid" 2>/dev/null || continue
    # nginx alone first; the instances stop together.
    [[ ${NAME_OF[$pid]} == nginx ]] || continue
    deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
  done
  deadline=$((SECONDS + STOP_TIMEOUT))
  for pid in "${STARTED[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "${NAME_OF[$pid]} (pid $pid) did not stop within ${STOP_TIMEOUT}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      forced=1
    fi
    wait "$pid" 2>/dev/null || true
  done
  STARTED=()
  return "$forced"
}

cleanup() {
  local status=$?
  trap '' INT TERM
  trap - EXIT
  if ((${#STARTED[@]} > 0)); then
    say "stopping ${#STARTED[@]} processes"
    stop_all || status=1
  fi
  rm -rf "$RUN_DIR"
  say "stopped"
  exit "$status"
}
trap cleanup EXIT
trap 'say "SIGINT"; exit 0' INT
trap 'say "SIGTERM"; exit 0' TERM
trap 'say "SIGHUP"; exit 0' HUP
# Each process started below gets a process group of its own: Ctrl-C in a terminal then
# reaches this script alone, which stops them in order (nginx first, then the instances).
set -m

# `GET $2` on 127.0.0.1:$1 answers 200.
http_ok() {
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$2" "$1" >&3
  IFS= read -r -t 5 reply <&3 || true
  exec 3>&-
  [[ $reply == "HTTP/1."?" 200 "* ]]
}

# Waits until 127.0.0.1:$2/api/health answers 200 while process $1 runs.
wait_healthy() {
  local pid=$1 port=$2 deadline=$((SECONDS + START_TIMEOUT))
  until http_ok "$port" /api/health 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || fail "${NAME_OF[$pid]} exited while starting (its output is above)"
    ((SECONDS < deadline)) ||
      fail "${NAME_OF[$pid]} did not answer http://127.0.0.1:$port/api/health within ${START_TIMEOUT}s"
    sleep 0.2
  done
}

# One app instance: what differs between instances is PORT (and HOST); every other
# setting comes from this script's environment, the same for both.
start_app() {
  local name=$1 port=$2
  PORT="$port" HOST=127.0.0.1 DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
    PUBLIC_ORIGIN="$PUBLIC_ORIGIN" TRUST_PROXY=true "$NODE" "$MAIN" &
  NAME_OF[$!]=$name
  STARTED+=("$!")
  say "$name: pid $! on http://127.0.0.1:$port"
  wait_healthy "$!" "$port"
}

[[ -f $ROOT/apps/web/dist/index.html ]] ||
  say "note: apps/web/dist is not built, so only the API and sync are served (pnpm --filter @entente/web run build)"

# One after the other: the first migrates the fresh database (and seeds the demo when
# SEED_DEMO=true) before the second looks at it.
start_app app1 "$APP1_PORT"
start_app app2 "$APP2_PORT"

# The load balancer: the shared proxy rules, filled in, inside a configuration that keeps
# pid file, logs and temp files in $RUN_DIR (no root-owned path needed).
sed -e "s|\${ENTENTE_LISTEN}|127.0.0.1:$LB_PORT|g" \
  -e "s|\${ENTENTE_APP1}|127.0.0.1:$APP1_PORT|g" \
  -e "s|\${ENTENTE_APP2}|127.0.0.1:$APP2_PORT|g" \
  -e "s|\${ENTENTE_ACCESS_LOG}|$ACCESS_LOG|g" \
  "$TEMPLATE" >"$RUN_DIR/entente.conf"
# shellcheck disable=SC2016 # a literal ${ENTENTE_
! grep -n '\${ENTENTE_' "$RUN_DIR/entente.conf" >&2 || fail "unfilled placeholder in $TEMPLATE (above)"
cat >"$RUN_DIR/nginx.conf" <<EOF
# Generated by infra/local-topology.sh; the proxy rules are infra/nginx/entente.conf.template.
daemon off;
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log stderr warn;
events {
    worker_connections 1024;
}
http {
    client_body_temp_path $RUN_DIR/client_body;
    proxy_temp_path $RUN_DIR/proxy;
    fastcgi_temp_path $RUN_DIR/fastcgi;
    uwsgi_temp_path $RUN_DIR/uwsgi;
    scgi_temp_path $RUN_DIR/scgi;
    include $RUN_DIR/entente.conf;
}
EOF
env -u NGINX "$NGINX_BIN" -t -q -e stderr -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" ||
  fail "nginx refused the generated configuration $RUN_DIR/nginx.conf (above)"
env -u NGINX "$NGINX_BIN" -e stderr -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" &
NAME_OF[$!]=nginx
STARTED+=("$!")
say "nginx: pid $! on http://127.0.0.1:$LB_PORT, access log (which instance answered what) in $ACCESS_LOG"
wait_healthy "$!" "$LB_PORT"

say "Entente is running at $PUBLIC_ORIGIN (load balancer http://127.0.0.1:$LB_PORT -> app1 :$APP1_PORT, app2 :$APP2_PORT; database $DB_NAME; Redis $REDIS_URL). Ctrl-C stops everything."
say "ready http://127.0.0.1:$LB_PORT"

# Until a signal (its trap exits 0) or until one of the processes ends on its own.
ended=""
status=0
wait -n -p ended "${STARTED[@]}" || status=$?
fail "${NAME_OF[$ended]:-a process} (pid ${ended:-?}) ended on its own (status $status): stopping the rest"
