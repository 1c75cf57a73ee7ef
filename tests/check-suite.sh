#!/bin/sh
# SPDX-License-Identifier: MIT
# check-suite.sh - kut-run's suite mode from the outside: the bundled suite,
# a purpose-made suite whose tests pass, fail, skip, hang and crash
# (tests/suite/runner.cfg), result lines, exit codes, logs, TAP through
# prove, JUnit through xmllint and tests/junit.xsd, --expect, selection
# and shards, cfg text that would run commands under upstream's runner,
# an upstream-style tree (tests/suite/mbfixture.S), Ctrl-C, and the
# installed standalone suite.  Runs under TCG (KVM too for the bundled
# suite where it works); takes seconds.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
src=$(pwd)
KUT_RUN=$b/host/kut-run
BUNDLED=$b/gcc/x86_64/tests
XSD=$src/tests/junit.xsd
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-suite.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ok_if NAME CONDITION...: pass or fail on a shell condition.
ok_if() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}

# ok_eval NAME EXPRESSION: pass or fail on a shell expression (&&, ||).
ok_eval() {
	if eval "$2"; then pass "$1"; else fail "$1"; fi
}

# lines_match NAME FILE PATTERN...: FILE has a line matching each ERE.
lines_match() {
	name=$1 file=$2
	shift 2
	for pat in "$@"; do
		if ! grep -Eq -- "$pat" "$file"; then
			fail "$name: a line matches /$pat/"
			sed 's/^/#   | /' "$file" | head -40
			return 0
		fi
	done
	pass "$name: lines as expected"
}

# The purpose-made suite, in a directory named after its arch.
S=$tmp/x86_64
mkdir -p "$S"
cp tests/suite/runner.cfg "$S/unittests.cfg"
ln -s "$BUNDLED/selftest.flat" "$BUNDLED/selftest.elf" "$S/"

# --- the bundled suite, as make run runs it: its selftests here, for the
# result lines and logs; every test's verdict is tests/check-verdicts.sh's.
for accel in tcg kvm; do
	if [ $accel = kvm ] && ! kvm_usable; then
		skip "bundled suite under kvm" "/dev/kvm not usable here"
		continue
	fi
	n="bundled suite under $accel"
	out=$tmp/bundled-$accel.out
	(cd "$tmp" && "$KUT_RUN" --accel=$accel -j2 --logs "$tmp/bl-$accel" \
		"$BUNDLED" 'selftest-*') >"$out" 2>"$out.err"
	ok_if "$n: exit 0" [ $? -eq 0 ]
	lines_match "$n" "$out" '^PASS selftest-setup \([0-9]+ tests, 1 skipped\)$' \
		'^PASS selftest-legacy \(5 tests, 2 expected failures\)$' \
		'^Total [0-9]+: ([0-9]+) passed, 0 failed, 0 timed out, 0 errors, 0 skipped'
	ok_if "$n: every test passed" sh -c "! grep -Ev '^(PASS|Total)' '$out'"
	log=$tmp/bl-$accel/selftest-cpu.log
	ok_if "$n: the log starts with the QEMU command" \
		sh -c "head -1 '$log' | grep -Eq '^[^ ]*qemu-system-x86_64 .*-accel $accel .*-kernel [^ ]*selftest.flat -initrd [^ ]*kut-env[^ ]* -smp 1 -append cpu\$'"
	ok_if "$n: the log holds the output" grep -q '^SUMMARY: 8 tests$' "$log"
done

# --- migration: the guest asks, kut-run moves it to a new QEMU (QMP on a
# unix socket, -incoming) and the test goes on there.
mkdir -p "$tmp/migtmp"
out=$tmp/mig.out
TMPDIR=$tmp/migtmp "$KUT_RUN" --accel=tcg -j2 --logs "$tmp/mlogs" "$BUNDLED" \
	'migration*' >"$out" 2>&1
ok_if "migration: exit 0" [ $? -eq 0 ]
lines_match "migration: both tests pass" "$out" '^PASS migration \(2 tests\)$' \
	'^PASS migration-skip \(1 tests\)$'
