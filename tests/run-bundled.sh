#!/bin/sh
# SPDX-License-Identifier: MIT
# run-bundled.sh - make run: every bundled test of every built arch, with
# kut-run's suite mode over the build tree's unittests.cfg.
# Usage: tests/run-bundled.sh BUILD_DIR KUT_RUN ARCH...
set -u
dir=$1 kut_run=$2
shift 2
status=0
for arch in "$@"; do
	echo "== $arch"
	"$kut_run" "$dir/$arch/tests" || status=1
done
exit $status
