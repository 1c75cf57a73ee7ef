#!/bin/sh
# SPDX-License-Identifier: MIT
# check-guest-i386.sh - boot the bundled i386 tests (the x86 tests of
# tests/x86_64/ built for 32-bit protected mode, and tests/i386/) under
# QEMU through kut-run and check their exit codes and output, with the
# GCC-built and the Clang-built library, under TCG and, where the host's
# KVM runs 32-bit guests with paging, KVM.  The endings (register dump,
# #DF through the double-fault task, backtraces) are checked in their
# 32-bit form.
. tests/lib.sh

case " $ARCHES " in
*" i386 "*) ;;
*)
	skip "i386 guest tests" "i386 not in ARCHES ($ARCHES)"
	exit 0
	;;
esac

KUT_RUN=$BUILD/host/kut-run
accels=tcg
if ! kvm_usable; then
	skip "i386 guest tests under KVM" "/dev/kvm not usable here"
elif [ -e /sys/module/kvm_pvm ]; then
	# kut-run knows it too (qemu_kvm_runs_paging32): it picks TCG.
	skip "i386 guest tests under KVM" \
		"this host's KVM is PVM (kvm_pvm), which runs no 32-bit guest with paging"
	expect_exit 0 "i386: kut-run picks TCG on a KVM without 32-bit paging" \
		"$KUT_RUN" --dry-run "$BUILD/gcc/i386/tests/selftest.flat"
	expect_log "i386: kut-run picks TCG on a KVM without 32-bit paging" '-accel tcg'
	expect_exit 77 "i386: --accel=kvm there -> SKIP, says why" \
		"$KUT_RUN" --accel=kvm "$BUILD/gcc/i386/tests/selftest.flat" -append pass
	expect_log "i386: --accel=kvm there -> SKIP, says why" \
		'KVM cannot run i386 guests here: it is PVM'
else
	accels="tcg kvm"
fi

# kr NAME WANT ACCEL ARGS...: kut-run with a 60 s timeout.
kr() {
	name=$1 want=$2 accel=$3
	shift 3
	expect_exit "$want" "$name" env TIMEOUT=60 "$KUT_RUN" --accel="$accel" "$@"
}

