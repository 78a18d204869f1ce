#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for sovtrack's database tests, on a free loopback port.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints the exports to use
#   swift test --disable-swift-testing --filter Postgres
#   scripts/pg-test-cluster.sh stop "$SOVTRACK_TEST_PG_DIR"
#
#   scripts/pg-test-cluster.sh down DIR          # the fault tests: the server stopped (fast: sessions
#   scripts/pg-test-cluster.sh up DIR            # ended, transactions rolled back) and started again
#
# start: makes a data directory under a temp dir (initdb refuses root: as root it runs as
# the `postgres` user), listens on 127.0.0.1 only, with password logins (scram) for:
#   sovtrack      owner of the database `sovtrack_test` (and may create databases)
#   sovtrack_ro   may only SELECT (for the read-only role tests)
# TLS is on, with a self-signed certificate made here for `localhost` and 127.0.0.1 (the TLS
# tests: sslmode=require takes it, verify-full refuses it unless sslrootcert names it).
# Prints export lines: SOVTRACK_TEST_PG_URL (no password in it), PGPASSWORD,
# SOVTRACK_TEST_PG_RO_URL, SOVTRACK_TEST_PG_DIR, SOVTRACK_TEST_PG_CA (the certificate).
# Fails (exit 1) when no server can start.
#
# The cluster lives in memory (/dev/shm, when it is a tmpfs with 1 GiB free), else under /tmp;
# SOVTRACK_TEST_PG_ROOT=DIR puts it under DIR (scripts/pg-bench.sh keeps its figures on disk).
# Each test makes a database: on disk, under the other writes of a busy host, CREATE DATABASE
# took 5-10 times as long (docs/performance.md, "The PostgreSQL classes").
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then
  echo "pg-test-cluster: no PostgreSQL server installed (apt-get install -y postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  root=${SOVTRACK_TEST_PG_ROOT:-}
  if [ -z "$root" ]; then
    root=/tmp
    if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ] \
      && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -ge 1048576 ]; then
      root=/dev/shm
    fi
  fi
  dir=$(mktemp -d "$root/sovtrack-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password="sovtrack-test-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "$password" > "$dir/pw"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pw"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/server.key" -out "$dir/server.crt" >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; exit 1; }
  chmod 600 "$dir/server.key"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/server.key" "$dir/server.crt"
  # Kept for `up`, which starts the same server again.
  echo "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=60" \
    "-c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key" >"$dir/options"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE sovtrack LOGIN CREATEDB PASSWORD '$password';
CREATE ROLE sovtrack_ro LOGIN PASSWORD '$password';
CREATE DATABASE sovtrack_test OWNER sovtrack;
SQL
  echo "export SOVTRACK_TEST_PG_URL='postgresql://sovtrack@127.0.0.1:$port/sovtrack_test?sslmode=disable'"
  echo "export SOVTRACK_TEST_PG_RO_URL='postgresql://sovtrack_ro@127.0.0.1:$port/sovtrack_test?sslmode=disable'"
  echo "export PGPASSWORD='$password'"
  echo "export SOVTRACK_TEST_PG_DIR='$dir'"
  echo "export SOVTRACK_TEST_PG_CA='$dir/server.crt'"
  ;;
down)
  dir="${2:-${SOVTRACK_TEST_PG_DIR:-}}"
  [ -n "$dir" ] && [ -f "$dir/options" ] || { echo "pg-test-cluster: no cluster directory given" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
  ;;
up)
  dir="${2:-${SOVTRACK_TEST_PG_DIR:-}}"
  [ -n "$dir" ] && [ -f "$dir/options" ] || { echo "pg-test-cluster: no cluster directory given" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null \
    || { tail -5 "$dir/server.log" >&2; exit 1; }
  ;;
stop)
  dir="${2:-${SOVTRACK_TEST_PG_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "pg-test-cluster: no cluster directory given" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop [DIR] | down [DIR] | up [DIR]" >&2
  exit 64
  ;;
esac
