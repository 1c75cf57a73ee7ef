// SPDX-License-Identifier: MIT
/*
 * pci.c - the PCI API as upstream's tests use it: quoted includes of
 * "pci.h", "asm/pci.h" and <linux/pci_regs.h>, pci_probe() first as
 * upstream's arm tests do, then config accesses by pcidevaddr_t, BARs
 * through struct pci_dev, the capability walk, and pci_testdev().
 */
#include "libcflat.h"
#include "pci.h"
#include "asm/pci.h"
#include <linux/pci_regs.h>

static int nr_caps;

static void count_cap(struct pci_dev *dev, int cap_offset, int cap_id)
{
	(void)dev;
	(void)cap_offset;
	(void)cap_id;
	nr_caps++;
}

int main(void)
{
	struct pci_dev pci_dev;
	pcidevaddr_t dev;
	int ret;

	if (!pci_probe()) {
		report_abort("PCI bus probing failed");
		return report_summary();
	}
	dev = pci_find_dev(PCI_VENDOR_ID_REDHAT, PCI_DEVICE_ID_REDHAT_TEST);
	if (dev == PCIDEVADDR_INVALID) {
		report_abort("no pci-testdev (kut-run gives every arch with PCI one)");
		return report_summary();
	}
	report(pci_dev_exists(dev), "pci_dev_exists");
	report(pci_config_readw(dev, PCI_DEVICE_ID) == PCI_DEVICE_ID_REDHAT_TEST,
	       "device ID at PCI_DEVICE_ID");
	report((pci_config_readb(dev, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK) ==
	       PCI_HEADER_TYPE_NORMAL, "PCI_HEADER_TYPE_NORMAL");

	pci_dev_init(&pci_dev, dev);
	pci_enable_defaults(&pci_dev);
	report(pci_config_readw(dev, PCI_COMMAND) & PCI_COMMAND_MASTER,
	       "pci_enable_defaults sets PCI_COMMAND_MASTER");
	report(pci_bar_is_valid(&pci_dev, PCI_TESTDEV_BAR_MEM) &&
	       pci_bar_is_memory(&pci_dev, PCI_TESTDEV_BAR_MEM) &&
	       !pci_bar_is64(&pci_dev, PCI_TESTDEV_BAR_MEM), "memory BAR");
	report(pci_bar_is_valid(&pci_dev, PCI_TESTDEV_BAR_IO) &&
	       (pci_bar_get(&pci_dev, PCI_TESTDEV_BAR_IO) & PCI_BASE_ADDRESS_SPACE_IO),
	       "I/O BAR");
	report(pci_bar_size(&pci_dev, PCI_TESTDEV_BAR_IO) == 256, "I/O BAR size");
	report(pci_bar_get_addr(&pci_dev, 0) ==
	       pci_translate_addr(dev, pci_bar_get(&pci_dev, 0) &
				  pci_bar_mask(pci_bar_get(&pci_dev, 0))),
	       "pci_bar_get_addr is the translated BAR");
	pci_cap_walk(&pci_dev, count_cap);
	report(nr_caps == 0 && pci_dev.msi_offset == 0, "no capabilities, no MSI");
	pci_bar_print(&pci_dev, 0);
	printf("\n");
	pci_dev_print_id(&pci_dev);
	printf(" line %d\n", pci_intx_line(&pci_dev));
	pci_print();

	ret = pci_testdev();
	report(ret >= PCI_TESTDEV_NUM_BARS * PCI_TESTDEV_NUM_TESTS,
	       "PCI test device passed %d/%d tests", ret > 0 ? ret : 0,
	       PCI_TESTDEV_NUM_BARS * PCI_TESTDEV_NUM_TESTS);
	return report_summary();
}
