#!/bin/sh
# SPDX-License-Identifier: MIT
# check-harness.sh - tests/check.sh judges its sections: one that dies,
# one that hangs, one that runs fewer checks than its floor and one whose
# checks all skip each turn the run red with a line saying so, and a hung
# section's children die with it.
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-harness.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf 'tests/harness/short.sh\t3\ntests/harness/skips.sh\t3\n' >"$tmp/floors"

harness() {
	env BUILD="$tmp/b" CHECK_LIMIT=3 CHECK_FLOORS="$tmp/floors" \
		tests/check.sh "$@"
}

expect_exit 1 "harness: a section that dies" harness tests/harness/dies.sh
expect_log "harness: a section that dies" \
	'^not ok - section "tests/harness/dies.sh" died: exit status 137' \
	'^1 passed, 1 failed$'

expect_exit 1 "harness: a section that hangs" harness tests/harness/hangs.sh
expect_log "harness: a section that hangs" \
	'^not ok - section "tests/harness/hangs.sh" timed out after 3 s'
if pgrep -f 'sleep 1000' >/dev/null; then
	fail "harness: the hung section's child was killed"
else
	pass "harness: the hung section's child was killed"
fi

expect_exit 1 "harness: a section below its floor" harness tests/harness/short.sh
expect_log "harness: a section below its floor" \
	'^not ok - section "tests/harness/short.sh" ran 2 checks \(0 more skipped\), at least 3 expected'

# Skipped checks tested nothing: three of them do not meet a floor of 3.
expect_exit 1 "harness: a section of only skips" harness tests/harness/skips.sh
expect_log "harness: a section of only skips" \
	'^not ok - section "tests/harness/skips.sh" ran 0 checks \(3 more skipped\), at least 3 expected' \
	'^0 passed, 1 failed, 3 skipped$'

expect_exit 0 "harness: a section that runs to its end" harness tests/e2e/deps.sh
expect_log "harness: a section that runs to its end" '^[0-9]+ passed, 0 failed$'
