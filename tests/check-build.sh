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
