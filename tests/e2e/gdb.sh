#!/bin/sh
# SPDX-License-Identifier: MIT
# gdb.sh - kut-run --gdb end to end, per built arch: QEMU waits with its
# gdb stub on the port kut-run prints, the printed gdb-multiarch command
# (run as printed, in batch mode) stops at main, the test then runs to its
# end and kut-run exits with its result.  Plus the usage errors.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-gdb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

expect_exit 2 "gdb: --gdb with a suite is a usage error" \
	"$KUT_RUN" --gdb "$b/gcc/x86_64/tests"
expect_log "gdb: --gdb with a suite is a usage error" 'debugs one IMAGE'
expect_exit 2 "gdb: --gdb with --dry-run is a usage error" \
	"$KUT_RUN" --gdb --dry-run "$b/gcc/x86_64/tests/selftest.flat"

if ! command -v gdb-multiarch >/dev/null 2>&1; then
	skip "gdb: gdb-multiarch attaches" "gdb-multiarch not installed (scripts/install-deps installs it)"
	exit 0
fi

# wait_for_line FILE PATTERN: until FILE has a line matching PATTERN (60 s).
wait_for_line() {
	local i=0
	while ! grep -Eq -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -le 600 ] || return 1
		sleep 0.1
	done
}

for arch in $ARCHES; do
	n="gdb: $arch"
	image=$b/gcc/$arch/tests/selftest.flat
	if [ ! -f "$image" ]; then
		skip "$n" "no $image"
		continue
	fi
	out=$tmp/$arch.out err=$tmp/$arch.err
	# A timeout only so that a broken run cannot hang make check.
	"$KUT_RUN" --timeout=600 --gdb "$image" -append setup >"$out" 2>"$err" &
	pid=$!
	if ! wait_for_line "$err" '^gdb-multiarch '; then
		fail "$n: kut-run prints the gdb-multiarch command"
		show_log "$err"
		kill "$pid" 2>/dev/null
		wait "$pid"
		continue
	fi
	cmd=$(grep -E '^gdb-multiarch ' "$err")
	port=$(sed -n 's/.*QEMU waits for gdb on 127\.0\.0\.1:\([0-9]*\);.*/\1/p' "$err")
	elf=${image%.flat}.elf
	case $cmd in
	*"-ex 'set architecture "*"' -ex 'target remote 127.0.0.1:$port' $elf")
		pass "$n: the command names the arch, port $port and the .elf" ;;
	*)
		fail "$n: the command names the arch, port and the .elf" "$cmd" ;;
	esac
	sh -c "$cmd -batch -ex 'break main' -ex continue -ex bt -ex continue" \
		>"$tmp/$arch.gdb" 2>&1
	if grep -Eq '^Breakpoint 1, main \(' "$tmp/$arch.gdb" &&
	   grep -Eq '^#0  main \(.*selftest\.c:[0-9]+' "$tmp/$arch.gdb"; then
		pass "$n: gdb-multiarch stops at main, with its source line"
	else
		fail "$n: gdb-multiarch stops at main, with its source line"
		show_log "$tmp/$arch.gdb"
	fi
	wait "$pid"
	status=$?
	if [ $status -eq 0 ] && grep -q '^SUMMARY: ' "$out"; then
		pass "$n: the test runs to its end after continue, exit 0"
	else
		fail "$n: the test runs to its end after continue, exit 0" "exit status $status"
		show_log "$out"
		show_log "$err"
	fi
done
if no_qemu_left "$b/gcc/"; then
	pass "gdb: no QEMU left behind"
else
	fail "gdb: no QEMU left behind"
fi
