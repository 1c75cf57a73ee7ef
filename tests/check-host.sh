#!/bin/sh
# SPDX-License-Identifier: MIT
# check-host.sh - run the host unit tests (tests/host/test-*.c), each case
# one check.
. tests/lib.sh

for t in "$BUILD"/host/test-*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	log=$(logfile "$name")
	# A test that hangs is a failure, not a stuck make check.
	timeout -k 5 120 "$t" >"$log" 2>&1
	status=$?
	sed -n -e "s/^ok - /ok - $name: /p" -e "s/^not ok - /not ok - $name: /p" \
		-e '/^#/p' "$log"
	if ! tail -1 "$log" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
		fail "$name: ran to its summary line" "exit status $status"
		show_log "$log"
	fi
done
