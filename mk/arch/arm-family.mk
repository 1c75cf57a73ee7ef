# SPDX-License-Identifier: MIT
# arm-family.mk - what arm64 and arm (32-bit) guests share; included by
# mk/arch/arm64.mk and mk/arch/arm.mk after their own settings.

FAMILY		:= arm

# The common arm code in libkut/arm/ (the arch's own head/entry/... files
# come first, from the including file).
ARCH_SRCS	+= setup.c mmu.c pl011.c exit.c psci.c smp.c \
		   gic.c gic-v2.c gic-v3.c timer.c stack.c delay.c user.c vm.c
# libkut/ files that are not common to every arch: the device tree, its
# PCI host bridge, virtio-mmio and the chr-testdev on it, on_cpu() for
# CPUs listed there.
SHARED_SRCS	:= fdt/devicetree.c fdt/pci-host-generic.c fdt/virtio-mmio.c \
		   fdt/chr-testdev.c fdt/on-cpu.c fdt/dt-boot.c

# Bundled tests: the sources in tests/arm/ are built for arm and arm64,
# those in tests/common/ named here for every arch that lists them.
TEST_SRC_DIR	:= tests/arm
COMMON_TESTS	:= alloc pci-test vmalloc

# The flat image is the raw memory image: QEMU's -kernel loader boots it
# as a Linux image (arm64 Image header / zImage), and kut-run tells the
# arch from that header.
FLAT_OBJCOPY_FLAGS := -O binary
