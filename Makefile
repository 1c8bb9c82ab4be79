# The README's commands. Each installs what it needs first (scripts/setup).
.PHONY: run test bench fuzz format setup web clean

JOBS ?= 2
# Short runs in CI over the committed corpus; longer runs: make fuzz FUZZ_SECONDS=600.
FUZZ_SECONDS ?= 10
# Only the fuzzers are built with clang: the portal itself is built by the debug preset.
FUZZERS = model_reader_fuzz uncertainty_fuzz request_body_fuzz request_form_fuzz mail_receive_fuzz

setup:
	./scripts/setup

# The web app, built into web/dist (served by connex serve).
web: setup
	cd web && npm run build --silent

# Release build and the web app, then the portal on http://127.0.0.1:8080 with
# the embedded database in var/ (demo accounts created and printed on first start).
run: setup web
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	./build/release/connex serve --demo

# Every test: formatting, the ASan+UBSan debug build (unit, golden, property,
# persistence, CLI, API and browser tests) and short libFuzzer runs.
test: setup web
	./scripts/check-format
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)
	ctest --preset debug
	$(MAKE) --no-print-directory fuzz

fuzz: setup
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS) --target $(FUZZERS)
	./scripts/run-fuzz build/fuzz/fuzz/model_reader_fuzz fuzz/corpus/model_reader $(FUZZ_SECONDS)
	./scripts/run-fuzz build/fuzz/fuzz/uncertainty_fuzz fuzz/corpus/uncertainty $(FUZZ_SECONDS)
	./scripts/run-fuzz build/fuzz/fuzz/request_body_fuzz fuzz/corpus/request_body $(FUZZ_SECONDS)
	./scripts/run-fuzz build/fuzz/fuzz/request_form_fuzz fuzz/corpus/request_form $(FUZZ_SECONDS)
	./scripts/run-fuzz build/fuzz/fuzz/mail_receive_fuzz fuzz/corpus/mail_receive $(FUZZ_SECONDS)

bench: setup web
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	./build/release/bench/connex_bench --benchmark_counters_tabular=true
	@echo "A fiscal command's whole process, start-up included (the 30-year oil PSC):"
	hyperfine -N --warmup 10 --runs 200 'build/release/connex fiscal run examples/oil_psc.json'
	CONNEX_PG_FSYNC=on ./tests/pg/with-cluster.sh ./scripts/load-bench build/release/connex \
	  build/release/bench/connex_bench_corpus
	./scripts/network-bench build/release/connex build/release/bench/connex_hold_connections
	@echo "web app, JavaScript and CSS gzipped: $$(cat web/dist/assets/*.js web/dist/assets/*.css | gzip -9 | wc -c) bytes"
	cd web && CONNEX_BINARY=../build/release/connex node --test e2e/slow_line.test.mjs 2>&1 | grep -E '^# (Slow 4G|JavaScript)|^(not )?ok'

format:
	find src apps tests bench fuzz -name '*.cpp' -o -name '*.hpp' -o -name '*.inl' | xargs clang-format -i

clean:
	rm -rf build
