#!/usr/bin/env bash
# Installs (Debian packages) and starts a throw-away PostgreSQL on 127.0.0.1:55432 for the tests.
# Prints the connection string on stdout; `source`-able as: export LA_TEST_POSTGRES=$(scripts/start-postgres.sh)
set -euo pipefail
PORT="${LA_PG_PORT:-55432}"
log() { echo "[postgres] $*" >&2; }

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  log "installing postgresql (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

if runuser -u postgres -- "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; then
  log "already running on $PORT"
else
  PGROOT="${LA_PG_ROOT:-/tmp/la-pg}"
  rm -rf "$PGROOT"; mkdir -p "$PGROOT/data" "$PGROOT/sock"; chown -R postgres:postgres "$PGROOT"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
  log "started on $PORT (data in $PGROOT; stop with: runuser -u postgres -- $PGBIN/pg_ctl -D $PGROOT/data -m fast stop)"
fi
echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
