#!/bin/sh
# SPDX-License-Identifier: MIT
# check-docs.sh - the documentation stays true: every function and macro
# of an installed header is documented (in a comment above it or in
# docs/), the man pages lint clean with mandoc and man-db, kut-run(1) and
# kut-new(1) describe every option their --help lists, kut(7) every goal
# of kut.mk, and the relative links of the Markdown files lead somewhere.
. tests/lib.sh

expect_exit 0 "docs: every public header function and macro is documented" \
	perl tests/docs/api-coverage.pl include docs

# quiet_ok NAME CMD...: CMD exits 0 and prints nothing (a clean lint).
quiet_ok() {
	check=$1
	shift
	log=$(logfile "$check")
	"$@" >"$log" 2>&1
	if [ $? -eq 0 ] && [ ! -s "$log" ]; then
		pass "$check"
	else
		fail "$check"
		show_log "$log"
	fi
}

for page in docs/man/*.[1-9]; do
	name=${page##*/}
	if command -v mandoc >/dev/null; then
		quiet_ok "man $name: mandoc -T lint" mandoc -T lint -W warning "$page"
	else
		skip "man $name: mandoc -T lint" "mandoc not installed"
	fi
	if command -v man >/dev/null; then
		# groff's warnings go to stderr; the page itself is not wanted.
		quiet_ok "man $name: man --warnings" sh -c \
			"MANWIDTH=80 man --warnings -E UTF-8 -l '$page' >/dev/null"
	else
		skip "man $name: man --warnings" "man-db not installed"
	fi
done

# The options a --help lists, each in the rendered page.
options_documented() {
	name=$1 page=$2
	shift 2
	rendered=$(mandoc -T ascii "$page" | col -b)
	missing= n=0
	for opt in $("$@" --help | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' |
		     sed 's/^[ ,]*//' | sort -u); do
		n=$((n + 1))
		printf '%s\n' "$rendered" | grep -qe "$opt" || missing="$missing $opt"
	done
	# A --help that prints nothing (or fails) lists no options: no pass.
	if [ "$n" -lt 3 ]; then
		fail "man $name: documents every option of --help" \
			"--help listed $n options: $* --help broken?"
	elif [ -z "$missing" ]; then
		pass "man $name: documents every option of --help"
	else
		fail "man $name: documents every option of --help" "missing:$missing"
	fi
}
if command -v mandoc >/dev/null; then
	if [ -x "$BUILD/host/kut-run" ]; then
		options_documented kut-run.1 docs/man/kut-run.1 "$BUILD/host/kut-run"
	else
		skip "man kut-run.1: documents every option of --help" "no $BUILD/host/kut-run"
	fi
	options_documented kut-new.1 docs/man/kut-new.1 sh sdk/kut-new.in

	rendered=$(mandoc -T ascii docs/man/kut.7 | col -b)
	missing= n=0
	for goal in $(sed -n 's/^#[[:space:]]*\(Goals:\)\{0,1\}[[:space:]]*\([a-z-]*\)[[:space:]].*/\2/p' sdk/kut.mk |
		      sed -n '/^all$/,/^help$/p'); do
		n=$((n + 1))
		printf '%s\n' "$rendered" | grep -qw -- "$goal" || missing="$missing $goal"
	done
	for var in $(sed -n 's/^#   \([A-Z][A-Z_]*\) .*/\1/p' sdk/kut.mk); do
		n=$((n + 1))
		printf '%s\n' "$rendered" | grep -qw -- "$var" || missing="$missing $var"
	done
	if [ "$n" -lt 10 ]; then
		fail "man kut.7: documents every goal and variable of kut.mk" \
			"found only $n goals and variables in sdk/kut.mk's comments"
	elif [ -z "$missing" ]; then
		pass "man kut.7: documents every goal and variable of kut.mk"
	else
		fail "man kut.7: documents every goal and variable of kut.mk" "missing:$missing"
	fi
else
	for page in kut-run.1 kut-new.1; do
		skip "man $page: documents every option of --help" "mandoc not installed"
	done
	skip "man kut.7: documents every goal and variable of kut.mk" "mandoc not installed"
fi

# Relative links in Markdown: [text](path) must exist.
bad=
for md in README.md docs/*.md docs/api/*.md; do
	[ -f "$md" ] || continue
	dir=$(dirname "$md")
	for target in $(grep -oE '\]\([^)#]+' "$md" | sed 's/^](//' | grep -v '://'); do
		[ -e "$dir/$target" ] || bad="$bad $md:$target"
	done
done
if [ -z "$bad" ]; then
	pass "docs: relative links in Markdown lead to files"
else
	fail "docs: relative links in Markdown lead to files" "broken:$bad"
fi
