# Sourced by .ci/run: a throwaway PostgreSQL cluster on a free loopback port (never 5432), stopped by pg_test_stop.
pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }
PGBIN=$(pgbin)
PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pgtest.XXXXXX"); chmod 755 "$PG_TMP"
PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
PG_RUN=(); if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_TMP"; PG_RUN=(runuser -u postgres --); fi
"${PG_RUN[@]}" "$PGBIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log"
"${PG_RUN[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 30 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export PG_TMP PG_PORT DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
pg_test_stop() { "${PG_RUN[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$PG_TMP"; }
