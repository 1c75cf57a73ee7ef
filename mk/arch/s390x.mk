# SPDX-License-Identifier: MIT
# s390x.mk - what is particular to s390x guests (QEMU's s390-ccw-virtio
# machine, booted through -kernel).

FAMILY		:= s390x
GNU_TRIPLET	:= s390x-linux-gnu
CLANG_TARGET	:= s390x-linux-gnu
# The CPU family as meson names it, and the byte order (kut-<arch>.pc).
CPU_FAMILY	:= s390x
ENDIAN		:= big
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-s390x
QEMU_PACKAGE	:= qemu-system-misc
# (read by scripts/install-deps)
DEB_PACKAGES	:= gcc-s390x-linux-gnu binutils-s390x-linux-gnu

# Upstream kvm-unit-tests' s390x tests include <sclp.h>, <css.h>,
# <hardware.h>, <smp.h>, ... bare (built with -I lib/s390x): those
# headers are in include/s390x/, on the path too.
FAMILY_INCLUDE	:= s390x

# zEC12, as upstream builds for; -mbackchain for backtraces (stack.c);
# GCC may keep general registers in FP registers, which the interrupt
# entry saves.  Tests compare pointers into the lowcore, at address 0.
ARCH_CFLAGS	:= -march=zEC12 -mbackchain -fno-delete-null-pointer-checks
ARCH_LDFLAGS	:=

ARCH_SRCS	:= head.S entry.S setjmp.S setup.c interrupt.c sclp.c exit.c \
		   stack.c fault.c mmu.c smp.c hardware.c reset.S css.c \
		   malloc_io.c uv.c sie.c sie64a.S

# s390x has no PCI host bridge kut drives (zPCI is another interface).
COMMON_SRCS_EXCLUDE := pci.c pci-testdev.c pci-edu.c
# on_cpu() for CPUs that wait in kut for work (libkut/fdt/on-cpu.c: not
# about device trees, the arm and riscv idle protocol s390x shares).
SHARED_SRCS	:= fdt/on-cpu.c

COMMON_TESTS	:= alloc vmalloc sieve primitives

# Snippets, the small guests tests run under SIE (snippet.h):
# kut-s390x-snippet.pc (C: libkut-s390x-snippet.a, its start code and
# the string functions) and kut-s390x-snippet-asm.pc, each with its
# linker script.
PC_VARIANTS	:= snippet snippet-asm
SUBLIB		:= snippet
SUBLIB_OBJS	:= s390x/snippet-start.o string.o

# The flat image is the ELF, stripped: QEMU's -kernel loads ELF images.
FLAT_OBJCOPY_FLAGS := --strip-all
