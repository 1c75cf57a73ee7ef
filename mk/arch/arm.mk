# SPDX-License-Identifier: MIT
# arm.mk - what is particular to arm (ARMv7-A, AArch32) guests.

FAMILY		:= arm
GNU_TRIPLET	:= arm-linux-gnueabihf
CLANG_TARGET	:= arm-linux-gnueabihf
QEMU		:= qemu-system-arm
# (device-tree-compiler: fdtput, for make check's bad-device-tree case)
DEB_PACKAGES	:= gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf qemu-system-arm device-tree-compiler
LIBFDT_DEB_ARCH	:= armhf

ASM_INCLUDE_DIRS := include/arch/arm include/arch/arm-common

# ARM (not Thumb) state for our code; the hard-float ABI of Debian's
# armhf libfdt.a (objects of different float ABIs do not link), with the
# FPU switched on at boot; aligned accesses only before the MMU is on.
ARCH_CFLAGS	:= -marm -march=armv7-a -mfpu=vfpv3-d16 -mfloat-abi=hard \
		   -mno-unaligned-access
ARCH_LDFLAGS	:=

ARCH_SRCS	:= arm32/head.S arm32/entry.S arm32/processor.c arm32/mmu-regs.c \
		   arm32/setjmp.S arm32/eabi.c arm32/eabi-div.S \
		   setup.c mmu.c pl011.c virtio.c chr-testdev.c psci.c smp.c \
		   gic.c gic-v2.c gic-v3.c timer.c stack.c delay.c user.c
SHARED_SRCS	:= fdt/devicetree.c fdt/pci-host-generic.c

TEST_SRC_DIR	:= tests/arm
COMMON_TESTS	:= pci-test

# Virtual memory: vmalloc's window and, on x86, the page-table API;
# tests/common/vmalloc.c checks it on every arch with an MMU.
ARCH_SRCS	+= vm.c
COMMON_TESTS	+= vmalloc

# The flat image is the raw memory image; its zImage header lets kut-run
# tell it from other raw images.
FLAT_OBJCOPY_FLAGS := -O binary
