#!/bin/sh
# SPDX-License-Identifier: MIT
# sdk.sh - the out-of-tree SDK end to end, from an installed prefix that
# has been moved after installation (so nothing can lean on the source
# tree or the install path): kut-new makes a repository that builds and
# passes; kut.mk does what kut(7) promises (O=, CC=clang, V=1, header
# dependencies, several arches, clean); examples/ builds for every
# installed arch with GCC and Clang and runs; the automake and meson
# examples pass their own test suites through kut-run; the upstream
# compatibility tests (tests/compat) build and pass.
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-sdk.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
src=$(pwd)

# Run from "make check": the parent make's command-line variables (ARCHES,
# BUILD, ...) would reach the test repositories' makes through MAKEFLAGS.
# ARCHES too, which kut.mk reads as "build for several arches".
built_arches=$ARCHES
unset MAKEFLAGS MFLAGS MAKELEVEL CC CFLAGS O V ARCH ARCHES

expect_exit 0 "sdk: make install" \
	make --no-print-directory BUILD="$BUILD" ARCHES="$built_arches" \
	PREFIX="$tmp/prefix" install
mv "$tmp/prefix" "$tmp/sdk"
export PATH="$tmp/sdk/bin:$PATH" PKG_CONFIG_PATH="$tmp/sdk/lib/pkgconfig"

# Every arch built is installed: one missing is a failure, not one fewer
# arch to check.
arches=
for a in $built_arches; do
	if pkg-config --exists "kut-$a"; then
		pass "sdk: installed kut-$a.pc"
		arches="$arches $a"
	else
		fail "sdk: installed kut-$a.pc" "pkg-config finds no kut-$a"
	fi
