#!/usr/bin/env bash
# The operator commands on PostgreSQL, in the cluster tests/pg/with-cluster.sh
# starts: `db copy` of a demo data directory, then the portal serving the copy;
# `backup` (pg_dump) and `restore` (pg_restore) with their refusals.
# Usage: with-cluster.sh postgresql_cli_test.sh CONNEX_BINARY SOURCE_DIR
set -uo pipefail
connex=$1
cd "$2"
source tests/cli/check.sh
: "${CONNEX_TEST_POSTGRESQL:?run under tests/pg/with-cluster.sh}"
pg_host=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$CONNEX_TEST_POSTGRESQL")
pg_port=$(sed -n 's/.*port=\([^ ]*\).*/\1/p' <<<"$CONNEX_TEST_POSTGRESQL")
url() { echo "postgresql://connex@/$1?host=$pg_host&port=$pg_port"; }
psql_in() { psql "$(url "$1")" -Atc "$2"; }
# The audit log of database $1, checked against an anchor file of its own.
verify() { "$connex" audit verify --db "$(url "$1")" --audit-anchor "$tmp/anchor-$1"; }
for name in copied restored; do psql "$CONNEX_TEST_POSTGRESQL" -qc "CREATE DATABASE $name"; done
data=$tmp/var
"$connex" demo --data "$data" >/dev/null || exit 1

"$connex" db copy --data "$data" --to "$(url copied)" >"$tmp/copy" 2>&1; rc=$?; [ $rc -eq 0 ] || cat "$tmp/copy" >&2
check "db copy exits 0" test $rc -eq 0
check "db copy reports each table" grep -q "^hub_pages [1-9][0-9]* rows$" "$tmp/copy"
check "db copy builds the search index" grep -q "^search index built for [1-9][0-9]* documents$" "$tmp/copy"
check "db copy reports the total" grep -q "^copied [0-9]* rows of [0-9]* tables to postgresql://connex@" "$tmp/copy"
for table in organisations users audit_log requests hub_documents hub_pages hub_annotations obligations courses; do
  check "$table has as many rows as in SQLite" test \
    "$(psql_in copied "SELECT count(*) FROM $table")" = "$(sqlite3 "$data/connex.db" "SELECT count(*) FROM $table")"
done
check "the hub's text arrives byte for byte" test \
  "$(psql_in copied "SELECT md5(string_agg(text, '|' ORDER BY id)) FROM hub_pages")" = \
  "$(sqlite3 "$data/connex.db" "SELECT group_concat(text, '|') FROM (SELECT text FROM hub_pages ORDER BY id)" | head -c -1 | md5sum | cut -d' ' -f1)"
"$connex" audit verify --data "$data" --audit-anchor "$tmp/anchor-copied" >"$tmp/v-lite"
verify copied >"$tmp/v-pg"; rc=$?
check "the copied audit chain verifies" test $rc -eq 0
check "the copied audit chain has every entry, sealed with the same key" cmp -s "$tmp/v-lite" "$tmp/v-pg"
"$connex" db copy --data "$data" --to "$(url copied)" >/dev/null 2>"$tmp/e1"; rc=$?
check "a second copy into a used database exits 2" test $rc -eq 2
check "a second copy says why" contains "$tmp/e1" "holds data already"
check "a second copy changes nothing" test "$(psql_in copied "SELECT count(*) FROM users")" = \
  "$(sqlite3 "$data/connex.db" "SELECT count(*) FROM users")"
"$connex" db copy --data "$data" --to "mysql://x/y" >/dev/null 2>"$tmp/e2"; rc=$?
check "a target that is not PostgreSQL exits 2" test $rc -eq 2
check "a target that is not PostgreSQL is named" contains "$tmp/e2" "not a PostgreSQL address"
"$connex" db copy --data "$tmp/nowhere" --to "$(url copied)" >/dev/null 2>"$tmp/e3"; rc=$?
check "a missing source exits 2" test $rc -eq 2
check "a missing source is named" contains "$tmp/e3" "--data: $tmp/nowhere/connex.db does not exist"

# The portal on the copy: the demo accounts sign in and the hub finds its documents.
port=$((20000 + RANDOM % 20000))
"$connex" serve --db "$(url copied)" --data "$tmp/serve" --port "$port" --web "" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/session" \
  -H 'Content-Type: application/json' -d '{"email":"coordinator@connex.example","password":"connex-demo-2026"}')
