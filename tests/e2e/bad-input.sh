#!/bin/sh
# SPDX-License-Identifier: MIT
# bad-input.sh - kut-run given bad input: a one-line error naming the file
# and the problem, and the contract's exit code; no QEMU left behind.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
ST=$b/gcc/x86_64/tests/selftest.flat
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-bad.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# one_line_error NAME FILE: the check's log is a single kut-run line naming FILE.
one_line_error() {
	log=$(logfile "$1")
	if [ "$(wc -l <"$log")" -eq 1 ] && grep -q "^kut-run: .*$2" "$log"; then
		pass "$1: one-line error naming $2"
	else
		fail "$1: one-line error naming $2"
		show_log "$log"
	fi
}

expect_exit 2 "bad input: missing file" "$KUT_RUN" "$tmp/missing.flat"
one_line_error "bad input: missing file" missing.flat

: >"$tmp/empty.flat"
expect_exit 2 "bad input: empty file" "$KUT_RUN" "$tmp/empty.flat"
one_line_error "bad input: empty file" empty.flat

echo "this is not a kernel" >"$tmp/text.flat"
expect_exit 2 "bad input: text file" "$KUT_RUN" "$tmp/text.flat"
one_line_error "bad input: text file" text.flat

# An ELF64 header for aarch64 (e_machine 183), nothing else.
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000\267\000\001\000\000\000' >"$tmp/arm.elf"
head -c 40 /dev/zero >>"$tmp/arm.elf"
expect_exit 2 "bad input: ELF of another arch" "$KUT_RUN" "$tmp/arm.elf"
one_line_error "bad input: ELF of another arch" arm.elf

cp /bin/true "$tmp/host-program"
expect_exit 2 "bad input: x86-64 ELF that is not a kut image" "$KUT_RUN" "$tmp/host-program"
one_line_error "bad input: x86-64 ELF that is not a kut image" host-program

expect_exit 2 "bad input: QEMU=/nonexistent" env QEMU=/nonexistent/qemu "$KUT_RUN" "$ST" -append pass
one_line_error "bad input: QEMU=/nonexistent" /nonexistent/qemu

mkdir -p "$tmp/emptypath"
expect_exit 2 "bad input: no QEMU on PATH" env PATH="$tmp/emptypath" "$KUT_RUN" "$ST" -append pass
one_line_error "bad input: no QEMU on PATH" qemu-system-x86_64

expect_exit 2 "bad input: TIMEOUT=soon" env TIMEOUT=soon "$KUT_RUN" "$ST"
expect_exit 2 "bad input: unknown option" "$KUT_RUN" --frobnicate "$ST"
expect_exit 2 "bad input: -e without '='" "$KUT_RUN" -e FOO "$ST"
expect_exit 2 "bad input: QEMU rejects an option" "$KUT_RUN" "$ST" -no-such-qemu-option

# Ctrl-C: SIGINT to kut-run while the guest spins.
log=$(logfile "ctrl-c")
# A background job of a script starts with SIGINT ignored; a terminal's
# Ctrl-C reaches a foreground kut-run with the default disposition.
TIMEOUT=60 env --default-signal=INT "$KUT_RUN" "$ST" -append hang >"$log" 2>&1 &
pid=$!
sleep 1
kill -INT $pid
wait $pid
status=$?
if [ $status -eq 130 ]; then
	pass "ctrl-c: kut-run ends by SIGINT (status 130)"
else
	fail "ctrl-c: kut-run ends by SIGINT (status 130)" "status $status"
fi
sleep 0.2
if no_qemu_left "$ST"; then
	pass "ctrl-c: no QEMU left behind"
else
	fail "ctrl-c: no QEMU left behind"
	pkill -f "qemu-system.*$ST"
fi