lines_match "migration: the test went on after each of its 2 migrations" \
	"$tmp/mlogs/migration.log" '^kut-run: migration 1 completed$' \
	'^kut-run: migration 2 completed$' '^INFO: migration: Migration complete$' \
	'^PASS: migration: migration 2: 64 KiB read back \(0 words wrong\)$'
lines_match "migration: continuous migration passes" "$out" \
	'^PASS migration-continuous \(3 tests\)$'
lines_match "migration: continuous: memory rewritten during the chain reads back" \
	"$tmp/mlogs/migration-continuous.log" '^kut-run: continuous migration ended$' \
	'^PASS: migration: continuous: 30 rounds of 64 KiB rewritten and read back \(0 words wrong\)$' \
	'^PASS: migration: continuous: 64 KiB left alone read back after the chain'
ok_eval "migration: continuous: at least 2 migrations with no key press between" \
	"[ \$(sed -n '/^Begin continuous migration/,/^kut-run: continuous migration ended/p' \
	  '$tmp/mlogs/migration-continuous.log' | grep -c '^kut-run: migration [0-9]* completed') -ge 2 ]"
ok_if "migration: a skipped migration migrates nothing" \
	sh -c "! grep -q 'kut-run: migration' '$tmp/mlogs/migration-skip.log'"
ok_if "migration: no socket or file left behind" [ -z "$(ls -A "$tmp/migtmp")" ]
ok_if "migration: no QEMU left behind" no_qemu_left "$BUNDLED/migration"

# Killed by a signal in the middle of a migration chain: QEMUs and the
# directory of migration sockets go with kut-run (after a SIGKILL,
# kut-run-watch removes them, a moment later).
for sig in TERM INT HUP KILL; do
	mkdir -p "$tmp/sig$sig"
	TMPDIR=$tmp/sig$sig env --default-signal=INT "$KUT_RUN" --accel=tcg \
		--logs "$tmp/slogs$sig" "$BUNDLED" migration-continuous \
		>"$tmp/sig$sig.out" 2>&1 &
	pid=$!
	for i in $(seq 300); do
		grep -qs '^kut-run: migration 1 completed' \
			"$tmp/slogs$sig/migration-continuous.log" && break
		sleep 0.1
	done
	kill -$sig $pid
	wait $pid 2>/dev/null
	st=$?
	for i in $(seq 30); do
		[ -z "$(ls -A "$tmp/sig$sig")" ] && break
		sleep 0.1
	done
	ok_eval "migration: SIG$sig during migration: kut-run dies of it, leaves no socket or directory" \
		"[ $st -gt 128 ] && [ -z \"\$(ls -A '$tmp/sig$sig')\" ]"
done
ok_if "migration: no QEMU left after the signals" no_qemu_left "$BUNDLED/migration"

# --- panic group: passes when QEMU reports the guest's panic (QMP event)
mkdir -p "$tmp/panic"
ln -sf "$BUNDLED/pvpanic.flat" "$tmp/panic/pvpanic.flat"
printf '[pvpanic]\nfile = pvpanic.flat\nextra_params = -device pvpanic\ngroups = panic\n\n[no-device]\nfile = pvpanic.flat\ngroups = panic\n\n[outside]\nfile = pvpanic.flat\nextra_params = -device pvpanic\n' \
	>"$tmp/panic/unittests.cfg"
"$KUT_RUN" --accel=tcg --arch=x86_64 --logs "$tmp/plogs" "$tmp/panic" >"$tmp/panic.out" 2>&1
lines_match "panic: a guest panic is the pass, none a failure" "$tmp/panic.out" \
	'^PASS pvpanic' '^FAIL no-device '
lines_match "panic: the log says QEMU reported it" "$tmp/plogs/pvpanic.log" \
	'^kut-run: QEMU reports GUEST_PANICKED$'
lines_match "panic: ... or that the guest did not panic" "$tmp/plogs/no-device.log" \
	'^kut-run: the guest did not panic$'
