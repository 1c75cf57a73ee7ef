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
		# Under KVM a preempted lock holder (more vCPUs than free host
		# CPUs) makes the others spin whole time slices: fewer rounds.
		case $accel in
		kvm)	check_primitives "$t" "$dir/primitives.flat" $accel 2 10000 ;;
		*)	check_primitives "$t" "$dir/primitives.flat" $accel 4 500000 ;;
		esac

		expect_exit 0 "$t: selftest setup" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel -e SELFTEST_ARGC=4 -e SELFTEST_LAST=b=2 \
			"$st" -append 'setup  a b=2 '
		expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
			'^PASS: setup: last argument' '^SUMMARY: [0-9]+ tests$'
		expect_no_log "$t: selftest setup" '^(FAIL|SKIP):'

		for area in vectors cpu; do
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
			env TIMEOUT=60 MACHINE=microvm "$KUT_RUN" --accel=$accel "$dir/alloc.flat"
		expect_exit 0 "$t: selftest setup with -smp 2" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$st" -smp 2 -append setup

		pt=$dir/pci-test.flat
		expect_exit 0 "$t: pci-test" env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$pt"
		expect_log "$t: pci-test" '^00\.02\.0 1b36:0005 type 00' \
			'^PASS: pci: 00\.02\.0: IDs 1b36:0005 through byte, word and dword reads' \
			'^PASS: pci: 00\.02\.0: BAR 1: I/O space, 100 bytes$' \
			'^PASS: pci: 00\.02\.0: io: portio-no-eventfd: 16 writes, count 16$' \
			'^PASS: pci: pci_testdev\(\) passed 6/6 tests$' '^SUMMARY: 39 tests$'
		expect_no_log "$t: pci-test" '^(FAIL|SKIP):'
		expect_exit 77 "$t: pci-test on MACHINE=microvm (no PCI) -> SKIP" \
			env TIMEOUT=60 MACHINE=microvm "$KUT_RUN" --accel=$accel "$pt"
		expect_log "$t: pci-test on MACHINE=microvm (no PCI) -> SKIP" \
			'^SKIP: pci: no PCI host bridge on this machine$' '^SUMMARY: 1 tests, 1 skipped$'

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

		vmlogs=$(mktemp -d "${TMPDIR:-/tmp}/kut-vm.XXXXXX")
		expect_exit 0 "$t: unittests.cfg group vm" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel --logs "$vmlogs" -g vm "$dir"
		rm -rf "$vmlogs"
		expect_log "$t: unittests.cfg group vm" '^PASS vmalloc \(13 tests\)$' \
			'^PASS vmalloc-alias \(6 tests\)$' '^PASS vmalloc-setup-vm \(23 tests\)$' \
			'^PASS vm-fault \(9 tests\)$' '^PASS vm-large \(4 tests\)$' \
			'^PASS vm-setup-vm \(20 tests\)$' '^PASS vm-highmem \(1 tests\)$' \
			'^Total 7: 7 passed, 0 failed'
		expect_exit 1 "$t: vfree() of a foreign pointer -> FAIL" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$dir/vm.flat" -append vfree-bad
		expect_log "$t: vfree() of a foreign pointer -> FAIL" \
			'^vfree\(0x[0-9a-f]+\): not an address from vmalloc'

		for n in 1 2 4; do
			expect_exit 0 "$t: smptest -smp $n" env TIMEOUT=60 \
				"$KUT_RUN" --accel=$accel "$dir/smptest.flat" -smp $n -append ncpus=$n
			expect_log "$t: smptest -smp $n" \
				"^PASS: smp: cpu_count\\(\\) $n == -smp $n\$" \
				'^PASS: smp: on_cpus\(\) ran once on each' '^SUMMARY: 2[24] tests'
			expect_no_log "$t: smptest -smp $n" '^FAIL:'
			expect_exit 0 "$t: apic -smp $n" env TIMEOUT=60 \
				"$KUT_RUN" --accel=$accel "$dir/apic.flat" -smp $n
			expect_log "$t: apic -smp $n" '^PASS: apic: mode: .*self-IPI delivered once' \
				'^PASS: apic: timer: one-shot fired$' '^PASS: apic: tpr: TPR one class lower' \
				'^PASS: apic: ioapic: edge on line'
			expect_no_log "$t: apic -smp $n" '^FAIL:'
		done
		expect_log "$t: apic -smp 4" '^PASS: apic: ipi: fixed: IPI to CPU 3 handled there' \
			'^PASS: apic: ipi: all-but-self IPI: 3 handlers ran' '^PASS: apic: NMI IPI'
		if [ $accel = kvm ]; then
			expect_log "$t: apic -smp 4" '^PASS: apic: mode: x2APIC -> xAPIC directly: #GP' \
				'^PASS: apic: ipi: CPU 1 in xAPIC mode: IPI from CPU 1'
		else
			expect_log "$t: apic -smp 4" '^SKIP: apic: mode: xAPIC <-> x2APIC: CPUID has no x2APIC'
		fi
		expect_exit 0 "$t: smptest, no ACPI, 2 sockets x 3 cores (fw_cfg + CPUID)" \
			env TIMEOUT=60 MACHINE=pc,acpi=off "$KUT_RUN" --accel=$accel \
			"$dir/smptest.flat" -smp 6,sockets=2,cores=3 -append ncpus=6
		expect_exit 0 "$t: smptest on MACHINE=microvm -smp 3" env TIMEOUT=60 \
			MACHINE=microvm "$KUT_RUN" --accel=$accel "$dir/smptest.flat" -smp 3 -append ncpus=3

		expect_exit 0 "$t: usermode -smp 2" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$dir/usermode.flat" -smp 2
		expect_log "$t: usermode -smp 2" '^PASS: usermode: four arguments arrive' \
			'^PASS: usermode: cli at CPL 3: #GP\(0\)' '^PASS: usermode: ud2: #UD' \
			'^PASS: usermode: write to a supervisor page: #PF, error code 0x7' \
			'^PASS: usermode: runs again after a fault' \
			'^usermode: this line was printed at CPL 3' \
			'^PASS: usermode: smp: all 2 CPUs at once' '^SUMMARY: 20 tests$' \
			'^PASS: usermode: CPL 3 on the boot page tables, before setup_vm\(\)'
		expect_exit 0 "$t: usermode: exit() from ring 3" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$dir/usermode.flat" -append exit
		expect_log "$t: usermode: exit() from ring 3" \
			'^PASS: usermode: exit: report\(\) at CPL 3' '^SUMMARY: 2 tests$'
		expect_exit 1 "$t: run_in_user() of a supervisor-only function -> FAIL, says why" \
			env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$dir/usermode.flat" \
			-append supervisor-function
		expect_log "$t: run_in_user() of a supervisor-only function -> FAIL, says why" \
			'^ABORT: usermode: run_in_user: the function at 0x[0-9a-f]+ is not user-accessible: an entry on its page walk lacks PT_USER_MASK'
		expect_exit 0 "$t: acpi -smp 3 (RSDT)" env TIMEOUT=60 \
			"$KUT_RUN" --accel=$accel "$dir/acpi.flat" -smp 3
		expect_log "$t: acpi -smp 3 (RSDT)" '^PASS: acpi: RSDT: where the RSDP says' \
			'^PASS: acpi: FACS: where the FADT says' '^PASS: acpi: PM timer at port' \
			'^PASS: acpi: MADT: 3 enabled CPUs .* == cpu_count\(\) 3'
		expect_no_log "$t: acpi -smp 3 (RSDT)" '^(FAIL|SKIP):'
		expect_exit 0 "$t: acpi on MACHINE=microvm (XSDT)" env TIMEOUT=60 \
			MACHINE=microvm "$KUT_RUN" --accel=$accel "$dir/acpi.flat" -smp 2
		expect_log "$t: acpi on MACHINE=microvm (XSDT)" \
			'^PASS: acpi: XSDT: where the RSDP says' '^PASS: acpi: MADT: 2 enabled CPUs'
		expect_exit 77 "$t: acpi with acpi=off -> SKIP" env TIMEOUT=60 \
			MACHINE=pc,acpi=off "$KUT_RUN" --accel=$accel "$dir/acpi.flat"
		expect_exit 1 "$t: s3 under qboot -> FAIL at the second boot, says why" \
			env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$dir/s3.flat"
		expect_log "$t: s3 under qboot -> FAIL at the second boot, says why" \
			'^ABORT: woke from S3 into a new boot: this firmware does not run the ACPI waking vector'
		if [ $accel = tcg ]; then
			expect_exit 0 "$t: s3 under SeaBIOS: wakes through the FACS waking vector" \
				env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$dir/s3.flat" -bios bios.bin
			expect_log "$t: s3 under SeaBIOS: wakes through the FACS waking vector" \
				'^PASS: s3: woke through the FACS waking vector'
		fi
		expect_exit 0 "$t: delay" env TIMEOUT=60 "$KUT_RUN" --accel=$accel "$dir/delay.flat"
		expect_no_log "$t: delay" '^(FAIL|SKIP):'

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
