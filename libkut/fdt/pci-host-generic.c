// SPDX-License-Identifier: MIT
/*
 * pci-host-generic.c - the PCI host bridge of device-tree machines
 * (../pci-host.h): the "pci-host-ecam-generic" node that QEMU's virt
 * machines describe.
 *
 * Config space is ECAM: function bus/dev/fn's 4 KiB of registers at
 * (bus - first bus) << 20 | dev << 15 | fn << 12 from the node's "reg".
 * The windows and I/O space are pci-dt.c's.  Everything is found on
 * first use, by whichever of config access and pci_probe() comes first.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <pci.h>
#include <asm/io.h>

#include "pci-dt.h"

#define ECAM_BUS_SHIFT		20
#define ECAM_DEVFN_SHIFT	12

static struct {
	bool searched, found;
	void *cfg;			/* the mapped ECAM window */
	struct pci_host host;
} ecam;

static void ecam_search(void)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg reg;
	int node;
	u64 buses;

	ecam.searched = true;
	if (!fdt)
		return;
	node = fdt_node_offset_by_compatible(fdt, -1, "pci-host-ecam-generic");
	if (node < 0 || dt_pbus_translate_node(node, 0, &reg) < 0 ||
	    pci_dt_read_host(node, &ecam.host) < 0)
		return;
	/* Never past the end of the ECAM window. */
	buses = reg.size >> ECAM_BUS_SHIFT;
	if (!buses)
		return;
	if ((u64)(ecam.host.bus_max - ecam.host.bus_min) >= buses)
		ecam.host.bus_max = ecam.host.bus_min + buses - 1;
	ecam.cfg = ioremap(reg.addr, reg.size);
	ecam.found = true;
}

static volatile void *cfg_addr(pcidevaddr_t dev, u16 reg)
{
	int bus = PCI_BDF_GET_BUS(dev);

	if (!ecam.searched)
		ecam_search();
	if (!ecam.found || bus < ecam.host.bus_min || bus > ecam.host.bus_max)
		return NULL;
	return (u8 *)ecam.cfg + ((unsigned long)(bus - ecam.host.bus_min) << ECAM_BUS_SHIFT |
				 (unsigned long)PCI_BDF_GET_DEVFN(dev) << ECAM_DEVFN_SHIFT |
				 reg);
}

uint8_t pci_config_readb(pcidevaddr_t dev, uint8_t reg)
{
	volatile void *a = cfg_addr(dev, reg);

	return a ? readb(a) : 0xff;
}

uint16_t pci_config_readw(pcidevaddr_t dev, uint8_t reg)
{
	volatile void *a = cfg_addr(dev, reg);

	return a ? readw(a) : 0xffff;
}

uint32_t pci_config_readl(pcidevaddr_t dev, uint8_t reg)
{
	volatile void *a = cfg_addr(dev, reg);

	return a ? readl(a) : 0xffffffff;
}

void pci_config_writeb(pcidevaddr_t dev, uint8_t reg, uint8_t val)
{
	volatile void *a = cfg_addr(dev, reg);

	if (a)
		writeb(val, a);
}

void pci_config_writew(pcidevaddr_t dev, uint8_t reg, uint16_t val)
{
	volatile void *a = cfg_addr(dev, reg);

	if (a)
		writew(val, a);
}

void pci_config_writel(pcidevaddr_t dev, uint8_t reg, uint32_t val)
{
	volatile void *a = cfg_addr(dev, reg);

	if (a)
		writel(val, a);
}

/* ECAM gives each function its whole 4 KiB of configuration space. */
bool pci_config_ext_available(void)
{
	if (!ecam.searched)
		ecam_search();
	return ecam.found;
}

uint32_t pci_config_readl_ext(pcidevaddr_t dev, uint16_t reg)
{
	volatile void *a = reg < PCI_CFG_SPACE_EXP_SIZE ? cfg_addr(dev, reg) : NULL;

	return a ? readl(a) : 0xffffffff;
}

void pci_config_writel_ext(pcidevaddr_t dev, uint16_t reg, uint32_t val)
{
	volatile void *a = reg < PCI_CFG_SPACE_EXP_SIZE ? cfg_addr(dev, reg) : NULL;

	if (a)
		writel(val, a);
}

bool pci_host_init(struct pci_host *host)
{
	if (!ecam.searched)
		ecam_search();
	if (ecam.found)
		*host = ecam.host;
	return ecam.found;
}
