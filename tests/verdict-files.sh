# SPDX-License-Identifier: MIT
# verdict-files.sh - which recorded verdicts (tests/<arch>/expected.<accel>)
# fit this host, for tests/check-verdicts.sh and the autopkgtest
# (debian/tests/installed-suite).  Sourced; POSIX sh.

# unmet_requirement FILE: the first requirement of FILE this host does
# not meet (nothing when it meets all): a "# requires: PATH" that does
# not exist here, or a "# requires-cpu: REGEX" its CPU does not match.
unmet_requirement() {
	sed -n 's/^# requires: *//p' "$1" | while read -r path; do
		[ -e "$path" ] || { echo "$path"; break; }
	done
	sed -n 's/^# requires-cpu: *//p' "$1" | while read -r re; do
		grep -m2 -E '^(vendor_id|model name)' /proc/cpuinfo 2>/dev/null |
			sed 's/^[^:]*: *//' | grep -q -E "$re" ||
			{ echo "a CPU matching /$re/"; break; }
	done
}

# verdict_file ARCH ACCEL DIR: the first of DIR/ARCH/expected.ACCEL and
# DIR/ARCH/expected.ACCEL-* whose host is this one; on stderr, why each
# other one is not.
verdict_file() {
	for f in "$3/$1/expected.$2" "$3/$1/expected.$2-"*; do
		[ -f "$f" ] || continue
		unmet=$(unmet_requirement "$f")
		if [ -z "$unmet" ]; then
			echo "$f"
			return 0
		fi
		echo "$f records a host with $unmet" >&2
	done
}

