#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the store's tests and benchmarks: Debian's `postgresql`
# binaries (/usr/lib/postgresql/*/bin), data in $TMPDIR/sphere-postgres, listening on 127.0.0.1
# only (port $SPHERE_PG_PORT, default 55432), trust authentication for the `sphere` role over
# loopback. Writes the URL to $TMPDIR/sphere-postgres/url (the tests read it).
# Safe to run again: a running cluster is reused. As root, the server runs as the `postgres`
# user (initdb refuses root). `scripts/postgres.sh stop` stops it.
set -euo pipefail
BASE="${TMPDIR:-/tmp}/sphere-postgres"
PORT="${SPHERE_PG_PORT:-55432}"
DATA="$BASE/data"
URL="postgres://sphere@127.0.0.1:$PORT/sphere"

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "postgres.sh: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 1
fi

# As root, everything that touches the cluster runs as the postgres system user.
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER="$(id -un)"
fi

if [ "${1:-}" = "stop" ]; then
  if [ -f "$DATA/PG_VERSION" ]; then as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop || true; fi
  rm -f "$BASE/url"
  exit 0
fi

mkdir -p "$BASE"
chmod 755 "$BASE"
mkdir -p "$BASE/sock"
chown "$OWNER" "$BASE/sock"
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chown "$OWNER" "$DATA"
  chmod 700 "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U sphere --auth=trust -E UTF8 --no-locale >"$BASE/initdb.log" 2>&1 || {
    cat "$BASE/initdb.log" >&2
    exit 1
  }
fi

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  touch "$BASE/server.log" && chown "$OWNER" "$BASE/server.log"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $BASE/sock -c max_connections=100" start >/dev/null || {
    tail -20 "$BASE/server.log" >&2
    exit 1
  }
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U sphere -v ON_ERROR_STOP=1 -qAt)
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'sphere'")" != "1" ]; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE sphere" >/dev/null
fi
printf '%s\n' "$URL" >"$BASE/url"
echo "postgres.sh: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT; URL in $BASE/url"
