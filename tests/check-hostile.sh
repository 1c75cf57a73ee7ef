#!/bin/sh
# SPDX-License-Identifier: MIT
# check-hostile.sh - kut-run against what a fuzzer and a hostile cfg found
# (issue 12): a bad smp expression fails its test alone; logs are never
# lost or mixed; timeouts hold with stdout stalled; nothing blocks on a
# FIFO; no QEMU outlives kut-run; reports are never stale; temporary files
# never follow a planted symlink; verdicts need the guest's own word.
# Most checks run a stand-in QEMU (a shell script, QEMU=), so the section
# takes seconds.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
ST=$b/gcc/x86_64/tests/selftest.flat
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ok_eval NAME EXPRESSION: pass or fail on a shell expression.
ok_eval() {
	if eval "$2"; then pass "$1"; else fail "$1"; fi
}

# A stand-in QEMU: it acts on the word after -append (test_args).
Q=$tmp/fake-qemu
cat >"$Q" <<'EOF'
#!/bin/sh
mode=
while [ $# -gt 0 ]; do
	[ "$1" = -append ] && { mode=$2; shift; }
	shift
done
case $mode in
say=*) echo "PASS: ${mode#say=}"; sleep 1; echo "SUMMARY: 1 tests"; exit 1 ;;
chatty) while :; do echo "a guest that never stops talking"; done ;;
fork) sleep 3131 & sleep 3132 ;;
hang) exec sleep 3133 ;;
fail128) echo "FAIL: bad"; exit 128 ;;
skip38) exit 77 ;;
skipword) echo "SKIP: no such device"; echo "SUMMARY: 1 tests, 1 skipped"; exit 77 ;;
silent1) exit 1 ;;
figures) echo "cycles 1234"; echo "EXIT: STATUS=1"; exit 1 ;;
exit3) echo "EXIT: STATUS=3"; exit 1 ;;
slow) sleep 3; echo "PASS: slow"; exit 1 ;;
date=*) echo "PASS: $mode"; exit 1 ;;
esac
echo "fake-qemu: unknown mode '$mode'" >&2
exit 3
EOF
chmod +x "$Q"

# A suite of one image: suite DIR, then sections from stdin.
suite() {
	mkdir -p "$1"
	ln -sf "$ST" "$1/selftest.flat"
	cat >"$1/unittests.cfg"
}

# --- 1. smp: a bad expression fails its own test, the others run
S=$tmp/smp/x86_64
{
	printf '[ok]\nfile = selftest.flat\ntest_args = setup\n'
	printf '[fpe]\nfile = selftest.flat\nsmp = $((-65536*65536*65536*32768 / -1))\n'
	printf '[wrap]\nfile = selftest.flat\nsmp = $((65536*65536*65536*65536+2))\n'
	printf '[mod0]\nfile = selftest.flat\nsmp = $((2 %% 0))\n'
	printf '[deep]\nfile = selftest.flat\nsmp = $((%s1%s))\n' \
		"$(head -c 100000 /dev/zero | tr '\0' '(')" \
		"$(head -c 100000 /dev/zero | tr '\0' ')')"
} | suite "$S"
log=$(logfile "smp hostile")
"$KUT_RUN" --accel=tcg --logs "$tmp/smplogs" "$S" >"$log" 2>&1
st=$?
ok_eval "smp: bad expressions fail their tests, not the run (exit 1)" '[ $st -eq 1 ]'
expect_log "smp hostile" '^PASS ok ' \
	"^FAIL fpe \(.*/unittests.cfg:6: smp: .*arithmetic overflow\)$" \
	"^FAIL wrap \(.*/unittests.cfg:9: smp: .*arithmetic overflow\)$" \
	"^FAIL mod0 \(.*/unittests.cfg:12: smp: .*division by zero\)$" \
	"^FAIL deep \(.*/unittests.cfg:15: smp: .*nested too deeply\)$" \
	'^Total 5: 1 passed, 0 failed, 0 timed out, 4 errors'

