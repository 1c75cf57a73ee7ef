#!/bin/sh
# SPDX-License-Identifier: MIT
# avocado-recipe.sh - write an Avocado "runnables recipe" (JSON) with one
# runnable of kind "tap" per test of a kut suite, so that "avocado run
# kut.json" runs each test as its own Avocado test through Avocado's TAP
# runner, with kut-run's verdict (docs/ci.md says why one per test).
#
# Usage: avocado-recipe.sh [SUITE] [KUT-RUN-OPTIONS...] > kut.json
#   SUITE: a directory holding a unittests.cfg, or the .cfg; none for the
#   installed bundled suite of this host.  The options (-j 1, --accel=tcg,
#   -e K=V...) go to every test's kut-run; KUT_RUN= names kut-run.
set -eu

kut_run=${KUT_RUN:-$(command -v kut-run)} ||
	{ echo "avocado-recipe: kut-run not found (set KUT_RUN=)" >&2; exit 2; }

# json STRING: STRING as a JSON string.
json() {
	printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

# The arguments every test shares, as JSON list items.
common=$(json "-t")
for a; do
	common="$common, $(json "$a")"
done

# The tests a plain run would run (-a or -g in the options add
# nodefault ones: each runnable names its test, which runs it).
names=$("$kut_run" -l "$@") || exit 2
sep="["
for name in $names; do
	# Its own logs directory: Avocado runs tests side by side, and each
	# kut-run moves an existing logs directory aside.
	printf '%s\n  {"kind": "tap", "uri": %s, "args": [%s, %s, %s]}' \
		"$sep" "$(json "$kut_run")" "$common" \
		"$(json "--logs=kut-logs/$name")" "$(json "$name")"
	sep=","
done
[ "$sep" = "," ] && printf '\n]\n' || printf '[]\n'
