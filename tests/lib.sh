# SPDX-License-Identifier: MIT
# lib.sh - helpers for the project's shell-level checks (sourced; needs a
# shell with "local", as dash and bash are).
#
# Every check prints one TAP-style line: "ok - NAME", "not ok - NAME" or
# "ok - NAME # SKIP reason"; tests/check.sh counts them.  Output of failed
# commands is kept under $CHECK_LOGS and its tail printed after "not ok".

: "${CHECK_LOGS:=build/check/logs}"
mkdir -p "$CHECK_LOGS"

pass() { echo "ok - $1"; }
skip() { echo "ok - $1 # SKIP $2"; }
fail() {
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && echo "#   $*"
	return 0
}

# A file name for the log of check NAME.
logfile() {
	printf '%s/%s.log' "$CHECK_LOGS" "$(echo "$1" | tr -c 'A-Za-z0-9._-' '_')"
}

show_log() {
	sed -n '1,40p' "$1" | sed 's/^/#   | /'
}

# expect_exit CODE NAME CMD...: run CMD (output to NAME's log), check status.
expect_exit() {
	local want name log got
	want=$1 name=$2
	shift 2
	log=$(logfile "$name")
	"$@" >"$log" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then
		pass "$name"
	else
		fail "$name" "exit status $got, want $want: $*"
		show_log "$log"
	fi
}

# expect_log NAME PATTERN...: the last command's log (of check NAME) has
# every extended-regex PATTERN.
expect_log() {
	local name log pat
	name=$1
	shift
	log=$(logfile "$name")
	for pat in "$@"; do
		if ! grep -Eq -- "$pat" "$log"; then
			fail "$name: output matches /$pat/"
			show_log "$log"
			return 0
		fi
	done
	pass "$name: output as expected"
}

# expect_no_log NAME PATTERN: the log of check NAME lacks PATTERN.
expect_no_log() {
	local log
	log=$(logfile "$1")
	if grep -Eq -- "$2" "$log"; then
		fail "$1: output lacks /$2/"
		show_log "$log"
	else
		pass "$1: output lacks /$2/"
	fi
}

# Whether KVM can run guests of the host's own arch here.
kvm_usable() {
	[ -r /dev/kvm ] && [ -w /dev/kvm ]
}

# No QEMU process whose command line matches PATTERN is left running.  A
# relative PATTERN counts only QEMUs running in this directory: other
# checkouts on the machine may run the same relative paths meanwhile.
no_qemu_left() {
	local pid
	for pid in $(pgrep -f "qemu-system.*$1"); do
		case $1 in
		/*) return 1 ;;
		esac
		[ "$(readlink "/proc/$pid/cwd")" = "$(pwd -P)" ] && return 1
	done
	return 0
}

# check_primitives NAME FLAT ACCEL [CPUS ROUNDS]: tests/common/primitives.c
# (built as FLAT) under ACCEL: setjmp/longjmp and printf of wide values;
# with CPUS and ROUNDS, also CPUS CPUs contending ROUNDS times each for
# one spinlock.  Needs KUT_RUN.
check_primitives() {
	local name flat accel
	name=$1 flat=$2 accel=$3
	expect_exit 0 "$name: setjmp/longjmp" env TIMEOUT=60 \
		"$KUT_RUN" --accel="$accel" "$flat" -append setjmp
	expect_log "$name: setjmp/longjmp" \
		'^PASS: setjmp: longjmp\(env, 0\): setjmp returns 1$' \
		'^PASS: setjmp: longjmp\(env, -1\): all [0-9]+ callee-saved registers restored$' \
		'^SUMMARY: 8 tests$'
	expect_exit 0 "$name: printf of 64-bit values" env TIMEOUT=60 \
		"$KUT_RUN" --accel="$accel" "$flat" -append printf
	expect_log "$name: printf of 64-bit values" \
		"^PASS: printf: \"%llu\" of 0x123456789abcdef0: '1311768467463790320'" \
		"^PASS: printf: \"%lld\" of 0x8000000000000000: '-9223372036854775808'" \
		'^SUMMARY: 15 tests$'
	[ $# -ge 5 ] || return 0
	expect_exit 0 "$name: spinlock, $4 CPUs x $5" env TIMEOUT=120 \
		"$KUT_RUN" --accel="$accel" "$flat" -smp "$4" -append "spinlock $5"
	expect_log "$name: spinlock, $4 CPUs x $5" \
		"^PASS: spinlock: counter $(( $4 * $5 )) == $(( $4 * $5 )) increments" \
		'^PASS: spinlock: no CPU entered while another held it \(0 overlaps\)$'
}
