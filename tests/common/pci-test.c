// SPDX-License-Identifier: MIT
/*
 * pci-test.c - PCI through QEMU's pci-testdev, on every arch with PCI
 * (x86_64: ports 0xcf8/0xcfc; arm64, arm and riscv64: the device tree's
 * ECAM host bridge; ppc64: pseries' host bridge, through RTAS).
 *
 * Checks what the library found and set up against what QEMU's device is
 * known to be: its IDs and class read the same through byte, word and
 * dword config accesses; read-only registers ignore writes and writable
 * ones keep them; BAR 0 is 4 KiB of 32-bit memory, BAR 1 256 bytes of I/O
 * space, each assigned, aligned and decoded; then the device's own
 * protocol through both BARs: each of its three tests selects, resets its
 * count and counts exactly the writes it should.  A machine without PCI,
 * or without a pci-testdev, is a SKIP, not a FAIL.
 *
 * Arguments (all optional):
 *   testdevs=N      exactly N pci-testdev functions are expected
 *   membar=SIZE     BAR 2 is a 64-bit prefetchable BAR of SIZE (K/M/G)
 *                   (QEMU: -global pci-testdev.membar=SIZE)
 *   high            ... placed above 4 GiB (it fits no 32-bit window)
 *   behind-bridge   a pci-testdev sits on a bus below a bridge
 *   ext             PCI Express extended config space: a pcie-root-port
 *                   (QEMU: -device pcie-root-port,chassis=1) has its AER
 *                   capability at 0x100, whose severity register keeps
 *                   writes; a conventional function has no capability there
 *   ram-bar=SIZE    an ivshmem-plain device's shared memory (BAR 2, 64-bit,
 *                   SIZE bytes; QEMU: -object memory-backend-ram,id=m,size=SIZE
 *                   -device ivshmem-plain,memdev=m) is mapped: what the CPU
 *                   writes at its start and end reads back
 */
#include <libcflat.h>
#include <pci.h>
#include <asm/io.h>

#define MAX_TESTDEVS		16
#define MEM_BAR_SIZE		4096	/* QEMU: two 2 KiB halves */
#define IO_BAR_SIZE		256	/* two 128-byte halves */
#define WRITES			16

static const char *const test_names[2][PCI_TESTDEV_NUM_TESTS] = {
	{ "mmio-no-eventfd", "mmio-wildcard-eventfd", "mmio-datamatch-eventfd" },
	{ "portio-no-eventfd", "portio-wildcard-eventfd", "portio-datamatch-eventfd" },
};

static struct {
	int testdevs;		/* -1: any number */
	u64 membar, ram_bar;
	bool high, behind_bridge, ext;
} want = { .testdevs = -1 };

static u64 parse_size(const char *s)
{
	char *end;
	u64 v = strtoull(s, &end, 0);

	switch (*end) {
	case 'G': case 'g':
		v <<= 10;
		/* fall through */
	case 'M': case 'm':
		v <<= 10;
		/* fall through */
	case 'K': case 'k':
		v <<= 10;
	}
	return v;
}

static void parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "testdevs=", 9))
			want.testdevs = atol(argv[i] + 9);
		else if (!strncmp(argv[i], "membar=", 7))
			want.membar = parse_size(argv[i] + 7);
		else if (!strcmp(argv[i], "high"))
			want.high = true;
		else if (!strcmp(argv[i], "behind-bridge"))
			want.behind_bridge = true;
		else if (!strcmp(argv[i], "ext"))
			want.ext = true;
		else if (!strncmp(argv[i], "ram-bar=", 8))
			want.ram_bar = parse_size(argv[i] + 8);
		else
			report_abort("unknown argument '%s'", argv[i]);
	}
}