# Outside the group, as upstream's runner: no QMP, QEMU's default panic
# action ends the guest, a FAIL.
lines_match "panic: outside the panic group a panic is a failure" "$tmp/panic.out" \
	'^FAIL outside \(guest stopped without reporting a result'

# --- the purpose-made suite: every way a test can end
out=$tmp/runner.out
"$KUT_RUN" --accel=tcg -j2 --logs "$tmp/logs" --junit "$tmp/junit.xml" \
	"$S" >"$out" 2>"$tmp/runner.err"
ok_if "suite: something failed -> exit 1" [ $? -eq 1 ]
lines_match "suite" "$out" \
	'^PASS pass \(1 tests\)$' \
	'^FAIL fail \(1 tests, 1 unexpected failures\)$' \
	'^SKIP skip \(1 tests, 1 skipped\)$' \
	'^FAIL hang \(timeout; duration=1s\)$' \
	'^FAIL crash-pf \(Unhandled exception 14 #PF at ip [0-9a-f]+\)$' \
	'^FAIL abort \(ABORT: aborting on purpose\)$' \
	'^PASS legacy-xfail-lines \(5 tests, 2 expected failures\)$' \
	'^SKIP manual \(test marked as manual run only\)$' \
	'^SKIP other-arch \(arm64 only\)$' \
	"^SKIP check-unmet \(check: /proc/sys/kernel/ostype is 'Linux', not 'NotLinux'\)$" \
	'^PASS check-met \(1 tests\)$' \
	'^SKIP disabled \(disabled_if \[\[ "\$TARGET" != kvmtool \]\]\)$' \
	'^PASS tcg-only \(1 tests\)$' \
	"^SKIP no-such-device \(QEMU has no device 'no-such-testdev'\)$" \
	'^FAIL missing-image \(.*/not-built.flat: No such file or directory\)$' \
	'^PASS smp-max \([0-9]+ tests, 1 skipped\)$' \
	'^Total 16: 5 passed, 3 failed, 1 timed out, 1 errors, 6 skipped, 0 xfail, 0 xpass \([0-9.]+s\)$'
ok_if "suite: one line per test" [ "$(grep -Ec '^(PASS|FAIL|SKIP) ' "$out")" -eq 16 ]
ok_if "suite: no colour when stdout is not a terminal" sh -c "! grep -q \"$(printf '\033')\" '$out'"
ok_if "suite: the timed-out QEMU was killed" no_qemu_left "$tmp"
# TIMEOUT overrides the cfg's timeout = key, as with upstream's runner.
TIMEOUT=2 "$KUT_RUN" --accel=tcg --logs "$tmp/tlogs" "$S" hang >"$out" 2>&1
lines_match "suite: TIMEOUT wins over the cfg's timeout" "$out" \
	'^FAIL hang \(timeout; duration=2s\)$'
ok_eval "suite: logs/<test>.log per test that ran" \
	'[ -f "$tmp/logs/pass.log" ] && [ -f "$tmp/logs/hang.log" ] && [ ! -e "$tmp/logs/manual.log" ]'
ok_if "suite: a log starts with the exact QEMU command" \
	sh -c "head -1 '$tmp/logs/hang.log' | grep -Eq 'qemu-system-x86_64 .*-accel tcg .*-kernel $S/selftest.flat -initrd [^ ]*kut-env[^ ]* -smp 1 -append hang\$'"
lines_match "suite: log of a failed test" "$tmp/logs/fail.log" '^FAIL: a failing check$' \
	'^SUMMARY: 1 tests, 1 unexpected failures$' '^kut-run: FAIL fail \(1 tests, 1 unexpected failures\)'
lines_match "suite: log of a crash has the backtrace symbolized" "$tmp/logs/crash-pf.log" \
	'^Unhandled exception 14 #PF' '#0 0x[0-9a-f]+ main\+0x'
lines_match "suite: log of smp = \$((...))" "$tmp/logs/smp-max.log" \
	"-smp $(nproc | awk '{ print ($1 < 8) ? $1 : 8 }') -append setup\$"
if xmllint --noout --schema "$XSD" "$tmp/junit.xml" >"$tmp/xmllint.out" 2>&1; then
	pass "suite: JUnit XML validates against tests/junit.xsd"
