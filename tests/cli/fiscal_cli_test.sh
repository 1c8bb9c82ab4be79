#!/usr/bin/env bash
# The connex fiscal commands as a user runs them: help, outputs, exit codes and
# error messages. Usage: fiscal_cli_test.sh CONNEX_BINARY SOURCE_DIR
set -uo pipefail
connex=$1
cd "$2"
source tests/cli/check.sh

"$connex" --help >"$tmp/help" 2>&1; rc=$?
check "connex --help exits 0" test $rc -eq 0
check "connex --help lists fiscal" contains "$tmp/help" "fiscal"
check "connex --help lists the portal's commands too" contains "$tmp/help" "serve"
"$connex" --version >"$tmp/version" 2>&1
check "connex --version names the program" contains "$tmp/version" "connex 0.1.0"

# A fiscal command runs in a program that loads none of the portal's
# libraries (apps/connex/connex_main.cpp): start-up stays a few milliseconds.
ldd "$connex" >"$tmp/ldd" 2>&1
for portal_library in libsoci libpq libsqlite3 libcurl libgmime libpoppler libtesseract libsodium libboost; do
  check "connex loads no $portal_library for a fiscal run" not_contains "$tmp/ldd" "$portal_library"
done
check "...while the program it hands other commands to does" \
  grep -q libsoci <(ldd "$(dirname "$connex")/connex-platform")

"$connex" fiscal --help >"$tmp/fhelp" 2>&1
check "fiscal --help lists run" contains "$tmp/fhelp" "run"
check "fiscal --help lists sweep" contains "$tmp/fhelp" "sweep"
check "fiscal --help explains exit status" contains "$tmp/fhelp" "Exit status"

"$connex" fiscal run examples/copper_mine.json >"$tmp/run" 2>"$tmp/err"; rc=$?
check "run exits 0" test $rc -eq 0
check "run prints AETR" contains "$tmp/run" "AETR @10.00%"
check "run states conventions" contains "$tmp/run" "end-of-year timing"
check "run prints the ledger" contains "$tmp/run" "Ledger — Mining convention"
check "run states real terms" contains "$tmp/run" "Real terms: money of 2026, deflated at 2.00% a year"

# The demonstration of docs/fiscal-methodology.md, "Economic limit".
"$connex" fiscal run examples/copper_mine_life.json >"$tmp/life" 2>&1; rc=$?
check "the copper mine's life runs" test $rc -eq 0
check "...which stops sooner as the royalty rises: 2050 at 0%, 2042 at 6%" \
  grep -q "Economic limit: last production year (years cut).*2050 (0).*2045 (5).*2043 (7).*2042 (8)" "$tmp/life"

"$connex" fiscal run examples/copper_mine_terms.json --json >"$tmp/terms" 2>&1; rc=$?
check "the stabilisation example runs" test $rc -eq 0
check "...the third sheet takes the new law's terms from 2035" \
  grep -q '"change": {"year": 2035, "to": "Mining law 2035", "unrecovered_cost": "lost", "losses": "kept"}' \
  <(tr -d '\n' <"$tmp/terms" | sed 's/  */ /g; s/{ /{/g; s/ }/}/g')
check "...and the fund leaves 41.7 million of the 120 million closure unfunded" \
  grep -q '"closure_shortfall": 41739453.6' "$tmp/terms"

# Several projects of one taxpayer (docs/fiscal-methodology.md, "Several projects, one taxpayer").
# A gas field under a gross split, with and without its incentives: the
# state's split in the ledger and what each incentive costs the state.
"$connex" fiscal run examples/gas_gross_split.json >"$tmp/split" 2>&1; rc=$?
check "the gross split example runs" test $rc -eq 0
check "...the ledger shows the state's split" contains "$tmp/split" "gross_split_state"
check "...and leaves out the PSC's lines it does not use" not_contains "$tmp/split" "profit_state"
check "...the conventions count the split in G" contains "$tmp/split" "state share of a gross split"
check "...and each incentive's cost, with their interaction" \
  grep -qE '^dmo_holiday +Gross split with incentives +[0-9,]+ +[0-9,]+$' "$tmp/split"
check "...that add up to all of them" contains "$tmp/split" "all incentives"

"$connex" fiscal run examples/oil_fields_taxpayer.json >"$tmp/fields" 2>&1; rc=$?
check "the two oil fields run" test $rc -eq 0
check "...with each field's totals beside the taxpayer's" \
  grep -q "^Field B .*2,002,987,213" "$tmp/fields"
check "...and consolidation lowers the state's PV by 74 million" \
  grep -q "PV government receipts @10.00% *2,135,345,466 *2,115,940,009 *2,061,364,527" "$tmp/fields"
"$connex" fiscal run examples/oil_fields_taxpayer.json --csv >"$tmp/fields.csv" 2>&1
check "...the CSV names the project of each row" \
  test "$(head -c 26 "$tmp/fields.csv")" = "regime,project,year,gross_"
check "...with 20 rows for the taxpayer and 20 for each field, under each of 3 sheets" \
  test "$(wc -l <"$tmp/fields.csv")" -eq 181
