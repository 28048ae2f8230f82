#!/usr/bin/env bash
# Starts and stops the cluster's stores from Debian's packages on loopback, with all state in a
# private folder, for developers and integration tests: Redis (Orleans membership, grain state,
# reminders) and PostgreSQL (results and the LLM response cache).
#   eval "$(scripts/dev-cluster.sh up [STATE_DIR])"   # starts both, exports SECUREGEN_CLUSTER and SECUREGEN_DB
#   scripts/dev-cluster.sh down|status [STATE_DIR]
# Ports: SG_REDIS_PORT (6379), SG_POSTGRES_PORT (5432); SG_COMPONENTS="redis postgres" picks what
# to start (both by default). `up` prints only the export line on stdout; `down` stops both by PID.
set -euo pipefail
action="${1:-}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$(mkdir -p "${2:-$root/.cache/dev-cluster}" && cd "${2:-$root/.cache/dev-cluster}" && pwd)"
redis_port="${SG_REDIS_PORT:-6379}"
postgres_port="${SG_POSTGRES_PORT:-5432}"
components="${SG_COMPONENTS:-redis postgres}"
wants() { [[ " $components " == *" $1 "* ]]; }
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_open() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

up() {
  if wants redis; then command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install -y redis-server)" >&2; exit 1; }; fi
  if wants postgres; then [[ -n "$pg_bin" ]] || { echo "postgresql is not installed (apt-get install -y postgresql)" >&2; exit 1; }; fi
  mkdir -p "$state/redis" "$state/postgres"
  if wants redis && ! port_open "$redis_port"; then
    # No persistence: the stores are for a dev cluster and tests; Orleans' state lives as long as the server.
    redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$state/redis" --save "" --appendonly no \
      --daemonize yes --pidfile "$state/redis/pid" --logfile "$state/redis/server.log" >/dev/null
  fi
  if wants postgres; then start_postgres; fi
  if wants redis; then
    for _ in $(seq 1 100); do port_open "$redis_port" && break; sleep 0.1; done
    port_open "$redis_port" || { echo "Redis did not start; see $state/redis/server.log" >&2; exit 1; }
  fi
  exports=()
  if wants redis; then exports+=("SECUREGEN_CLUSTER=127.0.0.1:$redis_port"); fi
  if wants postgres; then exports+=("SECUREGEN_DB='Host=127.0.0.1;Port=$postgres_port;Username=postgres;Database=postgres'"); fi
  echo "export ${exports[*]}"
  echo "dev cluster up (state in $state); stop it with: scripts/dev-cluster.sh down" >&2
}

start_postgres() {
  # The server runs as the postgres user, which must be able to reach its folder.
  if [[ $(id -u) -eq 0 ]]; then chmod a+x "$state"; chown -R postgres "$state/postgres"; fi
  if [[ ! -f "$state/postgres/data/PG_VERSION" ]]; then
    as_postgres "$pg_bin/initdb" -D "$state/postgres/data" -A trust -U postgres >"$state/postgres/initdb.log" 2>&1 \
      || { echo "initdb failed:" >&2; tail -20 "$state/postgres/initdb.log" >&2; exit 1; }
  fi
  if ! port_open "$postgres_port"; then
    as_postgres "$pg_bin/pg_ctl" -D "$state/postgres/data" -l "$state/postgres/server.log" -w \
      -o "-p $postgres_port -k $state/postgres -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  fi
}

down() {
  if [[ -f "$state/redis/pid" ]]; then
    pid="$(cat "$state/redis/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/redis/pid"
  fi
  if [[ -f "$state/postgres/data/postmaster.pid" ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

status() {
  port_open "$redis_port" && echo "redis: up on 127.0.0.1:$redis_port" || echo "redis: down"
  port_open "$postgres_port" && echo "postgres: up on 127.0.0.1:$postgres_port" || echo "postgres: down"
}

case "$action" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status [STATE_DIR]" >&2; exit 2 ;;
esac
