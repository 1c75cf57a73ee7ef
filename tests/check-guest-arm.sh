#!/bin/sh
# SPDX-License-Identifier: MIT
# check-guest-arm.sh - boot the bundled arm64 and arm tests under QEMU
# (TCG) through kut-run, with the GCC-built and the Clang-built library,
# and check their exit codes and output; then bad input particular to
# these arches (a device tree missing a node, the wrong QEMU), the .elf
# and headerless raw images as upstream builds them.
. tests/lib.sh

KUT_RUN=$BUILD/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-arm.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# kr NAME WANT ARGS...: kut-run under TCG with a 60 s timeout.
kr() {
	name=$1 want=$2
	shift 2
	expect_exit "$want" "$name" env TIMEOUT=60 "$KUT_RUN" --accel=tcg "$@"
}

for arch in arm64 arm; do
	case " $ARCHES " in
	*" $arch "*) ;;
	*)	skip "$arch guest tests" "$arch not in ARCHES ($ARCHES)"
		continue ;;
	esac
	for tc in gcc clang; do
		dir=$BUILD/$tc/$arch/tests
		st=$dir/selftest.flat
		t="$arch $tc"
		case $arch in
		arm64)	check_primitives "$t" "$dir/primitives.flat" tcg 4 1000000 ;;
		*)	check_primitives "$t" "$dir/primitives.flat" tcg 2 200000 ;;
		esac

		kr "$t: selftest setup" 0 -e SELFTEST_ARGC=4 "$st" -smp 2 -m 256 \
			-append 'setup smp=2 mem=256'
		expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
			'^PASS: setup: nr_cpus 2 == smp=2' '^PASS: setup: RAM 256 MiB == mem=256' \
			'^PASS: setup: memregions: code, RAM, device, nothing' '^SUMMARY: 7 tests$'
		kr "$t: selftest setup notices a wrong CPU count" 1 "$st" -smp 2 \
			-append 'setup smp=3'
		expect_log "$t: selftest setup notices a wrong CPU count" \
			'^FAIL: setup: nr_cpus 2 == smp=3'
		for area in vectors-kernel vectors-user mmu; do
			kr "$t: selftest $area" 0 "$st" -append $area
			expect_no_log "$t: selftest $area" '^(FAIL|SKIP):'
		done
		expect_log "$t: selftest vectors-user" '^PASS: user: running in user mode' \
			'^PASS: user: dabt: handler ran'
		# kut-run gives QEMU no input: run its QEMU command with bytes
		# on the serial port's standard input (exit 1 is the testdev's
		# "passed", (0 << 1) | 1).
		qcmd=$("$KUT_RUN" --accel=tcg --dry-run "$st" -append 'console-input want=xyz')
		expect_exit 1 "$t: selftest console-input" sh -c "printf xyz | timeout 60 $qcmd"
		expect_log "$t: selftest console-input" "^PASS: getchar\(\) read 'xyz', sent 'xyz'" \
			'^PASS: nothing more waiting'
		# ERRATA_FORCE=n: kut-run gives guests upstream's ERRATA_FORCE=y
		# under TCG, and -e wins over it.
		kr "$t: selftest errata" 0 -e ERRATA_0000000001=y -e ERRATA_0000000002=n \
			-e ERRATA_FORCE=n "$st" -append errata
		expect_log "$t: selftest errata" '^SUMMARY: 7 tests$'
		expect_no_log "$t: selftest errata" '^FAIL'
		kr "$t: selftest smp (4 CPUs)" 0 "$st" -smp 4 -append smp
		expect_log "$t: selftest smp (4 CPUs)" '^PASS: smp: on_cpus\(\) ran on all 4 CPUs'
		kr "$t: psci" 0 "$dir/psci.flat" -smp 2
		expect_no_log "$t: psci" '^(FAIL|SKIP):'
		for v in 2 3; do
			kr "$t: gicv$v IPIs" 0 "$dir/gic.flat" -smp 4 \
				-machine gic-version=$v -append "ipi ver=$v"
			expect_log "$t: gicv$v IPIs" "^INFO: GICv$v, 4 CPUs" \
				'^PASS: ipi: IPI to each other CPU' '^SUMMARY: 6 tests$'
		done
		kr "$t: timer" 0 "$dir/timer.flat"
		expect_log "$t: timer" '^PASS: vtimer: interrupt 27 taken once' \
			'^PASS: ptimer: interrupt 30 taken once' \
			'^PASS: 3 RTC seconds are [0-9]+ ticks' '^SUMMARY: 26 tests$'

		kr "$t: pci-test" 0 "$dir/pci-test.flat"
		expect_log "$t: pci-test" '^00\.01\.0 1b36:0005 type 00' \
			'^PASS: pci: 00\.01\.0: BAR 1: assigned, aligned: port 1000, CPU address 3eff1000$' \
			'^PASS: pci: 00\.01\.0: io: portio-no-eventfd: 16 writes, count 16$' \
			'^PASS: pci: pci_testdev\(\) passed 6/6 tests$' '^SUMMARY: 39 tests$'
		expect_no_log "$t: pci-test" '^(FAIL|SKIP):'
		kr "$t: unittests.cfg group pci" 0 --logs "$tmp/logs-$arch-$tc" -g pci "$dir"
		expect_log "$t: unittests.cfg group pci" '^PASS pci-test \(39 tests\)$' \
			'^PASS pci-test-topology \(153 tests\)$' '^PASS pci-test-ext \(44 tests\)$' \
			"^Total $([ $arch = arm64 ] && echo 6 || echo 4): .* passed, 0 failed"
		if [ $arch = arm64 ]; then
			expect_log "$t: unittests.cfg group pci" '^PASS pci-test-membar-high \(41 tests\)$' \
				'^PASS pci-test-ram-bar-high \(42 tests\)$' '^PASS its-msi \(5 tests\)$'
		fi

		kr "$t: unittests.cfg group vm" 0 --logs "$tmp/vm-$arch-$tc" -g vm "$dir"
		expect_log "$t: unittests.cfg group vm" '^PASS vmalloc \(13 tests\)$' \
			'^PASS vmalloc-alias \(6 tests\)$' '^PASS vmalloc-setup-vm \(23 tests\)$' \
			'^PASS vm-fault \(6 tests\)$' '^PASS vm-setup-vm \(8 tests\)$' \
			'^Total 5: 5 passed, 0 failed'
		kr "$t: pmu cycle counter" 0 "$dir/pmu.flat" -append cycle-counter
		expect_log "$t: pmu cycle counter" \
			'^PASS: cycle-counter: at least as fast as the [0-9]+ Hz timer' \
			'^PASS: cycle-counter: stands still while disabled' '^SUMMARY: 8 tests$'

		# SYSTEM_RESET does not return; kut-run's -no-reboot makes QEMU
		# stop, with no result.
		kr "$t: psci SYSTEM_RESET resets" 1 "$dir/psci.flat" -append system-reset
		expect_log "$t: psci SYSTEM_RESET resets" '^psci: SYSTEM_RESET$' \
			'guest stopped without reporting a result \(reset'
		expect_no_log "$t: psci SYSTEM_RESET resets" 'SYSTEM_RESET returned'
		kr "$t: pass -> 0" 0 "$st" -append pass
		kr "$t: fail -> 1" 1 "$st" -append fail
		expect_log "$t: fail -> 1" '^FAIL: a failing check'
		kr "$t: skip -> 77" 77 "$st" -append skip
		kr "$t: unexpected data abort -> dump, FAIL" 1 "$st" -append dabt
		if [ $arch = arm64 ]; then
			expect_log "$t: unexpected data abort -> dump, FAIL" \
				'^Unhandled exception: synchronous \(vector 4 EL1H_SYNC\)' \
				'EC: 0x25 DABT_EL1' '^FAR: [0-9a-f]{16}$' '^ELR: [0-9a-f]{16}  SPSR:' \
				'x30: [0-9a-f]{16}' '^Backtrace:' '#0 0x[0-9a-f]+ main\+0x' \
				'#[12] 0x[0-9a-f]+ kut_start\+0x'
		else
			expect_log "$t: unexpected data abort -> dump, FAIL" \
				'^Unhandled exception: dabt \(vector 4\)' '^DFSR: [0-9a-f]{8}  DFAR:' \
				'r10: [0-9a-f]{8}' '\(svc mode\)' '^Backtrace:' '#0 0x[0-9a-f]+ main\+0x'
		fi
		kr "$t: unexpected undefined instruction -> dump, FAIL" 1 "$st" -append und
		expect_log "$t: unexpected undefined instruction -> dump, FAIL" \
			'^Unhandled exception' '^Backtrace:'
		kr "$t: report_abort -> FAIL" 1 "$st" -append abort
		kr "$t: assert -> FAIL" 1 "$st" -append assert
		expect_log "$t: assert -> FAIL" 'assert failed: argc == 1000' '^Backtrace:'

		expect_exit 124 "$t: hang -> 124 after TIMEOUT" env TIMEOUT=2 \
			"$KUT_RUN" --accel=tcg "$st" -append hang
		if no_qemu_left "$st"; then
			pass "$t: no QEMU left after the timeout"
		else
			fail "$t: no QEMU left after the timeout"
		fi
	done

	# Bad input.  A device tree without the GIC node: a clear FAIL.
	st=$BUILD/gcc/$arch/tests/selftest.flat
	case $arch in arm64) q=qemu-system-aarch64 cpu=max ;; arm) q=qemu-system-arm cpu=cortex-a15 ;; esac
	if command -v fdtput >/dev/null 2>&1; then
		$q -machine virt,dumpdtb="$tmp/$arch.dtb" -cpu $cpu -nodefaults \
			-display none >/dev/null 2>&1
		fdtput -r "$tmp/$arch.dtb" /intc@8000000
		kr "$arch bad input: device tree without a GIC node" 1 \
			"$BUILD/gcc/$arch/tests/gic.flat" -dtb "$tmp/$arch.dtb" -append ipi
		expect_log "$arch bad input: device tree without a GIC node" \
			'^ABORT: no GIC in the device tree'
		$q -machine virt,dumpdtb="$tmp/$arch-nopci.dtb" -cpu $cpu -nodefaults \
			-display none >/dev/null 2>&1
		fdtput -r "$tmp/$arch-nopci.dtb" "$(fdtget -l "$tmp/$arch-nopci.dtb" / | sed -n 's|^pcie@|/pcie@|p')"
		kr "$arch: device tree without a PCI host bridge -> pci-test SKIP" 77 \
			"$BUILD/gcc/$arch/tests/pci-test.flat" -dtb "$tmp/$arch-nopci.dtb"
		expect_log "$arch: device tree without a PCI host bridge -> pci-test SKIP" \
			'^SKIP: pci: no PCI host bridge on this machine$'
	else
		skip "$arch bad input: device tree without a GIC node" "no fdtput (device-tree-compiler)"
		skip "$arch: device tree without a PCI host bridge -> pci-test SKIP" \
			"no fdtput (device-tree-compiler)"
	fi
	expect_exit 2 "$arch bad input: the wrong QEMU" env QEMU=qemu-system-x86_64 \
		"$KUT_RUN" --accel=tcg "$st" -append pass
	expect_log "$arch bad input: the wrong QEMU" \
		"^kut-run: .*selftest.flat: $arch image: qemu-system-x86_64: runs x86_64 guests, not $arch ones"
	# The .elf boots: kut-run makes its raw image, objcopy's .flat,
	# in a temporary file it removes.
	mkdir -p "$tmp/t-$arch"
	expect_exit 0 "$arch: the .elf boots" env TMPDIR="$tmp/t-$arch" \
		TIMEOUT=60 "$KUT_RUN" --accel=tcg "${st%.flat}.elf" -append pass
	expect_exit 0 "$arch: the .elf's raw image is removed after the run" \
		test -z "$(ls -A "$tmp/t-$arch")"
	flat=$(TMPDIR="$tmp/t-$arch" "$KUT_RUN" --accel=tcg --dry-run \
		"${st%.flat}.elf" | sed -n 's/.* -kernel \([^ ]*\).*/\1/p')
	expect_exit 0 "$arch: the raw image kut-run makes of the .elf is objcopy's .flat" \
		cmp "$flat" "$st"
	rm -f "$flat"
	# Migration: kut-run moves the guest to a new QEMU when it asks.
	expect_exit 0 "$arch: migration" env TIMEOUT=120 "$KUT_RUN" --accel=tcg \
		--logs "$tmp/mlogs-$arch" "$BUILD/gcc/$arch/tests" 'migration*'
	expect_log "$arch: migration" '^PASS migration \(2 tests\)$' \
		'^PASS migration-skip \(1 tests\)$' \
		'^PASS migration-continuous \(3 tests\)$'
	expect_exit 0 "$arch: migration: the test went on after 2 migrations" \
		grep -q '^kut-run: migration 2 completed$' "$tmp/mlogs-$arch/migration.log"
	# A raw image without a header (upstream's): the arch from --arch,
	# or from where it lies; never guessed.
	mkdir -p "$tmp/$arch"
	cp "$st" "$tmp/$arch/raw.flat"
	off=$([ $arch = arm64 ] && echo 56 || echo 36)
	printf '\0\0\0\0' | dd of="$tmp/$arch/raw.flat" bs=1 seek=$off \
		conv=notrunc 2>/dev/null
	cp "$tmp/$arch/raw.flat" "$tmp/raw-$arch.flat"
	kr "$arch: a raw image without a header boots with --arch" 0 \
		--arch=$arch "$tmp/raw-$arch.flat" -append pass
	kr "$arch: ... and in a directory named $arch" 0 \
		"$tmp/$arch/raw.flat" -append pass
	expect_exit 2 "$arch bad input: a raw image without a header, no arch" \
		"$KUT_RUN" --accel=tcg "$tmp/raw-$arch.flat" -append pass
	expect_log "$arch bad input: a raw image without a header, no arch" \
		"^kut-run: .*raw-$arch.flat: not a kut image .*name its arch: --arch"
done
