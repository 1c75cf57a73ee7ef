#!/bin/sh
# SPDX-License-Identifier: MIT
# suite-verdicts.sh - the suite verdicts a wrong runner would get wrong
# quietly: a test that cannot run at all (no image, no QEMU for it) fails
# the run even when nothing else does; a test the cfg gives to one
# accelerator is skipped, not run, under another; the cfg's smp
# arithmetic compares as written (< is not <=).  Under TCG; seconds.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-verdicts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# suite NAME: a suite directory $tmp/NAME/x86_64 holding selftest.flat and
# the cfg read from standard input.
suite() {
	mkdir -p "$tmp/$1/x86_64"
	ln -s "$b/gcc/x86_64/tests/selftest.flat" "$tmp/$1/x86_64/"
	cat >"$tmp/$1/x86_64/unittests.cfg"
}

# --- nothing but an unrunnable test, and one beside a passing test
suite lone <<-'CFG'
	[missing]
	file = not-built.flat
	CFG
expect_exit 1 "a suite whose only test has no image -> exit 1" \
	"$KUT_RUN" --accel=tcg --logs "$tmp/l1" "$tmp/lone/x86_64"
expect_log "a suite whose only test has no image -> exit 1" \
	'^FAIL missing \(.*not-built\.flat: No such file or directory\)$' \
	'^Total 1: 0 passed, 0 failed, 0 timed out, 1 errors'

suite mixed <<-'CFG'
	[pass]
	file = selftest.flat
	test_args = pass

	[missing]
	file = not-built.flat
	CFG
expect_exit 1 "a passing test and one with no image -> exit 1" \
	"$KUT_RUN" --accel=tcg --logs "$tmp/l2" "$tmp/mixed/x86_64"
expect_log "a passing test and one with no image -> exit 1" \
	'^PASS pass \(1 tests\)$' '^FAIL missing ' \
	'^Total 2: 1 passed, 0 failed, 0 timed out, 1 errors'

suite wrongarch <<-'CFG'
	[pass]
	file = selftest.flat
	test_args = pass
	CFG
rm "$tmp/wrongarch/x86_64/selftest.flat"
printf 'not an image\n' >"$tmp/wrongarch/x86_64/selftest.flat"
expect_exit 1 "a test whose image is not one -> exit 1" \
	"$KUT_RUN" --accel=tcg --logs "$tmp/l3" "$tmp/wrongarch/x86_64"
expect_log "a test whose image is not one -> exit 1" '^FAIL pass ' \
	'^Total 1: 0 passed, 0 failed, 0 timed out, 1 errors'

# --- the accel key
suite accel <<-'CFG'
	[kvm-only]
	file = selftest.flat
	test_args = pass
	accel = kvm

	[tcg-only]
	file = selftest.flat
	test_args = pass
	accel = tcg
	CFG
expect_exit 0 "accel = kvm under --accel=tcg -> SKIP, not run" \
	"$KUT_RUN" --accel=tcg --logs "$tmp/l4" "$tmp/accel/x86_64"
expect_log "accel = kvm under --accel=tcg -> SKIP, not run" \
	'^SKIP kvm-only \(kvm only, but .*tcg\)$' '^PASS tcg-only \(1 tests\)$' \
	'^Total 2: 1 passed, 0 failed, 0 timed out, 0 errors, 1 skipped'
if [ -e "$tmp/l4/kvm-only.log" ]; then
	fail "accel = kvm under --accel=tcg: no QEMU started for it" \
		"$tmp/l4/kvm-only.log exists"
else
	pass "accel = kvm under --accel=tcg: no QEMU started for it"
fi
expect_exit 0 "accel = tcg under ACCEL=tcg runs, accel = kvm skips" \
	env ACCEL=tcg "$KUT_RUN" --logs "$tmp/l5" "$tmp/accel/x86_64"
expect_log "accel = tcg under ACCEL=tcg runs, accel = kvm skips" \
	'^SKIP kvm-only \(kvm only' '^PASS tcg-only \(1 tests\)$'
if ! kvm_usable; then
	expect_exit 0 "accel = kvm with no usable /dev/kvm -> SKIP" \
		"$KUT_RUN" --logs "$tmp/l6" "$tmp/accel/x86_64" kvm-only
	expect_log "accel = kvm with no usable /dev/kvm -> SKIP" '^SKIP kvm-only \('
	expect_no_log "accel = kvm with no usable /dev/kvm -> SKIP" '^PASS kvm-only'
else
	expect_exit 0 "accel = kvm where /dev/kvm works -> runs under KVM" \
		"$KUT_RUN" --logs "$tmp/l6" "$tmp/accel/x86_64" kvm-only
	expect_log "accel = kvm where /dev/kvm works -> runs under KVM" '^PASS kvm-only '
	if head -1 "$tmp/l6/kvm-only.log" 2>/dev/null | grep -q -- '-accel kvm'; then
		pass "accel = kvm where /dev/kvm works: QEMU had -accel kvm"
	else
		fail "accel = kvm where /dev/kvm works: QEMU had -accel kvm"
	fi
fi

# --- smp = $((...)): each comparison as written
suite smp <<-'CFG'
	[lt-equal]
	file = selftest.flat
	smp = $((2 < 2 ? 3 : 1))

	[lt-less]
	file = selftest.flat
	smp = $((1 < 2 ? 3 : 1))

	[le-equal]
	file = selftest.flat
	smp = $((2 <= 2 ? 3 : 1))

	[gt-equal]
	file = selftest.flat
	smp = $((2 > 2 ? 3 : 1))

	[ge-equal]
	file = selftest.flat
	smp = $((2 >= 2 ? 3 : 1))

	[eq]
	file = selftest.flat
	smp = $((2 == 2 ? 3 : 1))

	[ne]
	file = selftest.flat
	smp = $((2 != 2 ? 3 : 1))
	CFG
log=$(logfile "smp expressions compare as written")
"$KUT_RUN" --accel=tcg --dry-run "$tmp/smp/x86_64" >"$log" 2>&1
bad=
for want in lt-equal:1 lt-less:3 le-equal:3 gt-equal:1 ge-equal:3 eq:3 ne:1; do
	n=${want%:*} smp=${want#*:}
	grep -A1 "^# $n\$" "$log" | grep -Eq -- "-smp $smp( |\$)" ||
		bad="$bad $n (want -smp $smp)"
done
if [ -z "$bad" ]; then
	pass "smp expressions compare as written"
else
	fail "smp expressions compare as written" "wrong:$bad"
	show_log "$log"
fi

# Upstream's cfgs give -smp and -accel options after the count and the
# name ("smp = 8,threads=4", "accel = tcg,thread=single"): they reach
# QEMU, the count and the name are judged as without them.
suite opts <<-'CFG'
	[topo]
	file = selftest.flat
	test_args = pass
	smp = 1+1,threads=2
	accel = tcg,thread=single
	CFG
expect_exit 0 "smp and accel options after the count and name run" \
	"$KUT_RUN" --logs "$tmp/l9" -v "$tmp/opts/x86_64"
expect_log "smp and accel options after the count and name run" \
	'-accel tcg,thread=single ' '-smp 2,threads=2( |$)' '^PASS topo \(1 tests\)$'
expect_exit 0 "an accel with options is skipped under another accel" \
	"$KUT_RUN" --accel=kvm --logs "$tmp/l10" "$tmp/opts/x86_64"
expect_log "an accel with options is skipped under another accel" \
	'^SKIP topo \(tcg only, but --accel=kvm\)$'
