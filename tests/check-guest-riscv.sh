#!/bin/sh
# SPDX-License-Identifier: MIT
# check-guest-riscv.sh - boot the bundled riscv64 tests under QEMU (TCG,
# OpenSBI) through kut-run, with the GCC-built and the Clang-built
# library, and check their exit codes and output; that the library holds
# no FP instructions; then bad input particular to riscv64 (a device tree
# without the testdev's transports or the PCI host bridge, the wrong QEMU).
. tests/lib.sh

case " $ARCHES " in
*" riscv64 "*) ;;
*)	skip "riscv64 guest tests" "riscv64 not in ARCHES ($ARCHES)"
	exit 0 ;;
esac

KUT_RUN=$BUILD/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-riscv.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# kr NAME WANT ARGS...: kut-run under TCG with a 60 s timeout.
kr() {
	name=$1 want=$2
	shift 2
	expect_exit "$want" "$name" env TIMEOUT=60 "$KUT_RUN" --accel=tcg "$@"
}

for tc in gcc clang; do
	dir=$BUILD/$tc/riscv64/tests
	st=$dir/selftest.flat
	t="riscv64 $tc"
	# 4 CPUs x 1000000: about 4 s under TCG; a spin_lock() that is a plain
	# load and store lets millions in at once (tests/mutants).
	check_primitives "$t" "$dir/primitives.flat" tcg 4 1000000

	# rv64gc -mabi=lp64: integer code only, whatever -march allows.
	lib=$BUILD/$tc/riscv64/libkut-riscv64.a
	fdt=$BUILD/$tc/riscv64/libfdt/lib/libfdt.a
	log=$(logfile "$t: no FP instructions in libkut and libfdt")
	if command -v riscv64-linux-gnu-objdump >/dev/null; then
		# (The Image header's magic, in _head, decodes as FP: skip it.)
		riscv64-linux-gnu-objdump -d "$lib" "$fdt" | awk '
			/^[0-9a-f]+ <.*>:$/ { fn = $2 }
			fn != "<_head>:" && /\t(f[a-z.]+|c\.f[a-z.]+)\t/ &&
			!/\tfence(\.i)?\t/' >"$log"
		if [ -s "$log" ]; then
			fail "$t: no FP instructions in libkut and libfdt"
			show_log "$log"
		else
			pass "$t: no FP instructions in libkut and libfdt"
		fi
	else
		skip "$t: no FP instructions in libkut and libfdt" "no riscv64-linux-gnu-objdump"
	fi

	kr "$t: selftest setup" 0 -e SELFTEST_ARGC=4 "$st" -smp 2 -m 256 \
		-append 'setup smp=2 mem=256'
	expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
		'^PASS: setup: nr_cpus 2 == smp=2' '^PASS: setup: RAM 256 MiB == mem=256' \
		'^PASS: setup: boot hart [0-9]+ is CPU 0' '^SUMMARY: 8 tests$'
	kr "$t: selftest setup notices a wrong CPU count" 1 "$st" -smp 2 \
		-append 'setup smp=3'
	expect_log "$t: selftest setup notices a wrong CPU count" \
		'^FAIL: setup: nr_cpus 2 == smp=3'
	kr "$t: selftest vectors" 0 "$st" -append vectors
	expect_log "$t: selftest vectors" \
		'^PASS: vectors: illegal instruction: handler ran \(cause 2' \
		'^PASS: vectors: load from an unmapped page: handler ran \(cause 13' \
		'^PASS: vectors: store to read-only text: handler ran \(cause 15' \
		'^SUMMARY: 5 tests$'
	kr "$t: selftest mmu" 0 "$st" -append mmu
	expect_log "$t: selftest mmu" '^PASS: mmu: Sv39 on at boot' '^SUMMARY: 8 tests$'
	kr "$t: selftest mmu sv48 (2 CPUs)" 0 "$st" -smp 2 -append 'mmu sv48'
	expect_log "$t: selftest mmu sv48 (2 CPUs)" '^PASS: mmu: sv48 on, with mmu_idmap' \
		'^PASS: mmu: CPU 1 switched too and reads it' \
		'^PASS: mmu: load from the first address past the width: handler ran \(cause 13, stval 0x1000000000000\)' \
		'^PASS: mmu: the vmalloc window.s alias carried over' '^SUMMARY: 15 tests$'
	kr "$t: selftest smp (4 CPUs)" 0 "$st" -smp 4 -append smp
	expect_log "$t: selftest smp (4 CPUs)" \
		'^PASS: smp: on_cpus\(\) ran on all 4 CPUs, each on its own hart' \
		'^PASS: smp: on_cpu\(\) starts a halted CPU again, which runs the work once' \
		'^PASS: smp: a hart started at the image.s entry joins as CPU 3'
	kr "$t: sbi (4 CPUs)" 0 "$dir/sbi.flat" -smp 4
	expect_log "$t: sbi (4 CPUs)" '^PASS: hsm: CPU 3 before first use: stopped' \
		'^PASS: ipi: to every other CPU: each took one \(3 of 3\)' \
		'^PASS: ipi: a broadcast reaches the caller too' \
		'^PASS: hsm: starting it in the firmware: SBI_ERR_INVALID_ADDRESS \(-5\)' \
		'^PASS: hsm: retentive suspend returns once the timer is pending' \
		'^PASS: srst: a reserved reset reason: SBI_ERR_INVALID_PARAM \(-3\)' \
		'^PASS: pmu: stopped again: SBI_ERR_ALREADY_STOPPED \(-8\)' \
		'^PASS: pmu: firmware counter [0-9]+ counts 3 SET_TIMER calls: 3' \
		'^SKIP: dbcn: the firmware has no DBCN extension' \
		'^SUMMARY: 52 tests, 1 skipped$'
	kr "$t: timer (2 CPUs)" 0 "$dir/timer.flat" -smp 2
	expect_log "$t: timer (2 CPUs)" \
		'^PASS: sbi: a 10 ms deadline: interrupt taken once, not early, on 2 CPUs' \
		'^(PASS|SKIP): sstc: ' '^SUMMARY: 5 tests'
	kr "$t: intc: the PLIC (2 CPUs)" 0 "$dir/intc.flat" -smp 2
	expect_log "$t: intc: the PLIC (2 CPUs)" \
		'^PASS: plic: priority 0: pending, never delivered' \
		'^PASS: plic: taken once, the handler claimed 10$' \
		'^PASS: plic: routed to CPU 1: CPU 1 took it \(1\), CPU 0 did not \(0\)' \
		'^SUMMARY: 8 tests$'
	kr "$t: intc: the APLIC, aia=aplic (2 CPUs)" 0 "$dir/intc.flat" -smp 2 \
		-machine aia=aplic
	expect_log "$t: intc: the APLIC, aia=aplic (2 CPUs)" \
		'^PASS: aplic: enabled: topi names source 10 at priority 1' \
		'^PASS: aplic: taken once, the handler claimed 10$' \
		'^PASS: aplic: routed to CPU 1: CPU 1 took it \(1\), CPU 0 did not \(0\)' \
		'^SUMMARY: 8 tests$'
	kr "$t: intc: the IMSIC, aia=aplic-imsic (2 CPUs)" 0 "$dir/intc.flat" -smp 2 \
		-machine aia=aplic-imsic
	expect_log "$t: intc: the IMSIC, aia=aplic-imsic (2 CPUs)" \
		'^PASS: imsic: claimed lowest ID first: 3 5 130, then none$' \
		'^PASS: imsic: an MSI to CPU 1: CPU 1 took ID 5 \(1\), CPU 0 did not \(0\)$' \
		'^PASS: aplic-msi: enabled: the MSI sent, ID 70 pending in the IMSIC$' \
		'^PASS: aplic-msi: routed to CPU 1: CPU 1 took it \(1\), CPU 0 did not \(0\)' \
		'^SUMMARY: 22 tests$'
	kr "$t: pci-test" 0 "$dir/pci-test.flat"
	expect_log "$t: pci-test" '^00\.01\.0 1b36:0005 type 00' \
		'^PASS: pci: pci_testdev\(\) passed 6/6 tests$' '^SUMMARY: 39 tests$'
	expect_no_log "$t: pci-test" '^(FAIL|SKIP):'
	kr "$t: unittests.cfg, all of it" 0 --logs "$tmp/logs-$tc" -j 2 "$dir"
	expect_log "$t: unittests.cfg, all of it" '^PASS sbi \(52 tests, 1 skipped\)$' \
		'^PASS pci-test-membar-high \(41 tests\)$' '^PASS vmalloc-setup-vm \(23 tests\)$' \
		'^PASS selftest-mmu-sv57 \(15 tests\)$' '^PASS intc-aplic \(8 tests\)$' \
		'^PASS intc-imsic \(22 tests\)$' '^Total 19: 19 passed, 0 failed'

	kr "$t: pass -> 0" 0 "$st" -append pass
	kr "$t: the .elf boots too" 0 "${st%.flat}.elf" -append pass
	kr "$t: fail -> 1" 1 "$st" -append fail
	expect_log "$t: fail -> 1" '^FAIL: a failing check'
	kr "$t: skip -> 77" 77 "$st" -append skip
	kr "$t: unexpected page fault -> dump, FAIL" 1 "$st" -append pagefault
	expect_log "$t: unexpected page fault -> dump, FAIL" \
		'^Unhandled exception: cause 15 \(store page fault\) on CPU 0' \
		'^sepc: [0-9a-f]{16}  stval: ffffffffffffe000$' ' ra: [0-9a-f]{16}' \
		's11: [0-9a-f]{16}' '^Backtrace:' '#0 0x[0-9a-f]+ main\+0x' \
		'#1 0x[0-9a-f]+ kut_start\+0x'
	kr "$t: page fault in a leaf function -> dump, FAIL" 1 "$st" -append leaf
	expect_log "$t: page fault in a leaf function -> dump, FAIL" \
		'#0 0x[0-9a-f]+ store_to\+0x' 'kut_start\+0x'
	kr "$t: unexpected illegal instruction -> dump, FAIL" 1 "$st" -append illegal
	expect_log "$t: unexpected illegal instruction -> dump, FAIL" \
		'^Unhandled exception: cause 2 \(illegal instruction\)' \
		'stval: 00000000c0001073$' '^Backtrace:'
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