else
	fail "suite: JUnit XML validates against tests/junit.xsd"
	show_log "$tmp/xmllint.out"
fi
lines_match "suite: JUnit counts" "$tmp/junit.xml" \
	'<testsuite name="kvm-unit-tests.x86_64" tests="16" failures="4" errors="1" skipped="6"' \
	'<failure type="timeout" message="timeout; duration=1s">' \
	'<skipped message="test marked as manual run only"/>'
ok_if "suite: no JUnit temporary file left" sh -c "! ls -A '$tmp' | grep -Eq '^(\.junit\.xml\.|junit\.xml\.tmp)'"

# --- TAP through a real TAP consumer
"$KUT_RUN" --accel=tcg -t --logs "$tmp/tlogs" "$S" >"$tmp/suite.tap" 2>/dev/null
ok_if "tap: exit 1 as in text mode" [ $? -eq 1 ]
perl -MTAP::Parser -e '
	my $p = TAP::Parser->new({ source => $ARGV[0] });
	while (defined(my $r = $p->next)) { }
	printf "version=%d planned=%d run=%d failed=%d skipped=%d errors=%d\n",
		$p->version, $p->tests_planned, $p->tests_run,
		scalar($p->failed), scalar($p->skipped), scalar($p->parse_errors);
	print "error: $_\n" for $p->parse_errors;
' "$tmp/suite.tap" >"$tmp/tap.summary" 2>&1
lines_match "tap: TAP::Parser reads it" "$tmp/tap.summary" \
	'^version=13 planned=16 run=16 failed=5 skipped=6 errors=0$'
prove --exec cat "$tmp/suite.tap" >"$tmp/prove.out" 2>&1
lines_match "tap: prove counts the failures" "$tmp/prove.out" 'Failed 5/16 subtests' \
	'Failed tests:  *[0-9]'
ok_if "tap: prove sees no parse errors" sh -c "! grep -q 'Parse errors' '$tmp/prove.out'"
lines_match "tap: a timeout is not ok, with its reason" "$tmp/suite.tap" \
	'^not ok [0-9]+ - hang$' '^  message: "timeout; duration=1s"$' \
	'^    not ok 4 - legacy xfail # TODO expected failure$' \
	'^    # Subtest: fail$' '^    not ok 1 - a failing check$' \
	'^ok [0-9]+ - manual # SKIP test marked as manual run only$'
"$KUT_RUN" --accel=tcg -t --logs "$tmp/tlogs" "$BUNDLED" 'selftest-*' >"$tmp/bundled.tap" 2>/dev/null
ok_if "tap: prove passes the bundled suite" prove --exec cat "$tmp/bundled.tap"

# --- known failures
cat >"$tmp/expect.txt" <<'EOF'
# what this host is known to do
fail: FAIL bug 1234
hang: FAIL hangs under TCG
pass: FAIL flaky
crash-*: SKIP takes the host down
EOF
out=$tmp/expect.out
"$KUT_RUN" --accel=tcg --logs "$tmp/elogs" --expect "$tmp/expect.txt" \
	--junit "$tmp/expect.xml" "$S" fail hang crash-pf pass >"$out" 2>&1
ok_if "expect: an XPASS fails the run (exit 1)" [ $? -eq 1 ]
lines_match "expect" "$out" '^XFAIL fail \(bug 1234\)$' '^XFAIL hang \(hangs under TCG\)$' \
	'^SKIP crash-pf \(takes the host down\)$' '^XPASS pass \(flaky\)$' \
	'^Total 4: 0 passed, 0 failed, 0 timed out, 0 errors, 1 skipped, 2 xfail, 1 xpass'
ok_if "expect: a SKIP entry does not run the test" [ ! -e "$tmp/elogs/crash-pf.log" ]
ok_if "expect: JUnit validates" xmllint --noout --schema "$XSD" "$tmp/expect.xml"
"$KUT_RUN" --accel=tcg --logs "$tmp/elogs" --expect "$tmp/expect.txt" "$S" fail hang \
	>"$out" 2>&1
