#!/bin/sh
# SPDX-License-Identifier: MIT
# check-guest-powerpc.sh - boot the bundled ppc64le and ppc64 (big-endian)
# tests on QEMU's pseries machine (TCG) through kut-run, with the
# GCC-built and the Clang-built library, and check their exit codes and
# output: the whole unittests.cfg, then the endings kut-run must read
# from the "EXIT: STATUS=" line (pass, fail, skip, an unexpected
# interrupt's dump, a timeout); that the images carry only the
# relocations head.S applies; then bad input particular to pseries (no
# device tree, the wrong QEMU).
. tests/lib.sh

KUT_RUN=$BUILD/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-ppc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# kr NAME WANT ARGS...: kut-run under TCG with a 90 s timeout.
kr() {
	name=$1 want=$2
	shift 2
	expect_exit "$want" "$name" env TIMEOUT=90 "$KUT_RUN" --accel=tcg "$@"
}

for arch in ppc64le ppc64; do
	case " $ARCHES " in *" $arch "*) ;; *) continue ;; esac
	case $arch in ppc64le) endian=little ;; ppc64) endian=big ;; esac
	for tc in gcc clang; do
		dir=$BUILD/$tc/$arch/tests
		st=$dir/selftest.flat
		t="$arch $tc"
		# 2 CPUs x 500000: about 6 s under TCG (ppc's atomics are slow
		# there); 200000 let a broken lock through 1 run in 3.
		check_primitives "$t" "$dir/primitives.flat" tcg 2 500000

		# head.S applies R_PPC64_RELATIVE only: nothing else may be left.
		log=$(logfile "$t: only relative relocations")
		readelf -rW "$dir/selftest.elf" >"$log" 2>&1
		if grep -q 'R_PPC64_RELATIVE' "$log" &&
		   ! grep -E '^[0-9a-f]{16} ' "$log" | grep -vq R_PPC64_RELATIVE; then
			pass "$t: only relative relocations"
		else
			fail "$t: only relative relocations"
			show_log "$log"
		fi

		kr "$t: selftest setup" 0 -e SELFTEST_ARGC=4 "$st" -smp 2 -m 512 \
			-append 'setup smp=2 mem=512'
		expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
			'^PASS: setup: nr_cpus_present 2 == smp=2' \
			'^PASS: setup: RAM 512 MiB == mem=512' \
			"^PASS: setup: running $endian-endian, as built" '^SUMMARY: 10 tests$'
		kr "$t: selftest setup notices a wrong CPU count" 1 "$st" -smp 2 \
			-append 'setup smp=3'
		expect_log "$t: selftest setup notices a wrong CPU count" \
			'^FAIL: setup: nr_cpus_present 2 == smp=3'
		kr "$t: unittests.cfg, all of it" 0 --logs "$tmp/logs-$arch-$tc" -j 2 "$dir"
		expect_log "$t: unittests.cfg, all of it" '^PASS rtas \(9 tests\)$' \
			'^PASS smp \(6 tests\)$' '^PASS timebase \(11 tests\)$' \
			'^SKIP smp-smt \(' '^PASS pci-test-topology \(153 tests\)$' '^PASS vmalloc-setup-vm \(23 tests\)$' \
			'^Total 19: 18 passed, 0 failed, 0 timed out, 0 errors, 1 skipped'

		# kut-run gives QEMU no input: run its QEMU command with bytes on
		# the terminal's standard input (QEMU exits 0, the line says pass).
		qcmd=$("$KUT_RUN" --accel=tcg --dry-run "$st" -append 'console-input want=xyz')
		expect_exit 0 "$t: selftest console-input" sh -c "printf xyz | timeout 60 $qcmd"
		expect_log "$t: selftest console-input" "^PASS: getchar\(\) read 'xyz', sent 'xyz'" \
			'^PASS: nothing more waiting' '^EXIT: STATUS=1$'

		kr "$t: pass -> 0" 0 "$st" -append pass
		expect_log "$t: pass -> 0" '^EXIT: STATUS=1$'
		kr "$t: the .elf boots too" 0 "${st%.flat}.elf" -append pass
		kr "$t: fail -> 1" 1 "$st" -append fail
		expect_log "$t: fail -> 1" '^FAIL: a failing check' '^EXIT: STATUS=3$'
		kr "$t: skip -> 77" 77 "$st" -append skip
		kr "$t: unexpected program interrupt -> dump, FAIL" 1 "$st" -append illegal
		expect_log "$t: unexpected program interrupt -> dump, FAIL" \
			'^Unhandled interrupt 0x700 \(program\) on CPU 0' \
			'^SRR0 \(NIP\): [0-9a-f]{16}  SRR1 \(MSR\): [0-9a-f]{16}$' \
			'^DAR: ' '^LR: ' 'r31 [0-9a-f]{16}' '^Backtrace:' \
			'#0 0x[0-9a-f]+ main\+0x' '#1 0x[0-9a-f]+ kut_start\+0x'
		kr "$t: program interrupt in a leaf function -> caller in the backtrace" 1 \
			"$st" -append leaf
		expect_log "$t: program interrupt in a leaf function -> caller in the backtrace" \
			'#1 0x[0-9a-f]+ main\+0x' 'kut_start\+0x'
		kr "$t: assert -> FAIL" 1 "$st" -append assert
		expect_log "$t: assert -> FAIL" 'assert failed: argc == 1000' '^Backtrace:'
		expect_exit 124 "$t: hang -> 124 after TIMEOUT" env TIMEOUT=3 \
			"$KUT_RUN" --accel=tcg "$st" -append hang
		if no_qemu_left "$st"; then
			pass "$t: no QEMU left after the timeout"
		else
			fail "$t: no QEMU left after the timeout"
		fi
	done

	# Bad input: QEMU's VOF firmware hands over no device tree.  The
	# guest says so; without RTAS it cannot power off: a timeout.
	st=$BUILD/gcc/$arch/tests/selftest.flat
	expect_exit 124 "$arch bad input: no device tree (VOF) -> message, timeout" \
		env TIMEOUT=5 MACHINE=pseries,x-vof=on "$KUT_RUN" --accel=tcg "$st" -append pass
	expect_log "$arch bad input: no device tree (VOF) -> message, timeout" \
		'^kut: no valid device tree at ' '^kut: RTAS power-off failed'
	expect_exit 2 "$arch bad input: the wrong QEMU" env QEMU=qemu-system-x86_64 \
		"$KUT_RUN" --accel=tcg "$st" -append pass
	expect_log "$arch bad input: the wrong QEMU" \
		"^kut-run: .*selftest.flat: $arch image: qemu-system-x86_64: runs x86_64 guests, not $arch ones"
done
