# SPDX-License-Identifier: MIT
# arm64.mk - what is particular to arm64 (AArch64) guests.

GNU_TRIPLET	:= aarch64-linux-gnu
CLANG_TARGET	:= aarch64-linux-gnu
# The CPU family as meson names it, and the byte order (kut-<arch>.pc).
CPU_FAMILY	:= aarch64
ENDIAN		:= little
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-aarch64
QEMU_PACKAGE	:= qemu-system-arm
# (read by scripts/install-deps; device-tree-compiler: fdtput, for make check's bad-device-tree case)
DEB_PACKAGES	:= gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu device-tree-compiler
# Debian's libfdt.a for this arch (fetched, never installed: see
# scripts/fetch-libfdt).
LIBFDT_DEB_ARCH	:= arm64

# asm/ headers: this arch's own, then those arm and arm64 share.
ASM_INCLUDE_DIRS := include/arch/arm64 include/arch/arm-common

# No FP/SIMD in compiler output (exception entry saves only the general
# registers); aligned accesses only, since code runs before the MMU makes
# RAM Normal memory; atomics inline, because there is no libgcc.  Tests
# may write SVE and MTE instructions in inline asm (.arch_extension):
# every compiler kut supports assembles them, which CC_HAS_SVE and
# CC_HAS_MTE say, as upstream's build does.
ARCH_CFLAGS	:= -mgeneral-regs-only -mstrict-align -mno-outline-atomics \
		   -DCC_HAS_SVE -DCC_HAS_MTE
ARCH_LDFLAGS	:=

ARCH_TESTS	:= debug mte

ARCH_SRCS	:= arm64/head.S arm64/entry.S arm64/processor.c arm64/mmu-regs.c \
		   arm64/gic-v3-its.c \
		   arm64/setjmp.S

include mk/arch/arm-family.mk