ok_if "expect: only known failures -> exit 0" [ $? -eq 0 ]
printf 'fail FAIL\n' >"$tmp/bad-expect.txt"
expect_exit 2 "expect: a malformed file -> exit 2" "$KUT_RUN" --expect "$tmp/bad-expect.txt" "$S"
expect_log "expect: a malformed file -> exit 2" "bad-expect.txt:1: not 'NAME: FAIL\|SKIP reason'"

# --- selection, listing, shards
"$KUT_RUN" -l "$S" >"$tmp/all.list"
ok_eval "list: names, nodefault left out" \
	'[ "$(wc -l <"$tmp/all.list")" -eq 15 ] && ! grep -qx manual "$tmp/all.list"'
ok_if "list: -g selects a group, nodefault included" \
	[ "$("$KUT_RUN" --list -g manual,crash "$S" | tr '\n' ' ')" = "crash-pf abort manual " ]
ok_if "list: names and globs" \
	[ "$("$KUT_RUN" --list "$S" 'c*' pass manual | tr '\n' ' ')" = "pass crash-pf manual check-unmet check-met " ]
: >"$tmp/shards.list"
for k in 1 2 3; do "$KUT_RUN" --list --shard $k/3 "$S" >>"$tmp/shards.list"; done
ok_if "shards: 3 slices list each test once" \
	[ "$(sort "$tmp/shards.list" | tr '\n' ' ')" = "$(sort "$tmp/all.list" | tr '\n' ' ')" ]
"$KUT_RUN" --accel=tcg --logs "$tmp/slogs" --shard 7/20 "$S" >"$out" 2>&1
st=$?
ok_eval "shards: a slice with one test runs it" \
	'[ $st -eq 0 ] && grep -q "^Total 1: 1 passed" "$out"'
"$KUT_RUN" --list=json "$S" >"$tmp/list.json"
perl -MJSON::PP -e '
	local $/; open my $f, "<", $ARGV[0] or die; my $j = decode_json(<$f>);
	my %t = map { $_->{name} => $_ } @{$j->{tests}};
	printf "arch=%s n=%d smp=%s hang_timeout=%s groups=%s check=%s\n", $j->{arch},
		scalar @{$j->{tests}}, $t{"smp-max"}{smp}, $t{hang}{timeout},
		join(",", @{$t{"crash-pf"}{groups}}), $t{"check-met"}{check}[0];
' "$tmp/list.json" >"$tmp/json.out" 2>&1
lines_match "list=json: parses, with each test's metadata" "$tmp/json.out" \
	'^arch=x86_64 n=15 smp=[0-9]+ hang_timeout=1 groups=crash check=/proc/sys/kernel/ostype=Linux$'
expect_exit 2 "select: an unknown name -> exit 2" "$KUT_RUN" "$S" no-such-test
expect_log "select: an unknown name -> exit 2" 'no-such-test: no test of that name'
expect_exit 2 "select: an unknown group -> exit 2" "$KUT_RUN" -g nogroup "$S"
expect_exit 2 "select: --shard 3/2 -> exit 2" "$KUT_RUN" --shard 3/2 "$S"
expect_exit 2 "suite: a missing suite -> exit 2" "$KUT_RUN" "$tmp/nowhere.cfg"
expect_log "suite: a missing suite -> exit 2" 'nowhere.cfg: No such file or directory'
printf '# nothing\n' >"$tmp/empty.cfg"
expect_exit 2 "suite: a cfg without tests -> exit 2" "$KUT_RUN" "$tmp/empty.cfg"
expect_exit 2 "suite: -t with an image -> exit 2" "$KUT_RUN" -t "$BUNDLED/selftest.flat"
mkdir -p "$tmp/notlogs" && : >"$tmp/notlogs/precious.txt"
expect_exit 2 "logs: a directory holding other files is left alone" \
	"$KUT_RUN" --logs "$tmp/notlogs" "$S" pass
