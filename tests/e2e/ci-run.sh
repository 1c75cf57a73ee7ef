#!/bin/sh
# SPDX-License-Identifier: MIT
# ci-run.sh - .ci/run with a stand-in make: it runs make check and make
# check-dist, its last line is the sum of their closing lines, and it
# fails when either failed (a red package check included), even one that
# printed no closing line.
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-cirun.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tree/.ci" "$tmp/bin"
cp .ci/run "$tmp/tree/.ci/run"
# make GOAL: prints what $tmp/GOAL.out holds, exits with $tmp/GOAL.status.
cat >"$tmp/bin/make" <<EOS
#!/bin/sh
echo "make \$1" >>"$tmp/calls"
cat "$tmp/\$1.out"
exit \$(cat "$tmp/\$1.status")
EOS
chmod +x "$tmp/bin/make"

# ci NAME WANT-STATUS WANT-LAST CHECK-OUT CHECK-STATUS DIST-OUT DIST-STATUS
ci() {
	printf '%b' "$4" >"$tmp/check.out"; echo "$5" >"$tmp/check.status"
	printf '%b' "$6" >"$tmp/check-dist.out"; echo "$7" >"$tmp/check-dist.status"
	: >"$tmp/calls"
	expect_exit "$2" ".ci/run: $1" env PATH="$tmp/bin:$PATH" sh "$tmp/tree/.ci/run"
	last=$(tail -1 "$(logfile ".ci/run: $1")")
	if [ "$last" = "$3" ] && [ "$(cat "$tmp/calls")" = "make check
make check-dist" ]; then
		pass ".ci/run: $1: runs both, ends with \"$3\""
	else
		fail ".ci/run: $1: runs both, ends with \"$3\"" "last line '$last'; $(cat "$tmp/calls" | tr '\n' ' ')"
	fi
}
ci "both green" 0 "12 passed, 0 failed, 1 skipped" \
	"ok - a\n10 passed, 0 failed\n" 0 "ok - b\n2 passed, 0 failed, 1 skipped\n" 0
ci "a red package check" 1 "11 passed, 1 failed" \
	"10 passed, 0 failed\n" 0 "1 passed, 1 failed\nmake: *** [Makefile:54: check-dist] Error 1\n" 2
ci "make check red" 1 "11 passed, 2 failed" \
	"9 passed, 2 failed\n" 2 "2 passed, 0 failed\n" 0
ci "a goal that died before its summary" 1 "10 passed, 1 failed" \
	"10 passed, 0 failed\n" 0 "dpkg-buildpackage: error\n" 2
