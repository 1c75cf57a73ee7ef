# SPDX-License-Identifier: MIT
# fdt.mk - the libkut/fdt/ code an arch whose machine is described by a
# device tree picks from; an arch .mk includes this file and lists what
# it uses in SHARED_SRCS.
#   FDT_SRCS       the device tree (devicetree.h), the boot that reads
#                  memory, bootargs and the initrd from it, on_cpu() for
#                  CPUs that idle in kut (on-cpu.h)
#   FDT_PCI_SRCS   a PCI host bridge's windows and I/O space from its
#                  node (the arch or FDT_VIRT_SRCS reaches config space)
#   FDT_VIRT_SRCS  the devices of QEMU's virt machines: the generic PCI
#                  host bridge (ECAM), virtio-mmio, and the chr-testdev
#                  on it that carries the result

FDT_SRCS	:= fdt/devicetree.c fdt/dt-boot.c fdt/on-cpu.c
FDT_PCI_SRCS	:= fdt/pci-dt.c
FDT_VIRT_SRCS	:= $(FDT_PCI_SRCS) fdt/pci-host-generic.c fdt/virtio-mmio.c \
		   fdt/chr-testdev.c
