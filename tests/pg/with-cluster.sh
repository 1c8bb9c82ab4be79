#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temporary
# directory, a server listening only on a Unix socket there (on a private
# port number), CONNEX_TEST_POSTGRESQL set to reach it, and everything
# removed afterwards, whatever the command's outcome. The instances the command
# starts share one audit key, as instances on one database must
# (CONNEX_AUDIT_KEY).
# Usage: with-cluster.sh COMMAND [ARGS...]
# Tests run with fsync off (nothing to keep); CONNEX_PG_FSYNC=on for benchmarks.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "with-cluster: PostgreSQL is not installed (scripts/setup installs it)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/connex-pg-XXXXXX)
port=$((20000 + RANDOM % 20000))
# PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
keydir=$(mktemp -d /tmp/connex-key-XXXXXX)
cleanup() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$keydir"
}
trap cleanup EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U connex -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses='127.0.0.1' -c fsync=${CONNEX_PG_FSYNC:-off} -c max_connections=200" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
(umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$keydir/audit.key")
export CONNEX_AUDIT_KEY="$keydir/audit.key"
export CONNEX_TEST_POSTGRESQL="host=$dir port=$port user=connex dbname=postgres"
"$@"
