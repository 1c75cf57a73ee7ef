# SPDX-License-Identifier: MIT
# arm.mk - what is particular to arm (ARMv7-A, AArch32) guests.

GNU_TRIPLET	:= arm-linux-gnueabihf
CLANG_TARGET	:= arm-linux-gnueabihf
# The CPU family as meson names it, and the byte order (kut-<arch>.pc).
CPU_FAMILY	:= arm
ENDIAN		:= little
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-arm
QEMU_PACKAGE	:= qemu-system-arm
# (read by scripts/install-deps; device-tree-compiler: fdtput, for make
# check's bad-device-tree case)
DEB_PACKAGES	:= gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf device-tree-compiler
# Debian's libfdt.a for this arch (fetched, never installed: see
# scripts/fetch-libfdt).
LIBFDT_DEB_ARCH	:= armhf

ASM_INCLUDE_DIRS := include/arch/arm include/arch/arm-common

# ARM (not Thumb) state for our code; the hard-float ABI of Debian's
# armhf libfdt.a (objects of different float ABIs do not link), with the
# FPU switched on at boot; aligned accesses only before the MMU is on.
ARCH_CFLAGS	:= -marm -march=armv7-a -mfpu=vfpv3-d16 -mfloat-abi=hard \
		   -mno-unaligned-access
ARCH_LDFLAGS	:=

ARCH_SRCS	:= arm32/head.S arm32/entry.S arm32/processor.c arm32/mmu-regs.c \
		   arm32/setjmp.S arm32/eabi.c arm32/eabi-div.S

include mk/arch/arm-family.mk