"$connex" fiscal run examples/oil_fields_taxpayer.json --xlsx "$tmp/fields.xlsx" >/dev/null 2>&1
check "...and the workbook gives each field's ledger under each sheet of terms" \
  grep -q '<sheet name="Ledger 3.2 Field B"' <(unzip -p "$tmp/fields.xlsx" xl/workbook.xml)

"$connex" fiscal compare examples/oil_psc.json examples/oil_psc_negotiated.json --xlsx "$tmp/c.xlsx" >"$tmp/cmp"; rc=$?
check "compare exits 0" test $rc -eq 0
check "compare prints the additional PV" contains "$tmp/cmp" "Government receipts, PV @10.00%"
check "compare prints per-year deltas" contains "$tmp/cmp" "delta G (PV)"
check "xlsx written" test -s "$tmp/c.xlsx"
unzip -l "$tmp/c.xlsx" >"$tmp/zip" 2>&1
check "xlsx has a chart" contains "$tmp/zip" "xl/charts/chart1.xml"
unzip -p "$tmp/c.xlsx" xl/worksheets/sheet2.xml >"$tmp/ledger.xml" 2>/dev/null
# Ledger cells are numbers (<v> without t="s"), not text.
check "xlsx ledger numbers are numbers" test "$(grep -o '<c r="B2" s="[0-9]*"><v>' "$tmp/ledger.xml" | wc -l)" -eq 1

"$connex" fiscal compare examples/oil_psc.json --json >"$tmp/one" 2>"$tmp/one.err"; rc=$?
check "compare with one single-regime file exits 2" test $rc -eq 2
check "...and says why" contains "$tmp/one.err" "a comparison needs two regimes"

sed 's/"value": 8,/"value": 9,/' examples/oil_psc_negotiated.json >"$tmp/other_costs.json"
"$connex" fiscal compare examples/oil_psc.json "$tmp/other_costs.json" >/dev/null 2>"$tmp/proj.err"; rc=$?
check "compare refuses projects that differ only in a per-unit cost" test $rc -eq 2
check "...and says the projects differ" contains "$tmp/proj.err" "project: differs"

"$connex" fiscal sweep examples/oil_psc.json --price 0.5:2.0:0.05 --csv >"$tmp/sweep"; rc=$?
check "sweep exits 0" test $rc -eq 0
check "sweep has 31 points and a header" test "$(wc -l <"$tmp/sweep")" -eq 32
"$connex" fiscal sweep examples/oil_psc.json --price 2:1:0.1 >"$tmp/bad" 2>"$tmp/bad.err"; rc=$?
check "bad --price exits 2" test $rc -eq 2
check "bad --price names the option" contains "$tmp/bad.err" "--price: must be FROM:TO:STEP"

"$connex" fiscal run examples/oil_psc.json --json >"$tmp/json"
check "run --json has the schema" contains "$tmp/json" '"schema": "connex.fiscal.result/1"'

sed 's/"escalation": 0.02/"escalation": 0.02, "colour": "black"/' examples/oil_psc.json >"$tmp/invalid.json"
"$connex" fiscal run "$tmp/invalid.json" >"$tmp/inv.out" 2>"$tmp/inv.err"; rc=$?
check "invalid model exits 2" test $rc -eq 2
check "invalid model prints nothing on stdout" test ! -s "$tmp/inv.out"
check "invalid model error names the path" contains "$tmp/inv.err" "project.products[0].price.colour: is not a known field"

"$connex" fiscal run no-such-model.json >/dev/null 2>"$tmp/nf.err"; rc=$?
check "missing file exits 2" test $rc -eq 2

# Monte Carlo, tornado, spider, solve.
"$connex" fiscal montecarlo examples/oil_psc.json --scenarios 3000 --seed 5 --threads 1 --json >"$tmp/mc1"; rc=$?
check "montecarlo exits 0" test $rc -eq 0
"$connex" fiscal montecarlo examples/oil_psc.json --scenarios 3000 --seed 5 --threads 2 --json >"$tmp/mc2"
check "montecarlo: same seed, same output on 1 and 2 threads" \
  sh -c "grep -v '\"threads\"' '$tmp/mc1' >'$tmp/a'; grep -v '\"threads\"' '$tmp/mc2' >'$tmp/b'; cmp -s '$tmp/a' '$tmp/b'"
