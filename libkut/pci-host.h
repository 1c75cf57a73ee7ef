/* SPDX-License-Identifier: MIT */
/*
 * pci-host.h - the per-arch half of PCI (internal, not installed).
 *
 * libkut/pci.c (enumeration, BAR sizing and assignment, capabilities) and
 * libkut/pci-testdev.c are portable, and are unit tested on the host
 * against a simulated config space.  What differs per arch is only how
 * config space is reached (pci_config_read*()/write*() of <pci.h>: ports
 * 0xcf8/0xcfc on x86, ECAM on arm), where the host bridge's windows are
 * (below), and how the I/O space a BAR maps is accessed (port
 * instructions on x86, MMIO to the host bridge's I/O window elsewhere).
 */
#ifndef KUT_LIBKUT_PCI_HOST_H
#define KUT_LIBKUT_PCI_HOST_H

#include <libcflat.h>

enum pci_window_type {
	PCI_WINDOW_IO,
	PCI_WINDOW_MEM32,	/* memory below 4 GiB on the PCI side */
	PCI_WINDOW_MEM64,	/* memory above 4 GiB, for 64-bit BARs */
};

/* A range of PCI bus addresses the host bridge forwards from the CPU. */
struct pci_window {
	enum pci_window_type type;
	u64 pci_start;		/* first PCI bus address */
	u64 cpu_start;		/* the CPU physical address it appears at */
	u64 size;
};

#define PCI_HOST_MAX_WINDOWS	4

struct pci_host {
	int bus_min, bus_max;	/* the root bus and the last bus number */
	bool identity;		/* PCI addresses are CPU addresses (x86) */
	int nr_windows;
	struct pci_window windows[PCI_HOST_MAX_WINDOWS];
};

/*
 * Describe this machine's host bridge in @host; false if it has none.
 * Common code calls it once, before any other PCI work.
 */
bool pci_host_init(struct pci_host *host);

/*
 * Access I/O space at CPU address @addr (a translated I/O BAR address,
 * dev->resource[n]).
 */
u8 pci_host_io_readb(unsigned long addr);
u16 pci_host_io_readw(unsigned long addr);
u32 pci_host_io_readl(unsigned long addr);
void pci_host_io_writeb(u8 val, unsigned long addr);
void pci_host_io_writew(u16 val, unsigned long addr);
void pci_host_io_writel(u32 val, unsigned long addr);

/*
 * Where an I/O BAR at CPU address @addr, @size bytes, is accessed through
 * the functions above (the port itself on x86, the mapping of the I/O
 * window elsewhere).
 */
unsigned long pci_host_io_map(phys_addr_t addr, phys_addr_t size);

#endif /* KUT_LIBKUT_PCI_HOST_H */
