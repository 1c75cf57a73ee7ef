// SPDX-License-Identifier: MIT
/*
 * pci.c - the PCI host bridge of pseries (../pci-host.h): the
 * "IBM,Logical_PHB" node.  Config space is reached through RTAS:
 * "ibm,read-pci-config" and "ibm,write-pci-config" take the function's
 * config address (bus << 16 | devfn << 8 | register), the bridge's BUID
 * (its "reg", 64 bits, in two words) and the access size.  The windows
 * and I/O space are ../fdt/pci-dt.c's.  Found on first use.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <pci.h>
#include <asm/rtas.h>

#include "../fdt/pci-dt.h"

static struct {
	bool searched, found;
	u64 buid;
	uint32_t read_token, write_token;
	struct pci_host host;
} phb;

static void phb_search(void)
{
	const void *fdt = dt_fdt();
	const fdt32_t *reg;
	int node, len;

	phb.searched = true;
	if (!fdt)
		return;
	node = fdt_node_offset_by_compatible(fdt, -1, "IBM,Logical_PHB");
	if (node < 0)
		return;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len < 8 || pci_dt_read_host(node, &phb.host) < 0)
		return;
	if (rtas_token("ibm,read-pci-config", &phb.read_token) ||
	    rtas_token("ibm,write-pci-config", &phb.write_token)) {
		printf("pci: RTAS has no ibm,read-pci-config/ibm,write-pci-config\n");
		return;
	}
	phb.buid = (u64)fdt32_to_cpu(reg[0]) << 32 | fdt32_to_cpu(reg[1]);
	phb.found = true;
}

static bool cfg_ok(pcidevaddr_t dev)
{
	int bus = PCI_BDF_GET_BUS(dev);

	if (!phb.searched)
		phb_search();
	return phb.found && bus >= phb.host.bus_min && bus <= phb.host.bus_max;
}

static u32 cfg_addr(pcidevaddr_t dev, u8 reg)
{
	return (u32)PCI_BDF_GET_BUS(dev) << 16 | (u32)PCI_BDF_GET_DEVFN(dev) << 8 | reg;
}

/* A read of @size bytes; all ones when it fails, as a missing device reads. */
static u32 cfg_read(pcidevaddr_t dev, u8 reg, int size)
{
	int value = -1;

	if (!cfg_ok(dev) ||
	    rtas_call(phb.read_token, 4, 2, &value, (int)cfg_addr(dev, reg),
		      (int)(phb.buid >> 32), (int)phb.buid, size))
		return ~0u;
	return (u32)value;
}

static void cfg_write(pcidevaddr_t dev, u8 reg, int size, u32 val)
{
	if (cfg_ok(dev))
		rtas_call(phb.write_token, 5, 1, NULL, (int)cfg_addr(dev, reg),
			  (int)(phb.buid >> 32), (int)phb.buid, size, (int)val);
}

uint8_t pci_config_readb(pcidevaddr_t dev, uint8_t reg)
{
	return cfg_read(dev, reg, 1);
}

uint16_t pci_config_readw(pcidevaddr_t dev, uint8_t reg)
{
	return cfg_read(dev, reg, 2);
}

uint32_t pci_config_readl(pcidevaddr_t dev, uint8_t reg)
{
	return cfg_read(dev, reg, 4);
}

void pci_config_writeb(pcidevaddr_t dev, uint8_t reg, uint8_t val)
{
	cfg_write(dev, reg, 1, val);
}

void pci_config_writew(pcidevaddr_t dev, uint8_t reg, uint16_t val)
{
	cfg_write(dev, reg, 2, val);
}

void pci_config_writel(pcidevaddr_t dev, uint8_t reg, uint32_t val)
{
	cfg_write(dev, reg, 4, val);
}

bool pci_host_init(struct pci_host *host)
{
	if (!phb.searched)
		phb_search();
	if (phb.found)
		*host = phb.host;
	return phb.found;
}
