#!/bin/sh
# SPDX-License-Identifier: MIT
# check-guest-s390x.sh - boot the bundled s390x tests under QEMU (TCG,
# s390-ccw-virtio, -kernel) through kut-run, with the GCC-built and the
# Clang-built library, and check their exit codes and output: the status
# line kut-run decodes, interrupt reports with registers and a
# symbolized backtrace, the whole unittests.cfg in suite mode; then bad
# input particular to s390x.
. tests/lib.sh

case " $ARCHES " in *" s390x "*) ;; *) exit 0 ;; esac

KUT_RUN=$BUILD/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-s390x.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# kr NAME WANT ARGS...: kut-run under TCG with a 60 s timeout.
kr() {
	name=$1 want=$2
	shift 2
	expect_exit "$want" "$name" env TIMEOUT=60 "$KUT_RUN" --accel=tcg "$@"
}

for tc in gcc clang; do
	dir=$BUILD/$tc/s390x/tests
	st=$dir/selftest.flat
	t="s390x $tc"
	# 4 CPUs x 2000000: about 3 s under TCG; fewer rounds let a broken
	# lock through now and then (tests/mutants).
	check_primitives "$t" "$dir/primitives.flat" tcg 4 2000000

	kr "$t: selftest setup" 0 -e SELFTEST_ARGC=4 "$st" -smp 2 -m 256 \
		-append 'setup smp=2 mem=256'
	expect_log "$t: selftest setup" '^PASS: setup: argc 4 == SELFTEST_ARGC 4' \
		'^PASS: setup: SCLP lists 2 CPUs == smp=2' '^PASS: setup: RAM 256 MiB == mem=256' \
		'^PASS: setup: boot CPU: prefix 0, THIS_CPU index 0' '^PASS: setup: detect_host\(\): TCG$' \
		'^SUMMARY: 12 tests$' \
		'^EXIT: STATUS=1$'
	kr "$t: selftest setup notices a wrong RAM size" 1 "$st" -m 128 \
		-append 'setup mem=256'
	expect_log "$t: selftest setup notices a wrong RAM size" \
		'^FAIL: setup: RAM 128 MiB == mem=256'
	kr "$t: selftest pgm" 0 "$st" -append pgm
	expect_log "$t: selftest pgm" \
		'^PASS: pgm: operation: old PSW after the 2-byte instruction' \
		'^PASS: pgm: privileged operation in problem state: back in supervisor state' \
		'^PASS: pgm: Program interrupt: expected\(4\) == received\(4\)' '^SUMMARY: 9 tests$'
	kr "$t: selftest fp" 0 "$st" -append fp
	# kut-run gives QEMU no input: run its QEMU command with bytes on
	# the console's standard input (QEMU exits 0, the line says pass).
	qcmd=$("$KUT_RUN" --accel=tcg --dry-run "$st" -append 'console-input want=xyz')
	expect_exit 0 "$t: selftest console-input" sh -c "printf xyz | timeout 60 $qcmd"
	expect_log "$t: selftest console-input" "^PASS: getchar\(\) read 'xyz', sent 'xyz'" \
		'^PASS: nothing more waiting' '^EXIT: STATUS=1$'
	kr "$t: selftest dat" 0 "$st" -append dat
	expect_log "$t: selftest dat" '^PASS: dat: DAT is off at boot' \
		'^PASS: dat: setup_vm\(\): DAT on, for the handlers too' \
		'^PASS: dat: Program interrupt: expected\(17\) == received\(17\)' \
		'^PASS: dat: a DAT-protected page stays unwritten'
	kr "$t: timer" 0 "$dir/timer.flat"
	expect_log "$t: timer" '^PASS: cpu timer: 10 ms: interrupt after [0-9]+ us, not before' \
		'^PASS: clock comparator: interrupt \(code 0x1004\) once the clock passed'
	kr "$t: diag 308 resets and comes back (2 CPUs)" 0 "$dir/diag.flat" -smp 2
	expect_log "$t: diag 308 resets and comes back (2 CPUs)" \
		'^PASS: diag: 0x308 load normal: reset, and back' \
		'^PASS: diag: 0x308 load modified clear: the other CPU is stopped'
	kr "$t: stsi: the name, UUID and CPUs QEMU was given" 0 "$dir/stsi.flat" \
		-smp 1,maxcpus=3 -name kut-test --uuid 01234567-89ab-cdef-0123-456789abcdef \
		-append 'name=kut-test uuid=01234567-89ab-cdef-0123-456789abcdef cpus=3'
	expect_log "$t: stsi: the name, UUID and CPUs QEMU was given" \
		"^PASS: stsi: 3.2.2: name 'kut-test' == name=kut-test" '^PASS: stsi: 3.2.2: total 3 == cpus=3' \
		'^PASS: stsi: 3.2.2: uuid == uuid='
	kr "$t: css with a virtio-ccw device" 0 "$dir/css.flat" -device virtio-net-ccw
	expect_log "$t: css with a virtio-ccw device" \
		'^PASS: css: sense id: control unit 3832 \(virtio\), model 01' \
		'^PASS: css: virtio-ccw: read features: all 5 bytes moved' \
		'^PASS: css: errors: ssch on a disabled subchannel: cc 3'
	kr "$t: css without a device -> SKIP" 77 "$dir/css.flat"
	kr "$t: stsi notices another name" 1 "$dir/stsi.flat" -name other -append 'name=kut-test'
	expect_log "$t: stsi notices another name" "^FAIL: stsi: 3.2.2: name 'other' == name=kut-test"
	kr "$t: sigp (2 CPUs)" 0 "$dir/sigp.flat" -smp 2
	expect_log "$t: sigp (2 CPUs)" \
		'^PASS: sigp: start-stop: restarted at its restart PSW' \
		'^PASS: sigp: start-stop: stored at absolute 0x1200: its prefix 0x[0-9a-f]+' \
		'^PASS: sigp: signals: emergency signal: accepted, taken as code 0x1201 from CPU address 0' \
		'^PASS: sigp: signals: external call: accepted, taken as code 0x1202' \
		'^PASS: sigp: on_cpu: on_cpus\(\) ran once on each of 2 CPUs' '^SUMMARY: 24 tests$'
	kr "$t: sigp with 1 CPU -> SKIP" 77 "$dir/sigp.flat"
	kr "$t: unittests.cfg, all of it" 0 --logs "$tmp/logs-$tc" -j 2 "$dir"
	expect_log "$t: unittests.cfg, all of it" '^PASS selftest-areas \(11 tests, 1 skipped\)$' \
		'^PASS alloc ' '^PASS sigp-4 \(24 tests\)$' '^PASS selftest-dat \(10 tests, 1 skipped\)$' \
		'^PASS vmalloc-setup-vm \(23 tests\)$' '^PASS sieve \(12 tests\)$' \
		'^PASS timer \(14 tests, 3 expected failures\)$' '^PASS skey \(17 tests, 2 skipped\)$' \
		'^PASS stsi \(20 tests\)$' '^PASS diag \(20 tests, 2 skipped\)$' \
		'^PASS emulator \(24 tests\)$' '^PASS css \(13 tests\)$' '^Total 18: 18 passed, 0 failed'

	kr "$t: pass -> 0" 0 "$st" -append pass
	kr "$t: the unstripped .elf boots too" 0 "${st%.flat}.elf" -append pass
	kr "$t: fail -> 1" 1 "$st" -append fail
	expect_log "$t: fail -> 1" '^FAIL: a failing check' '^EXIT: STATUS=3$'
	kr "$t: skip -> 77" 77 "$st" -append skip
	kr "$t: unexpected operation exception -> dump, FAIL" 1 "$st" -append operation
	expect_log "$t: unexpected operation exception -> dump, FAIL" \
		'^Unexpected program interrupt: code 0x1 \(operation\) on CPU 0' \
		'^PSW: 0000000180000000 [0-9a-f]{16}$' '^ILC: 2$' \
		'^  r0  [0-9a-f]{16} r1  ' 'r15 [0-9a-f]{16}$' '^  c0  0000000000040000 ' \
		'^Backtrace:' '#0 0x[0-9a-f]+ main\+0x' 'kut_start\+0x' '^EXIT: STATUS=129$'
	kr "$t: operation exception in a leaf function -> dump, FAIL" 1 "$st" -append leaf
	expect_log "$t: operation exception in a leaf function -> dump, FAIL" \
		'#0 0x[0-9a-f]+ leaf_fault\+0x' '#1 0x[0-9a-f]+ main\+0x' 'kut_start\+0x'
	kr "$t: addressing exception -> storage details, FAIL" 1 "$st" -append addressing
	expect_log "$t: addressing exception -> storage details, FAIL" \
		'^Unexpected program interrupt: code 0x5 \(addressing\)'
	kr "$t: unhandled SVC -> dump, FAIL" 1 "$st" -append svc
	expect_log "$t: unhandled SVC -> dump, FAIL" \
		'^Unexpected supervisor-call interrupt: code 0x63' '#0 0x[0-9a-f]+ main\+0x'
	kr "$t: interrupt with an unusable stack pointer -> caught, FAIL" 1 "$st" -append badstack
	expect_log "$t: interrupt with an unusable stack pointer -> caught, FAIL" \
		"in kut's interrupt entry at 0x[0-9a-f]+: the interrupted stack pointer r15=0x[0-9a-f]+ is not usable"
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

st=$BUILD/gcc/s390x/tests/selftest.flat
# A machine that ends without the status line fails, whichever way.
kr "s390x: every CPU stopped, no status line -> FAIL" 1 "$st" -append stop
expect_log "s390x: every CPU stopped, no status line -> FAIL" \
	'guest stopped without reporting a result'
kr "s390x: a disabled wait (guest panic), no status line -> FAIL" 1 "$st" -append panic
expect_log "s390x: a disabled wait (guest panic), no status line -> FAIL" \
	'guest stopped without reporting a result'
expect_exit 2 "s390x bad input: the wrong QEMU" env QEMU=qemu-system-x86_64 \
	"$KUT_RUN" --accel=tcg "$st" -append pass
expect_log "s390x bad input: the wrong QEMU" \
	"^kut-run: .*selftest.flat: s390x image: qemu-system-x86_64: runs x86_64 guests, not s390x ones"
