# Sourced by test.sh: a throwaway PostgreSQL server on loopback, in its own data folder, on a
# free port, removed when the shell exits. Exports GONGJI_TEST_PG (a libpq URI for a superuser).
source "$(dirname "${BASH_SOURCE[0]}")/pg-cluster.sh"

pg_dir=$(mktemp -d /tmp/gongji-pg.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"

stop_pg() {
  pg_cluster_stop "$pg_dir/data"
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

pg_cluster_init "$pg_dir/data" gongji
pg_cluster_start "$pg_dir/data" "$pg_dir" -c max_connections=100 -c shared_preload_libraries=pg_stat_statements \
  -c pg_stat_statements.track=all || { echo "could not start PostgreSQL" >&2; exit 3; }
export GONGJI_TEST_PG="postgresql://gongji@127.0.0.1:$pg_port/postgres"
echo "PostgreSQL for the tests at 127.0.0.1:$pg_port" >&2
