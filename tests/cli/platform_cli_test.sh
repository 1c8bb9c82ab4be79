#!/usr/bin/env bash
# The operator commands on a fresh data directory: organisations, accounts,
# the audit chain (intact, then tampered with), migrations, backups and restores.
# Usage: platform_cli_test.sh CONNEX_BINARY SOURCE_DIR
set -uo pipefail
connex=$1
cd "$2"
source tests/cli/check.sh
data=$tmp/var

"$connex" migrate status --data "$tmp/fresh" >"$tmp/m1"; rc=$?
check "migrate status exits 0" test $rc -eq 0
check "a fresh database has every migration pending" contains "$tmp/m1" "1 accounts pending"
"$connex" migrate up --data "$tmp/fresh" --to 2 >"$tmp/m2"; rc=$?
check "migrate up --to exits 0" test $rc -eq 0
check "migrate up --to applies as far as asked" contains "$tmp/m2" "applied 2 migration(s)"
"$connex" migrate status --data "$tmp/fresh" >"$tmp/m3"
check "migrate status shows the applied ones" grep -q "^2 requests applied 20" "$tmp/m3"
check "migrate status shows the pending ones" contains "$tmp/m3" "3 roster pending"
"$connex" migrate up --data "$tmp/fresh" >"$tmp/m4"
"$connex" migrate status --data "$tmp/fresh" >"$tmp/m5"
check "migrate up applies the rest" contains "$tmp/m5" "0 pending"

org=$("$connex" organisation add --data "$data" --kind government --name "Ministry of Mines" --country GHA); rc=$?
check "organisation add exits 0" test $rc -eq 0
check "organisation add prints an id" test "${org#org_}" != "$org"
"$connex" organisation add --data "$data" --kind government --name "Ministry X" --country ghana >/dev/null 2>"$tmp/e1"; rc=$?
check "a bad country code exits 2" test $rc -eq 2
check "a bad country code is named" contains "$tmp/e1" 'country: "ghana" is not an ISO 3166-1 alpha-3 code'

echo "a long enough secret" | "$connex" user add --data "$data" --email Focal@Mines.gov.gh --name "Ama Focal" --role government --organisation "$org" >"$tmp/add"; rc=$?
check "user add exits 0" test $rc -eq 0
check "user add stores the email in lower case" contains "$tmp/add" "<focal@mines.gov.gh>"
echo "a long enough secret" | "$connex" user add --data "$data" --email focal@mines.gov.gh --name "Again" --role government --organisation "$org" >/dev/null 2>"$tmp/e2"; rc=$?
check "a second account for one email exits 2" test $rc -eq 2
check "a second account for one email says why" contains "$tmp/e2" "email: already has an account"
echo "short" | "$connex" user add --data "$data" --email x@y.org --name X --role expert >/dev/null 2>"$tmp/e3"; rc=$?
check "a short password exits 2" test $rc -eq 2
check "a short password says why" contains "$tmp/e3" "password: must be at least 12 characters"
echo "a long enough secret" | "$connex" user add --data "$data" --email g@y.org --name G --role government >/dev/null 2>"$tmp/e4"; rc=$?
check "a government user without organisation exits 2" test $rc -eq 2
check "a government user without organisation says why" contains "$tmp/e4" "organisation_id: is required"
"$connex" user add --data "$data" --email z@y.org --name Z --role boss </dev/null >/dev/null 2>"$tmp/e5"; rc=$?
check "an unknown role exits 2" test $rc -eq 2
check "an unknown role is named" contains "$tmp/e5" "--role: boss not in"
"$connex" user invite --data "$data" --email expert@example.org --name "Eve Expert" --role expert >"$tmp/inv"; rc=$?
check "user invite exits 0" test $rc -eq 0
check "user invite prints a link" contains "$tmp/inv" "http://127.0.0.1:8080/invitation/"
echo "another long secret" | "$connex" user reset --data "$data" --email focal@mines.gov.gh >"$tmp/reset"; rc=$?
check "user reset exits 0" test $rc -eq 0

"$connex" audit verify --data "$data" >"$tmp/v1"; rc=$?
check "audit verify exits 0 on an intact chain" test $rc -eq 0
check "audit verify counts the entries" contains "$tmp/v1" "audit chain intact: 4 entries, sealed with key"
check "audit verify says the log is not anchored yet" contains "$tmp/v1" "not anchored yet: $data/audit.anchor"
check "the embedded database's audit key was created for its owner alone" test "$(stat -c %a "$data/audit.key")" = 600
"$connex" audit key new "$tmp/other.key" >"$tmp/k1"; rc=$?
check "audit key new exits 0" test $rc -eq 0
check "audit key new says where the key goes" contains "$tmp/k1" "copy this file to every instance"
"$connex" audit key new "$tmp/other.key" >/dev/null 2>"$tmp/k2"; rc=$?
check "audit key new never overwrites a key" test $rc -eq 2
check "audit key new says why" contains "$tmp/k2" "already exists"
CONNEX_AUDIT_KEY="$tmp/other.key" "$connex" audit verify --data "$data" >"$tmp/v-other"; rc=$?
check "audit verify with another key (from the environment) exits 1" test $rc -eq 1
check "audit verify names the other key" contains "$tmp/v-other" "sealed with another audit key"
"$connex" audit verify --data "$data" --audit-key "$tmp/nowhere.key" >/dev/null 2>"$tmp/k3"; rc=$?
check "a named key that does not exist is refused" test $rc -eq 1
check "a named key that does not exist says how to make one" contains "$tmp/k3" "connex audit key new $tmp/nowhere.key"

