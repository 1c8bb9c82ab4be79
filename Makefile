# The README's commands. Each installs what it needs first (scripts/setup).
.PHONY: run test bench fuzz format setup clean

JOBS ?= 2
FUZZ_SECONDS ?= 30

setup:
	./scripts/setup

# Release build, then the fiscal engine on the bundled example: the company's
# proposed PSC terms against the negotiated ones.
run: setup
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	./build/release/connex fiscal compare examples/oil_psc.json examples/oil_psc_negotiated.json

# Every test: formatting, the ASan+UBSan debug build (unit, golden, property,
# CLI tests) and a short libFuzzer run of the model-file parser.
test: setup
	./scripts/check-format
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)
	ctest --preset debug
	$(MAKE) --no-print-directory fuzz

fuzz: setup
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	./scripts/run-fuzz build/fuzz/fuzz/model_reader_fuzz fuzz/corpus/model_reader $(FUZZ_SECONDS)
	./scripts/run-fuzz build/fuzz/fuzz/uncertainty_fuzz fuzz/corpus/uncertainty $(FUZZ_SECONDS)
	./scripts/run-fuzz build/fuzz/fuzz/request_body_fuzz fuzz/corpus/request_body $(FUZZ_SECONDS)

bench: setup
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	./build/release/bench/connex_bench --benchmark_counters_tabular=true
	./scripts/load-bench build/release/connex

format:
	find src apps tests bench fuzz -name '*.cpp' -o -name '*.hpp' -o -name '*.inl' | xargs clang-format -i

clean:
	rm -rf build
