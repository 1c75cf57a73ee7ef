#!/bin/sh
# SPDX-License-Identifier: MIT
# check-hostile.sh - kut-run against what a fuzzer and a hostile cfg found
# (issue 12): a bad smp expression fails its test alone; logs are never
# lost or mixed; timeouts hold with stdout stalled; nothing blocks on a
# FIFO; no QEMU outlives kut-run; reports are never stale; temporary files
# never follow a planted symlink; verdicts need the guest's own word.
# Most checks run a stand-in QEMU (a shell script, QEMU=), so the section
# takes seconds.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
ST=$b/gcc/x86_64/tests/selftest.flat
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ok_eval NAME EXPRESSION: pass or fail on a shell expression.
ok_eval() {
	if eval "$2"; then pass "$1"; else fail "$1"; fi
}

# A suite of one image: suite DIR, then sections from stdin.
suite() {
	mkdir -p "$1"
	ln -sf "$ST" "$1/selftest.flat"
	cat >"$1/unittests.cfg"
}

# --- 1. smp: a bad expression fails its own test, the others run
S=$tmp/smp/x86_64
{
	printf '[ok]\nfile = selftest.flat\ntest_args = setup\n'
	printf '[fpe]\nfile = selftest.flat\nsmp = $((-65536*65536*65536*32768 / -1))\n'
	printf '[wrap]\nfile = selftest.flat\nsmp = $((65536*65536*65536*65536+2))\n'
	printf '[mod0]\nfile = selftest.flat\nsmp = $((2 %% 0))\n'
	printf '[deep]\nfile = selftest.flat\nsmp = $((%s1%s))\n' \
		"$(head -c 100000 /dev/zero | tr '\0' '(')" \
		"$(head -c 100000 /dev/zero | tr '\0' ')')"
} | suite "$S"
log=$(logfile "smp hostile")
"$KUT_RUN" --accel=tcg --logs "$tmp/smplogs" "$S" >"$log" 2>&1
st=$?
ok_eval "smp: bad expressions fail their tests, not the run (exit 1)" '[ $st -eq 1 ]'
expect_log "smp hostile" '^PASS ok ' \
	"^FAIL fpe \(.*/unittests.cfg:6: smp: .*arithmetic overflow\)$" \
	"^FAIL wrap \(.*/unittests.cfg:9: smp: .*arithmetic overflow\)$" \
	"^FAIL mod0 \(.*/unittests.cfg:12: smp: .*division by zero\)$" \
	"^FAIL deep \(.*/unittests.cfg:15: smp: .*nested too deeply\)$" \
	'^Total 5: 1 passed, 0 failed, 0 timed out, 4 errors'
