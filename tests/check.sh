#!/bin/sh
# SPDX-License-Identifier: MIT
# check.sh - the project's own tests (make check): builds with GCC and
# Clang, host unit tests, guest tests under QEMU (TCG, and KVM where it
# works), the installed SDK end to end, and bad input.  Ends with one line
# "N passed, N failed[, N skipped]"; exits 1 if anything failed.
#
# A section is one script.  Its checks count only if it ran to its end:
# a section that exits non-zero, is killed by its time limit, or runs fewer
# checks than tests/check-floors records for it is itself a failure, so a
# script that dies midway cannot quietly lose the checks it did not reach.
# Only checks that ran (passed or failed) count toward a floor: a skipped
# check tested nothing, and a section whose checks all skip has not run.
set -u
cd "$(dirname "$0")/.."

# Run directly, build what make builds by default (mk/config.mk), never a
# quietly smaller set.
default_arches=$(sed -n 's/^ARCHES[[:space:]]*?=[[:space:]]*//p' mk/config.mk)
: "${BUILD:=build}"
: "${ARCHES:=$default_arches}"
JOBS=${JOBS:-$(nproc)}
export BUILD ARCHES CHECK_LOGS="$BUILD/check/logs"
rm -rf "$BUILD/check"
mkdir -p "$CHECK_LOGS"
out="$BUILD/check/results.txt"
floors=${CHECK_FLOORS:-tests/check-floors}

# Whether this run builds the default arches: the floors are counted for
# that configuration only.
full_run() {
	[ "$(echo $ARCHES | tr ' ' '\n' | sort | tr '\n' ' ')" = \
	  "$(echo $default_arches | tr ' ' '\n' | sort | tr '\n' ' ')" ]
}

# run_section NAME LIMIT CMD...: run one section with a time limit (GNU
# timeout kills the section's whole process group, QEMUs included), then
# judge the section itself.
run_section() {
	local name limit sec status count skips floor start
	name=$1 limit=$2
	shift 2
	sec="$BUILD/check/section.out"
	echo "# --- $name"
	start=$(date +%s)
	{ timeout -k 10 "$limit" "$@" 2>&1; echo $? >"$sec.status"; } | tee "$sec"
	status=$(cat "$sec.status")
	skips=$(grep -Ec '^ok - .* # SKIP' "$sec")
	count=$(( $(grep -Ec '^(not )?ok - ' "$sec") - skips ))
	if [ "$status" != 0 ] && [ $(( $(date +%s) - start )) -ge "$limit" ]; then
		echo "not ok - section \"$name\" timed out after $limit s"
	elif [ "$status" != 0 ]; then
		echo "not ok - section \"$name\" died: exit status $status"
	fi
	floor=$(awk -F '\t' -v n="$name" '$1 == n { print $2 }' "$floors")
	if full_run && [ -n "$floor" ] && [ "$count" -lt "$floor" ]; then
		echo "not ok - section \"$name\" ran $count checks ($skips more skipped), at least $floor expected ($floors)"
	fi
	printf '%s\t%s\t%s\n' "$name" "$count" "$skips" >>"$BUILD/check/counts.txt"
}

# The sections: time limit (s), name, command; "dist:" marks the slow
# ones of make check-dist, which run only when named.  Given scripts as
# arguments (tests/check.sh tests/check-guest-arm.sh ...), only those run,
# judged the same way; a script not in the table runs with its path as
# its name, under CHECK_LIMIT seconds.
sections() {
	cat <<-'EOF'
	1800|build|tests/check-build.sh JOBS
	600|host unit tests|tests/check-host.sh
	900|guest tests|tests/check-guest.sh
	600|guest tests, i386|tests/check-guest-i386.sh
	600|suite mode|tests/check-suite.sh
	300|kut-run against hostile input|tests/check-hostile.sh
	300|fuzz targets over their corpus|tests/check-fuzz.sh
	300|suite verdicts: unrunnable tests, the accel key, smp comparisons|tests/e2e/suite-verdicts.sh
	900|bundled suites give their recorded verdicts|tests/check-verdicts.sh
	900|guest tests, arm64 and arm|tests/check-guest-arm.sh
	600|guest tests, riscv64|tests/check-guest-riscv.sh
	600|guest tests, s390x|tests/check-guest-s390x.sh
	600|guest tests, ppc64le and ppc64|tests/check-guest-powerpc.sh
	900|installed SDK, end to end|tests/e2e/install.sh
	900|installed SDK for arm64, arm, riscv64, s390x, ppc64le and ppc64, end to end|tests/e2e/install-arm.sh
	900|out-of-tree SDK: kut.mk, kut-new, examples, compat|tests/e2e/sdk.sh
	300|documentation and man pages|tests/check-docs.sh
	300|bad input|tests/e2e/bad-input.sh
	300|kut-run command line|tests/e2e/cli.sh
	300|kut-run --gdb under gdb-multiarch|tests/e2e/gdb.sh
	300|CI recipes: the LAVA test definition|tests/e2e/lava.sh
	300|CI recipes: Avocado's TAP runner|tests/e2e/avocado.sh
	120|Debian packaging: generated from the arch list|tests/e2e/packaging.sh
	60|CI entry point: .ci/run runs and sums check and check-dist|tests/e2e/ci-run.sh
	300|dependency installer|tests/e2e/deps.sh
	120|check harness|tests/check-harness.sh
	dist:3600|Debian packages: build, contents, lintian, autopkgtest|tests/check-deb.sh
	dist:1800|GitLab CI pipeline under gitlab-ci-local|tests/e2e/gitlab-ci.sh
	EOF
}

# wanted SCRIPT: whether this run includes SCRIPT.
wanted() {
	local a
	[ $# -gt 1 ] || return 0
	for a in $(shift; echo "$@"); do
		[ "$a" = "$1" ] && return 0
	done
	return 1
}

run_all() {
	local limit name cmd script a
	# The table is read on fd 3: the sections (and their QEMUs) keep
	# check.sh's own stdin.
	while IFS='|' read -r limit name cmd <&3; do
		script=${cmd%% *}
		case $limit in
		dist:*) [ $# -gt 0 ] || continue; limit=${limit#dist:} ;;
		esac
		wanted "$script" "$@" || continue
		# shellcheck disable=SC2086 # cmd is split into words on purpose
		run_section "$name" "$limit" $(echo "$cmd" | sed "s/JOBS/$JOBS/")
	done 3<<-EOF
	$(sections)
	EOF
	for a in "$@"; do
		sections | cut -d'|' -f3 | cut -d' ' -f1 | grep -qxF -- "$a" ||
			run_section "$a" "${CHECK_LIMIT:-900}" "$a"
	done
}

{
	run_all "$@"
} 2>&1 | tee "$out"

skipped=$(grep -Ec '^ok - .* # SKIP' "$out")
failed=$(grep -Ec '^not ok - ' "$out")
passed=$(( $(grep -Ec '^ok - ' "$out") - skipped ))
if [ "$failed" -gt 0 ]; then
	echo "# failed:"
	grep -E '^not ok - ' "$out" | sed 's/^not ok - /#   /'
fi
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
