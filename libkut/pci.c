// SPDX-License-Identifier: MIT
/*
 * pci.c - PCI enumeration, BARs and capabilities, for every arch
 * (<pci.h>).
 *
 * Firmware usually numbers the buses and assigns the BARs before an OS
 * runs; the firmware kut boots with does neither (qboot on x86, nothing on
 * the arm virt machine), so pci_probe() does that work here, once, from
 * the host bridge's windows (pci-host.h): a bump allocator per window,
 * each BAR naturally aligned, memory BARs on their own 4 KiB pages so that
 * mapping one never maps its neighbour.  What firmware did configure is
 * kept and only walked.  The result is a list of every function found,
 * which pci_find_dev() and pci_next_dev() read without touching config
 * space again (each access is a VM exit).
 *
 * Everything here reaches the hardware only through pci_config_*() and
 * pci_host_init(), which is what lets tests/host/test-lib-pci.c run it
 * against simulated devices.
 */
#include <libcflat.h>
#include <pci.h>
#include <asm/spinlock.h>

#include "pci-host.h"

#define MAX_FUNCS		1024
#define MEM_BAR_ALIGN		0x1000		/* a page: see above */
/* Bridge windows' granularity (PCI-to-PCI bridge specification). */
#define BRIDGE_IO_ALIGN		0x1000
#define BRIDGE_MEM_ALIGN	0x100000
/* PCI address 0 means "unassigned": windows starting there skip a page. */
#define MIN_ALLOC_ADDR		0x1000

/* Which windows BARs of a bus may be given addresses from. */
enum assign_mode {
	ASSIGN_ANY,	/* the root bus: every window */
	ASSIGN_BELOW_4G, /* behind a bridge we set up: its I/O and 32-bit windows */
	ASSIGN_NONE,	/* behind a bridge firmware set up: leave as is */
};

static struct spinlock probe_lock;
static bool probed, have_host;
static struct pci_host host;
static u64 win_next[PCI_HOST_MAX_WINDOWS];	/* next free PCI address */
static pcidevaddr_t funcs[MAX_FUNCS];
static int nr_funcs;
static int next_bus;
static u32 buses_seen[256 / 32];

/* printf() a function's address as bus.device.function. */
#define BDF_FMT			"%02x.%02x.%x"
#define BDF_ARGS(bdf)		PCI_BDF_GET_BUS(bdf), PCI_BDF_GET_DEVFN(bdf) >> 3, (bdf) & 7

