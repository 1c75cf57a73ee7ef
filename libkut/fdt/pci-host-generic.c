// SPDX-License-Identifier: MIT
/*
 * pci-host-generic.c - the PCI host bridge of device-tree machines
 * (../pci-host.h): the "pci-host-ecam-generic" node that QEMU's virt
 * machines describe.
 *
 * Config space is ECAM: function bus/dev/fn's 4 KiB of registers at
 * (bus - first bus) << 20 | dev << 15 | fn << 12 from the node's "reg".
 * The windows come from its "ranges", whose PCI side is three cells: the
 * space code (bits 24-25 of the first cell: 1 I/O, 2 32-bit memory, 3
 * 64-bit memory) and a 64-bit PCI address.  I/O space is an MMIO window
 * too, so I/O BARs are reached with MMIO accessors.  Everything is found
 * on first use, by whichever of config access and pci_probe() comes first.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <pci.h>
#include <asm/io.h>

#include "../pci-host.h"

#define ECAM_BUS_SHIFT		20
#define ECAM_DEVFN_SHIFT	12
#define PCI_RANGE_SPACE(hi)	(((hi) >> 24) & 3)

static struct {
	bool searched, found;
	void *cfg;			/* the mapped ECAM window */
	phys_addr_t io_phys;		/* the I/O window, and its mapping */
	void *io;
	struct pci_host host;
} ecam;

static void add_window(const fdt32_t *cells, u32 pna)
{
	struct pci_host *host = &ecam.host;
	struct pci_window *w;
	u32 hi = fdt32_to_cpu(cells[0]);
	u64 pci = (u64)fdt32_to_cpu(cells[1]) << 32 | fdt32_to_cpu(cells[2]);
	u64 cpu = pna == 2 ? (u64)fdt32_to_cpu(cells[3]) << 32 | fdt32_to_cpu(cells[4])
			   : fdt32_to_cpu(cells[3]);
	u64 size = (u64)fdt32_to_cpu(cells[3 + pna]) << 32 | fdt32_to_cpu(cells[4 + pna]);
	static const int types[] = {
		[1] = PCI_WINDOW_IO, [2] = PCI_WINDOW_MEM32, [3] = PCI_WINDOW_MEM64,
	};

	if (!PCI_RANGE_SPACE(hi) || !size || host->nr_windows >= PCI_HOST_MAX_WINDOWS)
		return;		/* config space, empty, or one too many */
	w = &host->windows[host->nr_windows++];
	w->type = types[PCI_RANGE_SPACE(hi)];
	w->pci_start = pci;
	w->cpu_start = cpu;
	w->size = size;
	if (w->type == PCI_WINDOW_IO) {
		ecam.io_phys = cpu;
		ecam.io = ioremap(cpu, size);
	}
}

static void ecam_search(void)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg reg;
	const fdt32_t *prop;
	u32 ac, sc, pna, psc;
	int node, len, i;
	u64 buses;

	ecam.searched = true;
	if (!fdt)
		return;
	node = fdt_node_offset_by_compatible(fdt, -1, "pci-host-ecam-generic");
	if (node < 0 || dt_pbus_translate_node(node, 0, &reg) < 0)
		return;
	if (dt_get_nr_cells(node, &ac, &sc) < 0 || ac != 3 || sc != 2 ||
	    dt_get_nr_cells(fdt_parent_offset(fdt, node), &pna, &psc) < 0 ||
	    pna < 1 || pna > 2) {
		printf("pci: %s: unexpected #address-cells/#size-cells\n",
		       fdt_get_name(fdt, node, NULL));
		return;
	}

	ecam.host.bus_min = 0;
	ecam.host.bus_max = 255;
	prop = fdt_getprop(fdt, node, "bus-range", &len);
	if (prop && len == 8) {
		ecam.host.bus_min = fdt32_to_cpu(prop[0]);
		ecam.host.bus_max = MIN(fdt32_to_cpu(prop[1]), 255u);
	}
	/* Never past the end of the ECAM window. */
	buses = reg.size >> ECAM_BUS_SHIFT;
	if (!buses)
		return;
	if ((u64)(ecam.host.bus_max - ecam.host.bus_min) >= buses)
		ecam.host.bus_max = ecam.host.bus_min + buses - 1;

	prop = fdt_getprop(fdt, node, "ranges", &len);
	for (i = 0; prop && (i + 5 + (int)pna) * 4 <= len; i += 5 + pna)
		add_window(prop + i, pna);

	ecam.cfg = ioremap(reg.addr, reg.size);
	ecam.found = true;
}

static volatile void *cfg_addr(pcidevaddr_t dev, u8 reg)
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

bool pci_host_init(struct pci_host *host)
{
	if (!ecam.searched)
		ecam_search();
	if (ecam.found)
		*host = ecam.host;
	return ecam.found;
}

unsigned long pci_host_io_map(phys_addr_t addr, phys_addr_t size)
{
	(void)size;	/* the whole I/O window is mapped already */
	return (unsigned long)ecam.io + (unsigned long)(addr - ecam.io_phys);
}

u8 pci_host_io_readb(unsigned long addr)
{
	return readb((void *)addr);
}

u16 pci_host_io_readw(unsigned long addr)
{
	return readw((void *)addr);
}

u32 pci_host_io_readl(unsigned long addr)
{
	return readl((void *)addr);
}

void pci_host_io_writeb(u8 val, unsigned long addr)
{
	writeb(val, (void *)addr);
}

void pci_host_io_writew(u16 val, unsigned long addr)
{
	writew(val, (void *)addr);
}

void pci_host_io_writel(u32 val, unsigned long addr)
{
	writel(val, (void *)addr);
}
