#!/bin/sh
# SPDX-License-Identifier: MIT
# check.sh - the project's own tests (make check): builds with GCC and
# Clang, host unit tests, guest tests under QEMU (TCG, and KVM where it
# works), the installed SDK end to end, and bad input.  Ends with one line
# "N passed, N failed[, N skipped]"; exits 1 if anything failed.
set -u
cd "$(dirname "$0")/.."

: "${BUILD:=build}"
: "${ARCHES:=x86_64}"
JOBS=${JOBS:-$(nproc)}
export BUILD ARCHES CHECK_LOGS="$BUILD/check/logs"
rm -rf "$BUILD/check"
mkdir -p "$CHECK_LOGS"
out="$BUILD/check/results.txt"

run_section() {
	echo "# --- $1"
	shift
	"$@"
}

{
	run_section "build" tests/check-build.sh "$JOBS"
	run_section "host unit tests" tests/check-host.sh
	run_section "guest tests" tests/check-guest.sh
	run_section "guest tests, i386" tests/check-guest-i386.sh
	run_section "suite mode" tests/check-suite.sh
	run_section "bundled suites give their recorded verdicts" tests/check-verdicts.sh
	run_section "guest tests, arm64 and arm" tests/check-guest-arm.sh
	run_section "guest tests, riscv64" tests/check-guest-riscv.sh
	run_section "guest tests, s390x" tests/check-guest-s390x.sh
	run_section "installed SDK, end to end" tests/e2e/install.sh
	run_section "installed SDK for arm64, arm, riscv64 and s390x, end to end" tests/e2e/install-arm.sh
	run_section "out-of-tree SDK: kut.mk, kut-new, examples, compat" tests/e2e/sdk.sh
	run_section "documentation and man pages" tests/check-docs.sh
	run_section "bad input" tests/e2e/bad-input.sh
	run_section "kut-run command line" tests/e2e/cli.sh
	run_section "kut-run --gdb under gdb-multiarch" tests/e2e/gdb.sh
	run_section "dependency installer" tests/e2e/deps.sh
} 2>&1 | tee "$out"

skipped=$(grep -Ec '^ok - .* # SKIP' "$out")
failed=$(grep -Ec '^not ok - ' "$out")
passed=$(( $(grep -Ec '^ok - ' "$out") - skipped ))
if [ "$failed" -gt 0 ]; then
	echo "# failed:"
	grep -E '^not ok - ' "$out" | sed 's/^not ok - /#   /'
fi
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