static int nr_bars_of(pcidevaddr_t bdf)
{
	switch (pci_config_readb(bdf, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK) {
	case PCI_HEADER_TYPE_NORMAL:
		return PCI_BAR_NUM;
	case PCI_HEADER_TYPE_BRIDGE:
		return 2;
	}
	return 0;
}

static bool bar_is_io(u32 bar)
{
	return bar & PCI_BASE_ADDRESS_SPACE_IO;
}

static bool bar_is64(u32 bar)
{
	return !bar_is_io(bar) &&
	       (bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64;
}

/*
 * Size of BAR @n of @bdf, and its raw register(s) in @raw; 0 when the
 * function implements no such BAR.  Decoding is off while the register
 * holds all ones, or the device would briefly claim addresses at the top
 * of the address space.
 */
static u64 bar_measure(pcidevaddr_t bdf, int n, int nr_bars, u64 *raw)
{
	u8 off = PCI_BASE_ADDRESS_0 + n * 4;
	u16 cmd = pci_config_readw(bdf, PCI_COMMAND);
	u32 lo, lo_mask, hi = 0, hi_mask = 0;
	u64 mask;

	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_config_writew(bdf, PCI_COMMAND,
				  cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	lo = pci_config_readl(bdf, off);
	pci_config_writel(bdf, off, ~0u);
	lo_mask = pci_config_readl(bdf, off);
	pci_config_writel(bdf, off, lo);
	if (bar_is64(lo) && n + 1 < nr_bars) {
		hi = pci_config_readl(bdf, off + 4);
		pci_config_writel(bdf, off + 4, ~0u);
		hi_mask = pci_config_readl(bdf, off + 4);
		pci_config_writel(bdf, off + 4, hi);
	}
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_config_writew(bdf, PCI_COMMAND, cmd);

	*raw = (u64)hi << 32 | lo;
	mask = (u64)hi_mask << 32 | (lo_mask & pci_bar_mask(lo));
	/*
	 * The size is the lowest writable address bit: an I/O BAR may
	 * implement only 16 address bits, so ~mask + 1 would be wrong.
	 */
	return mask & -mask;
}

static u64 bar_addr_of(u64 raw)
{
	return raw & ~(u64)~pci_bar_mask((u32)raw);
}

static const struct pci_window *window_of(u64 pci_addr, bool io)
{
	int i;

	for (i = 0; i < host.nr_windows; i++) {
		const struct pci_window *w = &host.windows[i];

		if ((w->type == PCI_WINDOW_IO) != io)
			continue;
		if (pci_addr >= w->pci_start && pci_addr - w->pci_start < w->size)
			return w;
	}
	return NULL;
}

/* The CPU address of PCI address @pci_addr in I/O or memory space. */
static phys_addr_t translate(u64 pci_addr, bool io)
{
	const struct pci_window *w;

	if (host.identity)
		return pci_addr;
	w = window_of(pci_addr, io);
	return w ? w->cpu_start + (pci_addr - w->pci_start) : INVALID_PHYS_ADDR;
}

phys_addr_t pci_translate_addr(pcidevaddr_t dev, uint64_t addr)
{
	phys_addr_t pa;

	(void)dev;	/* one host bridge: the same for every function */
	pa = translate(addr, false);
	return pa != INVALID_PHYS_ADDR ? pa : translate(addr, true);
}

/* Hand out @size bytes, aligned to @align, from window @i. */
static bool window_alloc(int i, u64 size, u64 align, u64 *pci_addr)
{
	const struct pci_window *w = &host.windows[i];
	u64 a = ALIGN(win_next[i], align);

	if (a < win_next[i] || a - w->pci_start > w->size ||
	    w->size - (a - w->pci_start) < size)
		return false;
	win_next[i] = a + size;
	*pci_addr = a;
	return true;
}

static int window_index(enum pci_window_type type)
{
	int i;

	for (i = 0; i < host.nr_windows; i++)
		if (host.windows[i].type == type)
			return i;
	return -1;
}

/*
 * An address for a BAR of @size bytes of kind @raw: I/O BARs from the I/O
 * window, memory BARs from the 32-bit window, and 64-bit ones that do not
 * fit there from the 64-bit window (which may be out of reach of the
 * CPU's mappings, so it comes last).
 */
static bool bar_alloc(u64 raw, u64 size, enum assign_mode mode, u64 *pci_addr)
{
	int io = window_index(PCI_WINDOW_IO);
	int m32 = window_index(PCI_WINDOW_MEM32);
	int m64 = window_index(PCI_WINDOW_MEM64);

	if (bar_is_io((u32)raw))
		return io >= 0 && window_alloc(io, size, size, pci_addr);
	if (m32 >= 0 && window_alloc(m32, size, MAX(size, MEM_BAR_ALIGN), pci_addr))
		return true;
	return mode == ASSIGN_ANY && bar_is64((u32)raw) && m64 >= 0 &&
	       window_alloc(m64, size, MAX(size, MEM_BAR_ALIGN), pci_addr);
}

/* Give @bdf's unassigned BARs addresses and enable decoding for them. */
static void assign_bars(pcidevaddr_t bdf, enum assign_mode mode)
{
	int n, nr_bars = nr_bars_of(bdf);
	u16 enable = 0;

	for (n = 0; n < nr_bars; n++) {
		u8 off = PCI_BASE_ADDRESS_0 + n * 4;
		u64 raw, size, addr;
		bool is64;

		size = bar_measure(bdf, n, nr_bars, &raw);
		is64 = bar_is64((u32)raw) && n + 1 < nr_bars;
		if (size && !bar_addr_of(raw) && mode != ASSIGN_NONE) {
			u32 type = (u32)raw & ~pci_bar_mask((u32)raw);

			if (bar_alloc(raw, size, mode, &addr)) {
				pci_config_writel(bdf, off, (u32)addr | type);
				if (is64)
					pci_config_writel(bdf, off + 4, addr >> 32);
				enable |= bar_is_io(type) ? PCI_COMMAND_IO
							  : PCI_COMMAND_MEMORY;
			} else {
				printf("pci: " BDF_FMT ": no room for BAR %d (%#" PRIx64
				       " bytes); left unassigned\n", BDF_ARGS(bdf), n, size);
			}
		}
		if (is64)
			n++;
	}
	if (enable)
		pci_config_writew(bdf, PCI_COMMAND,
				  pci_config_readw(bdf, PCI_COMMAND) | enable);
}

static bool bus_seen(int bus)
{
	bool seen = buses_seen[bus / 32] & (1u << (bus % 32));

	buses_seen[bus / 32] |= 1u << (bus % 32);
	return seen;
}

static void scan_bus(int bus, enum assign_mode mode);

/*
 * Whether firmware programmed @bdf's windows: after reset their base and
 * limit registers read 0, and firmware leaves a window either open on
 * what it assigned or closed (base above limit).  The type nibbles are
 * read-only and do not count.
 */
static bool bridge_windows_set(pcidevaddr_t bdf)
{
	return (pci_config_readw(bdf, PCI_IO_BASE) & 0xf0f0) ||
	       (pci_config_readl(bdf, PCI_MEMORY_BASE) & 0xfff0fff0) ||
	       (pci_config_readl(bdf, PCI_PREF_MEMORY_BASE) & 0xfff0fff0);
}

/* Open @bdf's I/O and memory windows on [start, end), or close them. */
static void bridge_set_windows(pcidevaddr_t bdf, u64 io_start, u64 io_end,
			       u64 mem_start, u64 mem_end)
{
	/* A window whose base is above its limit is closed. */
	if (io_end > io_start) {
		pci_config_writeb(bdf, PCI_IO_BASE, (io_start >> 8) & 0xf0);
		pci_config_writeb(bdf, PCI_IO_LIMIT, ((io_end - 1) >> 8) & 0xf0);
		pci_config_writew(bdf, PCI_IO_BASE_UPPER16, io_start >> 16);
		pci_config_writew(bdf, PCI_IO_LIMIT_UPPER16, (io_end - 1) >> 16);
	} else {
		pci_config_writeb(bdf, PCI_IO_BASE, 0xf0);
		pci_config_writeb(bdf, PCI_IO_LIMIT, 0);
		pci_config_writew(bdf, PCI_IO_BASE_UPPER16, 0);
		pci_config_writew(bdf, PCI_IO_LIMIT_UPPER16, 0);
	}
	if (mem_end > mem_start) {
		pci_config_writew(bdf, PCI_MEMORY_BASE, (mem_start >> 16) & 0xfff0);
		pci_config_writew(bdf, PCI_MEMORY_LIMIT, ((mem_end - 1) >> 16) & 0xfff0);
	} else {
		pci_config_writew(bdf, PCI_MEMORY_BASE, 0xfff0);
		pci_config_writew(bdf, PCI_MEMORY_LIMIT, 0);
	}
	pci_config_writew(bdf, PCI_PREF_MEMORY_BASE, 0xfff0);
	pci_config_writew(bdf, PCI_PREF_MEMORY_LIMIT, 0);
	pci_config_writel(bdf, PCI_PREF_BASE_UPPER32, 0);
	pci_config_writel(bdf, PCI_PREF_LIMIT_UPPER32, 0);
}

/*
 * A bridge on @bus.  One that firmware numbered and gave windows is only
 * followed.  Otherwise it gets the next free bus number unless firmware
 * gave it one (qboot numbers bridges but assigns nothing), and windows
 * just large enough for what the scan behind it assigns: the cursors of
 * the I/O and 32-bit windows are aligned to the bridge granularity
 * before and after.  Its prefetchable window stays closed (prefetchable
 * BARs behind it go in the 32-bit window, which the specification allows).
 */
static void setup_bridge(pcidevaddr_t bdf, int bus, enum assign_mode mode)
{
	int sec = pci_config_readb(bdf, PCI_SECONDARY_BUS);
	int sub = pci_config_readb(bdf, PCI_SUBORDINATE_BUS);
	bool numbered = sec > bus && sub >= sec;
	int io = window_index(PCI_WINDOW_IO);
	int m32 = window_index(PCI_WINDOW_MEM32);
	u64 io_start = 0, io_end = 0, mem_start = 0, mem_end = 0;

	if (numbered && next_bus <= sub)
		next_bus = sub + 1;
	if (numbered && (mode == ASSIGN_NONE || bridge_windows_set(bdf))) {
		scan_bus(sec, ASSIGN_NONE);
		return;
	}
	if (!numbered && (mode == ASSIGN_NONE || next_bus > host.bus_max)) {
		printf("pci: " BDF_FMT ": bridge left unconfigured (%s)\n",
		       BDF_ARGS(bdf), mode == ASSIGN_NONE ?
		       "firmware configured its parent" : "no bus number left");
		return;
	}
	if (!numbered) {
		sec = next_bus++;
		pci_config_writeb(bdf, PCI_PRIMARY_BUS, bus);
		pci_config_writeb(bdf, PCI_SECONDARY_BUS, sec);
		/* Forward every bus number above while the scan looks further. */
		pci_config_writeb(bdf, PCI_SUBORDINATE_BUS, host.bus_max);
	}

	if (io >= 0)
		io_start = win_next[io] = ALIGN(win_next[io], BRIDGE_IO_ALIGN);
	if (m32 >= 0)
		mem_start = win_next[m32] = ALIGN(win_next[m32], BRIDGE_MEM_ALIGN);
	scan_bus(sec, ASSIGN_BELOW_4G);
	if (io >= 0)
		io_end = win_next[io] = ALIGN(win_next[io], BRIDGE_IO_ALIGN);
	if (m32 >= 0)
		mem_end = win_next[m32] = ALIGN(win_next[m32], BRIDGE_MEM_ALIGN);

	if (!numbered)
		pci_config_writeb(bdf, PCI_SUBORDINATE_BUS, next_bus - 1);
	bridge_set_windows(bdf, io_start, io_end, mem_start, mem_end);
	pci_config_writew(bdf, PCI_COMMAND, pci_config_readw(bdf, PCI_COMMAND) |
			  PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
}

static void scan_bus(int bus, enum assign_mode mode)
{
	int dev, fn;

	if (bus > host.bus_max || bus_seen(bus))
		return;
	for (dev = 0; dev < 32; dev++) {
		for (fn = 0; fn < 8; fn++) {
			pcidevaddr_t bdf = PCI_BDF(bus, dev, fn);
			u8 hdr;

			if (!pci_dev_exists(bdf)) {
				if (fn == 0)
					break;	/* no device in this slot */
				continue;
			}
			if (nr_funcs < MAX_FUNCS)
				funcs[nr_funcs++] = bdf;
			hdr = pci_config_readb(bdf, PCI_HEADER_TYPE);
			assign_bars(bdf, mode);
			if ((hdr & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_BRIDGE)
				setup_bridge(bdf, bus, mode);
			if (fn == 0 && !(hdr & PCI_HEADER_TYPE_MFD))
				break;
		}
	}
}

bool pci_probe(void)
{
	int i;

	spin_lock(&probe_lock);
	if (probed)
		goto out;
	probed = true;
	have_host = pci_host_init(&host);
	if (!have_host)
		goto out;
	for (i = 0; i < host.nr_windows; i++)
		win_next[i] = MAX(host.windows[i].pci_start, MIN_ALLOC_ADDR);
	next_bus = host.bus_min + 1;
	scan_bus(host.bus_min, ASSIGN_ANY);
out:
	spin_unlock(&probe_lock);
	return have_host;
}

bool pci_dev_exists(pcidevaddr_t dev)
{
	return pci_config_readw(dev, PCI_VENDOR_ID) != 0xffff &&
	       pci_config_readw(dev, PCI_DEVICE_ID) != 0xffff;
}

pcidevaddr_t pci_next_dev(pcidevaddr_t prev)
{
	int i = 0;

	pci_probe();
	if (prev != PCIDEVADDR_INVALID) {
		while (i < nr_funcs && funcs[i] != prev)
			i++;
		i++;
	}
	return i < nr_funcs ? funcs[i] : PCIDEVADDR_INVALID;
}

pcidevaddr_t pci_find_dev(uint16_t vendor_id, uint16_t device_id)
{
	pcidevaddr_t bdf;

	for_each_pci_dev(bdf)
		if (pci_config_readw(bdf, PCI_VENDOR_ID) == vendor_id &&
		    pci_config_readw(bdf, PCI_DEVICE_ID) == device_id)
			return bdf;
	return PCIDEVADDR_INVALID;
}

void pci_dev_init(struct pci_dev *dev, pcidevaddr_t bdf)
{
	int n, nr_bars;

	pci_probe();
	memset(dev, 0, sizeof(*dev));
	dev->bdf = bdf;
	nr_bars = nr_bars_of(bdf);
	for (n = 0; n < PCI_BAR_NUM; n++) {
		u64 raw, size = n < nr_bars ? bar_measure(bdf, n, nr_bars, &raw) : 0;

		if (!size) {
			dev->resource[n] = INVALID_PHYS_ADDR;
			continue;
		}
		/* Unassigned, or where no window reaches: 0, still "valid". */
		dev->resource[n] = bar_addr_of(raw) ?
				   translate(bar_addr_of(raw), bar_is_io((u32)raw)) : 0;
		if (dev->resource[n] == INVALID_PHYS_ADDR)
			dev->resource[n] = 0;
		if (bar_is64((u32)raw) && n + 1 < nr_bars) {
			dev->resource[n + 1] = dev->resource[n];
			n++;
		}
	}
}

void pci_cmd_set_clr(struct pci_dev *dev, uint16_t set, uint16_t clr)
{
	u16 cmd = pci_config_readw(dev->bdf, PCI_COMMAND);

	assert((set & clr) == 0);
	pci_config_writew(dev->bdf, PCI_COMMAND, (cmd | set) & ~clr);
}

/* Capabilities live after the 64-byte header, dword aligned. */
#define CAP_MIN		0x40
#define CAP_MAX_NR	((256 - CAP_MIN) / 4)

/*
 * The offset of the capability after the one at @off (0: of the first),
 * 0 at the end of the list; *@nr counts them, to catch a looping list.
 */
static int cap_next(pcidevaddr_t bdf, int off, int *nr)
{
	if (!off) {
		if (!(pci_config_readw(bdf, PCI_STATUS) & PCI_STATUS_CAP_LIST))
			return 0;
		off = pci_config_readb(bdf, PCI_CAPABILITY_LIST) & ~3;
	} else {
		off = pci_config_readb(bdf, off + PCI_CAP_LIST_NEXT) & ~3;
	}
	if (off && off < CAP_MIN)
		report_abort("pci: " BDF_FMT ": capability list points into the header (%#x)",
			     BDF_ARGS(bdf), off);
	if (off && ++*nr > CAP_MAX_NR)
		report_abort("pci: " BDF_FMT ": capability list loops", BDF_ARGS(bdf));
	return off;
}

void pci_cap_walk(struct pci_dev *dev, pci_cap_handler_t handler)
{
	int off, nr = 0;

	for (off = cap_next(dev->bdf, 0, &nr); off; off = cap_next(dev->bdf, off, &nr))
		handler(dev, off, pci_config_readb(dev->bdf, off + PCI_CAP_LIST_ID));
}

int pci_find_cap(struct pci_dev *dev, int cap_id)
{
	int off, nr = 0;

	for (off = cap_next(dev->bdf, 0, &nr); off; off = cap_next(dev->bdf, off, &nr))
		if (pci_config_readb(dev->bdf, off + PCI_CAP_LIST_ID) == cap_id)
			return off;
	return 0;
}

/*
 * Extended config space where the arch's config mechanism has none (x86's
 * ports, pseries' RTAS calls as kut uses them): the first 256 bytes, and
 * all ones beyond.  ECAM arches (fdt/pci-host-generic.c) override these.
 */
__attribute__((weak)) bool pci_config_ext_available(void)
{
	return false;
}

__attribute__((weak)) uint32_t pci_config_readl_ext(pcidevaddr_t dev, uint16_t reg)
{
	return reg < PCI_CFG_SPACE_SIZE ? pci_config_readl(dev, reg) : 0xffffffff;
}

__attribute__((weak)) void pci_config_writel_ext(pcidevaddr_t dev, uint16_t reg,
						  uint32_t val)
{
	if (reg < PCI_CFG_SPACE_SIZE)
		pci_config_writel(dev, reg, val);
}

uint16_t pci_find_ext_cap(pcidevaddr_t dev, uint16_t cap_id)
{
	/* At most one capability per word: a looping list stops there. */
	int left = (PCI_CFG_SPACE_EXP_SIZE - PCI_CFG_SPACE_SIZE) / 4;
	u16 off = PCI_CFG_SPACE_SIZE;
	u32 header;

	while (off >= PCI_CFG_SPACE_SIZE && left--) {
		header = pci_config_readl_ext(dev, off);
		if (header == 0 || header == ~0u)
			return 0;
		if (PCI_EXT_CAP_ID(header) == cap_id)
			return off;
		off = PCI_EXT_CAP_NEXT(header);
	}
	return 0;
}

void pci_enable_defaults(struct pci_dev *dev)
{
	u16 set = PCI_COMMAND_MASTER;
	int n;

	for (n = 0; n < PCI_BAR_NUM; n++)
		if (pci_bar_is_valid(dev, n))
			set |= pci_bar_is_memory(dev, n) ? PCI_COMMAND_MEMORY
							 : PCI_COMMAND_IO;
	pci_cmd_set_clr(dev, set, 0);
	dev->msi_offset = pci_find_cap(dev, PCI_CAP_ID_MSI);
}

void pci_msi_set_enable(struct pci_dev *dev, bool enabled)
{
	u8 reg = dev->msi_offset + PCI_MSI_FLAGS;
	u16 ctl = pci_config_readw(dev->bdf, reg);

	if (enabled)
		ctl |= PCI_MSI_FLAGS_ENABLE;
	else
		ctl &= ~PCI_MSI_FLAGS_ENABLE;
	pci_config_writew(dev->bdf, reg, ctl);
}

bool pci_setup_msi(struct pci_dev *dev, uint64_t msi_addr, uint32_t msi_data)
{
	u16 off = dev->msi_offset, ctl;

	if (!off) {
		printf("pci: " BDF_FMT ": no MSI capability\n", BDF_ARGS(dev->bdf));
		return false;
	}
	ctl = pci_config_readw(dev->bdf, off + PCI_MSI_FLAGS);
	pci_config_writel(dev->bdf, off + PCI_MSI_ADDRESS_LO, (u32)msi_addr);
	if (ctl & PCI_MSI_FLAGS_64BIT) {
		pci_config_writel(dev->bdf, off + PCI_MSI_ADDRESS_HI, msi_addr >> 32);
		pci_config_writel(dev->bdf, off + PCI_MSI_DATA_64, msi_data);
	} else {
		assert(msi_addr >> 32 == 0);
		pci_config_writel(dev->bdf, off + PCI_MSI_DATA_32, msi_data);
	}
	pci_msi_set_enable(dev, true);
	return true;
}

uint32_t pci_bar_mask(uint32_t bar)
{
	return bar_is_io(bar) ? PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK;
}

uint32_t pci_bar_get(struct pci_dev *dev, int bar_num)
{
	ASSERT_BAR_NUM(bar_num);
	return pci_config_readl(dev->bdf, PCI_BASE_ADDRESS_0 + bar_num * 4);
}

phys_addr_t pci_bar_get_addr(struct pci_dev *dev, int bar_num)
{
	ASSERT_BAR_NUM(bar_num);
	return dev->resource[bar_num];
}

void pci_bar_set_addr(struct pci_dev *dev, int bar_num, phys_addr_t addr)
{
	u8 off = PCI_BASE_ADDRESS_0 + bar_num * 4;
	u32 bar = pci_bar_get(dev, bar_num);
	bool is64 = bar_is64(bar);

	assert(addr != INVALID_PHYS_ADDR);
	if (is64)
		ASSERT_BAR_NUM(bar_num + 1);
	else
		assert(addr >> 32 == 0);
	pci_config_writel(dev->bdf, off, (u32)addr | (bar & ~pci_bar_mask(bar)));
	dev->resource[bar_num] = translate(addr, bar_is_io(bar));
	if (is64) {
		pci_config_writel(dev->bdf, off + 4, addr >> 32);
		dev->resource[bar_num + 1] = dev->resource[bar_num];
	}
}

phys_addr_t pci_bar_size(struct pci_dev *dev, int bar_num)
{
	int nr_bars = nr_bars_of(dev->bdf);
	u64 raw;

	ASSERT_BAR_NUM(bar_num);
	return bar_num < nr_bars ? bar_measure(dev->bdf, bar_num, nr_bars, &raw) : 0;
}

bool pci_bar_is64(struct pci_dev *dev, int bar_num)
{
	return bar_is64(pci_bar_get(dev, bar_num));
}

bool pci_bar_is_memory(struct pci_dev *dev, int bar_num)
{
	return !bar_is_io(pci_bar_get(dev, bar_num));
}

bool pci_bar_is_valid(struct pci_dev *dev, int bar_num)
{
	ASSERT_BAR_NUM(bar_num);
	return dev->resource[bar_num] != INVALID_PHYS_ADDR;
}

void pci_bar_print(struct pci_dev *dev, int bar_num)
{
	/* By the memory type bits, PCI_BASE_ADDRESS_MEM_TYPE_*; 3 is reserved. */
	static const char *const mem_kind[4] = { "MEM32", "MEM1M", "MEM64", "MEM?" };
	phys_addr_t start, size;
	u32 bar;
	u64 raw;

	if (!pci_bar_is_valid(dev, bar_num))
		return;
	bar = pci_bar_get(dev, bar_num);
	raw = bar;
	if (bar_is64(bar)) {
		raw |= (u64)pci_bar_get(dev, bar_num + 1) << 32;
		printf("BAR#%d,%d ", bar_num, bar_num + 1);
	} else {
		printf("BAR#%d ", bar_num);
	}

	start = pci_bar_get_addr(dev, bar_num);
	size = pci_bar_size(dev, bar_num);
	if (bar_addr_of(raw))
		printf("[%" PRIx64 "-%" PRIx64 " ", start, start + size - 1);
	else
		printf("[unassigned, %" PRIx64 " bytes ", size);

	if (bar_is_io(bar))
		printf("PIO]");
	else
		printf("%s%s]", mem_kind[(bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) >> 1],
		       bar & PCI_BASE_ADDRESS_MEM_PREFETCH ? "/p" : "");
}

void pci_dev_print_id(struct pci_dev *dev)
{
	printf(BDF_FMT " %04x:%04x", BDF_ARGS(dev->bdf),
	       pci_config_readw(dev->bdf, PCI_VENDOR_ID),
	       pci_config_readw(dev->bdf, PCI_DEVICE_ID));
}

static void cap_print(struct pci_dev *dev, int cap_offset, int cap_id)
{
	printf("\tcapability %#04x", cap_id);
	if (cap_id == PCI_CAP_ID_MSI)
		printf(" (MSI, %s-bit)",
		       pci_config_readw(dev->bdf, cap_offset + PCI_MSI_FLAGS) &
		       PCI_MSI_FLAGS_64BIT ? "64" : "32");
	else if (cap_id == PCI_CAP_ID_MSIX)
		printf(" (MSI-X)");
	else if (cap_id == PCI_CAP_ID_EXP)
		printf(" (PCI Express)");
	printf(" at offset %#04x\n", cap_offset);
}

void pci_dev_print(struct pci_dev *dev)
{
	pcidevaddr_t bdf = dev->bdf;
	u8 hdr = pci_config_readb(bdf, PCI_HEADER_TYPE);
	int n;

	pci_dev_print_id(dev);
	printf(" type %02x progif %02x class %02x subclass %02x\n", hdr,
	       pci_config_readb(bdf, PCI_CLASS_PROG),
	       pci_config_readb(bdf, PCI_CLASS_DEVICE + 1),
	       pci_config_readb(bdf, PCI_CLASS_DEVICE));
	if ((hdr & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_BRIDGE)
		printf("\tbridge to buses %02x-%02x\n",
		       pci_config_readb(bdf, PCI_SECONDARY_BUS),
		       pci_config_readb(bdf, PCI_SUBORDINATE_BUS));
	pci_cap_walk(dev, cap_print);
	for (n = 0; n < PCI_BAR_NUM; n++) {
		if (!pci_bar_is_valid(dev, n))
			continue;
		printf("\t");
		pci_bar_print(dev, n);
		printf("\n");
		if (pci_bar_is64(dev, n))
			n++;
	}
}

void pci_print(void)
{
	struct pci_dev dev;
	pcidevaddr_t bdf;

	if (!pci_probe()) {
		printf("pci: no PCI host bridge\n");
		return;
	}
	for_each_pci_dev(bdf) {
		pci_dev_init(&dev, bdf);
		pci_dev_print(&dev);
	}
}

uint8_t pci_intx_line(struct pci_dev *dev)
{
	return pci_config_readb(dev->bdf, PCI_INTERRUPT_LINE);
}