done
first=${arches# }
first=${first%% *}
[ -n "$first" ] || exit 0

expect_exit 0 "sdk: kut-run --help" kut-run --help
expect_log "sdk: kut-run --help" 'SUITE'

# ---- installed files ----
for f in share/kut/kut.mk bin/kut-new share/kut/template/Makefile \
	 share/kut/template/hello.c share/kut/template/unittests.cfg \
	 share/kut/template/gitignore share/kut/template/README.md \
	 share/man/man1/kut-run.1 share/man/man1/kut-new.1 share/man/man7/kut.7; do
	if [ -f "$tmp/sdk/$f" ]; then
		pass "sdk: installed $f"
	else
		fail "sdk: installed $f"
	fi
done
for a in $arches; do
	mk=$(pkg-config --variable=makefile "kut-$a")
	if [ -f "$mk" ] && cmp -s "$mk" "$tmp/sdk/share/kut/kut.mk"; then
		pass "sdk: pkg-config --variable=makefile kut-$a names the installed kut.mk"
	else
		fail "sdk: pkg-config --variable=makefile kut-$a names the installed kut.mk" "got '$mk'"
	fi
done

# ---- kut-new ----
expect_exit 0 "kut-new --help" kut-new --help
expect_exit 2 "kut-new: no DIR -> 2" kut-new
expect_exit 2 "kut-new: bad --arch -> 2" kut-new --arch 'x y' "$tmp/bad"
mkdir -p "$tmp/full" && touch "$tmp/full/file"
expect_exit 1 "kut-new: a non-empty DIR -> 1" kut-new "$tmp/full"
expect_log "kut-new: a non-empty DIR -> 1" 'full: not empty'

# A repository's verdict: its make check, kut-run's suite mode.
repo_check() {
	make -C "$1" --no-print-directory ARCH="$2" check
}

for a in $arches; do
	r=$tmp/new-$a
	expect_exit 0 "kut-new --arch $a" kut-new --arch "$a" "$r"
	missing=
	for f in Makefile hello.c unittests.cfg .gitignore README.md; do
		[ -f "$r/$f" ] || missing="$missing $f"
	done
	if [ -z "$missing" ]; then
		pass "kut-new $a: Makefile hello.c unittests.cfg .gitignore README.md"
	else
		fail "kut-new $a: Makefile hello.c unittests.cfg .gitignore README.md" "missing:$missing"
	fi
	expect_exit 0 "kut-new $a: the new repository builds" make -C "$r" --no-print-directory
	expect_exit 0 "kut-new $a: and passes" repo_check "$r" "$a" "-append 'hello world'"
done

# ---- kut.mk ----
a=$first
r=$tmp/repo
kut-new --arch "$a" "$r" >/dev/null 2>&1
m() {
	make -C "$r" --no-print-directory "$@"
}
expect_exit 0 "kut.mk: build" m
expect_log "kut.mk: build" "^  CC +build/$a/obj/hello.o" "^  LD +build/$a/hello.elf" \
	"^  FLAT +build/$a/hello.flat"
expect_exit 0 "kut.mk: nothing to do the second time" m -q
printf '/* greet.h - a header of the test repository */\n#define GREETING "hi"\n' >"$r/greet.h"
sed -i 's/^#include <libcflat.h>/&\n#include "greet.h"/' "$r/hello.c"
m >/dev/null 2>&1
touch "$r/greet.h"
expect_exit 1 "kut.mk: a touched header makes its test out of date" m -q
# The user's CFLAGS (and CPPFLAGS) reach the compiler, after kut's own.
expect_exit 0 "kut.mk: CFLAGS and CPPFLAGS reach the compiler" \
	m V=1 CFLAGS=-DKUT_USER_CFLAG=1 CPPFLAGS=-DKUT_USER_CPPFLAG=1
expect_log "kut.mk: CFLAGS and CPPFLAGS reach the compiler" \
	' -c hello.c' '-DKUT_USER_CPPFLAG=1 .*-DKUT_USER_CFLAG=1'
m clean >/dev/null 2>&1
expect_exit 2 "kut.mk: a CFLAGS error stops the build" \
	m CFLAGS='-include kut-no-such-header.h'
expect_log "kut.mk: a CFLAGS error stops the build" 'kut-no-such-header\.h'
expect_exit 0 "kut.mk: V=1 CC=clang" m V=1 CC=clang
expect_log "kut.mk: V=1 CC=clang" "^clang --target=$(pkg-config --variable=clang_target kut-$a) .* -c hello.c" \
	"llvm-objcopy"
expect_no_log "kut.mk: V=1 CC=clang" "$src"
expect_exit 1 "kut.mk: switching back from clang rebuilds" m -q
expect_exit 0 "kut.mk: O= builds out of tree" m O="$tmp/out"
if [ -f "$tmp/out/$a/hello.flat" ] && [ -f "$tmp/out/$a/hello.elf" ]; then
	pass "kut.mk: O= puts <arch>/hello.elf and hello.flat there"
else
	fail "kut.mk: O= puts <arch>/hello.elf and hello.flat there"
fi
expect_exit 0 "kut.mk: make -f from another directory" \
	sh -c "cd '$tmp' && make --no-print-directory -f '$r/Makefile' O='$tmp/out-f'"
[ -f "$tmp/out-f/$a/hello.flat" ] && pass "kut.mk: make -f builds the repository's tests" ||
	fail "kut.mk: make -f builds the repository's tests"
expect_exit 0 "kut.mk: run-hello" m run-hello RUN_ARGS="-append 'x y'"
expect_log "kut.mk: run-hello" '^INFO: hello: argv\[2\] = "y"' '^SUMMARY: 3 tests$'
expect_exit 0 "kut.mk: ARCHES=all" m ARCHES=all O="$tmp/all"
for b in $arches; do
	[ -f "$tmp/all/$b/hello.flat" ] && pass "kut.mk: ARCHES=all built $b" ||
		fail "kut.mk: ARCHES=all built $b"
done
expect_exit 2 "kut.mk: an arch that is not installed" m ARCH=nonesuch
expect_log "kut.mk: an arch that is not installed" 'kut-nonesuch: not found by pkg-config'
expect_exit 0 "kut.mk: help" m help
expect_log "kut.mk: help" 'check +kut-run suite mode' 'CC +unset'
expect_exit 0 "kut.mk: clean" m clean
[ ! -e "$r/build" ] && pass "kut.mk: clean removes the build directory" ||
	fail "kut.mk: clean removes the build directory"

# ---- examples/ ----
cp -r examples "$tmp/examples"
for a in $arches; do
	for tc in gcc clang; do
		expect_exit 0 "examples/ $a $tc: builds from the installed SDK" \
			make -C "$tmp/examples" --no-print-directory ARCH="$a" CC=$tc V=1 clean all
		expect_no_log "examples/ $a $tc: builds from the installed SDK" "$src"
	done
	expect_exit 0 "examples/ $a: passes" repo_check "$tmp/examples" "$a" "-append 'a b'"
done

# ---- automake ----
if command -v autoreconf >/dev/null && command -v automake >/dev/null; then
	am=$tmp/automake
	cp -r examples/automake "$am"
	expect_exit 0 "automake example: autoreconf -i && ./configure" \
		sh -c "cd '$am' && autoreconf -i && ./configure KUT_ARCH=$first"
	expect_exit 0 "automake example: make check" make -C "$am" --no-print-directory check
	expect_log "automake example: make check" '^PASS: heap.flat' '^SKIP: optional.flat' \
		'^# PASS: +1$' '^# SKIP: +1$' '^# FAIL: +0$'
	expect_exit 0 "automake example: make distcheck (VPATH build, tarball)" \
		make -C "$am" --no-print-directory distcheck
	expect_exit 0 "automake example: clang" sh -c "cd '$am' && make distclean &&
		./configure KUT_ARCH=$first KUT_OBJCOPY=llvm-objcopy \
			KUT_CC='clang --target=$(pkg-config --variable=clang_target kut-$first)' &&
		make check"
else
	skip "automake example" "autoreconf/automake not installed (Debian: autoconf automake)"
fi

# ---- meson ----
if command -v meson >/dev/null && command -v ninja >/dev/null; then
	for a in $arches; do
		for tc in gcc clang; do
			ms=$tmp/meson-$a-$tc
			cp -r examples/meson "$ms"
			expect_exit 0 "meson example $a $tc: setup with kut-cross.sh" \
				sh -c "cd '$ms' && sh kut-cross.sh $a $tc > kut.ini &&
					meson setup build --cross-file kut.ini"
			expect_exit 0 "meson example $a $tc: meson test" meson test -C "$ms/build"
			expect_log "meson example $a $tc: meson test" '^Ok: +1 *$' '^Fail: +0 *$'
		done
	done
else
	skip "meson example" "meson/ninja not installed (Debian: meson ninja-build)"
fi

# ---- upstream source compatibility ----
cp -r tests/compat "$tmp/compat"
for a in $arches; do
	for tc in gcc clang; do
		expect_exit 0 "compat $a $tc: upstream-style tests build" \
			make -C "$tmp/compat" --no-print-directory ARCH="$a" CC=$tc
	done
	expect_exit 0 "compat $a: upstream-style tests pass" \
		repo_check "$tmp/compat" "$a" "-smp 2 -append 'one two'"
	# The suite counts a SKIP as success: what must run, must pass.
	expect_exit 0 "compat $a: report prints its prefixes" \
		kut-run "$tmp/compat/build/$a/report.flat" -append 'one two'
	expect_log "compat $a: report prints its prefixes" \
		'^INFO: report: 2 arguments$' '^PASS: report: argument 2 is "two"$' \
		'^PASS: report: level 1: inside$' '^PASS: report: popn$' \
		'^PASS: report: old argument order, still accepted$' \
		'^XFAIL: report: an expected failure counts as XFAIL$' \
		'^PASS: report: report_pass 1$' '^SKIP: report: a skip among passes' \
		'^SUMMARY: 9 tests, 1 expected failures, 1 skipped$'
	# Figures only, no report line (upstream's vmexit): the exit line
	# that exit() prints is the guest's word.
	expect_exit 0 "compat $a: a program that prints only figures passes" \
		kut-run "$tmp/compat/build/$a/figures.flat"
	expect_log "compat $a: a program that prints only figures passes" \
		'^fibonacci 90: 2880067194370816120$' '^EXIT: STATUS=1$'
	case $a in
	s390x) ;;
	*)	expect_exit 0 "compat $a: pci runs and passes, no SKIP" \
			kut-run "$tmp/compat/build/$a/pci.flat"
		expect_no_log "compat $a: pci runs and passes, no SKIP" '^SKIP' ;;
	esac
done