ok_if "logs: ... and untouched" [ -f "$tmp/notlogs/precious.txt" ]
"$KUT_RUN" --accel=tcg --logs "$tmp/logs" "$S" pass >/dev/null 2>&1
ok_eval "logs: the previous run's logs are kept as DIR.old" \
	'[ -f "$tmp/logs.old/hang.log" ] && [ -f "$tmp/logs/pass.log" ] && [ ! -e "$tmp/logs/hang.log" ]'
(cd "$S" && "$KUT_RUN" --accel=tcg --logs "$tmp/dlogs" pass) >"$out" 2>&1
ok_if "default suite: ./unittests.cfg, test by name" grep -q '^PASS pass (1 tests)$' "$out"
"$KUT_RUN" --dry-run --accel=tcg "$S" pass skip >"$tmp/dry.sh" 2>/dev/null
ok_if "dry-run: prints a script that runs the tests" sh -c "sh '$tmp/dry.sh' >/dev/null 2>&1; [ \$? -eq 77 ]"

# --- cfg text is data: no shell, no eval
C=$tmp/sec/x86_64
mkdir -p "$C"
ln -s "$BUNDLED/selftest.flat" "$C/"
cat >"$C/unittests.cfg" <<EOF
[quoted]
file = selftest.flat
extra_params = -append 'setup \$(touch $tmp/pwned1) \`touch $tmp/pwned2\`; touch $tmp/pwned3'

[args]
file = selftest.flat
test_args = setup \$(touch $tmp/pwned4) \`touch $tmp/pwned5\` ; touch $tmp/pwned6

[smp]
file = selftest.flat
smp = \$(touch $tmp/pwned7)
EOF
"$KUT_RUN" --accel=tcg --logs "$tmp/seclogs" -e SELFTEST_ARGC=8 -e "SELFTEST_LAST=$tmp/pwned3" \
	"$C" quoted >"$out" 2>"$tmp/sec.err"
ok_if "no eval: \$(...), \`...\` and ; in extra_params reach the guest as text" \
	grep -q '^PASS quoted (5 tests)$' "$out"
"$KUT_RUN" --accel=tcg --logs "$tmp/seclogs2" -e SELFTEST_ARGC=9 -e "SELFTEST_LAST=$tmp/pwned6" \
	"$C" args >"$out" 2>>"$tmp/sec.err"
ok_if "no eval: ... and in test_args" grep -q '^PASS args (5 tests)$' "$out"
ok_if "no eval: the logged command has them literally" \
	grep -Fq -- "-append 'setup \$(touch $tmp/pwned1) \`touch $tmp/pwned2\`; touch $tmp/pwned3'" "$tmp/seclogs/quoted.log"
"$KUT_RUN" --accel=tcg --logs "$tmp/seclogs3" "$C" smp >"$out" 2>>"$tmp/sec.err"
lines_match "no eval: a command in smp is refused" "$out" '^FAIL smp \(.*smp: .*runs no shell\)\)$'
ok_if "no eval: no command ran" sh -c "! ls '$tmp'/pwned* >/dev/null 2>&1"
lines_match "no eval: kut-run warns that it passes shell syntax literally" "$tmp/sec.err" \
	'unittests.cfg:7: \[args\]: test_args: \$, `, ;, \|, &, <, > reach QEMU as written'

# --- an upstream-style tree: ELF32 multiboot images, config.mak, old syntax
U=$tmp/upstream
mkdir -p "$U/x86"
# Linked above 1 MiB, its ELF headers too, as upstream's images are.
if cc -m32 -nostdlib -static -no-pie -Wl,-Ttext=0x101000 -Wl,--build-id=none \
	-o "$U/x86/mb.flat" tests/suite/mbfixture.S >"$tmp/mb.log" 2>&1; then
	printf 'ARCH=x86_64\nTEST_DIR=x86\n' >"$U/config.mak"
	# The same image with a function named as upstream's PCI helpers.
	objcopy --add-symbol pci_find_dev=.text:0,function,global \
		"$U/x86/mb.flat" "$U/x86/mbpci.flat"
	cat >"$U/x86/unittests.cfg" <<'EOF'