"$connex" backup --data "$data" "$tmp/copy.db" >/dev/null; rc=$?
check "backup exits 0" test $rc -eq 0
check "the backup holds the accounts" test "$(sqlite3 "$tmp/copy.db" 'SELECT COUNT(*) FROM users')" = 1
"$connex" backup --data "$data" "$tmp/copy.db" >/dev/null 2>"$tmp/e6"; rc=$?
check "backup refuses to overwrite" test $rc -eq 2

# A restore puts the backup in place: the user added after it is gone.
echo "a long enough secret" | "$connex" user add --data "$data" --email later@y.org --name Later --role expert >/dev/null
"$connex" restore --data "$data" "$tmp/copy.db" >/dev/null 2>"$tmp/e7"; rc=$?
check "restore refuses to overwrite without --replace" test $rc -eq 2
"$connex" restore --data "$data" --replace "$tmp/copy.db" >"$tmp/r1"; rc=$?
check "restore --replace exits 0" test $rc -eq 0
check "restore records itself in the audit log and anchors it" contains "$tmp/r1" "audit log anchored at entry 5 (the restore is entry 5)"
check "the restored database holds what the backup held" test "$(sqlite3 "$data/connex.db" 'SELECT COUNT(*) FROM users')" = 1
echo "not a database" >"$tmp/junk.db"
"$connex" restore --data "$data" --replace "$tmp/junk.db" >/dev/null 2>"$tmp/e8"; rc=$?
check "restoring a file that is not a backup exits 2" test $rc -eq 2
check "the database survives a refused restore" test "$(sqlite3 "$data/connex.db" 'SELECT COUNT(*) FROM users')" = 1

# The anchor: the last entry removed leaves a chain that holds by itself.
"$connex" audit verify --data "$data" >"$tmp/v3"; rc=$?
check "the restored log verifies" test $rc -eq 0
check "the restored log is anchored" contains "$tmp/v3" "anchored: the log holds the 5 entries that $data/audit.anchor recorded"
sqlite3 "$data/connex.db" "DELETE FROM audit_log WHERE seq = 5"
"$connex" audit verify --data "$data" >"$tmp/v4"; rc=$?
check "audit verify exits 1 on a truncated log" test $rc -eq 1
check "audit verify says the log lost its end" contains "$tmp/v4" "BROKEN at entry 5 of 4: the log ends at entry 4 but the anchor written"
"$connex" serve --data "$data" --port 0 --web "" >"$tmp/s1" 2>&1; rc=$?
check "the portal does not start on a truncated log" test $rc -eq 1
check "the portal says how to go on" contains "$tmp/s1" "connex audit reanchor"
"$connex" audit reanchor --data "$data" --reason "  " >/dev/null 2>&1; rc=$?
check "reanchor needs a reason" test $rc -ne 0
"$connex" audit reanchor --data "$data" --reason "restored by hand from Friday's copy" >"$tmp/ra"; rc=$?
check "reanchor exits 0" test $rc -eq 0
check "reanchor anchors the log with its own entry" contains "$tmp/ra" "anchored: the log holds the 5 entries"
check "reanchor keeps the replaced anchor" test "$(ls "$data" | grep -c '^audit.anchor.replaced-')" = 1
check "the log records why" test "$(sqlite3 "$data/connex.db" "SELECT json_extract(after_json, '$.reason') FROM audit_log WHERE seq = 5")" = "restored by hand from Friday's copy"

# A lost key is asked for, never made anew for a sealed log.
mv "$data/audit.key" "$tmp/kept.key"
"$connex" audit verify --data "$data" >/dev/null 2>"$tmp/k4"; rc=$?
check "a sealed log whose key is gone exits 1" test $rc -eq 1
check "a sealed log whose key is gone is not given a new one" test ! -e "$data/audit.key"
check "the missing key is asked for" contains "$tmp/k4" "put its key file back at $data/audit.key"
mv "$tmp/kept.key" "$data/audit.key"
# A backup whose audit log does not hold is not restored.
cp "$tmp/copy.db" "$tmp/bad.db"
sqlite3 "$tmp/bad.db" "UPDATE audit_log SET actor = 'x' WHERE seq = 1"
"$connex" restore --data "$data" --replace "$tmp/bad.db" >/dev/null 2>"$tmp/e9"; rc=$?
check "a backup whose audit log does not hold is refused" test $rc -eq 2
check "the refusal says why" contains "$tmp/e9" "its audit log does not hold"
check "the refused backup leaves the database as it was" test "$(sqlite3 "$data/connex.db" 'SELECT COUNT(*) FROM audit_log')" = 5

sqlite3 "$data/connex.db" "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2"
"$connex" audit verify --data "$data" >"$tmp/v2"; rc=$?
check "audit verify exits 1 on a tampered chain" test $rc -eq 1
check "audit verify names the first broken entry" contains "$tmp/v2" "BROKEN at entry 2 of 5"

finish