for tc in gcc clang; do
	dir=$BUILD/$tc/i386/tests
	st=$dir/selftest.flat
	for accel in $accels; do
		t="i386 $tc $accel"
		case $accel in
		kvm)	check_primitives "$t" "$dir/primitives.flat" $accel 2 10000 ;;
		*)	check_primitives "$t" "$dir/primitives.flat" $accel 2 200000 ;;
		esac

		kr "$t: selftest setup" 0 $accel -e SELFTEST_ARGC=4 -e SELFTEST_LAST=b=2 \
			"$st" -append 'setup  a b=2 '
		expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
			'^PASS: setup: last argument' '^SUMMARY: [0-9]+ tests$'
		for area in vectors cpu; do
			kr "$t: selftest $area" 0 $accel "$st" -append $area
			expect_no_log "$t: selftest $area" '^(FAIL|SKIP):'
		done
		expect_log "$t: selftest cpu" '^PASS: cpu: 2-level paging with 4 MiB pages' \
			"^PASS: cpu: GS is CPU 0's per-CPU segment"
		kr "$t: selftest legacy report forms" 0 $accel "$st" -append legacy
		expect_log "$t: selftest legacy report forms" \
			'^SUMMARY: 5 tests, 2 expected failures$'
		expect_exit 0 "$t: MACHINE=microvm" env TIMEOUT=60 MACHINE=microvm \
			"$KUT_RUN" --accel=$accel "$dir/alloc.flat"
		kr "$t: selftest setup with -smp 2" 0 $accel "$st" -smp 2 -append setup

		kr "$t: pci-test" 0 $accel "$dir/pci-test.flat"
		expect_log "$t: pci-test" '^00\.02\.0 1b36:0005 type 00' \
			'^PASS: pci: pci_testdev\(\) passed 6/6 tests$' '^SUMMARY: 39 tests$'
		expect_no_log "$t: pci-test" '^(FAIL|SKIP):'

		kr "$t: pass -> 0" 0 $accel "$st" -append pass
		kr "$t: fail -> 1" 1 $accel "$st" -append fail
		kr "$t: skip -> 77" 77 $accel "$st" -append skip

		kr "$t: unexpected #PF -> 32-bit dump, FAIL" 1 $accel "$st" -append pf
		expect_log "$t: unexpected #PF -> 32-bit dump, FAIL" \
			'Unhandled exception 14 #PF at ip [0-9a-f]{8}$' 'cr2=90000000' \
			'^eax=[0-9a-f]{8} ecx=[0-9a-f]{8} edx=[0-9a-f]{8} ebx=[0-9a-f]{8}$' \
			'^ebp=[0-9a-f]{8} esi=[0-9a-f]{8} edi=[0-9a-f]{8} esp=[0-9a-f]{8}$' \
			'^Backtrace:' '#0 0x[0-9a-f]+ main\+0x' '#[12] 0x[0-9a-f]+ kut_start\+0x'
		expect_no_log "$t: unexpected #PF -> 32-bit dump, FAIL" 'r15='
		kr "$t: unexpected #UD -> dump, FAIL" 1 $accel "$st" -append ud
		expect_log "$t: unexpected #UD -> dump, FAIL" \
			'Unhandled exception 6 #UD at ip' 'error_code=00000000 ' '^Backtrace:'
		kr "$t: fault on a bad stack -> #DF task, dump, FAIL" 1 $accel \
			"$st" -append badstack
		expect_log "$t: fault on a bad stack -> #DF task, dump, FAIL" \
			'Unhandled exception 8 #DF at ip' 'esp=90000000' \
			'#0 0x[0-9a-f]+ main\+0x'
		kr "$t: triple fault -> FAIL, no reboot loop" 1 $accel "$st" -append triple
		expect_log "$t: triple fault -> FAIL, no reboot loop" 'without reporting a result'
		kr "$t: assert -> FAIL" 1 $accel "$st" -append assert
		expect_log "$t: assert -> FAIL" 'assert failed: argc == 1000' '^Backtrace:'

		vmlogs=$(mktemp -d "${TMPDIR:-/tmp}/kut-vm.XXXXXX")
		kr "$t: unittests.cfg group vm" 0 $accel --logs "$vmlogs" -g vm "$dir"
		rm -rf "$vmlogs"
		expect_log "$t: unittests.cfg group vm" '^PASS vmalloc \(13 tests\)$' \
			'^PASS vmalloc-alias \(6 tests\)$' '^PASS vmalloc-setup-vm \(23 tests\)$' \
			'^PASS vm-fault \(8 tests, 1 skipped\)$' '^PASS vm-large \(4 tests\)$' \
			'^PASS vm-setup-vm \(19 tests, 1 skipped\)$' '^Total 6: 6 passed, 0 failed'
		kr "$t: vfree() of a foreign pointer -> FAIL" 1 $accel \
			"$dir/vm.flat" -append vfree-bad

		for n in 1 2 4; do
			kr "$t: smptest -smp $n" 0 $accel "$dir/smptest.flat" -smp $n -append ncpus=$n
			expect_log "$t: smptest -smp $n" "^PASS: smp: cpu_count\\(\\) $n == -smp $n\$" \
				'^PASS: smp: on_cpus\(\) ran once on each'
			expect_no_log "$t: smptest -smp $n" '^FAIL:'
			kr "$t: apic -smp $n" 0 $accel "$dir/apic.flat" -smp $n
			expect_log "$t: apic -smp $n" '^PASS: apic: timer: one-shot fired$' \
				'^PASS: apic: tpr: TPR one class lower'
			expect_no_log "$t: apic -smp $n" '^FAIL:'
		done
		expect_log "$t: apic -smp 4" '^PASS: apic: ipi: all-but-self IPI: 3 handlers ran'
		expect_exit 0 "$t: smptest, no ACPI, 2 sockets x 3 cores" \
			env TIMEOUT=60 MACHINE=pc,acpi=off "$KUT_RUN" --accel=$accel \
			"$dir/smptest.flat" -smp 6,sockets=2,cores=3 -append ncpus=6

		kr "$t: usermode -smp 2" 0 $accel "$dir/usermode.flat" -smp 2
		expect_log "$t: usermode -smp 2" '^PASS: usermode: four arguments arrive' \
			'^PASS: usermode: an exception frame from ring 3: CS 0x3b, SS 0x43' \
			'^PASS: usermode: write to a supervisor page: #PF, error code 0x7' \
			'^PASS: usermode: ring 3 reads per-CPU data through GS' \
			'^PASS: usermode: smp: all 2 CPUs at once' '^SUMMARY: 20 tests$' \
			'^PASS: usermode: CPL 3 on the boot page tables, before setup_vm\(\)'
		kr "$t: usermode: exit() from ring 3" 0 $accel "$dir/usermode.flat" -append exit
		kr "$t: run_in_user() of a supervisor-only function -> FAIL, says why" 1 $accel \
			"$dir/usermode.flat" -append supervisor-function
		expect_log "$t: run_in_user() of a supervisor-only function -> FAIL, says why" \
			'^ABORT: usermode: run_in_user: the function at 0x[0-9a-f]+ is not user-accessible'

		kr "$t: acpi -smp 3" 0 $accel "$dir/acpi.flat" -smp 3
		expect_log "$t: acpi -smp 3" '^PASS: acpi: MADT: 3 enabled CPUs .* == cpu_count\(\) 3'
		expect_exit 0 "$t: acpi on MACHINE=microvm (XSDT)" env TIMEOUT=60 \
			MACHINE=microvm "$KUT_RUN" --accel=$accel "$dir/acpi.flat" -smp 2
		kr "$t: s3 under qboot -> FAIL at the second boot, says why" 1 $accel "$dir/s3.flat"
		expect_log "$t: s3 under qboot -> FAIL at the second boot, says why" \
			'^ABORT: woke from S3 into a new boot: this firmware does not run the ACPI waking vector'
		kr "$t: s3 under SeaBIOS: wakes through the FACS waking vector" 0 $accel \
			"$dir/s3.flat" -bios bios.bin
		expect_log "$t: s3 under SeaBIOS: wakes through the FACS waking vector" \
			'^PASS: s3: woke through the FACS waking vector'
		kr "$t: delay" 0 $accel "$dir/delay.flat"
		expect_no_log "$t: delay" '^(FAIL|SKIP):'

		kr "$t: taskswitch" 0 $accel "$dir/taskswitch.flat"
		expect_log "$t: taskswitch" '^PASS: taskswitch: lcall: NT is set in the called task' \
			'^PASS: taskswitch: ljmp: to the task, and back' \
			'^PASS: taskswitch: task gate: #PF: error code 0x2 on the task' \
			'^PASS: taskswitch: task gate: an APIC interrupt' '^SUMMARY: 12 tests$'

		kr "$t: the .elf runs too" 0 $accel "$dir/selftest.elf" -append pass
		expect_exit 124 "$t: hang -> 124 after TIMEOUT" env TIMEOUT=2 \
			"$KUT_RUN" --accel=$accel "$st" -append hang
		if no_qemu_left "$st"; then
			pass "$t: no QEMU left after the timeout"
		else
			fail "$t: no QEMU left after the timeout"
		fi
	done
done