##############################################################################
# unittest configuration, as upstream writes it
##############################################################################
[mb-pass]
file = mb.flat
smp = `getconf _NPROCESSORS_CONF`
extra_params = -append 'mode=pass'

[mb-fail]
file = mb.flat
extra_params = -append "mode=fail"
arch = x86_64

[mb-skip]
file = mb.flat
extra_params = -append mode=skip
timeout = 10s

[cmpxchg8b]
file = cmpxchg8b.flat
arch = i386

[mb-eval]
file = mb.flat
extra_params = --append "10000000 `date +%s` `whoami`"

[mb-pci]
file = mbpci.flat

[mb-pit]
file = mb.flat
extra_params = -machine pit=off
EOF
	(cd "$U" && "$KUT_RUN" --accel=tcg x86) >"$out" 2>"$tmp/up.err"
	ok_if "upstream tree: exit 1 (one test fails)" [ $? -eq 1 ]
	lines_match "upstream tree: same verdicts as run_tests.sh" "$out" \
		'^PASS mb-pass \(1 tests\)$' \
		'^FAIL mb-fail \(1 tests, 1 unexpected failures\)$' \
		'^SKIP mb-skip \(1 tests, 1 skipped\)$' \
		'^SKIP cmpxchg8b \(i386 only\)$' '^PASS mb-eval \(1 tests\)$' \
		'^PASS mb-pci \(1 tests\)$' '^PASS mb-pit \(1 tests\)$'
	ok_if "upstream tree: logs/ in the current directory" [ -f "$U/logs/mb-pass.log" ]
	# Upstream's images get upstream's firmware (QEMU's default, SeaBIOS),
	# kut's the fast qboot.
	ok_if "upstream tree: its images boot with QEMU's default firmware" \
		sh -c "head -1 '$U/logs/mb-pass.log' | grep -v -- ' -bios '"
	ok_if "upstream tree: an image needing nothing of pc boots on microvm under TCG" \
		sh -c "head -1 '$U/logs/mb-pass.log' | grep -q -- ' -machine microvm '"
	ok_if "... on pc when it has a PCI function" \
		sh -c "head -1 '$U/logs/mb-pci.log' | grep -q -- ' -machine pc '"
	ok_if "... on pc when its cfg gives machine options" \
		sh -c "head -1 '$U/logs/mb-pit.log' | grep -q -- ' -machine pc .* -machine pit=off'"
	ok_if "... kut's own images with qboot" \
		sh -c "head -1 '$tmp/bl-tcg/selftest-cpu.log' | grep -q -- ' -bios [^ ]*qboot.rom '"
	ok_if "upstream tree: \`date +%s\` reaches the guest as the time, other backquotes as text" \
		grep -Eq 'INFO: cmdline: x86/mb.flat 10000000 [0-9]{10} `whoami`$' "$U/logs/mb-eval.log"
else
	skip "upstream tree" "cannot build a 32-bit fixture: $(head -1 "$tmp/mb.log")"
fi

# --- Ctrl-C: every running QEMU goes, nothing is left
H=$tmp/hang/x86_64
mkdir -p "$H"
ln -s "$BUNDLED/selftest.flat" "$H/"
printf '[h1]\nfile = selftest.flat\ntest_args = hang\n[h2]\nfile = selftest.flat\ntest_args = hang\n' \
	>"$H/unittests.cfg"
log=$(logfile "suite ctrl-c")
env --default-signal=INT "$KUT_RUN" --accel=tcg -j2 --timeout=60 --logs "$tmp/hlogs" \
	--junit "$tmp/h.xml" "$H" >"$log" 2>&1 &
pid=$!
sleep 1
kill -INT $pid
wait $pid
ok_if "ctrl-c: kut-run ends by SIGINT (status 130)" [ $? -eq 130 ]
sleep 0.2
if no_qemu_left "$H"; then
	pass "ctrl-c: no QEMU left behind"
else
	fail "ctrl-c: no QEMU left behind"
	pkill -f "qemu-system.*$H"
fi
ok_if "ctrl-c: no JUnit temporary file left" sh -c "! ls -A '$tmp' | grep -Eq '^(\.h\.xml\.|h\.xml\.tmp)'"

