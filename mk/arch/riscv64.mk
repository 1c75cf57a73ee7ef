# SPDX-License-Identifier: MIT
# riscv64.mk - what is particular to riscv64 guests (QEMU's virt machine,
# S-mode under OpenSBI).

FAMILY		:= riscv
GNU_TRIPLET	:= riscv64-linux-gnu
CLANG_TARGET	:= riscv64-linux-gnu
# The CPU family as meson names it, and the byte order (kut-<arch>.pc).
CPU_FAMILY	:= riscv64
ENDIAN		:= little
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-riscv64
QEMU_PACKAGE	:= qemu-system-misc
# (read by scripts/install-deps; qemu-system-data carries OpenSBI, QEMU's
# default -bios; linux-source-6.1 carries the libfdt sources, see below;
# device-tree-compiler: fdtput, for make check's bad-device-tree cases)
DEB_PACKAGES	:= gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu qemu-system-data \
		   linux-source-6.1 device-tree-compiler

# Debian 12 has no libfdt-dev:riscv64: libfdt is compiled at build time
# from the sources in linux-source-6.1 (or LIBFDT_SRC=, a libfdt source
# directory), with this arch's flags (mk/libfdt-src.mk).
LIBFDT_FROM_SOURCE := 1

# rv64gc is the one -march both GCC 12 (which needs Zicsr spelt out:
# "g" includes it) and Clang 14 (which rejects "_zicsr") accept for the
# CSR instructions; the soft-float ABI keeps FP registers out of calls,
# and integer code compiles to no FP instructions.  medany: the image
# runs at 0x80200000, beyond medlow's +-2 GiB around 0.
ARCH_CFLAGS	:= -march=rv64gc -mabi=lp64 -mcmodel=medany
ARCH_LDFLAGS	:=

ARCH_SRCS	:= head.S entry.S sse.S setjmp.S hartid.S setup.c processor.c sbi.c uart.c \
		   exit.c stack.c mmu.c vm.c smp.c timer.c delay.c isa.c irqchip.c
# <asm/asm-offsets.h>, generated at build time (mk/guest.mk).
ASM_OFFSETS_SRC	:= libkut/riscv/asm-offsets.c
# The device tree and the virt machine's devices (mk/fdt.mk).
include mk/fdt.mk
SHARED_SRCS	:= $(FDT_SRCS) $(FDT_VIRT_SRCS)

COMMON_TESTS	:= alloc pci-test vmalloc sieve primitives

# The flat image is the raw memory image, starting with a RISC-V Linux
# Image header: OpenSBI jumps to it, and kut-run tells the arch from it.
FLAT_OBJCOPY_FLAGS := -O binary
