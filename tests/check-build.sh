#!/bin/sh
# SPDX-License-Identifier: MIT
# check-build.sh - everything builds warning-free (-Werror) with GCC and
# with Clang: kut-run, the host tests, libkut and the bundled tests of
# every arch in $ARCHES.
. tests/lib.sh
jobs=${1:-2}

expect_exit 0 "build: kut-run and host tests" \
	make -j"$jobs" --no-print-directory BUILD="$BUILD" host host-tests
for tc in gcc clang; do
	expect_exit 0 "build: libkut and bundled tests, $tc, $ARCHES" \
		make -j"$jobs" --no-print-directory BUILD="$BUILD" \
		TOOLCHAIN=$tc ARCHES="$ARCHES" guests
done

# No two headers include each other in a circle (STYLE.md: dependencies
# point one way), with each arch's include path: the installed headers
# and libkut's own.
for a in $ARCHES; do
	set -- $(make -s -f mk/archvars.mk ARCH="$a" VARS="FAMILY ARCH_INCLUDE_DIRS")
	family=$1
	shift
	incs=
	for d; do incs="$incs -I$d"; done
	expect_exit 0 "build: no include circles, $a" \
		perl tests/tools/include-cycles.pl $incs -- include/*.h \
		include/asm-generic include/linux $(printf '%s\n' "$@" | grep -vx include) \
		libkut/*.h libkut/$family $(ls -d libkut/fdt 2>/dev/null)
done
