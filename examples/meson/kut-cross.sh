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

# The programs of each toolchain, and the CPU family and byte order,
# as kut-<arch>.pc names them.
case $compiler in
gcc) prefix= ;;
clang) prefix=clang_ ;;
*)
	echo "kut-cross.sh: $compiler: give gcc or clang" >&2
	exit 2
	;;
esac
cc=$(var ${prefix}cc)
objcopy=$(var ${prefix}objcopy)
strip=$(var ${prefix}strip)
family=$(var cpu_family)
endian=$(var endian)
if [ -z "$cc" ] || [ -z "$family" ] || [ -z "$endian" ]; then
	echo "kut-cross.sh: $pc: no ${prefix}cc, cpu_family or endian (an older kut?)" >&2
	exit 1
fi

cat <<EOF2
# meson cross file for kut $arch guests ($compiler), by kut-cross.sh
[binaries]
c = $(array "$cc")
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
