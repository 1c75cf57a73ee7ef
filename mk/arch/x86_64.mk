# SPDX-License-Identifier: MIT
# x86_64.mk - what is particular to x86_64 guests.

FAMILY		:= x86
GNU_TRIPLET	:= x86_64-linux-gnu
CLANG_TARGET	:= x86_64-linux-gnu
# The CPU family as meson names it, and the byte order (kut-<arch>.pc).
CPU_FAMILY	:= x86_64
ENDIAN		:= little
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-x86_64
QEMU_PACKAGE	:= qemu-system-x86
DEB_PACKAGES	:= qemu-system-data

# Code generation every x86_64 guest object needs: no red zone (exception
# frames land on the interrupted stack), no SSE in compiler output (tests
# use SSE deliberately, in asm).  MMX stays enabled, as upstream's flags
# leave it: the compiler uses MMX registers only where a test asks for
# them (e.g. the "y" asm constraint of upstream's emulator test).
# Upstream's x86 tests include "processor.h", "apic.h", "vm.h" ... bare,
# built with -I lib/x86: the x86/ headers are on the path too.
FAMILY_INCLUDE	:= x86

# Address 0 is memory to a guest (the real-mode IVT; upstream's s3
# writes its verdict there): without -fno-delete-null-pointer-checks,
# GCC -O2 compiles a store to it into ud2 (upstream builds x86 at -O1,
# where it does not).
ARCH_CFLAGS	:= -m64 -mno-red-zone -mno-sse -mno-sse2 \
		   -fno-delete-null-pointer-checks
ARCH_LDFLAGS	:= -m64

ARCH_SRCS	:= start64.S isr64.S setjmp64.S desc.c desc64.c setup.c uart.c exit.c stack.c pci.c
# SMP, local and I/O APIC, interrupts, ACPI tables (x86/acpi.h), fw_cfg.
ARCH_SRCS	+= trampoline.S smp.c apic.c isr.c acpi.c fwcfg.c
# Busy waits (x86/delay.h); user mode: run_in_user() (x86/usermode.h).
ARCH_SRCS	+= delay.c usermode.c usermode64.S fault_test.c
# The PMU as upstream's PMU tests see it (x86/pmu.h).
ARCH_SRCS	+= pmu.c
# Intel's IOMMU (x86/intel-iommu.h), with QEMU's edu device (pci-edu.h).
ARCH_SRCS	+= intel-iommu.c
COMMON_TESTS	:= alloc pci-test primitives migration

# Virtual memory: vmalloc's window and, on x86, the page-table API;
# tests/common/vmalloc.c checks it on every arch with an MMU.
ARCH_SRCS	+= vm.c
COMMON_TESTS	+= vmalloc

# The flat image is the ELF, stripped: QEMU boots it through its PVH note.
FLAT_OBJCOPY_FLAGS := --strip-all

# kut-$(ARCH)-realmode.pc: upstream's 16-bit realmode test, linked with
# linker-scripts/realmode.lds and without libkut.
PC_VARIANTS	:= realmode
