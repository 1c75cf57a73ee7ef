#!/bin/sh
# SPDX-License-Identifier: MIT
# check-dist.sh - make check-dist: what distributions and CI farms get,
# too slow for every make check (minutes): the Debian packages built,
# linted and tested with autopkgtest (tests/check-deb.sh), and the GitLab
# CI pipeline of examples/ci run by gitlab-ci-local (tests/e2e/gitlab-ci.sh).
# Ends with one line "N passed, N failed[, N skipped]"; exits 1 if
# anything failed.
set -u
cd "$(dirname "$0")/.."

: "${BUILD:=build}"
: "${ARCHES:=x86_64}"
export BUILD ARCHES CHECK_LOGS="$BUILD/check-dist/logs"
rm -rf "$BUILD/check-dist"
mkdir -p "$CHECK_LOGS"
out="$BUILD/check-dist/results.txt"
. tests/lib.sh

{
	run_section "Debian packages: build, contents, lintian, autopkgtest" tests/check-deb.sh
	run_section "GitLab CI pipeline under gitlab-ci-local" tests/e2e/gitlab-ci.sh
} 2>&1 | tee "$out"

summarize "$out"
