#!/bin/sh
# SPDX-License-Identifier: MIT
# kut-cross.sh - write a meson cross file for kut guests of one arch, from
# the installed kut-<arch>.pc.  Meson builds guests the way it builds for
# any bare-metal target: as a cross build, the compiler and every flag in
# the machine file.  Meson is told that what it builds needs a wrapper to
# run but is given none, so its compiler sanity check only compiles and
# links a guest; meson.build runs the tests' flat images with kut-run (an
# .elf is not bootable on every arch).
#
# Usage: sh kut-cross.sh [ARCH [gcc|clang]] > kut-ARCH.ini
#        meson setup build --cross-file kut-ARCH.ini
set -eu

arch=${1:-x86_64}
compiler=${2:-gcc}
pc=kut-$arch
pkg_config=${PKG_CONFIG:-pkg-config}

if ! $pkg_config --exists "$pc"; then
	echo "kut-cross.sh: $pc: not found by $pkg_config (PKG_CONFIG_PATH?)" >&2
	exit 1
fi
var() {
	$pkg_config --variable="$1" "$pc"
}

# A meson array of the words of $1.
array() {
	printf '['
	sep=
	for w in $1; do
		printf "%s'%s'" "$sep" "$w"
		sep=', '
	done
	printf ']'
}

case $compiler in
gcc)
	cc="'$(var cc)'"
	objcopy=$(var objcopy)
	strip=$(echo "$objcopy" | sed 's/objcopy$/strip/')
	;;
clang)
	cc="['clang', '--target=$(var clang_target)']"
	objcopy=llvm-objcopy
	strip=llvm-strip
	;;
*)
	echo "kut-cross.sh: $compiler: give gcc or clang" >&2
	exit 2
	;;
esac

case $arch in
x86_64) family=x86_64 endian=little ;;
i386) family=x86 endian=little ;;
arm64) family=aarch64 endian=little ;;
arm) family=arm endian=little ;;
ppc64) family=ppc64 endian=big ;;
ppc64le) family=ppc64 endian=little ;;
riscv64) family=riscv64 endian=little ;;
s390x) family=s390x endian=big ;;
*) family=$arch endian=little ;;
esac

cat <<EOF2
# meson cross file for kut $arch guests ($compiler), by kut-cross.sh
[binaries]
c = $cc
objcopy = '$objcopy'
strip = '$strip'
pkg-config = '$pkg_config'

[built-in options]
c_args = $(array "$($pkg_config --cflags "$pc")")
c_link_args = $(array "$($pkg_config --libs "$pc")")

[properties]
needs_exe_wrapper = true
kut_flatflags = $(array "$(var flatflags)")

[host_machine]
system = 'none'
cpu_family = '$family'
cpu = '$family'
endian = '$endian'
EOF2
