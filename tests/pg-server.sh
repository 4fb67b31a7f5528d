# Sourced by test.sh: a throwaway PostgreSQL server on loopback, in its own data folder, on a
# free port, removed when the shell exits. Exports GONGJI_TEST_PG (a libpq URI for a superuser).

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found" >&2; exit 3; }

pg_dir=$(mktemp -d /tmp/gongji-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"

stop_pg() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U gongji --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
started=
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  port=$(( 20000 + (RANDOM * 7 + attempt) % 30000 ))
  if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
       -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" \
       start >/dev/null 2>&1; then
    started=1
    break
  fi
done
[ -n "$started" ] || { echo "could not start PostgreSQL:" >&2; cat "$pg_dir/server.log" >&2; exit 3; }
export GONGJI_TEST_PG="postgresql://gongji@127.0.0.1:$port/postgres"
echo "PostgreSQL for the tests at 127.0.0.1:$port" >&2
