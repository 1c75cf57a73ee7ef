/* SPDX-License-Identifier: MIT */
/*
 * pci-edu.h - QEMU's "edu" teaching device (-device edu, QEMU's
 * docs/specs/edu.rst) as a DMA and interrupt source for tests of the
 * platform around it (an IOMMU, interrupt remapping, MSI): upstream
 * kvm-unit-tests' names, so its tests build unchanged.
 *
 * The device has one 1 MiB MMIO BAR.  Its DMA engine copies between
 * guest (bus) addresses and a 4 KiB buffer of its own, which it places
 * at bus address EDU_DMA_START; it raises its interrupt (INTx, or MSI
 * once enabled) when told to through EDU_REG_INTR_RAISE.
 */
#ifndef _PCI_EDU_H_
#define _PCI_EDU_H_

#include <libcflat.h>
#include <pci.h>
#include <asm/io.h>

#define PCI_VENDOR_ID_QEMU	0x1234
#define PCI_DEVICE_ID_EDU	0x11e8

#define EDU_BAR			0	/* the register BAR */
#define EDU_MAGIC		0xed	/* EDU_REG_ID bits 7:0 */
#define EDU_VERSION		0x100	/* EDU_REG_ID bits 31:16 */
#define EDU_DMA_BUF_SIZE	(1 << 20)
#define EDU_INPUT_BUF_SIZE	256

/* Register offsets in the BAR. */
#define EDU_REG_ID		0x00	/* version and magic, read only */
#define EDU_REG_ALIVE		0x04	/* reads back what was written, inverted */
#define EDU_REG_FACTORIAL	0x08
#define EDU_REG_STATUS		0x20
#define EDU_REG_INTR_STATUS	0x24
#define EDU_REG_INTR_RAISE	0x60	/* ORs the value into the status: interrupt */
#define EDU_REG_INTR_ACK	0x64	/* clears those status bits */
#define EDU_REG_DMA_SRC		0x80	/* 64-bit */
#define EDU_REG_DMA_DST		0x88	/* 64-bit */
#define EDU_REG_DMA_COUNT	0x90	/* 64-bit, bytes */
#define EDU_REG_DMA_CMD		0x98

/* EDU_REG_DMA_CMD: start (clears when done), direction. */
#define EDU_CMD_DMA_START	0x01
#define EDU_CMD_DMA_FROM	0x02	/* device buffer -> bus address */
#define EDU_CMD_DMA_TO		0x00	/* bus address -> device buffer */

/* EDU_REG_STATUS: factorial busy; interrupt at the factorial's end. */
#define EDU_STATUS_FACTORIAL	0x1
#define EDU_STATUS_INT_ENABLE	0x80

/* The device's buffer as the DMA engine addresses it, and its size. */
#define EDU_DMA_START		0x40000
#define EDU_DMA_SIZE_MAX	4096

struct pci_edu_dev {
	struct pci_dev pci_dev;
	volatile void *reg_base;	/* the BAR, mapped */
};

/* The address of register @r of @d. */
#define edu_reg(d, r)	((volatile void *)((volatile u8 *)(d)->reg_base + (r)))

static inline uint32_t edu_reg_readl(struct pci_edu_dev *dev, int reg)
{
	return readl(edu_reg(dev, reg));
}

static inline void edu_reg_writel(struct pci_edu_dev *dev, int reg, uint32_t val)
{
	writel(val, edu_reg(dev, reg));
}

static inline uint64_t edu_reg_readq(struct pci_edu_dev *dev, int reg)
{
	return readq(edu_reg(dev, reg));
}

static inline void edu_reg_writeq(struct pci_edu_dev *dev, int reg, uint64_t val)
{
	writeq(val, edu_reg(dev, reg));
}

/*
 * Find the first edu device, fill in @dev, enable its memory space and
 * bus mastering (pci_enable_defaults()), map its BAR, and check that it
 * answers (the ALIVE register; the test stops if not).  False when there
 * is no edu device.
 */
bool edu_init(struct pci_edu_dev *dev);

/*
 * Copy @size bytes (at most EDU_DMA_SIZE_MAX) by DMA between bus address
 * @iova and offset @dev_offset of the device's buffer: into the buffer,
 * or with @from_device out of it.  Returns when the device is done.
 */
void edu_dma(struct pci_edu_dev *dev, iova_t iova, size_t size,
	     unsigned int dev_offset, bool from_device);

#endif
