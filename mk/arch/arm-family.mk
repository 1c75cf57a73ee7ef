# SPDX-License-Identifier: MIT
# arm-family.mk - what arm64 and arm (32-bit) guests share; included by
# mk/arch/arm64.mk and mk/arch/arm.mk after their own settings.

FAMILY		:= arm

# The common arm code in libkut/arm/ (the arch's own head/entry/... files
# come first, from the including file).
ARCH_SRCS	+= setup.c mmu.c pl011.c exit.c psci.c smp.c \
		   gic.c gic-v2.c gic-v3.c timer.c stack.c delay.c user.c vm.c
# The device tree and the virt machine's devices (mk/fdt.mk).
include mk/fdt.mk
SHARED_SRCS	:= $(FDT_SRCS) $(FDT_VIRT_SRCS)

# Bundled tests: the sources in tests/arm/ are built for arm and arm64,
# those in tests/common/ named here for every arch that lists them.
TEST_SRC_DIR	:= tests/arm
COMMON_TESTS	:= alloc pci-test vmalloc primitives migration

# The flat image is the raw memory image: QEMU's -kernel loader boots it
# as a Linux image (arm64 Image header / zImage), and kut-run tells the
# arch from that header.
FLAT_OBJCOPY_FLAGS := -O binary
