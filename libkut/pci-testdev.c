// SPDX-License-Identifier: MIT
/*
 * pci-testdev.c - a driver for QEMU's pci-testdev (<pci.h>), the device
 * that lets a test count MMIO and port I/O exits, with and without an
 * ioeventfd in the host.
 *
 * Both BARs speak the same protocol; only the access instructions differ:
 * MMIO for BAR 0, and for BAR 1 whatever I/O space is on this arch (port
 * instructions on x86, MMIO through the host bridge's I/O window on arm),
 * which pci-host.h hides.  The device implements byte accesses only;
 * wider reads of its header are split by QEMU, which is why they work.
 */
#include <libcflat.h>
#include <pci.h>
#include <asm/io.h>

#include "pci-host.h"

#define WRITES_PER_TEST		16

static u8 region_readb(struct pci_testdev_region *r, u32 off)
{
	if (r->io)
		return pci_host_io_readb(r->base + off);
	return readb((void *)(r->base + off));
}

static u32 region_readl(struct pci_testdev_region *r, u32 off)
{
	if (r->io)
		return pci_host_io_readl(r->base + off);
	return readl((void *)(r->base + off));
}

static void region_write(struct pci_testdev_region *r, int width, u32 off, u32 val)
{
	unsigned long a = r->base + off;

	switch (width) {
	case 1:
		if (r->io)
			pci_host_io_writeb(val, a);
		else
			writeb(val, (void *)a);
		break;
	case 2:
		if (r->io)
			pci_host_io_writew(val, a);
		else
			writew(val, (void *)a);
		break;
	default:
		if (r->io)
			pci_host_io_writel(val, a);
		else
			writel(val, (void *)a);
	}
}

bool pci_testdev_region_init(struct pci_testdev_region *r, struct pci_dev *dev,
			     int bar_num)
{
	u32 bar;
	u64 pci_addr;
	phys_addr_t addr;

	if (!pci_bar_is_valid(dev, bar_num))
		return false;
	bar = pci_bar_get(dev, bar_num);
	pci_addr = bar & pci_bar_mask(bar);
	if (pci_bar_is64(dev, bar_num))
		pci_addr |= (u64)pci_bar_get(dev, bar_num + 1) << 32;
	addr = pci_bar_get_addr(dev, bar_num);
	if (!pci_addr || !addr)
		return false;	/* unassigned, or outside every window */
	r->io = !pci_bar_is_memory(dev, bar_num);
	r->size = pci_bar_size(dev, bar_num);
	if (r->io)
		r->base = pci_host_io_map(addr, r->size);
	else
		r->base = (unsigned long)ioremap(addr, r->size);
	return true;
}

uint32_t pci_testdev_count(struct pci_testdev_region *r)
{
	return region_readl(r, offsetof(struct pci_test_dev_hdr, count));
}

bool pci_testdev_select(struct pci_testdev_region *r, int nr,
			struct pci_testdev_entry *e)
{
	u32 name_off = offsetof(struct pci_test_dev_hdr, name);
	size_t i;

	region_write(r, 1, offsetof(struct pci_test_dev_hdr, test), nr);
	memset(e, 0, sizeof(*e));
	e->nr = nr;
	e->width = region_readb(r, offsetof(struct pci_test_dev_hdr, width));
	e->offset = region_readl(r, offsetof(struct pci_test_dev_hdr, offset));
	e->data = region_readl(r, offsetof(struct pci_test_dev_hdr, data));
	e->count = pci_testdev_count(r);
	for (i = 0; i + 1 < sizeof(e->name) && name_off + i < r->size; i++) {
		e->name[i] = region_readb(r, name_off + i);
		if (!e->name[i])
			break;
	}
	if (e->width != 1 && e->width != 2 && e->width != 4)
		return false;
	/* Its target must be past the header, and inside the BAR. */
	return e->offset >= name_off && e->offset < r->size &&
	       r->size - e->offset >= e->width;
}

uint32_t pci_testdev_write(struct pci_testdev_region *r,
			   const struct pci_testdev_entry *e,
			   uint32_t offset, uint32_t value, int times)
{
	int i;

	for (i = 0; i < times; i++)
		region_write(r, e->width, offset, value);
	return pci_testdev_count(r);
}

bool pci_testdev_counts_always(const struct pci_testdev_entry *e)
{
	static const char eventfd[] = "-eventfd", no[] = "no-eventfd";
	size_t len = strlen(e->name);

	if (len < sizeof(eventfd) - 1 ||
	    strcmp(e->name + len - (sizeof(eventfd) - 1), eventfd))
		return true;
	return len >= sizeof(no) - 1 && !strcmp(e->name + len - (sizeof(no) - 1), no);
}

/*
 * Test @nr passes when selecting it zeroes its count and the count then
 * shows every write, or none of them where an ioeventfd may have taken
 * them.
 */
static bool testdev_one(struct pci_testdev_region *r, int nr)
{
	struct pci_testdev_entry e;
	u32 count;

	if (!pci_testdev_select(r, nr, &e) || e.count)
		return false;
	count = pci_testdev_write(r, &e, e.offset, e.data, WRITES_PER_TEST);
	if (count != WRITES_PER_TEST && (count || pci_testdev_counts_always(&e)))
		return false;
	printf("pci-testdev %3s: %s\n", r->io ? "io" : "mem", e.name);
	return true;
}

int pci_testdev(void)
{
	static const int bars[] = { PCI_TESTDEV_BAR_MEM, PCI_TESTDEV_BAR_IO };
	struct pci_testdev_region r;
	struct pci_dev dev;
	pcidevaddr_t bdf;
	int i, nr, passed = 0;

	bdf = pci_find_dev(PCI_VENDOR_ID_REDHAT, PCI_DEVICE_ID_REDHAT_TEST);
	if (bdf == PCIDEVADDR_INVALID) {
		printf("pci-testdev: not found (QEMU needs -device pci-testdev)\n");
		return -1;
	}
	pci_dev_init(&dev, bdf);
	for (i = 0; i < (int)ARRAY_SIZE(bars); i++) {
		if (!pci_testdev_region_init(&r, &dev, bars[i])) {
			printf("pci-testdev: BAR %d missing or unassigned\n", bars[i]);
			continue;
		}
		for (nr = 0; testdev_one(&r, nr); nr++)
			passed++;
	}
	return passed;
}
