/* SPDX-License-Identifier: MIT */
/*
 * pci-dt.h - what the device-tree PCI host bridges share (internal, not
 * installed): their windows, read from the node's "ranges" and
 * "bus-range", and I/O space reached through the MMIO window the I/O
 * range maps to (pci-dt.c implements ../pci-host.h's I/O accessors for
 * all of them).  Each bridge (pci-host-generic.c's ECAM one, pseries'
 * RTAS one) finds its node and reaches config space its own way.
 */
#ifndef KUT_FDT_PCI_DT_H
#define KUT_FDT_PCI_DT_H

#include <libcflat.h>

#include "../pci-host.h"

/*
 * Read host bridge node @node's bus range (default 0-255) and windows
 * into @host, and map its I/O window (if any) for the I/O accessors.
 * Returns 0, or -1 with a message when its cells are not those of a PCI
 * bridge (three address cells, two size cells; one or two cells above).
 */
int pci_dt_read_host(int node, struct pci_host *host);

#endif /* KUT_FDT_PCI_DT_H */
