# Sourced by the test scripts: a throwaway PostgreSQL cluster on loopback (tests/pg-server.sh for
# ./test.sh, and the drills that need a server of their own).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found" >&2; exit 3; }

# The server's programs run as postgres when we are root, as ourselves otherwise.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_cluster_init DATA SUPERUSER: a new cluster trusting local connections.
pg_cluster_init() { as_pg "$pg_bin/initdb" -D "$1" -U "$2" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null; }

# pg_cluster_start DATA SOCKET_DIR [-c SETTING …]: starts it on a free loopback port (retrying
# another when one is taken) and sets pg_port; its log is DATA.log, shown when it cannot start.
pg_cluster_start() {
  local data=$1 socket=$2 attempt port
  shift 2
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + (RANDOM * 7 + attempt) % 30000 ))
    if as_pg "$pg_bin/pg_ctl" -D "$data" -l "$data.log" -w -t 30 \
         -o "-p $port -k $socket -c listen_addresses=127.0.0.1 -c fsync=off $*" start >/dev/null 2>&1; then
      pg_port=$port
      return 0
    fi
  done
  cat "$data.log" >&2
  return 1
}

pg_cluster_stop() { as_pg "$pg_bin/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1 || true; }
