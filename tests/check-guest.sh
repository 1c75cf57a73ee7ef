#!/bin/sh
# SPDX-License-Identifier: MIT
# check-guest.sh - boot the bundled x86_64 tests under QEMU through
# kut-run and check their exit codes and output: with the GCC-built and
# the Clang-built library, under TCG and (where /dev/kvm works) KVM.
. tests/lib.sh

KUT_RUN=$BUILD/host/kut-run
accels=tcg
if kvm_usable; then
	accels="tcg kvm"
else
	skip "guest tests under KVM" "/dev/kvm not usable here"
fi

for tc in gcc clang; do
	dir=$BUILD/$tc/x86_64/tests
	st=$dir/selftest.flat
	for accel in $accels; do
		t="x86_64 $tc $accel"

		expect_exit 0 "$t: selftest setup" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel -e SELFTEST_ARGC=4 -e SELFTEST_LAST=b=2 \
			"$st" -append 'setup  a b=2 '
		expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
			'^PASS: setup: last argument' '^SUMMARY: [0-9]+ tests$'
		expect_no_log "$t: selftest setup" '^(FAIL|SKIP):'

		for area in vectors memory cpu; do
			expect_exit 0 "$t: selftest $area" env TIMEOUT=60 \
				"$KUT_RUN" --accel=$accel "$st" -append $area
			expect_no_log "$t: selftest $area" '^(FAIL|SKIP):'
		done
		expect_exit 0 "$t: selftest legacy report forms" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append legacy
		expect_log "$t: selftest legacy report forms" '^PASS: legacy literal 1$' \
			'^PASS: legacy pointer$' '^PASS: current form 2$' '^XFAIL: legacy xfail$' \
			'^XFAIL: current xfail$' '^SUMMARY: 5 tests, 2 expected failures$'
		expect_exit 0 "$t: MACHINE=microvm (no PCI: pci-testdev left out)" \
			env TIMEOUT=60 MACHINE=microvm "$KUT_RUN" --accel=$accel "$st" -append memory
		expect_exit 0 "$t: selftest setup with -smp 2" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -smp 2 -append setup

		expect_exit 0 "$t: pass -> 0" env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$st" -append pass
		expect_log "$t: pass -> 0" '^PASS: a passing check' '^SUMMARY: 1 tests$'
		expect_exit 1 "$t: fail -> 1" env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$st" -append fail
		expect_log "$t: fail -> 1" '^FAIL: a failing check' 'SUMMARY: 1 tests, 1 unexpected failures'
		expect_exit 77 "$t: skip -> 77" env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$st" -append skip
		expect_log "$t: skip -> 77" '^SKIP: a skipped check' 'SUMMARY: 1 tests, 1 skipped'

		expect_exit 1 "$t: unexpected #PF -> dump, FAIL" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append pf
		expect_log "$t: unexpected #PF -> dump, FAIL" \
			'Unhandled exception 14 #PF at ip' 'cr2=0000100000000000' \
			'rax=[0-9a-f]{16}' 'r15=[0-9a-f]{16}' 'cr0=[0-9a-f]{16}' \
			'^Backtrace:' '#0 0x[0-9a-f]+ main\+0x' '#[12] 0x[0-9a-f]+ kut_start\+0x'
		expect_exit 1 "$t: unexpected #UD -> dump, FAIL" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append ud
		expect_log "$t: unexpected #UD -> dump, FAIL" \
			'Unhandled exception 6 #UD at ip' 'error_code=0000000000000000' '^Backtrace:'
		expect_exit 1 "$t: fault on a bad stack -> #DF dump, FAIL" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append badstack
		expect_log "$t: fault on a bad stack -> #DF dump, FAIL" \
			'Unhandled exception 8 #DF at ip' 'rsp=0000100000000000'
		expect_exit 1 "$t: triple fault -> FAIL, no reboot loop" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append triple
		expect_log "$t: triple fault -> FAIL, no reboot loop" 'without reporting a result'
		expect_exit 1 "$t: report_abort -> FAIL" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append abort
		expect_log "$t: report_abort -> FAIL" '^ABORT: aborting on purpose' '^SUMMARY:'
		expect_exit 1 "$t: assert -> FAIL" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -append assert
		expect_log "$t: assert -> FAIL" 'assert failed: argc == 1000' '^Backtrace:'

		expect_exit 0 "$t: the .elf runs too" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$dir/selftest.elf" -append pass
		expect_exit 124 "$t: hang -> 124 after TIMEOUT" env TIMEOUT=2 \
			"$KUT_RUN" --accel=$accel "$st" -append hang
		if no_qemu_left "$st"; then
			pass "$t: no QEMU left after the timeout"
		else
			fail "$t: no QEMU left after the timeout"
		fi
	done
done
