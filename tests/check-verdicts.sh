#!/bin/sh
# SPDX-License-Identifier: MIT
# check-verdicts.sh - every bundled suite that records its verdicts gives
# exactly them, so a test that should pass cannot silently fail or skip.
#
# tests/<arch>/expected.<accel> (accel tcg or kvm) names every test of
# tests/<arch>/unittests.cfg, one line each:
#     NAME: PASS
#     NAME: SKIP reason          (the test skips itself, or kut-run skips it)
#     NAME: FAIL reason          (a known failure; say why, and whose it is)
# and may say which host it records with "# requires: PATH" lines (every
# PATH must exist, e.g. /sys/module/kvm_pvm: KVM on PVM) and a
# "# requires-cpu: REGEX" line (an extended regular expression that the
# host's /proc/cpuinfo "vendor_id" or "model name" must match): under KVM
# a verdict can depend on the host CPU.  An arch may record several hosts
# under KVM, as expected.kvm and expected.kvm-<host> files: the first
# whose requirements this host meets is compared, and none when no file
# fits this host.  The suite is installed (make install into a
# scratch prefix, GCC's build) and run from the installed layout with
# kut-run -j2, under TCG and, where /dev/kvm works, KVM; the FAIL entries
# go to kut-run as an --expect file, so a known failure reads XFAIL and a
# fixed one XPASS.  One check line per test, plus the wall time per run.
. tests/lib.sh
. tests/verdict-files.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
KUT_RUN=$b/host/kut-run
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-verdicts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

arches=
for arch in $ARCHES; do
	[ -f "tests/$arch/expected.tcg" ] && arches="$arches $arch"
done
if [ -z "$arches" ]; then
	skip "verdicts" "no arch of ARCHES ($ARCHES) records its verdicts"
	exit 0
fi

log=$(logfile "verdicts: make install")
if ! make --no-print-directory BUILD="$BUILD" ARCHES="$arches" TOOLCHAIN=gcc \
	PREFIX="$tmp/prefix" install >"$log" 2>&1; then
	fail "verdicts: make install"
	show_log "$log"
	exit 0
fi

# parse FILE: "name verdict" per entry on stdout; malformed lines and
# verdicts other than PASS, SKIP, FAIL on stderr as "FILE:LINE: problem".
parse() {
	awk -v f="$1" '
		/^[ \t]*(#|$)/ { next }
		{
			if (!match($0, /^[^: \t]+:[ \t]*[A-Z]+/)) {
				printf "%s:%d: not \"NAME: PASS|SKIP|FAIL reason\"\n", f, NR > "/dev/stderr"
				next
			}
			name = $0; sub(/:.*/, "", name)
			v = $0; sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t].*/, "", v)
			if (v != "PASS" && v != "SKIP" && v != "FAIL")
				printf "%s:%d: %s: verdict \"%s\" is not PASS, SKIP or FAIL\n", f, NR, name, v > "/dev/stderr"
			else
				print name, v
		}' "$1"
}

# compare ARCH ACCEL: run ARCH's installed suite under ACCEL, check each
# test's verdict against tests/ARCH/expected.ACCEL.
compare() {
	arch=$1 accel=$2
	file=${3:-tests/$arch/expected.$accel}
	suite=$tmp/prefix/share/kvm-unit-tests/$arch
	t="verdicts $arch $accel"
	w=$tmp/$arch-$accel
	mkdir -p "$w"

	if ! parse "$file" >"$w/want" 2>"$w/bad"; then :; fi
	if [ -s "$w/bad" ]; then
		fail "$t: $file reads" "$(head -1 "$w/bad")"
		return 0
	fi
	"$KUT_RUN" -l "$suite" >"$w/tests" 2>"$w/list.err"
	cut -d' ' -f1 "$w/want" | sort >"$w/named"
	sort "$w/tests" >"$w/listed"
	missing=$(comm -23 "$w/listed" "$w/named" | tr '\n' ' ')
	stale=$(comm -13 "$w/listed" "$w/named" | tr '\n' ' ')
	if [ -n "$missing$stale" ]; then
		fail "$t: $file names each test of unittests.cfg once" \
			"${missing:+no verdict for: $missing}${stale:+ not in unittests.cfg: $stale}"
	else
		pass "$t: $file names each test of unittests.cfg"
	fi

	# The FAIL entries are --expect lines as they stand.
	grep -E '^[^#:[:blank:]]+:[[:blank:]]*FAIL' "$file" >"$w/expect"
	start=$(date +%s)
	(cd "$w" && "$KUT_RUN" --accel="$accel" -j2 --logs "$w/logs" \
		--expect "$w/expect" "$suite") >"$w/out" 2>"$w/err"
	st=$?
	end=$(date +%s)
	echo "# $t: $(wc -l <"$w/tests") tests in $((end - start)) s"
	while read -r name v; do
		case $v in
		PASS) want=PASS ;;
		SKIP) want=SKIP ;;
		FAIL) want=XFAIL ;;
		esac
		got=$(grep -E "^(PASS|FAIL|SKIP|XFAIL|XPASS) $name( |\$)" "$w/out")
		if [ "${got%% *}" = "$want" ]; then
			pass "$t: $name $want"
		else
			fail "$t: $name $want" "got: ${got:-no result line}"
			[ -f "$w/logs/$name.log" ] && tail -n 15 "$w/logs/$name.log" | sed 's/^/#   | /'
		fi
	done <"$w/want"
	if [ $st -eq 0 ]; then
		pass "$t: kut-run exit 0 (only known failures)"
	else
		fail "$t: kut-run exit 0 (only known failures)" "exit $st"
		sed -n '1,10p' "$w/err" | sed 's/^/#   | /'
	fi
}

for arch in $arches; do
	compare "$arch" tcg
	if ! ls "tests/$arch/expected.kvm"* >/dev/null 2>&1; then
		skip "verdicts $arch kvm" "no tests/$arch/expected.kvm"
	elif ! kvm_usable; then
		skip "verdicts $arch kvm" "/dev/kvm not usable here"
	else
		kf=$(verdict_file "$arch" kvm tests 2>"$tmp/why")
		if [ -n "$kf" ]; then
			compare "$arch" kvm "$kf"
		else
			skip "verdicts $arch kvm" "no KVM verdicts for this host: $(tr '\n' ';' <"$tmp/why")"
		fi
	fi
done
