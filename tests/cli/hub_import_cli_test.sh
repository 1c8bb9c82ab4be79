#!/usr/bin/env bash
# `connex hub import` on a folder of PDFs with a metadata CSV: wrong rows are
# reported with their line and column while the others import; a damaged PDF
# is reported, not fatal; a second run skips what was imported (resumable);
# only the Support Unit imports.
# Usage: hub_import_cli_test.sh CONNEX_BINARY SOURCE_DIR
set -uo pipefail
connex=$1
cd "$2"
source tests/cli/check.sh
data=$tmp/var
folder=tests/cli/fixtures/hub_import
"$connex" demo --data "$data" >/dev/null

"$connex" hub import "$folder" --check >"$tmp/check"; rc=$?
check "--check exits 2 when a row is wrong" test $rc -eq 2
check "--check names the line and the column of a bad date" contains "$tmp/check" "line 4, signature_date: must be a date (YYYY-MM-DD)"
check "--check names a missing file" contains "$tmp/check" "line 6, file: no such file in the folder: missing.pdf"
check "--check counts the rows ready" contains "$tmp/check" "4 rows ready, 2 problems"

"$connex" hub import "$folder" --data "$data" --as coordinator@connex.example >"$tmp/first" 2>"$tmp/first.err"; rc=$?
check "an import with wrong rows exits 2" test $rc -eq 2
check "the valid rows import as drafts" contains "$tmp/first" "2 imported as drafts (2 pages), 0 already imported, 3 problems"
check "a damaged PDF is reported on its line" contains "$tmp/first" "line 5, file: broken.pdf:"
check "the bad date is reported on its line" contains "$tmp/first" "line 4, signature_date"

"$connex" hub import "$folder" --data "$data" --as coordinator@connex.example >"$tmp/second" 2>/dev/null; rc=$?
check "a second run skips the files imported before" contains "$tmp/second" "0 imported as drafts (0 pages), 2 already imported, 3 problems"

"$connex" hub import "$folder" --data "$data" --as focal.ghana@connex.example >/dev/null 2>"$tmp/gov"; rc=$?
check "a government account may not import" test $rc -eq 2
check "the refusal names --as" contains "$tmp/gov" "--as: must be the email of a coordinator or administrator"

"$connex" hub import "$folder" --csv nothing.csv --data "$data" --as coordinator@connex.example >/dev/null 2>"$tmp/nocsv"; rc=$?
check "a missing CSV exits 2" test $rc -eq 2
check "a missing CSV is named" contains "$tmp/nocsv" "cannot read"
finish
