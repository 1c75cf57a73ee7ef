# SPDX-License-Identifier: MIT
# ppc64le.mk - what is particular to little-endian ppc64 guests (QEMU's
# pseries machine); the rest is mk/arch/powerpc-family.mk's.

GNU_TRIPLET	:= powerpc64le-linux-gnu
CLANG_TARGET	:= powerpc64le-linux-gnu
ENDIAN		:= little
DEB_PACKAGES	:= gcc-powerpc64le-linux-gnu binutils-powerpc64le-linux-gnu
# Debian's libfdt.a for this arch (fetched, never installed: see
# scripts/fetch-libfdt).  It is built with the stack protector, which on
# ppc64 reads its canary at r13 - 0x7010 (head.S points r13 there).
LIBFDT_DEB_ARCH	:= ppc64el

ARCH_CFLAGS	:= -mlittle-endian
ARCH_LDFLAGS	:= -mlittle-endian

include mk/arch/powerpc-family.mk
