#!/bin/sh
# SPDX-License-Identifier: MIT
# check-deb.sh - the Debian packages (make check-dist): the source package
# from a snapshot of this tree, the binary packages built from it offline
# with dpkg-buildpackage -b, their contents (each arch's SDK and tests,
# no file in two packages), lintian --fail-on error,warning on each
# binary package and on the source package, and the autopkgtest
# (debian/tests) with the null runner: as root it installs the packages
# into this machine for the test, then purges them.  Prints each step's
# time and each package's size.
. tests/lib.sh

n="deb"
for tool in dpkg-source dpkg-buildpackage dh lintian autopkgtest; do
	if ! command -v $tool >/dev/null 2>&1; then
		skip "$n: the Debian packages" "no $tool (scripts/install-deps --dist installs the packaging tools)"
		exit 0
	fi
done

version=$(sed -n 's/^VERSION[[:space:]]*:=[[:space:]]*//p' mk/config.mk)
case $BUILD in /*) b=$BUILD ;; *) b=$(pwd)/$BUILD ;; esac
work=$b/deb
rm -rf "$work"
mkdir -p "$work"

# step NAME CMD...: run CMD with its output in NAME's log, timed.
step() {
	local name=$1 log t0 t1
	shift
	log=$(logfile "$n: $name")
	t0=$(date +%s)
	"$@" >"$log" 2>&1
	status=$?
	t1=$(date +%s)
	echo "# $name: $((t1 - t0)) s"
	if [ $status -eq 0 ]; then
		pass "$n: $name"
	else
		fail "$n: $name" "exit status $status"
		tail -30 "$log" | sed 's/^/#   | /'
	fi
	return $status
}

# The tree as it is (tracked files, uncommitted changes included), then
# the source package made from it and the binaries built from that.
src=$work/kut-$version
mkdir -p "$src"
git ls-files -co --exclude-standard -z | xargs -0 tar -cf - | tar -xf - -C "$src"
step "source package (dpkg-source -b)" \
	sh -c 'cd "$1" && dpkg-source -b "kut-$2"' - "$work" "$version" || exit 0
step "source package unpacks (dpkg-source -x)" \
	sh -c 'cd "$1" && dpkg-source -x "kut_$2.dsc" unpacked' - "$work" "$version" || exit 0
step "binary packages (dpkg-buildpackage -us -uc -b)" \
	sh -c 'cd "$1/unpacked" && nice dpkg-buildpackage -us -uc -b' - "$work" || exit 0

changes=$(ls "$work"/kut_*.changes)
# Every package debian/control names, built; its size.
for p in $(sed -n 's/^Package: //p' debian/control); do
	deb=$(ls "$work/${p}_${version}_"*.deb 2>/dev/null)
	if [ -n "$deb" ]; then
		pass "$n: $p built ($(du -k "$deb" | cut -f1) KiB, $(dpkg-deb -f "$deb" Installed-Size) KiB installed)"
	else
		fail "$n: $p built"
	fi
done

# contains PACKAGE PATH...: the package ships every PATH.
contains() {
	local p=$1 deb missing= f
	shift
	deb=$(ls "$work/${p}_${version}_"*.deb 2>/dev/null) || return 0
	dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/$p.list"
	for f; do
		grep -qx "$f" "$work/$p.list" || missing="$missing $f"
	done
	if [ -z "$missing" ]; then
		pass "$n: $p holds $*"
	else
		fail "$n: $p holds what it must" "missing:$missing"
	fi
}
contains kut-run /usr/bin/kut-run /usr/bin/kut-new /usr/share/man/man1/kut-run.1.gz \
	/usr/share/man/man1/kut-new.1.gz /usr/share/man/man7/kut.7.gz
contains kut-sdk-common /usr/share/kut/kut.mk /usr/include/kut/libcflat.h
for a in $(debian/gen-control arches); do
	p=$(echo "$a" | tr '_' '-')
	fdt=
	if [ -n "$(make -s -f mk/archvars.mk ARCH="$a" VARS="LIBFDT_DEB_ARCH LIBFDT_FROM_SOURCE" | tr -d '\n')" ]; then
		fdt="/usr/lib/kut/$a/libfdt.a /usr/include/kut/$a/libfdt/libfdt.h"
	fi
	contains "kut-sdk-$p" "/usr/lib/kut/$a/libkut-$a.a" "/usr/lib/kut/$a/kut.lds" \
		"/usr/share/pkgconfig/kut-$a.pc" "/usr/include/kut/$a/asm/io.h" $fdt
	contains "kut-tests-$p" "/usr/share/kvm-unit-tests/$a/unittests.cfg" \
		"/usr/share/kvm-unit-tests/$a/selftest.flat" "/usr/share/kvm-unit-tests/$a/selftest.elf"
done
# Side by side: no path (other than directories and the docs dh adds)
# in two packages.
cat "$work"/*.list | grep -v '/$' | sort | uniq -d >"$work/shared-files"
if [ ! -s "$work/shared-files" ]; then
	pass "$n: no file is in two packages (they install side by side)"
else
	fail "$n: no file is in two packages" "$(head -5 "$work/shared-files" | tr '\n' ' ')"
fi

# lintian: every binary package, then the source package.
step "lintian --fail-on error,warning: the binary packages" \
	lintian --fail-on error,warning --display-info "$changes"
grep -E '^[IPX]: ' "$(logfile "$n: lintian --fail-on error,warning: the binary packages")" |
	sed -E 's/^([IPX]): ([^:]+): ([^ ]+).*/\1: \2: \3/' | sort | uniq -c |
	sed 's/^ */# remaining info tag: /'