check "a demo account signs in on the copy" test "$status" = 201
curl -s "http://127.0.0.1:$port/api/v1/hub/search?q=royalty" >"$tmp/search"
check "the copy's hub search finds documents" grep -q '"total":[1-9]' "$tmp/search"
kill $pid; wait $pid 2>/dev/null

"$connex" backup --db "$(url copied)" "$tmp/pg.dump" >"$tmp/b1" 2>&1; rc=$?
check "backup through pg_dump exits 0" test $rc -eq 0
check "backup names its file" contains "$tmp/b1" "backup written to $tmp/pg.dump"
"$connex" backup --db "$(url copied)" "$tmp/pg.dump" >/dev/null 2>"$tmp/e4"; rc=$?
check "backup refuses to overwrite" test $rc -eq 2
"$connex" restore --db "$(url restored)" --audit-anchor "$tmp/anchor-restored" "$tmp/pg.dump" >"$tmp/r1" 2>&1; rc=$?
check "restore through pg_restore exits 0" test $rc -eq 0
check "restore names the schema version" grep -q "schema version [0-9]*)" "$tmp/r1"
entries() { sed -n 's/^audit chain intact: \([0-9]*\) entries.*/\1/p' "$1"; }
verify copied >"$tmp/v-dumped"
verify restored >"$tmp/v-restored"; rc=$?
check "the restored audit chain verifies" test $rc -eq 0
check "the restored audit chain has every entry and the record of the restore" \
  test "$(entries "$tmp/v-restored")" = $(($(entries "$tmp/v-dumped") + 1))
check "the restored audit chain is anchored" contains "$tmp/v-restored" "anchored: the log holds"
check "the restore is in the audit log" test \
  "$(psql_in restored "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")" = audit.anchor_replace
"$connex" restore --db "$(url restored)" "$tmp/pg.dump" >/dev/null 2>"$tmp/e5"; rc=$?
check "restore over a database with tables exits 2" test $rc -eq 2
check "restore over a database with tables says --replace" contains "$tmp/e5" "add --replace"
psql_in restored "DELETE FROM hub_annotations" >/dev/null
"$connex" restore --replace --db "$(url restored)" --audit-anchor "$tmp/anchor-restored" "$tmp/pg.dump" >/dev/null 2>&1; rc=$?
check "restore --replace exits 0" test $rc -eq 0
check "restore --replace brings the backup's rows back" test \
  "$(psql_in restored "SELECT count(*) FROM hub_annotations")" = "$(psql_in copied "SELECT count(*) FROM hub_annotations")"
echo "not a dump" >"$tmp/garbage"
"$connex" restore --replace --db "$(url restored)" "$tmp/garbage" >/dev/null 2>"$tmp/e6"; rc=$?
check "restore of a file that is no archive exits 2" test $rc -eq 2
check "restore of a file that is no archive says so" contains "$tmp/e6" "not a pg_dump archive of a CONNEX database"
check "a refused restore leaves the database as it was" test \
  "$(psql_in restored "SELECT count(*) FROM users")" = "$(psql_in copied "SELECT count(*) FROM users")"

# The addresses as README.md and docs/deploy.md write them (user, password,
# host, no port: the cluster's port comes from PGPORT, as 5432 would by
# default), with a port, with a query string, and as libpq keywords.
verify copied >"$tmp/v-now"
for address in "postgresql://connex:SECRET@127.0.0.1/copied" "postgresql://connex@127.0.0.1/copied" \
  "postgresql://connex@127.0.0.1:$pg_port/copied" "postgres://connex@localhost:$pg_port/copied?sslmode=disable" \
  "$(url copied)" "host=127.0.0.1 port=$pg_port user=connex dbname=copied"; do
  PGPORT=$pg_port "$connex" migrate status --db "$address" >"$tmp/m" 2>&1; rc=$?
  check "migrate status reaches $address" test $rc -eq 0
  PGPORT=$pg_port "$connex" audit verify --db "$address" --audit-anchor "$tmp/anchor-copied" >"$tmp/v" 2>&1
  check "audit verify on $address reads the copied database" cmp -s "$tmp/v" "$tmp/v-now"
done
finish