static void check_config(pcidevaddr_t bdf)
{
	u32 id = pci_config_readl(bdf, PCI_VENDOR_ID);
	u8 line = pci_config_readb(bdf, PCI_INTERRUPT_LINE);

	report(pci_config_readw(bdf, PCI_VENDOR_ID) == PCI_VENDOR_ID_REDHAT &&
	       pci_config_readw(bdf, PCI_DEVICE_ID) == PCI_DEVICE_ID_REDHAT_TEST &&
	       id == (PCI_DEVICE_ID_REDHAT_TEST << 16 | PCI_VENDOR_ID_REDHAT) &&
	       pci_config_readb(bdf, PCI_VENDOR_ID) == 0x36 &&
	       pci_config_readb(bdf, PCI_DEVICE_ID + 1) == 0x00,
	       "IDs 1b36:0005 through byte, word and dword reads (dword %08x)", id);
	/* QEMU's PCI_CLASS_OTHERS: base class 0x00, subclass 0xff. */
	report(pci_config_readl(bdf, PCI_CLASS_REVISION) == 0x00ff0000,
	       "class 00, subclass ff, prog-if 00, revision 00 (%08x)",
	       pci_config_readl(bdf, PCI_CLASS_REVISION));
	report((pci_config_readb(bdf, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK) ==
	       PCI_HEADER_TYPE_NORMAL, "header type 0 (normal)");
	report(pci_config_readb(bdf, PCI_INTERRUPT_PIN) == 0, "no interrupt pin");

	pci_config_writew(bdf, PCI_VENDOR_ID, 0x1234);
	pci_config_writew(bdf, PCI_DEVICE_ID, 0x5678);
	report(pci_config_readl(bdf, PCI_VENDOR_ID) == id,
	       "the ID registers ignore writes");
	pci_config_writeb(bdf, PCI_INTERRUPT_LINE, line ^ 0x5a);
	report(pci_config_readb(bdf, PCI_INTERRUPT_LINE) == (u8)(line ^ 0x5a),
	       "the interrupt line register keeps a written byte");
	pci_config_writeb(bdf, PCI_INTERRUPT_LINE, line);
}

static bool aligned_nonzero(u64 addr, u64 size)
{
	return addr && addr != INVALID_PHYS_ADDR && size && !(addr & (size - 1));
}

/* The BAR registers themselves, as the device holds them. */
static u64 bar_raw_addr(struct pci_dev *dev, int n)
{
	u32 lo = pci_bar_get(dev, n);
	u64 a = lo & pci_bar_mask(lo);

	if (pci_bar_is64(dev, n))
		a |= (u64)pci_bar_get(dev, n + 1) << 32;
	return a;
}

static void check_bars(struct pci_dev *dev)
{
	u32 b0 = pci_bar_get(dev, 0), b1 = pci_bar_get(dev, 1);
	phys_addr_t a0 = pci_bar_get_addr(dev, 0), a1 = pci_bar_get_addr(dev, 1);
	u16 cmd = pci_config_readw(dev->bdf, PCI_COMMAND);
	int n;

	report(pci_bar_is_valid(dev, 0) && pci_bar_is_memory(dev, 0) &&
	       !pci_bar_is64(dev, 0) && !(b0 & PCI_BASE_ADDRESS_MEM_PREFETCH) &&
	       pci_bar_size(dev, 0) == MEM_BAR_SIZE,
	       "BAR 0: 32-bit non-prefetchable memory, %" PRIx64 " bytes",
	       pci_bar_size(dev, 0));
	report(aligned_nonzero(bar_raw_addr(dev, 0), MEM_BAR_SIZE) &&
	       aligned_nonzero(a0, MEM_BAR_SIZE),
	       "BAR 0: assigned, aligned: bus address %" PRIx64 ", CPU address %" PRIx64,
	       bar_raw_addr(dev, 0), a0);
	report(pci_bar_is_valid(dev, 1) && !pci_bar_is_memory(dev, 1) &&
	       (b1 & PCI_BASE_ADDRESS_SPACE) == PCI_BASE_ADDRESS_SPACE_IO &&
	       pci_bar_size(dev, 1) == IO_BAR_SIZE,
	       "BAR 1: I/O space, %" PRIx64 " bytes", pci_bar_size(dev, 1));
	report(aligned_nonzero(bar_raw_addr(dev, 1), IO_BAR_SIZE) && a1 && a1 != INVALID_PHYS_ADDR,
	       "BAR 1: assigned, aligned: port %" PRIx64 ", CPU address %" PRIx64,
	       bar_raw_addr(dev, 1), a1);

	if (want.membar) {
		u64 raw = bar_raw_addr(dev, 2);

		report(pci_bar_is_valid(dev, 2) && pci_bar_is_memory(dev, 2) &&
		       pci_bar_is64(dev, 2) &&
		       (pci_bar_get(dev, 2) & PCI_BASE_ADDRESS_MEM_PREFETCH) &&
		       pci_bar_size(dev, 2) == want.membar,
		       "BAR 2: 64-bit prefetchable memory, %" PRIx64 " bytes",
		       pci_bar_size(dev, 2));
		report(aligned_nonzero(raw, want.membar) &&
		       pci_bar_get_addr(dev, 3) == pci_bar_get_addr(dev, 2),
		       "BAR 2: assigned, aligned at %" PRIx64 "; BAR 3 is its upper half",
		       raw);
		if (want.high)
			report(raw >> 32, "BAR 2: above 4 GiB (upper register %08x)",
			       pci_bar_get(dev, 3));
	} else {
		for (n = 2; n < PCI_BAR_NUM && !pci_bar_is_valid(dev, n); n++)
			;
		report(n == PCI_BAR_NUM, "no BARs 2-5 (no membar)");
	}
	report((cmd & (PCI_COMMAND_MEMORY | PCI_COMMAND_IO)) ==
	       (PCI_COMMAND_MEMORY | PCI_COMMAND_IO),
	       "memory and I/O decoding on (command %04x)", cmd);
}

/* Test @nr of one BAR: selection, counting, and what must not count. */
static void check_protocol_test(struct pci_testdev_region *r, int nr)
{
	const char *name = test_names[r->io][nr];
	struct pci_testdev_entry e;
	bool ok = pci_testdev_select(r, nr, &e);
	u32 count;

	report(ok && !strcmp(e.name, name) && e.count == 0,
	       "test %d is %s, count 0 once selected (width %u, offset %#x, data %#x)",
	       nr, e.name, e.width, e.offset, e.data);
	if (!ok)
		return;
	count = pci_testdev_write(r, &e, e.offset, e.data, WRITES);
	if (pci_testdev_counts_always(&e))
		report(count == WRITES, "%s: %d writes, count %u", name, WRITES, count);
	else
		report(count == WRITES || count == 0,
		       "%s: %d writes, count %u (%d: the device saw them, 0: an ioeventfd took them)",
		       name, WRITES, count, WRITES);

	pci_testdev_select(r, nr, &e);
	report(pci_testdev_count(r) == 0, "%s: selecting it again resets the count", name);
	if (strstr(name, "datamatch")) {
		count = pci_testdev_write(r, &e, e.offset, e.data ^ 0xff, WRITES);
		report(count == 0, "%s: writes of other data are not counted (%u)", name, count);
	} else if (pci_testdev_counts_always(&e)) {
		count = pci_testdev_write(r, &e, e.offset + 8, e.data, WRITES);
		report(count == 0, "%s: writes at another offset are not counted (%u)",
		       name, count);
	}
}

static void check_protocol(struct pci_dev *dev, int bar)
{
	struct pci_testdev_region r;
	struct pci_testdev_entry e;
	int nr;

	report_prefix_push(bar == PCI_TESTDEV_BAR_IO ? "io" : "mem");
	if (!pci_testdev_region_init(&r, dev, bar)) {
		report_fail("BAR %d usable", bar);
		report_prefix_pop();
		return;
	}
	for (nr = 0; nr < PCI_TESTDEV_NUM_TESTS; nr++)
		check_protocol_test(&r, nr);
	report(!pci_testdev_select(&r, PCI_TESTDEV_NUM_TESTS, &e) && !e.width,
	       "no test %d: the list ends", PCI_TESTDEV_NUM_TESTS);
	report_prefix_pop();
}

struct range {
	phys_addr_t start, size;
	bool io;
};

/* No two BARs of the testdevs share an address in the same space. */
static void check_no_overlap(struct pci_dev *devs, int n)
{
	static struct range bars[MAX_TESTDEVS * PCI_BAR_NUM];
	int i, j, b, nr = 0, clashes = 0;

	for (i = 0; i < n; i++)
		for (b = 0; b < PCI_BAR_NUM; b++) {
			if (!pci_bar_is_valid(&devs[i], b) || !pci_bar_get_addr(&devs[i], b))
				continue;
			bars[nr].start = pci_bar_get_addr(&devs[i], b);
			bars[nr].size = pci_bar_size(&devs[i], b);
			bars[nr++].io = !pci_bar_is_memory(&devs[i], b);
			if (pci_bar_is64(&devs[i], b))
				b++;
		}
	for (i = 0; i < nr; i++)
		for (j = i + 1; j < nr; j++)
			clashes += bars[i].io == bars[j].io &&
				   bars[i].start < bars[j].start + bars[j].size &&
				   bars[j].start < bars[i].start + bars[i].size;
	report(clashes == 0, "the %d BARs of %d pci-testdev functions do not overlap",
	       nr, n);
}

#define PCI_DEVICE_ID_REDHAT_ROOT_PORT	0x000c
#define PCI_VENDOR_ID_IVSHMEM		0x1af4
#define PCI_DEVICE_ID_IVSHMEM		0x1110
#define AER_UNCOR_SEVER			0x0c	/* in the AER capability */

/* PCIe extended config space through a root port's AER capability. */
static void check_ext(pcidevaddr_t testdev)
{
	pcidevaddr_t rp = pci_find_dev(PCI_VENDOR_ID_REDHAT, PCI_DEVICE_ID_REDHAT_ROOT_PORT);
	u16 aer;
	u32 mask;

	report_prefix_push("ext");
	report(pci_config_ext_available(), "extended config space is reachable");
	if (rp == PCIDEVADDR_INVALID) {
		report_abort("no pcie-root-port (QEMU: -device pcie-root-port,chassis=1)");
	}
	aer = pci_find_ext_cap(rp, PCI_EXT_CAP_ID_ERR);
	report(aer >= PCI_CFG_SPACE_SIZE,
	       "root port: AER capability found, at %#x (header %08x)", aer,
	       aer ? pci_config_readl_ext(rp, aer) : 0);
	if (aer) {
		mask = pci_config_readl_ext(rp, aer + AER_UNCOR_SEVER);
		pci_config_writel_ext(rp, aer + AER_UNCOR_SEVER, mask ^ 0x00001000);
		report(pci_config_readl_ext(rp, aer + AER_UNCOR_SEVER) == (mask ^ 0x00001000),
		       "root port: the AER severity register keeps a written bit (%08x -> %08x)",
		       mask, pci_config_readl_ext(rp, aer + AER_UNCOR_SEVER));
		pci_config_writel_ext(rp, aer + AER_UNCOR_SEVER, mask);
	}
	report(pci_config_readl_ext(rp, PCI_VENDOR_ID) == pci_config_readl(rp, PCI_VENDOR_ID),
	       "the first 256 bytes read the same both ways");
	/* QEMU ends a conventional function's space at 256: all ones. */
	report((pci_config_readl_ext(testdev, PCI_CFG_SPACE_SIZE) + 1) <= 1 &&
	       pci_find_ext_cap(testdev, PCI_EXT_CAP_ID_ERR) == 0,
	       "pci-testdev (conventional PCI): no extended capability (%08x at 0x100)",
	       pci_config_readl_ext(testdev, PCI_CFG_SPACE_SIZE));
	report_prefix_pop();
}

/* The CPU reaches RAM behind a 64-bit BAR where pci_probe() put it. */
static void check_ram_bar(void)
{
	pcidevaddr_t bdf = pci_find_dev(PCI_VENDOR_ID_IVSHMEM, PCI_DEVICE_ID_IVSHMEM);
	struct pci_dev dev;
	volatile u64 *first, *last;
	phys_addr_t addr;

	report_prefix_push("ram-bar");
	if (bdf == PCIDEVADDR_INVALID)
		report_abort("no ivshmem-plain (QEMU: -device ivshmem-plain,memdev=...)");
	pci_dev_init(&dev, bdf);
	addr = pci_bar_get_addr(&dev, 2);
	report(pci_bar_is64(&dev, 2) && pci_bar_size(&dev, 2) == want.ram_bar &&
	       aligned_nonzero(addr, want.ram_bar),
	       "BAR 2: 64-bit, %" PRIx64 " bytes, at %" PRIx64, pci_bar_size(&dev, 2), addr);
	if (want.high)
		report(addr >> 32, "BAR 2: above 4 GiB");
	if (!aligned_nonzero(addr, want.ram_bar))
		return report_prefix_pop();
	first = ioremap(addr, want.ram_bar);
	last = (volatile u64 *)((volatile char *)first + want.ram_bar) - 1;
	*first = 0x0123456789abcdefULL;
	*last = ~0x0123456789abcdefULL;
	report(*first == 0x0123456789abcdefULL && *last == ~0x0123456789abcdefULL,
	       "writes to its first and last words read back");
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	static struct pci_dev devs[MAX_TESTDEVS];
	pcidevaddr_t bdf, root_bus = PCIDEVADDR_INVALID;
	int i, n = 0, behind = 0, ret;

	parse_args(argc, argv);
	report_prefix_push("pci");
	if (!pci_probe()) {
		report_skip("no PCI host bridge on this machine");
		return report_summary();
	}
	pci_print();
	for_each_pci_dev(bdf) {
		if (root_bus == PCIDEVADDR_INVALID)
			root_bus = PCI_BDF_GET_BUS(bdf);
		if (pci_config_readw(bdf, PCI_VENDOR_ID) != PCI_VENDOR_ID_REDHAT ||
		    pci_config_readw(bdf, PCI_DEVICE_ID) != PCI_DEVICE_ID_REDHAT_TEST ||
		    n == MAX_TESTDEVS)
			continue;
		pci_dev_init(&devs[n++], bdf);
		behind += PCI_BDF_GET_BUS(bdf) != root_bus;
	}
	if (!n) {
		report_skip("no pci-testdev (QEMU: -device pci-testdev)");
		return report_summary();
	}
	report(pci_find_dev(PCI_VENDOR_ID_REDHAT, PCI_DEVICE_ID_REDHAT_TEST) ==
	       devs[0].bdf, "pci_find_dev() finds the first pci-testdev");
	if (want.testdevs >= 0)
		report(n == want.testdevs, "%d pci-testdev functions, %d expected",
		       n, want.testdevs);
	if (want.behind_bridge)
		report(behind > 0, "%d pci-testdev functions behind a bridge", behind);

	for (i = 0; i < n; i++) {
		report_prefix_pushf("%02x.%02x.%x", PCI_BDF_GET_BUS(devs[i].bdf),
				    PCI_BDF_GET_DEVFN(devs[i].bdf) >> 3, devs[i].bdf & 7);
		check_config(devs[i].bdf);
		check_bars(&devs[i]);
		check_protocol(&devs[i], PCI_TESTDEV_BAR_MEM);
		check_protocol(&devs[i], PCI_TESTDEV_BAR_IO);
		report_prefix_pop();
	}
	check_no_overlap(devs, n);
	if (want.ext)
		check_ext(devs[0].bdf);
	if (want.ram_bar)
		check_ram_bar();

	ret = pci_testdev();
	report(ret == PCI_TESTDEV_NUM_BARS * PCI_TESTDEV_NUM_TESTS,
	       "pci_testdev() passed %d/%d tests", ret > 0 ? ret : 0,
	       PCI_TESTDEV_NUM_BARS * PCI_TESTDEV_NUM_TESTS);
	return report_summary();
}