step "lintian --fail-on error,warning: the source package" \
	lintian --fail-on error,warning --display-info "$work/kut_$version.dsc"
grep -E '^[IPX]: ' "$(logfile "$n: lintian --fail-on error,warning: the source package")" |
	sed -E 's/^([IPX]): ([^:]+): ([^ ]+).*/\1: \2: \3/' | sort | uniq -c |
	sed 's/^ */# remaining info tag: /'

# autopkgtest with the null runner: installs into this machine (as root).
if [ "$(id -u)" != 0 ]; then
	skip "$n: autopkgtest -- null" "not root: the null runner installs the packages into this machine"
	exit 0
fi
installed=$(dpkg-query -W -f='${db:Status-Status} ${Package}\n' 'kut-*' 2>/dev/null |
	    sed -n 's/^installed //p')
if [ -n "$installed" ]; then
	skip "$n: autopkgtest -- null" "kut packages are installed here already ($(echo $installed)): the null runner would replace them"
	exit 0
fi
step "autopkgtest -- null" autopkgtest --output-dir "$work/autopkgtest" \
	"$work"/*.deb "$work/unpacked" -- null
# What each test said (its "ok -"/"not ok -" lines) and autopkgtest's verdicts.
for t in "$work"/autopkgtest/*-stdout; do
	[ -f "$t" ] && sed -n 's/^\(ok\|not ok\) - /&autopkgtest: /p' "$t"
done
for t in $(sed -n 's/^Tests: //p' debian/tests/control); do
	if grep -Eq "^$t +PASS" "$work/autopkgtest/summary" 2>/dev/null; then
		pass "$n: autopkgtest $t"
	else
		fail "$n: autopkgtest $t" "$(grep -E "^$t " "$work/autopkgtest/summary" 2>/dev/null)"
	fi
done
# Leave the machine as it was: the packages the test installed go.
step "the packages are purged after the autopkgtest" sh -c \
	'apt-get purge -y $(dpkg-query -W -f="\${Package}\n" "kut-*" | sort -u) && ! dpkg-query -W -f="\${db:Status-Status}\n" "kut-*" 2>/dev/null | grep -q installed'