# --- 2. logs: concurrent runs in one directory, names that look alike
for k in 1 2 3 4; do
	for t in a b c d e f; do
		printf '[%s]\nfile = selftest.flat\ntest_args = say=%s-%s\n' $t $k $t
	done | suite "$tmp/conc$k/x86_64"
done
for k in 1 2 3 4; do
	QEMU=$Q "$KUT_RUN" -j6 --logs "$tmp/clogs" "$tmp/conc$k/x86_64" \
		>"$tmp/conc$k.out" 2>&1 &
done
wait
n=0 good=0
# (a run that started after another ended rotates its logs to clogs.old)
for f in "$tmp"/clogs/* "$tmp"/clogs.old/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	# each log is one test's: its own name in the file name and content
	t=$(sed -n 's/^PASS: [1-4]-\(.\)$/\1/p' "$f")
	case $(basename "$f") in "$t".log | "$t".[0-9].log) good=$((good + 1)) ;; esac
done
ok_eval "logs: four runs at once in one directory keep 24 logs" '[ $n -eq 24 ]'
ok_eval "logs: ... each holding one test's output" '[ $good -eq 24 ]'
ok_eval "logs: ... and every run passed" \
	'[ $(cat "$tmp"/conc?.out | grep -c "^Total 6: 6 passed") -eq 4 ]'
{
	printf '[a/b]\nfile = selftest.flat\ntest_args = say=slash\n'
	printf '[a_b]\nfile = selftest.flat\ntest_args = say=underscore\n'
	printf '[.x]\nfile = selftest.flat\ntest_args = say=dot\n'
	printf '[_.x]\nfile = selftest.flat\ntest_args = say=underscore-dot\n'
} | suite "$tmp/alike/x86_64"
QEMU=$Q "$KUT_RUN" -j4 --logs "$tmp/alogs" "$tmp/alike/x86_64" >/dev/null 2>&1
ok_eval "logs: [a/b], [a_b], [.x], [_.x] write four logs" \
	'[ $(ls -A "$tmp/alogs" | wc -l) -eq 4 ] &&
	 grep -qx "PASS: slash" "$tmp/alogs/a%2Fb.log" &&
	 grep -qx "PASS: underscore" "$tmp/alogs/a_b.log" &&
	 grep -qx "PASS: dot" "$tmp/alogs/%2Ex.log" &&
	 grep -qx "PASS: underscore-dot" "$tmp/alogs/_.x.log"'
mkdir -p "$tmp/olds/logs" "$tmp/olds/logs.old"
echo precious >"$tmp/olds/logs.old/notes.txt"
for t in p q r; do echo old >"$tmp/olds/logs.old/$t.log"; echo prev >"$tmp/olds/logs/$t.log"; done
log=$(logfile "logs old stray")
QEMU=$Q "$KUT_RUN" --logs "$tmp/olds/logs" "$tmp/alike/x86_64" >"$log" 2>&1
st=$?
ok_eval "logs: a logs.old holding another file -> exit 2" '[ $st -eq 2 ]'
expect_log "logs old stray" "logs.old: holds 'notes.txt', which is not a test log"
ok_eval "logs: ... and nothing in either directory is lost" \
	'[ $(cat "$tmp"/olds/logs.old/*.log | grep -c old) -eq 3 ] &&
	 [ -f "$tmp/olds/logs.old/notes.txt" ] &&
	 [ $(cat "$tmp"/olds/logs/*.log | grep -c prev) -eq 3 ]'

# --- 3. and 4. timeouts with stdout stalled; no QEMU outlives kut-run
# gone PATTERN: no process's command line matches PATTERN any more.
gone() {
	! pgrep -f "$1" >/dev/null
}
(TIMEOUT=1 QEMU=$Q "$KUT_RUN" "$ST" -append chatty | sleep 9) &
sleep 7
ok_eval "timeout: enforced while kut-run's stdout is stalled (| sleep)" 'gone "$Q"'
wait
QEMU=$Q "$KUT_RUN" "$ST" -append fork >/dev/null 2>&1 &
pid=$!
sleep 1
ok_eval "orphans: the wrapper's children run" 'pgrep -f "sleep 313[12]" >/dev/null'
kill -9 $pid
sleep 1
ok_eval "orphans: kill -9 of kut-run takes a forking wrapper's children too" \
	'gone "sleep 313[12]"'
pkill -f "sleep 313[12]" || :

# --- 4. an interrupt: reports end saying so, no stale or temporary file
H=$tmp/int/x86_64
{
	printf '[quick]\nfile = selftest.flat\ntest_args = say=quick\n'
	printf '[h1]\nfile = selftest.flat\ntest_args = hang\n'
	printf '[h2]\nfile = selftest.flat\ntest_args = hang\n'
} | suite "$H"
echo '<stale/>' >"$tmp/int.xml"
QEMU=$Q env --default-signal=INT "$KUT_RUN" -t -j3 --timeout=60 --logs "$tmp/ilogs" \
	--junit "$tmp/int.xml" "$H" >"$tmp/int.tap" 2>"$tmp/int.err" &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid
st=$?
ok_eval "interrupt: kut-run ends by SIGINT (status 130)" '[ $st -eq 130 ]'
ok_eval "interrupt: TAP ends with Bail out!" \
	'[ "$(tail -1 "$tmp/int.tap")" = "Bail out! interrupted by SIGINT" ]'
ok_eval "interrupt: the JUnit file is this run's, marked interrupted" \
	'grep -q "<property name=\"interrupted\" value=\"SIGINT\"/>" "$tmp/int.xml" &&
	 grep -q "interrupted by SIGINT before it finished" "$tmp/int.xml" &&
	 grep -q "testcase .*name=\"quick\"" "$tmp/int.xml"'
ok_eval "interrupt: ... and valid JUnit" \
	'xmllint --noout --schema tests/junit.xsd "$tmp/int.xml" 2>/dev/null'
ok_eval "interrupt: no temporary JUnit file left" \
	'[ "$(ls -A "$tmp" | grep -c "int\.xml.")" -eq 0 ]'
ok_eval "interrupt: no QEMU left" 'gone "sleep 3133"'

# SIGINT while --list is blocked writing (a reader that never reads)
B=$tmp/big/x86_64
mkdir -p "$B"
awk 'BEGIN { for (i = 0; i < 20000; i++)
	printf "[a-long-test-name-to-fill-the-pipe-%d]\nfile = x.flat\n", i }' \
	>"$B/unittests.cfg"
mkfifo "$tmp/fifo"
exec 3<>"$tmp/fifo"
env --default-signal=INT "$KUT_RUN" --list "$B" >"$tmp/fifo" 2>/dev/null &
pid=$!
sleep 1
kill -INT $pid
t0=$(date +%s)
wait $pid
st=$?
exec 3>&-
ok_eval "signals: SIGINT during --list exits 130, promptly" \
	'[ $st -eq 130 ] && [ $(( $(date +%s) - t0 )) -le 2 ]'

# a planted symlink at the JUnit file is replaced, its target untouched
echo precious >"$tmp/victim"
ln -s "$tmp/victim" "$tmp/planted.xml"
QEMU=$Q "$KUT_RUN" --logs "$tmp/plogs" --junit "$tmp/planted.xml" "$H" quick >/dev/null 2>&1
ok_eval "junit: a symlink planted at FILE is not followed" \
	'[ "$(cat "$tmp/victim")" = precious ] && [ ! -L "$tmp/planted.xml" ] &&
	 grep -q "name=\"quick\"" "$tmp/planted.xml"'

# --- 3. linear time: 50 000 sections, a 1.4 MB multi-line value
L=$tmp/linear
mkdir -p "$L"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "[t%d]\nfile = x.flat\n", i }' >"$L/many.cfg"
{
	printf '[m]\nfile = x.flat\nextra_params = """'
	awk 'BEGIN { for (i = 0; i < 40000; i++) print "-device virtio-rng-pci,id=rng" i " \\" }'
	echo '-m 64"""'
} >"$L/long.cfg"
ok_eval "cfg: 50 000 sections are listed within 10 s" \
	'[ "$(timeout 10 "$KUT_RUN" --list "$L/many.cfg" | wc -l)" -eq 50000 ]'
ok_eval "cfg: a 1.4 MB multi-line value is read within 10 s" \
	'[ "$(timeout 10 "$KUT_RUN" --list "$L/long.cfg")" = m ]'

# --- 3. check = a FIFO: refused by its type, never opened
F=$tmp/fifocheck/x86_64
mkfifo "$tmp/cfg-fifo"
printf '[f]\nfile = selftest.flat\ntest_args = say=f\ncheck = %s=1\n' "$tmp/cfg-fifo" | suite "$F"
log=$(logfile "check fifo dry-run")
timeout 10 "$KUT_RUN" --dry-run "$F" >"$log" 2>&1
ok_eval "check: a FIFO does not block --dry-run" '[ $? -eq 0 ]'
expect_log "check fifo dry-run" "^# f: SKIP \(check: .*cfg-fifo: not a regular file, want '1'\)$"
log=$(logfile "check fifo run")
QEMU=$Q timeout 10 "$KUT_RUN" --logs "$tmp/flogs" "$F" >"$log" 2>&1
ok_eval "check: ... nor a run" '[ $? -eq 0 ]'
expect_log "check fifo run" "^SKIP f \(check: .*cfg-fifo: not a regular file, want '1'\)$"

# --- 3. a FIFO where a test's last log would be: the start order, which
# reads the last logs for each test's length, never waits on it
mkdir -p "$tmp/ologs"
mkfifo "$tmp/ologs/f.log"
log=$(logfile "order fifo")
QEMU=$Q timeout 10 "$KUT_RUN" --logs "$tmp/ologs" "$F" >"$log" 2>&1
ok_eval "order: a FIFO among the last logs is not waited on" '[ $? -eq 2 ]'
expect_log "order fifo" "ologs: holds 'f.log', which is not a test log"

# --- date: upstream's $(date +%s) forms are expanded by kut-run, with
# the time the test starts; nothing else in $(...) runs
D=$tmp/date/x86_64
suite "$D" <<'EOF'
[slow]
file = selftest.flat
test_args = slow
timeout = 20

[now]
file = selftest.flat
test_args = "date=$(date +%s)"
timeout = 10

[base]
file = selftest.flat
test_args = "date=$(date --date="2006-06-17 UTC" +%s)"
extra_params = -name `date -d @42 +%s`

[relative]
file = selftest.flat
test_args = "date=$(date --date=yesterday +%s)"

[other]
file = selftest.flat
test_args = "date=$(whoami)"
EOF
log=$(logfile "date")
t0=$(date +%s)
QEMU=$Q "$KUT_RUN" -j1 --logs "$tmp/dlogs" "$D" >"$log" 2>&1
expect_log "date" '^PASS slow' '^PASS now' '^PASS base' \
	"^FAIL relative \(.*unittests.cfg:18: test_args: date 'yesterday': kut-run reads only YYYY-MM-DD\[ HH:MM\[:SS\]\]\[ UTC\] and @SECONDS\)$" \
	'^kut-run: .*unittests.cfg:22: \[other\]: test_args: .* kut-run runs no shell$' \
	'^PASS other'
ok_eval "date: no warning for the forms kut-run expands" \
	'! grep -Eq "cfg:[0-9]+: \[(now|base)\]" "$log"'
now=$(sed -n 's/^PASS: date=//p' "$tmp/dlogs/now.log")
ok_eval "date: \$(date +%s) is the time the test started (after a 3 s test), not the time the run began" \
	'[ -n "$now" ] && [ "$now" -ge $((t0 + 3)) ] && [ "$now" -le $(date +%s) ]'
ok_eval "date: --date=\"2006-06-17 UTC\" and -d @42, in \"...\" and \`...\`" \
	'grep -q "^PASS: date=1150502400$" "$tmp/dlogs/base.log" &&
	 grep -q -- "-name 42" "$tmp/dlogs/base.log"'
ok_eval "date: other command substitutions stay text" \
	'grep -q "^PASS: date=\$(whoami)$" "$tmp/dlogs/other.log"'

# --- 5. verdicts need the guest's own word
V=$tmp/verdicts/x86_64
for m in fail128 skip38 skipword silent1 figures exit3; do
	printf '[%s]\nfile = selftest.flat\ntest_args = %s\n' $m $m
done | suite "$V"
log=$(logfile "verdicts")
QEMU=$Q "$KUT_RUN" --logs "$tmp/vlogs" "$V" >"$log" 2>&1
expect_log "verdicts" \
	'^FAIL fail128 \(the guest reported a failure, then QEMU exited with status 128\)$' \
	'^FAIL skip38 \(the skip status came without a SKIP from the guest\)$' \
	'^SKIP skipword \(1 tests, 1 skipped\)$' \
	'^FAIL silent1 \(no result from the guest: QEMU exited with status 1 and the guest printed no report, SUMMARY or exit line\)$' \
	'^PASS figures$' \
	'^FAIL exit3 \(no result from the guest: QEMU exited with status 1 and the guest printed no report, SUMMARY or exit line\)$' \
	'^Total 6: 1 passed, 4 failed, 0 timed out, 0 errors, 1 skipped'
for m in fail128:1 skip38:1 skipword:77 silent1:1 figures:0 exit3:1; do
	QEMU=$Q "$KUT_RUN" "$ST" -append ${m%:*} >/dev/null 2>&1
	st=$?
	ok_eval "verdicts: one image, ${m%:*} -> exit ${m#*:}" '[ $st -eq ${m#*:} ]'
done

# --- 5. names printed escaped, write errors, arguments named right
E=$tmp/esc/x86_64
printf '[\033]0;pwned\007t\033[2J]\nfile = selftest.flat\ntest_args = say=e\n' | suite "$E"
QEMU=$Q "$KUT_RUN" --logs "$tmp/eslogs" "$E" >"$tmp/esc.out" 2>&1
"$KUT_RUN" --list "$E" >>"$tmp/esc.out" 2>&1
ok_eval "escapes: a section name reaches the terminal escaped" \
	'! grep -q "$(printf "\033")" "$tmp/esc.out" &&
	 grep -qF "PASS \\x1b]0;pwned\\x07t\\x1b[2J (1 tests)" "$tmp/esc.out" &&
	 grep -qxF "\\x1b]0;pwned\\x07t\\x1b[2J" "$tmp/esc.out"'
QEMU=$Q "$KUT_RUN" -t --logs "$tmp/fulllogs" "$E" >/dev/full 2>"$tmp/full.err"
st=$?
ok_eval "stdout: -t >/dev/full exits 2, saying so" \
	'[ $st -eq 2 ] && grep -q "cannot write to standard output" "$tmp/full.err"'
"$KUT_RUN" --list "$E" >/dev/full 2>/dev/null
ok_eval "stdout: --list >/dev/full exits 2" '[ $? -eq 2 ]'
log=$(logfile "args cluster")
"$KUT_RUN" -x.flat >"$log" 2>&1
expect_log "args cluster" '^kut-run: -x: unknown option'
log=$(logfile "args value")
"$KUT_RUN" -j 2 "$ST" >"$log" 2>&1
expect_log "args value" '^kut-run: -j: a suite-mode option, but .*selftest.flat is an image'
mkdir -p "$tmp/dir/x.flat"
log=$(logfile "dir x.flat")
(cd "$tmp/dir" && "$KUT_RUN" x.flat) >"$log" 2>&1
ok_eval "args: a directory named x.flat -> exit 2" '[ $? -eq 2 ]'
expect_log "dir x.flat" '^kut-run: x.flat: is a directory$'
