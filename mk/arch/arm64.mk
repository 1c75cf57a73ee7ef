# SPDX-License-Identifier: MIT
# arm64.mk - what is particular to arm64 (AArch64) guests.

FAMILY		:= arm
GNU_TRIPLET	:= aarch64-linux-gnu
CLANG_TARGET	:= aarch64-linux-gnu
QEMU		:= qemu-system-aarch64
# (device-tree-compiler: fdtput, for make check's bad-device-tree case)
DEB_PACKAGES	:= gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm device-tree-compiler
# Debian's libfdt.a for this arch (fetched, never installed: see
# scripts/fetch-libfdt).
LIBFDT_DEB_ARCH	:= arm64

# asm/ headers: this arch's own, then those arm and arm64 share.
ASM_INCLUDE_DIRS := include/arch/arm64 include/arch/arm-common

# No FP/SIMD in compiler output (exception entry saves only the general
# registers); aligned accesses only, since code runs before the MMU makes
# RAM Normal memory; atomics inline, because there is no libgcc.
ARCH_CFLAGS	:= -mgeneral-regs-only -mstrict-align -mno-outline-atomics
ARCH_LDFLAGS	:=

ARCH_SRCS	:= arm64/head.S arm64/entry.S arm64/processor.c arm64/mmu-regs.c \
		   arm64/setjmp.S \
		   setup.c mmu.c pl011.c virtio.c chr-testdev.c psci.c smp.c \
		   gic.c gic-v2.c gic-v3.c timer.c stack.c delay.c user.c
# libkut/ files that are not common to every arch.
SHARED_SRCS	:= fdt/devicetree.c fdt/pci-host-generic.c

# Bundled tests: the sources in tests/arm/ are built for arm and arm64.
TEST_SRC_DIR	:= tests/arm
COMMON_TESTS	:= pci-test

# Virtual memory: vmalloc's window and, on x86, the page-table API;
# tests/common/vmalloc.c checks it on every arch with an MMU.
ARCH_SRCS	+= vm.c
COMMON_TESTS	+= vmalloc

# The flat image is the raw memory image, starting with the arm64 Image
# header that QEMU's -kernel loader (and kut-run) recognise.
FLAT_OBJCOPY_FLAGS := -O binary