# Bad input, with device trees QEMU dumps and fdtput edits.
st=$BUILD/gcc/riscv64/tests/selftest.flat
if command -v fdtput >/dev/null 2>&1; then
	qemu-system-riscv64 -machine virt,dumpdtb="$tmp/virt.dtb" -nodefaults \
		-display none >/dev/null 2>&1
	cp "$tmp/virt.dtb" "$tmp/novirtio.dtb"
	for n in $(fdtget -l "$tmp/novirtio.dtb" /soc | grep '^virtio_mmio@'); do
		fdtput -r "$tmp/novirtio.dtb" "/soc/$n"
	done
	# Without a testdev QEMU exits 0 after SBI's shutdown: the result is
	# the console's EXIT line.
	kr "riscv64 bad input: no virtio-mmio, no testdev -> SBI shutdown, EXIT line" 0 \
		"$st" -dtb "$tmp/novirtio.dtb" -append pass
	expect_log "riscv64 bad input: no virtio-mmio, no testdev -> SBI shutdown, EXIT line" \
		'^PASS: a passing check' '^EXIT: STATUS=1$' '^kut: no chr-testdev'
	kr "riscv64 bad input: no virtio-mmio, no testdev, a failure -> 1" 1 \
		"$st" -dtb "$tmp/novirtio.dtb" -append fail
	cp "$tmp/virt.dtb" "$tmp/nopci.dtb"
	fdtput -r "$tmp/nopci.dtb" "/soc/$(fdtget -l "$tmp/nopci.dtb" /soc | grep '^pci@')"
	kr "riscv64: device tree without a PCI host bridge -> pci-test SKIP" 77 \
		"$BUILD/gcc/riscv64/tests/pci-test.flat" -dtb "$tmp/nopci.dtb"
	expect_log "riscv64: device tree without a PCI host bridge -> pci-test SKIP" \
		'^SKIP: pci: no PCI host bridge on this machine$'
else
	skip "riscv64 bad input: no virtio-mmio, no testdev -> SBI shutdown, EXIT line" \
		"no fdtput (device-tree-compiler)"
	skip "riscv64: device tree without a PCI host bridge -> pci-test SKIP" \
		"no fdtput (device-tree-compiler)"
fi
expect_exit 2 "riscv64 bad input: the wrong QEMU" env QEMU=qemu-system-x86_64 \
	"$KUT_RUN" --accel=tcg "$st" -append pass
expect_log "riscv64 bad input: the wrong QEMU" \
	"^kut-run: .*selftest.flat: riscv64 image: qemu-system-x86_64: runs x86_64 guests, not riscv64 ones"
