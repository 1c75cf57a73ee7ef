#!/bin/sh
# SPDX-License-Identifier: MIT
# lava.sh - examples/ci/lava-kut.yaml: it has only the keys LAVA documents
# for a test definition (tests/e2e/lava-testdef.py, which must also reject
# a definition with a wrong key, format, name or type), and its steps, run
# as LAVA runs them with a stand-in lava-test-case, report every test of
# a suite exactly once with the result kut-run gave it (pass, fail, skip,
# a timeout as fail), and a suite that cannot be read as a failure.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
DEF=examples/ci/lava-kut.yaml
CHECKER=tests/e2e/lava-testdef.py
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-lava.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if ! python3 -c 'import yaml' 2>/dev/null; then
	skip "lava: the test definition" "python3-yaml not installed (scripts/install-deps installs it)"
	exit 0
fi

expect_exit 0 "lava: $DEF has only LAVA's documented keys" python3 "$CHECKER" "$DEF"

# bad NAME SED: the definition edited by SED must be rejected, by name.
bad() {
	sed "$2" "$DEF" >"$tmp/bad.yaml"
	expect_exit 1 "lava: the checker rejects $1" python3 "$CHECKER" "$tmp/bad.yaml"
}
bad "an unknown key" 's/^run:/run:\n  command: kut-run/'
bad "another format" 's/Definition 1.0/Definition 2.0/'
bad "a name with a blank" 's/name: kut-bundled-suite/name: kut suite/'
bad "steps that are not a list" '/^  steps:/,$d; $a\  steps: kut-run'
bad "a missing run" '/^run:/,$d'

# The purpose-made suite of check-suite.sh: tests that pass, fail, skip
# and time out, in a directory named after its arch.
S=$tmp/x86_64
mkdir -p "$S" "$tmp/bin"
cp tests/suite/runner.cfg "$S/unittests.cfg"
ln -s "$b/gcc/x86_64/tests/selftest.flat" "$b/gcc/x86_64/tests/selftest.elf" "$S/"
cat >"$tmp/bin/lava-test-case" <<EOS
#!/bin/sh
# lava-test-case NAME --result RESULT, recorded
[ "\$2" = --result ] || { echo "lava-test-case: bad arguments: \$*" >&2; exit 2; }
echo "\$1 \$3" >>"$tmp/cases"
EOS
chmod +x "$tmp/bin/lava-test-case"
ln -s "$b/host/kut-run" "$tmp/bin/kut-run"

# run_steps NAME KEY=VALUE...: the rendered steps, run as LAVA's shell.
run_steps() {
	local name=$1
	shift
	: >"$tmp/cases"
	python3 "$CHECKER" --render "$DEF" "$@" >"$tmp/run.sh" &&
	expect_exit 0 "$name" env PATH="$tmp/bin:$PATH" sh "$tmp/run.sh"
}

run_steps "lava: the steps run the suite" KUT_SUITE="$S" "KUT_RUN_FLAGS=--accel=tcg -j2 --logs $tmp/logs"
# A default run reports nodefault tests too, as SKIP: every test of the cfg.
"$b/host/kut-run" -l -a "$S" | sort >"$tmp/names"
cut -d' ' -f1 "$tmp/cases" | sort >"$tmp/reported"
if [ -s "$tmp/names" ] && cmp -s "$tmp/names" "$tmp/reported"; then
	pass "lava: every test of the suite is one test case, reported once"
else
	fail "lava: every test of the suite is one test case, reported once"
	diff "$tmp/names" "$tmp/reported" | sed 's/^/#   /' | head -20
fi
for want in "pass pass" "fail fail" "skip skip" "hang fail" "crash-pf fail" \
	    "manual skip" "missing-image fail"; do
	if grep -qx "$want" "$tmp/cases"; then
		pass "lava: test case $want"
	else
		fail "lava: test case $want" "$(grep "^${want%% *} " "$tmp/cases")"
	fi
done

run_steps "lava: a suite that cannot be read still ends the step" KUT_SUITE="$tmp/no-such-suite"
if [ "$(cat "$tmp/cases")" = "kut-run-suite fail" ]; then
	pass "lava: an unreadable suite is the failed test case kut-run-suite"
else
	fail "lava: an unreadable suite is the failed test case kut-run-suite" "$(cat "$tmp/cases")"
fi
