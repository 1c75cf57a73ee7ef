#!/bin/sh
# SPDX-License-Identifier: MIT
# cli.sh - kut-run's command line: --version, --help, --dry-run (the
# printed command is the one it runs), the upstream environment variables
# QEMU, ACCEL, MACHINE, TIMEOUT, and options beating them.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
ST=$b/gcc/x86_64/tests/selftest.flat

expect_exit 0 "cli: --version" "$KUT_RUN" --version
expect_log "cli: --version" '^kut-run \(kut\) [0-9]+\.[0-9]+\.[0-9]+'
expect_exit 0 "cli: --help" "$KUT_RUN" --help
expect_log "cli: --help" '--dry-run' 'TIMEOUT' '124'

dry() {
	local what=$1
	shift
	expect_exit 0 "cli: $what" "$@"
	tail -1 "$(logfile "cli: $what")" >"$(logfile "cli: $what").last"
}
last_has() {
	if grep -Eq -- "$2" "$(logfile "cli: $1").last"; then
		pass "cli: $1: command has /$2/"
	else
		fail "cli: $1: command has /$2/" "$(cat "$(logfile "cli: $1").last")"
	fi
}

dry "dry-run tcg" "$KUT_RUN" --accel=tcg --dry-run "$ST" -append pass
last_has "dry-run tcg" '^([^ ]*/)?qemu-system-x86_64 .*-accel tcg .*-device isa-debug-exit,iobase=0xf4,iosize=0x4 .*-kernel [^ ]*selftest.flat -append pass$'
# The printed line, run by sh, is the same test: pass is QEMU status 1.
expect_exit 1 "cli: the dry-run command runs the test" sh "$(logfile "cli: dry-run tcg").last"
expect_log "cli: the dry-run command runs the test" '^PASS: a passing check$'

dry "ACCEL=tcg" env ACCEL=tcg "$KUT_RUN" --dry-run "$ST"
last_has "ACCEL=tcg" ' -accel tcg '
dry "--accel beats ACCEL" env ACCEL=kvm "$KUT_RUN" --accel=tcg --dry-run "$ST"
last_has "--accel beats ACCEL" ' -accel tcg '
dry "MACHINE=q35" env ACCEL=tcg MACHINE=q35 "$KUT_RUN" --dry-run "$ST"
last_has "MACHINE=q35" ' -machine q35 '
dry "QEMU=path" env ACCEL=tcg QEMU=/usr/bin/qemu-system-x86_64 "$KUT_RUN" --dry-run "$ST"
last_has "QEMU=path" '^/usr/bin/qemu-system-x86_64 '
dry "user -bios wins" env ACCEL=tcg "$KUT_RUN" --dry-run "$ST" -bios bios.bin
last_has "user -bios wins" '-bios bios.bin$'
if grep -q qboot "$(logfile "cli: user -bios wins").last"; then
	fail "cli: user -bios replaces qboot"
else
	pass "cli: user -bios replaces qboot"
fi
dry "-e writes an initrd" env ACCEL=tcg "$KUT_RUN" -e 'GREETING=hello world' --dry-run "$ST"
initrd=$(sed -n 's/.* -initrd \([^ ]*\).*/\1/p' "$(logfile "cli: -e writes an initrd").last" | tr -d "'")
if [ -f "$initrd" ] && grep -qx 'GREETING=hello world' "$initrd"; then
	pass "cli: -e KEY=VAL lands in the initrd as a line"
else
	fail "cli: -e KEY=VAL lands in the initrd as a line" "initrd '$initrd'"
fi
# After it, what upstream's runner generates for every guest.
kver=$(uname -r | cut -d. -f1)
if [ -f "$initrd" ] && grep -qx 'QEMU_ACCEL=tcg' "$initrd" &&
   grep -qx 'QEMU_MAJOR=[0-9][0-9]*' "$initrd" && grep -qx 'TARGET=qemu' "$initrd" &&
   grep -qx "KERNEL_VERSION=$kver" "$initrd" && grep -qx 'ERRATA_FORCE=y' "$initrd" &&
   [ "$(head -1 "$initrd")" = 'GREETING=hello world' ]; then
	pass "cli: the initrd also holds upstream's generated variables, after -e's"
else
	fail "cli: the initrd also holds upstream's generated variables, after -e's" \
		"$(tr '\n' ' ' <"$initrd")"
fi
rm -f "$initrd"

expect_exit 0 "cli: runs from another directory with a relative path" \
	sh -c "cd '$(dirname "$ST")' && cd .. && '$KUT_RUN' --accel=tcg tests/selftest.flat -append pass"
expect_exit 124 "cli: --timeout beats TIMEOUT" \
	env TIMEOUT=600 "$KUT_RUN" --accel=tcg --timeout=1 "$ST" -append hang

# MIGRATION=yes: one image migrated as a suite's migration tests are.
MIG=$(dirname "$ST")/migration.flat
expect_exit 0 "cli: MIGRATION=yes migrates one image" env MIGRATION=yes \
	"$KUT_RUN" --accel=tcg --timeout=120 "$MIG" -append 1
expect_log "cli: MIGRATION=yes migrates one image" \
	'^kut-run: migration 1 completed$' '^SUMMARY: 1 tests$'

# Upstream's KVM_UNIT_TESTS_ENV file reaches the guest; -e wins over it.
envf=$(mktemp "${TMPDIR:-/tmp}/kut-envf.XXXXXX")
printf '# for the selftest\nSELFTEST_ARGC=3\nSELFTEST_LAST=wrong\n' >"$envf"
expect_exit 0 "cli: KVM_UNIT_TESTS_ENV reaches the guest, -e wins" \
	env KVM_UNIT_TESTS_ENV="$envf" "$KUT_RUN" --accel=tcg -e SELFTEST_LAST=x \
	"$ST" -append 'setup x'
expect_log "cli: KVM_UNIT_TESTS_ENV reaches the guest, -e wins" \
	'^PASS: setup: argc 3 == SELFTEST_ARGC 3' "^PASS: setup: last argument 'x'"
echo 'bad line' >>"$envf"
expect_exit 2 "cli: a bad KVM_UNIT_TESTS_ENV line" \
	env KVM_UNIT_TESTS_ENV="$envf" "$KUT_RUN" --accel=tcg "$ST"
expect_log "cli: a bad KVM_UNIT_TESTS_ENV line" ":4: \"bad line\": expected KEY=VALUE"
rm -f "$envf"
