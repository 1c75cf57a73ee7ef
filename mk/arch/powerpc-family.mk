# SPDX-License-Identifier: MIT
# powerpc-family.mk - what ppc64le and ppc64 (big-endian) guests share;
# included by mk/arch/ppc64le.mk and mk/arch/ppc64.mk after their own
# settings.  One source builds both byte orders.

FAMILY		:= powerpc
CPU_FAMILY	:= ppc64
# The QEMU that runs it and its package (kut-run reads both: mk/host.mk)
QEMU		:= qemu-system-ppc64
QEMU_PACKAGE	:= qemu-system-ppc

# One linker script for both byte orders.
LDS_SRC		:= linker-scripts/ppc64.lds

# ELFv2 for both byte orders (no function descriptors, one entry code);
# POWER8 is the oldest CPU QEMU's pseries and Debian's ppc64el assume.
# No AltiVec/VSX in compiler output (exception entry saves the general
# registers only); the image is position independent and relocates itself
# (head.S), since QEMU's -kernel loader puts it 4 MiB into RAM.
ARCH_CFLAGS	+= -mabi=elfv2 -mcpu=power8 -mno-altivec -mno-vsx -fPIE
# Every frame starts with the back chain (the caller's r1), which
# backtraces walk: no frame pointer, so r31 is free, as upstream's inline
# assembly expects.
FRAME_POINTER_CFLAGS := -fomit-frame-pointer
# GNU as reads register names (r3, f1, cr0) in inline assembly, as
# upstream's powerpc build has it; Clang's assembler takes no such option.
GCC_ARCH_FLAGS	:= -Wa,-mregnames
ARCH_LDFLAGS	+= -Wl,-pie -Wl,--no-dynamic-linker -Wl,-z,norelro

ARCH_SRCS	:= head.S exceptions.S hcall.S setjmp.S setup.c console.c \
		   rtas.c exit.c processor.c stack.c smp.c time.c mmu.c pci.c
# The device tree, its boot, on_cpu() for CPUs idling in kut, a PCI host
# bridge's windows (mk/fdt.mk); pseries has none of the virt machines'
# devices (its PCI config space is RTAS's: pci.c).
include mk/fdt.mk
SHARED_SRCS	:= $(FDT_SRCS) $(FDT_PCI_SRCS)

COMMON_TESTS	:= alloc sieve vmalloc pci-test primitives
TEST_SRC_DIR	:= tests/powerpc
UNITTESTS_CFG	:= tests/powerpc/unittests.cfg

# The flat image is the ELF, stripped: QEMU's -kernel loader takes it,
# and kut-run tells the byte order from its header.
FLAT_OBJCOPY_FLAGS := --strip-all
