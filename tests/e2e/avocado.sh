#!/bin/sh
# SPDX-License-Identifier: MIT
# avocado.sh - examples/ci/avocado-recipe.sh, the way docs/ci.md runs kut
# under Avocado's TAP runner (Avocado itself is not in Debian 12, so not
# here): the recipe is JSON with only the keys Avocado's runnables recipes
# take, one "tap" runnable per test of the suite, and each runnable's
# command, run as Avocado's TAP runner runs it, prints TAP that Perl's
# TAP::Parser (prove's) reads without error, with one test whose result,
# read as Avocado reads TAP (not ok: fail; # SKIP: skip; else pass), is
# the verdict kut-run gives that test in its text report.
. tests/lib.sh

case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-avocado.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

S=$tmp/x86_64
mkdir -p "$S"
cp tests/suite/runner.cfg "$S/unittests.cfg"
ln -s "$b/gcc/x86_64/tests/selftest.flat" "$b/gcc/x86_64/tests/selftest.elf" "$S/"

expect_exit 0 "avocado: the recipe is written" \
	env KUT_RUN="$b/host/kut-run" sh -c \
	'examples/ci/avocado-recipe.sh "$1" --accel=tcg >"$2"' - "$S" "$tmp/kut.json"
# Each runnable's argv, one word a line, in args.1, args.2, ...
if python3 - "$tmp/kut.json" "$tmp" 2>"$tmp/json.err" <<'EOS'
import json, sys
recipe = json.load(open(sys.argv[1]))
assert isinstance(recipe, list) and recipe, "not a non-empty list"
for i, r in enumerate(recipe, 1):
    assert set(r) <= {"kind", "uri", "args", "kwargs", "config"}, r
    assert r["kind"] == "tap", r
    assert all(isinstance(a, str) and "\n" not in a for a in r["args"]), r
    with open("%s/args.%d" % (sys.argv[2], i), "w") as f:
        f.write("\n".join([r["uri"]] + r["args"]) + "\n")
EOS
then
	pass "avocado: the recipe is a list of tap runnables with Avocado's keys"
else
	fail "avocado: the recipe is a list of tap runnables with Avocado's keys"
	show_log "$tmp/json.err"
fi

# The verdicts of kut-run's own report, for comparison.
"$b/host/kut-run" --accel=tcg --logs "$tmp/logs" "$S" >"$tmp/text" 2>/dev/null
# (those of a plain run: nodefault tests are reported, as skips, and
# left out of the recipe)
"$b/host/kut-run" -l "$S" | sort >"$tmp/default"
sed -n 's/^\(PASS\|FAIL\|SKIP\) \([^ ]*\).*/\2 \1/p' "$tmp/text" |
	tr 'A-Z' 'a-z' | sort | join - "$tmp/default" >"$tmp/want"
runnables=$(ls "$tmp" | grep -c '^args\.')
if [ "$runnables" -eq "$(wc -l <"$tmp/want")" ]; then
	pass "avocado: one runnable per test ($(wc -l <"$tmp/want"))"
else
	fail "avocado: one runnable per test" \
		"$runnables runnables, $(wc -l <"$tmp/want") tests"
fi

: >"$tmp/got"
i=0
while [ $i -lt "$runnables" ]; do
	i=$((i + 1))
	name=$(tail -1 "$tmp/args.$i")
	# Run from a directory of its own, as Avocado's runner does.
	mkdir -p "$tmp/run.$i"
	(cd "$tmp/run.$i" && xargs -d '\n' sh -c '"$0" "$@"' <"$tmp/args.$i") \
		>"$tmp/$i.tap" 2>/dev/null
	perl -MTAP::Parser -e '
		my $p = TAP::Parser->new({ source => $ARGV[0] });
		my $verdict;
		while (defined(my $r = $p->next)) {
			next unless $r->is_test && !defined $verdict;
			$verdict = !$r->is_actual_ok && !$r->has_todo ? "fail" :
				   $r->has_skip ? "skip" : "pass";
		}
		exit 1 if $p->parse_errors || $p->tests_planned != 1 ||
			  $p->tests_run != 1 || $p->version != 13;
		print "$ARGV[1] $verdict\n";
	' "$tmp/$i.tap" "$name" >>"$tmp/got" 2>"$tmp/$i.perl" ||
		echo "$name TAP-ERROR" >>"$tmp/got"
done
sort "$tmp/got" -o "$tmp/got"
if [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got"; then
	pass "avocado: each runnable's TAP parses and gives kut-run's verdict"
else
	fail "avocado: each runnable's TAP parses and gives kut-run's verdict"
	diff "$tmp/want" "$tmp/got" | sed 's/^/#   /' | head -20
fi
