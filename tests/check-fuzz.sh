#!/bin/sh
# SPDX-License-Identifier: MIT
# check-fuzz.sh - kut-run's libFuzzer targets (tests/fuzz/), each run
# once over its committed corpus: the parsers of the cfg, the smp
# expression, sh-splitting, the expect file and image detection stay
# free of what the fuzzer found (crashes, sanitizer reports).  The long
# runs are `make fuzz`.
. tests/lib.sh

targets="cfg smp shsplit expect image"
log=$(logfile "fuzz build")
if ! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' |
	clang -x c -fsanitize=fuzzer,address,undefined -o "$BUILD/fuzz-probe" - >"$log" 2>&1; then
	for t in $targets; do
		skip "fuzz-$t over its corpus" "clang cannot link -fsanitize=fuzzer here (libclang-rt-dev)"
	done
	exit 0
fi
rm -f "$BUILD/fuzz-probe"
if ! make --no-print-directory BUILD="$BUILD" fuzz-build >"$log" 2>&1; then
	fail "fuzz targets build" "make fuzz-build failed"
	show_log "$log"
	exit 0
fi
for t in $targets; do
	log=$(logfile "fuzz-$t")
	if "$BUILD/fuzz/fuzz-$t" -runs=1 tests/fuzz/corpus/$t/* >"$log" 2>&1; then
		pass "fuzz-$t over its corpus ($(ls tests/fuzz/corpus/$t | wc -l) inputs)"
	else
		fail "fuzz-$t over its corpus"
		grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5 | sed 's/^/#   /'
	fi
done
