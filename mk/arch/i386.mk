# SPDX-License-Identifier: MIT
# i386.mk - what is particular to 32-bit x86 (i386) guests: the x86
# family code of libkut/x86/ built for 32-bit protected mode, with the
# pieces only that mode needs (start32.S, isr32.S, setjmp32.S, desc32.c,
# usermode32.S) and the 64-bit division helpers a 32-bit compiler calls.

FAMILY		:= x86
# Debian's i686 cross compiler (gcc-i686-linux-gnu): it coexists with the
# other cross compilers, where gcc-multilib's "gcc -m32" would remove them.
GNU_TRIPLET	:= i686-linux-gnu
CLANG_TARGET	:= i686-linux-gnu
# The CPU family as meson names it, and the byte order (kut-<arch>.pc).
CPU_FAMILY	:= x86
ENDIAN		:= little
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-x86_64
QEMU_PACKAGE	:= qemu-system-x86
DEB_PACKAGES	:= gcc-i686-linux-gnu binutils-i686-linux-gnu qemu-system-data

# Upstream's x86 tests include "processor.h", "apic.h", ... bare.
FAMILY_INCLUDE	:= x86

# As on x86_64: no SSE/MMX in compiler output (exception entry saves only
# the general registers; tests use SSE deliberately, in asm).  The x87
# stays: CR0.EM is clear, and soft-float would need libgcc.
# Address 0 is memory to a guest (the real-mode IVT; upstream's s3
# writes its verdict there): without -fno-delete-null-pointer-checks,
# GCC -O2 compiles a store to it into ud2 (upstream builds x86 at -O1,
# where it does not).
ARCH_CFLAGS	:= -m32 -march=i686 -mno-sse -mno-sse2 -mno-mmx \
		   -fno-delete-null-pointer-checks
ARCH_LDFLAGS	:= -m32

ARCH_SRCS	:= start32.S isr32.S setjmp32.S desc.c desc32.c setup.c uart.c \
		   exit.c stack.c pci.c
# SMP, local and I/O APIC, interrupts, ACPI tables, fw_cfg.
ARCH_SRCS	+= trampoline.S smp.c apic.c isr.c acpi.c fwcfg.c
# Busy waits; user mode (run_in_user()).
ARCH_SRCS	+= delay.c usermode.c usermode32.S
# The PMU as upstream's PMU tests see it (x86/pmu.h).
ARCH_SRCS	+= pmu.c
# Intel's IOMMU (x86/intel-iommu.h), with QEMU's edu device (pci-edu.h).
ARCH_SRCS	+= intel-iommu.c
# Virtual memory: 2-level paging with 4 MiB pages, as upstream's i386.
ARCH_SRCS	+= vm.c

# The x86 bundled tests are built from tests/x86_64/, as arm's and
# arm64's are from tests/arm/; tests of i386 alone come from tests/i386/.
TEST_SRC_DIR	:= tests/x86_64
ARCH_TESTS	:= taskswitch taskswitch2
COMMON_TESTS	:= alloc pci-test vmalloc primitives

FLAT_OBJCOPY_FLAGS := --strip-all

# x86_64's tests of what exists in long mode alone (PCIDs need IA-32e
# paging; CR4.LA57 is IA-32e mode's).
TEST_EXCLUDE	:= pcid la57

# kut-$(ARCH)-realmode.pc: upstream's 16-bit realmode test, linked with
# linker-scripts/realmode.lds and without libkut.
PC_VARIANTS	:= realmode
