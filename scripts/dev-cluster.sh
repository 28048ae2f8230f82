#!/usr/bin/env bash
# Starts and stops RabbitMQ and PostgreSQL from Debian's packages on loopback, with all
# state in a private folder, for developers and integration tests.
#   scripts/dev-cluster.sh up|down|status|queues [STATE_DIR]
# Ports: SG_RABBIT_PORT (5672), SG_POSTGRES_PORT (5432); SG_COMPONENTS="rabbitmq postgres"
# picks what to start (both by default). `up` prints the connection
# settings as KEY=VALUE lines; `down` stops both by PID.
set -euo pipefail
action="${1:-}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$(mkdir -p "${2:-$root/.cache/dev-cluster}" && cd "${2:-$root/.cache/dev-cluster}" && pwd)"
rabbit_port="${SG_RABBIT_PORT:-5672}"
postgres_port="${SG_POSTGRES_PORT:-5432}"
# Erlang distribution port: RabbitMQ needs a second one; SG_RABBIT_DIST_PORT, else next to the AMQP port.
dist_port="${SG_RABBIT_DIST_PORT:-$(( rabbit_port < 45000 ? rabbit_port + 20000 : rabbit_port - 20000 ))}"
node="securegen$rabbit_port@localhost"
components="${SG_COMPONENTS:-rabbitmq postgres}"
wants() { [[ " $components " == *" $1 "* ]]; }
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

rabbit_env() {
  export HOME="$state/rabbitmq" RABBITMQ_MNESIA_BASE="$state/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$state/rabbitmq/log" \
    RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$rabbit_port" \
    RABBITMQ_DIST_PORT="$dist_port" RABBITMQ_ENABLED_PLUGINS_FILE="$state/rabbitmq/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$state/rabbitmq/rabbitmq" RABBITMQ_PID_FILE="$state/rabbitmq/pid" ERL_EPMD_ADDRESS=127.0.0.1
}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_open() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

up() {
  if wants rabbitmq; then [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || { echo "rabbitmq-server is not installed (apt-get install -y rabbitmq-server)" >&2; exit 1; }; fi
  if wants postgres; then [[ -n "$pg_bin" ]] || { echo "postgresql is not installed (apt-get install -y postgresql)" >&2; exit 1; }; fi
  mkdir -p "$state/rabbitmq" "$state/postgres"
  if wants rabbitmq && ! port_open "$rabbit_port"; then
    rabbit_env
    echo "[]." >"$state/rabbitmq/enabled_plugins"
    printf 'loopback_users = none\nlisteners.tcp.default = 127.0.0.1:%s\n' "$rabbit_port" >"$state/rabbitmq/rabbitmq.conf"
    setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$state/rabbitmq/server.log" 2>&1 </dev/null &
  fi
  if wants postgres; then start_postgres; fi
  if wants rabbitmq; then
    for _ in $(seq 1 180); do port_open "$rabbit_port" && break; sleep 0.5; done
    port_open "$rabbit_port" || { echo "RabbitMQ did not start; see $state/rabbitmq/server.log" >&2; tail -20 "$state/rabbitmq/server.log" >&2; exit 1; }
    echo "SG_RABBIT_URI=rabbitmq://127.0.0.1:$rabbit_port/"
  fi
  if wants postgres; then echo "SG_POSTGRES=Host=127.0.0.1;Port=$postgres_port;Username=postgres;Database=postgres"; fi
  echo "SG_STATE=$state"
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
  if [[ -f "$state/rabbitmq/pid" ]]; then
    pid="$(cat "$state/rabbitmq/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/rabbitmq/pid"
  fi
  if [[ -f "$state/postgres/data/postmaster.pid" ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

queues() {
  rabbit_env
  /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" list_queues name messages
}

status() {
  port_open "$rabbit_port" && echo "rabbitmq: up on 127.0.0.1:$rabbit_port" || echo "rabbitmq: down"
  port_open "$postgres_port" && echo "postgres: up on 127.0.0.1:$postgres_port" || echo "postgres: down"
}

case "$action" in
  up) up ;;
  down) down ;;
  status) status ;;
  queues) queues ;;
  *) echo "usage: $0 up|down|status|queues [STATE_DIR]" >&2; exit 2 ;;
esac
