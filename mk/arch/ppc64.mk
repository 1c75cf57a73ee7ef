# SPDX-License-Identifier: MIT
# ppc64.mk - what is particular to big-endian ppc64 guests (QEMU's
# pseries machine); the rest is mk/arch/powerpc-family.mk's.

GNU_TRIPLET	:= powerpc64-linux-gnu
CLANG_TARGET	:= powerpc64-linux-gnu
ENDIAN		:= big
# (linux-source-6.1 carries the libfdt sources, see below)
DEB_PACKAGES	:= gcc-powerpc64-linux-gnu binutils-powerpc64-linux-gnu linux-source-6.1

# Debian has no big-endian ppc64 libfdt: it is compiled at build time
# from the sources in linux-source-6.1 (or LIBFDT_SRC=), with this arch's
# flags (mk/libfdt-src.mk).
LIBFDT_FROM_SOURCE := 1

ARCH_CFLAGS	:= -mbig-endian
ARCH_LDFLAGS	:= -mbig-endian

include mk/arch/powerpc-family.mk
