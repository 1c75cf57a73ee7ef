// SPDX-License-Identifier: MIT
/*
 * pci-edu.c - the edu device's set-up and DMA (pci-edu.h).
 */
#include <libcflat.h>
#include <pci-edu.h>
#include <asm/barrier.h>

bool edu_init(struct pci_edu_dev *dev)
{
	pcidevaddr_t bdf = pci_find_dev(PCI_VENDOR_ID_QEMU, PCI_DEVICE_ID_EDU);
	u32 probe = 0x5a5a0001;

	if (bdf == PCIDEVADDR_INVALID)
		return false;
	pci_dev_init(&dev->pci_dev, bdf);
	pci_enable_defaults(&dev->pci_dev);
	dev->reg_base = ioremap(pci_bar_get_addr(&dev->pci_dev, EDU_BAR),
				pci_bar_size(&dev->pci_dev, EDU_BAR));
	edu_reg_writel(dev, EDU_REG_ALIVE, probe);
	if (edu_reg_readl(dev, EDU_REG_ALIVE) != ~probe) {
		printf("edu_init: the edu device (bdf %#x) does not answer "
		       "at BAR0 %#" PRIx64 "\n", bdf,
		       (u64)dev->pci_dev.resource[EDU_BAR]);
		abort();
	}
	return true;
}

void edu_dma(struct pci_edu_dev *dev, iova_t iova, size_t size,
	     unsigned int dev_offset, bool from_device)
{
	u64 buf = EDU_DMA_START + dev_offset;

	assert(size <= EDU_DMA_SIZE_MAX && dev_offset < EDU_DMA_SIZE_MAX);
	printf("edu: DMA of %lu bytes %s %#" PRIx64 " (device offset %#x)\n",
	       (unsigned long)size, from_device ? "to" : "from", (u64)iova,
	       dev_offset);
	edu_reg_writeq(dev, EDU_REG_DMA_SRC, from_device ? buf : iova);
	edu_reg_writeq(dev, EDU_REG_DMA_DST, from_device ? iova : buf);
	edu_reg_writeq(dev, EDU_REG_DMA_COUNT, size);
	/* What the CPU wrote must reach memory before the device reads it. */
	wmb();
	edu_reg_writel(dev, EDU_REG_DMA_CMD, EDU_CMD_DMA_START |
		       (from_device ? EDU_CMD_DMA_FROM : EDU_CMD_DMA_TO));
	while (edu_reg_readl(dev, EDU_REG_DMA_CMD) & EDU_CMD_DMA_START)
		cpu_relax();
	rmb();
}
