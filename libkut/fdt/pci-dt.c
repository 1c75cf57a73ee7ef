// SPDX-License-Identifier: MIT
/*
 * pci-dt.c - a device-tree PCI host bridge's windows and I/O space
 * (pci-dt.h).  A "ranges" entry's PCI side is three cells: the space
 * code (bits 24-25 of the first cell: 1 I/O, 2 32-bit memory, 3 64-bit
 * memory) and a 64-bit PCI address; then the parent's address cells and
 * two size cells.  I/O space is an MMIO window too, so I/O BARs are
 * reached with MMIO accessors (little-endian, as PCI is).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/io.h>

#include "pci-dt.h"

#define PCI_RANGE_SPACE(hi)	(((hi) >> 24) & 3)

static phys_addr_t io_phys;	/* the I/O window, and its mapping */
static void *io;

static void add_window(struct pci_host *host, const fdt32_t *cells, u32 pna)
{
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
		io_phys = cpu;
		io = ioremap(cpu, size);
	}
}

int pci_dt_read_host(int node, struct pci_host *host)
{
	const void *fdt = dt_fdt();
	const fdt32_t *prop;
	u32 ac, sc, pna, psc;
	int len, i;

	if (dt_get_nr_cells(node, &ac, &sc) < 0 || ac != 3 || sc != 2 ||
	    dt_get_nr_cells(fdt_parent_offset(fdt, node), &pna, &psc) < 0 ||
	    pna < 1 || pna > 2) {
		printf("pci: %s: unexpected #address-cells/#size-cells\n",
		       fdt_get_name(fdt, node, NULL));
		return -1;
	}
	host->bus_min = 0;
	host->bus_max = 255;
	prop = fdt_getprop(fdt, node, "bus-range", &len);
	if (prop && len == 8) {
		host->bus_min = fdt32_to_cpu(prop[0]);
		host->bus_max = MIN(fdt32_to_cpu(prop[1]), 255u);
	}
	prop = fdt_getprop(fdt, node, "ranges", &len);
	for (i = 0; prop && (i + 5 + (int)pna) * 4 <= len; i += 5 + pna)
		add_window(host, prop + i, pna);
	return 0;
}

unsigned long pci_host_io_map(phys_addr_t addr, phys_addr_t size)
{
	(void)size;	/* the whole I/O window is mapped already */
	return (unsigned long)io + (unsigned long)(addr - io_phys);
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