check "montecarlo reports the IRR distribution" contains "$tmp/mc1" '"investor_irr"'
check "montecarlo is not partial" contains "$tmp/mc1" '"partial": false'
"$connex" fiscal montecarlo examples/oil_psc.json --scenarios 2000 --xlsx "$tmp/mc.xlsx" >/dev/null 2>"$tmp/mc.err"
check "montecarlo writes a workbook" test -s "$tmp/mc.xlsx"
check "no progress bar when stderr is not a terminal" test ! -s "$tmp/mc.err"
"$connex" fiscal montecarlo examples/oil_psc_negotiated.json >/dev/null 2>"$tmp/nou.err"; rc=$?
check "montecarlo without uncertainty exits 2" test $rc -eq 2
check "montecarlo without uncertainty says why" contains "$tmp/nou.err" "uncertainty: is required"
"$connex" fiscal tornado examples/copper_mine.json --csv >"$tmp/tor"; rc=$?
check "tornado exits 0" test $rc -eq 0
check "tornado ranks price first" sh -c "sed -n 2p '$tmp/tor' | grep -q '^price,'"
"$connex" fiscal spider examples/copper_mine.json --input price=0.5:1.5 --points 5 --csv >"$tmp/spi"
check "spider has 5 points" test "$(wc -l <"$tmp/spi")" -eq 6
"$connex" fiscal solve examples/copper_mine.json --term 'regimes[0].instruments[0].rate' --target aetr=0.7 --range 0:0.3 --json >"$tmp/solve"; rc=$?
check "solve exits 0" test $rc -eq 0
check "solve finds a rate" contains "$tmp/solve" '"found": true'
"$connex" fiscal solve examples/copper_mine.json --term 'regimes[0].instruments[0].rate' --target aetr=0.5 --range 0:0.3 >"$tmp/nosol"
check "solve says when no value reaches the target" contains "$tmp/nosol" "No answer: no value in [0, 0.3] reaches 0.5"
"$connex" fiscal solve examples/copper_mine.json --term 'regimes[0].name' --target aetr=0.5 >/dev/null 2>"$tmp/badterm"; rc=$?
check "a term that is not a number exits 2" test $rc -eq 2
check "a term that is not a number is named" contains "$tmp/badterm" "regimes[0].name: must name a number"
"$connex" fiscal montecarlo tests/cli/fixtures/not_psd.json >/dev/null 2>"$tmp/psd.err"; rc=$?
check "a matrix that is not PSD exits 2" test $rc -eq 2
check "a matrix that is not PSD is named" contains "$tmp/psd.err" "uncertainty.correlation.matrix: the correlation matrix is not positive semi-definite"

# Benchmark: the oil PSC's proposed terms against the negotiated ones and a
# mining convention that names products the oil project lacks.
"$connex" fiscal benchmark examples/oil_psc.json --against examples/oil_psc_negotiated.json examples/copper_mine.json \
  --xlsx "$tmp/bench.xlsx" >"$tmp/bench"; rc=$?
check "benchmark exits 0" test $rc -eq 0
check "benchmark ranks the draft" contains "$tmp/bench" "AETR                           81.61%  2 of 2"
check "benchmark says what the median comparator adds" contains "$tmp/bench" "Median comparator: \"Negotiated terms\""
check "benchmark lists a comparator it cannot evaluate, with why" contains "$tmp/bench" \
  '"Mining convention" (examples/copper_mine.json): regimes[0].instruments[0].product: names no product of the project (products: oil, gas), got "copper"'
unzip -l "$tmp/bench.xlsx" >"$tmp/bzip" 2>&1
check "benchmark workbook has three sheets and the band's chart" \
  sh -c "grep -q 'xl/worksheets/sheet3.xml' '$tmp/bzip' && grep -q 'xl/charts/chart1.xml' '$tmp/bzip'"
"$connex" fiscal benchmark examples/oil_psc.json --against examples/oil_psc_negotiated.json examples/copper_mine.json --json >"$tmp/bench.json"
"$connex" fiscal run examples/oil_psc_negotiated.json --json >"$tmp/negotiated.json"
check "benchmark --json: each comparator's metrics as fiscal run names them, the draft's standing per metric" \
  python3 - "$tmp/bench.json" "$tmp/negotiated.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1])); run = json.load(open(sys.argv[2]))
assert b["schema"] == "connex.fiscal.benchmark/1"
assert b["comparators"][0]["metrics"] == run["regimes"][0]["metrics"], "metrics differ from fiscal run"
assert b["comparators"][1]["evaluated"] is False and "copper" in b["comparators"][1]["reason"]
names = ["pv_government_receipts", "government_receipts", "aetr", "government_take", "investor_irr",
         "investor_npv", "breakeven_post_tax", "metr", "front_loading"]
assert list(b["draft"]["standing"]) == names
assert b["draft"]["standing"]["aetr"] == {"rank": 2, "of": 2, "percentile": 0.0}
# The negotiated terms leave the investor less: they give the state more.
assert b["draft"]["standing"]["investor_npv"] == {"rank": 2, "of": 2, "percentile": 0.0}
assert b["median"]["regime"] == "Negotiated terms"
PY
"$connex" fiscal benchmark examples/oil_psc.json --against tests/cli/fixtures/hub_import >/dev/null 2>&1; rc=$?
check "benchmark against a folder exits non-zero" test $rc -ne 0
echo '{"schema": "connex.fiscal/1"}' >"$tmp/no_terms.json"
"$connex" fiscal benchmark examples/oil_psc.json --against "$tmp/no_terms.json" >"$tmp/nt.out" 2>"$tmp/nt.err"; rc=$?
check "benchmark against a file without term sheets exits 2" test $rc -eq 2
check "...names the file and the field" contains "$tmp/nt.err" "no_terms.json: regimes: is required"
check "...and prints nothing on stdout" test ! -s "$tmp/nt.out"

finish
