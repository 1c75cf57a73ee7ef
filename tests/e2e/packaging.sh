#!/bin/sh
# SPDX-License-Identifier: MIT
# packaging.sh - debian/ follows the arch list: debian/control and
# debian/tests/control are what debian/gen-control makes of mk/config.mk's
# ARCHES and mk/arch/*.mk (run it and commit when this fails), a new arch
# gets its packages, build and test dependencies from its .mk alone, and
# debian/changelog is at the build's VERSION.  (make check-dist builds,
# lints and tests the packages themselves.)
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-packaging.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

expect_exit 0 "packaging: debian/control is generated from the arch list, current" \
	debian/gen-control --check

# lintian warns of a description line over 80 columns (as any arch's
# name and compiler can make one).
long=$(awk '/^ / && length($0) > 80 { print FILENAME ":" FNR }' debian/control)
if [ -z "$long" ]; then
	pass "packaging: no description line of debian/control is over 80 columns"
else
	fail "packaging: no description line of debian/control is over 80 columns" "$long"
fi

version=$(sed -n 's/^VERSION[[:space:]]*:=[[:space:]]*//p' mk/config.mk)
if [ "$(sed -n '1s/^kut (\([^)]*\)).*/\1/p' debian/changelog)" = "$version" ]; then
	pass "packaging: debian/changelog is at VERSION ($version)"
else
	fail "packaging: debian/changelog is at VERSION ($version)"
fi

# A made-up arch added the way a port adds one: its .mk and ARCHES.
mkdir -p "$tmp/t"
cp -r mk debian "$tmp/t/"
sed 's/^GNU_TRIPLET.*/GNU_TRIPLET := toy64-linux-gnu/
     s/^QEMU_PACKAGE.*/QEMU_PACKAGE := qemu-system-toy/
     s/^DEB_PACKAGES.*/DEB_PACKAGES := gcc-toy64-linux-gnu binutils-toy64-linux-gnu qemu-toy-firmware device-tree-compiler/' \
	mk/arch/x86_64.mk >"$tmp/t/mk/arch/toy_64.mk"
sed 's/^\(ARCHES[[:space:]]*?=.*\)$/\1 toy_64/' mk/config.mk >"$tmp/t/mk/config.mk"
(cd "$tmp/t" && debian/gen-control) >"$(logfile "packaging: toy")" 2>&1
c=$tmp/t/debian/control tc=$tmp/t/debian/tests/control
for want in "^Package: kut-sdk-toy-64$" "^Package: kut-tests-toy-64$" \
	    "^Build-Depends-Indep: .*binutils-toy64-linux-gnu" \
	    "^Build-Depends-Indep: .*gcc-toy64-linux-gnu" \
	    "^Recommends: gcc-toy64-linux-gnu \| clang, binutils-toy64-linux-gnu \| llvm$" \
	    "^Depends: .*kut-run \(>= .*\), qemu-system-toy, qemu-toy-firmware$" \
	    "^Recommends: .*qemu-system-toy"; do
	if grep -Eq -- "$want" "$c"; then
		pass "packaging: a new arch's .mk gives /$want/"
	else
		fail "packaging: a new arch's .mk gives /$want/"
	fi
done
if grep -Eq '^Depends: .*kut-sdk-toy-64' "$tc" && grep -Eq '^Depends: .*kut-tests-toy-64' "$tc"; then
	pass "packaging: the autopkgtest covers the new arch"
else
	fail "packaging: the autopkgtest covers the new arch"
fi
# The check notices the arch list moved on without the control file.
cp debian/control "$tmp/t/debian/control"
expect_exit 1 "packaging: --check fails on a stale debian/control" \
	sh -c 'cd "$1" && debian/gen-control --check' - "$tmp/t"