# --- start order: decided tests, then those that run alone, then the
# longest first: by the last logged duration, else by the timeout
O=$tmp/order/x86_64
mkdir -p "$O"
ln -s "$BUNDLED/selftest.flat" "$O/"
cat >"$tmp/order-qemu" <<'EOF'
#!/bin/sh
while [ $# -gt 0 ]; do
	[ "$1" = -append ] && { echo "PASS: $2"; echo "SUMMARY: 1 tests"; exit 1; }
	shift
done
exit 3
EOF
chmod +x "$tmp/order-qemu"
{
	for t in a b c d; do
		printf '[%s]\nfile = selftest.flat\ntest_args = %s\n' $t $t
	done
	printf '[e]\nfile = selftest.flat\ntest_args = e\ntimeout = 300\n'
	printf '[g]\nfile = selftest.flat\ntest_args = g\ntimeout = 5\n'
	printf '[f]\nfile = nowhere.flat\n'
	printf '[m]\nfile = selftest.flat\ntest_args = m\ngroups = migration\n'
} >"$O/unittests.cfg"
order() { sed -n 's/^\(PASS\|FAIL\|SKIP\) \([a-z]*\).*/\2/p' "$1" | tr -d '\n'; }
QEMU=$tmp/order-qemu "$KUT_RUN" --accel=tcg -j1 --logs "$tmp/ologs" "$O" \
	>"$out" 2>&1
ok_eval "order: no logs: decided, alone, then by timeout, else cfg order" \
	'[ "$(order "$out")" = fmeabcdg ] || { cat "$out"; false; }'
rm -rf "$tmp/ologs" "$tmp/ologs.old"
mkdir "$tmp/ologs"
for t in a:1.500 b:12.250 c:0.100; do
	echo "kut-run: PASS ${t%:*} (1 tests, in 2 s) in ${t#*:}s" \
		>"$tmp/ologs/${t%:*}.log"
done
QEMU=$tmp/order-qemu "$KUT_RUN" --accel=tcg -j1 --logs "$tmp/ologs" "$O" \
	>"$out" 2>&1
ok_eval "order: a logged duration counts, else the timeout" \
	'[ "$(order "$out")" = fmedbgac ] || { cat "$out"; false; }'
rm -rf "$tmp/ologs2"
QEMU=$tmp/order-qemu "$KUT_RUN" --accel=tcg -j2 -v --logs "$tmp/ologs2" "$O" \
	>"$out" 2>"$out.err"
started=$(grep -o -- ' -append [a-z]' "$out.err" | cut -c10 | tr -d '\n')
ok_eval "order: with -j2 the longest test starts before the one run alone" \
	'[ "$started" = emabcdg ] || { cat "$out.err"; false; }'

# --- installed: standalone tests, no source tree, by name
expect_exit 0 "installed: make install" make --no-print-directory BUILD="$BUILD" \
	ARCHES=x86_64 PREFIX="$tmp/prefix" install
I=$tmp/prefix/share/kvm-unit-tests/x86_64
ok_eval "installed: tests, their .elf and unittests.cfg in share/kvm-unit-tests/x86_64" \
	'[ -f "$I/selftest.flat" ] && [ -f "$I/selftest.elf" ] && [ -f "$I/unittests.cfg" ]'
mkdir -p "$tmp/elsewhere"
(cd "$tmp/elsewhere" && "$tmp/prefix/bin/kut-run" --accel=tcg 'selftest-*') >"$out" 2>&1
st=$?
ok_eval "installed: 'kut-run' with no suite runs the installed suite" \
	'[ $st -eq 0 ] && grep -q "^PASS selftest-cpu (8 tests)\$" "$out" && [ -d "$tmp/elsewhere/logs" ]'
(cd "$tmp/elsewhere" && "$tmp/prefix/bin/kut-run" --accel=tcg alloc) >"$out" 2>&1
st=$?
ok_eval "installed: 'kut-run NAME' runs one installed test" \
	'[ $st -eq 0 ] && grep -q "^Total 1: 1 passed" "$out"'
