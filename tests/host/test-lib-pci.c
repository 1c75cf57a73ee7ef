// SPDX-License-Identifier: MIT
/*
 * test-lib-pci.c - libkut's PCI code (pci.c, pci-testdev.c) against a
 * simulated PCI fabric.
 *
 * Guest tests see only the one topology QEMU builds; here the simulation
 * builds the awkward ones: functions behind nested bridges that nothing
 * numbered yet, a single-function device that answers on every function
 * number, a 16-bit I/O decoder, a 64-bit BAR larger than 4 GiB, BARs no
 * window can hold, bridges firmware already set up, capability lists that
 * loop.  The fabric routes config cycles through the bridges' bus numbers
 * and BAR accesses through their windows and command registers, as
 * hardware does, so a bridge the library programs wrongly hides what is
 * behind it.  A pci-testdev model answers on its BARs with the device's
 * protocol (QEMU hw/misc/pci-testdev.c), optionally with an ioeventfd
 * that swallows writes, or broken.
 *
 * pci_probe() runs once per process, so each case runs in a child
 * process of its own (isolated()).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "arch-stubs.h"

/* ---- libkut's PCI API under the host build's kut_ prefix (see pci.h) */

typedef uint16_t pcidevaddr_t;
#define INVALID		0xffff
#define NO_ADDR		(~(uint64_t)0)

struct kut_pci_dev {
	uint16_t bdf;
	uint16_t msi_offset;
	uint64_t resource[6];
};

struct kut_pci_testdev_region {
	bool io;
	unsigned long base;
	uint64_t size;
};

struct kut_pci_testdev_entry {
	int nr;
	uint8_t width;
	uint32_t offset, data, count;
	char name[32];
};

bool kut_pci_probe(void);
void kut_pci_print(void);
pcidevaddr_t kut_pci_find_dev(uint16_t vendor_id, uint16_t device_id);
pcidevaddr_t kut_pci_next_dev(pcidevaddr_t prev);
bool kut_pci_dev_exists(pcidevaddr_t dev);
void kut_pci_dev_init(struct kut_pci_dev *dev, pcidevaddr_t bdf);
void kut_pci_cmd_set_clr(struct kut_pci_dev *dev, uint16_t set, uint16_t clr);
typedef void (*kut_pci_cap_handler_t)(struct kut_pci_dev *dev, int off, int id);
void kut_pci_cap_walk(struct kut_pci_dev *dev, kut_pci_cap_handler_t handler);
int kut_pci_find_cap(struct kut_pci_dev *dev, int cap_id);
uint16_t kut_pci_find_ext_cap(pcidevaddr_t dev, uint16_t cap_id);
void kut_pci_enable_defaults(struct kut_pci_dev *dev);
bool kut_pci_setup_msi(struct kut_pci_dev *dev, uint64_t addr, uint32_t data);
uint64_t kut_pci_bar_get_addr(struct kut_pci_dev *dev, int bar_num);
void kut_pci_bar_set_addr(struct kut_pci_dev *dev, int bar_num, uint64_t addr);
uint64_t kut_pci_bar_size(struct kut_pci_dev *dev, int bar_num);
uint32_t kut_pci_bar_get(struct kut_pci_dev *dev, int bar_num);
bool kut_pci_bar_is64(struct kut_pci_dev *dev, int bar_num);
bool kut_pci_bar_is_memory(struct kut_pci_dev *dev, int bar_num);
bool kut_pci_bar_is_valid(struct kut_pci_dev *dev, int bar_num);
uint64_t kut_pci_translate_addr(pcidevaddr_t dev, uint64_t addr);
int kut_pci_testdev(void);
bool kut_pci_testdev_region_init(struct kut_pci_testdev_region *r,
				 struct kut_pci_dev *dev, int bar_num);
bool kut_pci_testdev_select(struct kut_pci_testdev_region *r, int nr,
			    struct kut_pci_testdev_entry *e);
uint32_t kut_pci_testdev_write(struct kut_pci_testdev_region *r,
			       const struct kut_pci_testdev_entry *e,
			       uint32_t offset, uint32_t value, int times);
bool kut_pci_testdev_counts_always(const struct kut_pci_testdev_entry *e);

/* libkut/pci-host.h, the arch interface this file implements. */
enum { WIN_IO, WIN_MEM32, WIN_MEM64 };
struct kut_pci_window {
	int type;
	uint64_t pci_start, cpu_start, size;
};
struct kut_pci_host {
	int bus_min, bus_max;
	bool identity;
	int nr_windows;
	struct kut_pci_window windows[4];
};

#define BDF(b, d, f)	((pcidevaddr_t)((b) << 8 | (d) << 3 | (f)))

/* Config space offsets and bits (PCI specification). */
#define VENDOR		0x00
#define COMMAND		0x04
#define STATUS		0x06
#define HEADER		0x0e
#define BAR0		0x10
#define SEC_BUS		0x19
#define SUB_BUS		0x1a
#define IO_BASE		0x1c
#define MEM_BASE	0x20
#define PREF_BASE	0x24
#define IO_UPPER	0x30
#define CAP_PTR		0x34
#define CMD_IO		0x1
#define CMD_MEM		0x2
#define CMD_MASTER	0x4
#define BAR_IO		0x1
#define BAR_64		0x4
#define BAR_PREF	0x8

/* ---- the simulated fabric */

#define PBUSES		4	/* physical buses: 0 is the root */
#define MAX_TESTDEVS	4

struct fake_fn {
	bool present;
	uint8_t cfg[4096];	/* with PCIe's extended space */
	uint8_t wmask[4096];	/* writable bits */
	int down;		/* a bridge's downstream physical bus */
	int testdev;		/* its pci-testdev model, or -1 */
};

struct fake_test {
	uint8_t buf[48];
	unsigned int bufsize;
	bool match_data, has_eventfd;
};

struct fake_testdev {
	int current;
	struct fake_test t[6];	/* mmio 0-2, portio 3-5 */
	bool eventfd;		/* an ioeventfd swallows tests 1 and 2 */
	bool keeps_count;	/* broken: selecting does not zero the count */
	bool drops_writes;	/* broken: counts nothing */
};

static struct fake_fn fabric[PBUSES][256];
static struct fake_fn *up[PBUSES];	/* the bridge above each bus */
static struct fake_testdev testdevs[MAX_TESTDEVS];
static int nr_testdevs;
static struct kut_pci_host fake_host;
static bool fake_has_host;
static int cfg_writes;

static uint32_t get_le(const uint8_t *p, int n)
{
	uint32_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void put_le(uint8_t *p, int n, uint32_t v)
{
	for (int i = 0; i < n; i++, v >>= 8)
		p[i] = v;
}

/* The function config cycle @bus/@devfn reaches from physical bus @p. */
static struct fake_fn *route_from(int p, int busnr, int bus, int devfn)
{
	if (bus == busnr)
		return fabric[p][devfn].present ? &fabric[p][devfn] : NULL;
	for (int d = 0; d < 256; d++) {
		struct fake_fn *f = &fabric[p][d];
		int sec = f->cfg[SEC_BUS], sub = f->cfg[SUB_BUS];

		if (f->present && f->down >= 0 && sec > busnr && bus >= sec && bus <= sub)
			return route_from(f->down, sec, bus, devfn);
	}
	return NULL;
}

static struct fake_fn *route(pcidevaddr_t bdf)
{
	int bus = bdf >> 8;

	if (!fake_has_host || bus < fake_host.bus_min || bus > fake_host.bus_max)
		return NULL;
	return route_from(0, fake_host.bus_min, bus, bdf & 0xff);
}

static uint32_t cfg_read(pcidevaddr_t bdf, int reg, int n)
{
	struct fake_fn *f = route(bdf);

	if (reg % n)
		abort();	/* the library must align its accesses */
	return f ? get_le(&f->cfg[reg], n) : (uint32_t)(((uint64_t)1 << 8 * n) - 1);
}

static void cfg_write(pcidevaddr_t bdf, int reg, int n, uint32_t v)
{
	struct fake_fn *f = route(bdf);

	if (reg % n)
		abort();
	cfg_writes++;
	for (int i = 0; f && i < n; i++, v >>= 8)
		f->cfg[reg + i] = (f->cfg[reg + i] & ~f->wmask[reg + i]) |
				  (v & f->wmask[reg + i]);
}

uint8_t kut_pci_config_readb(pcidevaddr_t d, uint8_t r);
uint16_t kut_pci_config_readw(pcidevaddr_t d, uint8_t r);
uint32_t kut_pci_config_readl(pcidevaddr_t d, uint8_t r);
void kut_pci_config_writeb(pcidevaddr_t d, uint8_t r, uint8_t v);
void kut_pci_config_writew(pcidevaddr_t d, uint8_t r, uint16_t v);
void kut_pci_config_writel(pcidevaddr_t d, uint8_t r, uint32_t v);
uint8_t kut_pci_config_readb(pcidevaddr_t d, uint8_t r) { return cfg_read(d, r, 1); }
uint16_t kut_pci_config_readw(pcidevaddr_t d, uint8_t r) { return cfg_read(d, r, 2); }
uint32_t kut_pci_config_readl(pcidevaddr_t d, uint8_t r) { return cfg_read(d, r, 4); }
void kut_pci_config_writeb(pcidevaddr_t d, uint8_t r, uint8_t v) { cfg_write(d, r, 1, v); }
void kut_pci_config_writew(pcidevaddr_t d, uint8_t r, uint16_t v) { cfg_write(d, r, 2, v); }
void kut_pci_config_writel(pcidevaddr_t d, uint8_t r, uint32_t v) { cfg_write(d, r, 4, v); }

/* ECAM-like: the fake reaches the whole 4 KiB of each function. */
bool kut_pci_config_ext_available(void);
uint32_t kut_pci_config_readl_ext(pcidevaddr_t d, uint16_t r);
void kut_pci_config_writel_ext(pcidevaddr_t d, uint16_t r, uint32_t v);
bool kut_pci_config_ext_available(void) { return true; }
uint32_t kut_pci_config_readl_ext(pcidevaddr_t d, uint16_t r) { return cfg_read(d, r, 4); }
void kut_pci_config_writel_ext(pcidevaddr_t d, uint16_t r, uint32_t v) { cfg_write(d, r, 4, v); }

bool kut_pci_host_init(struct kut_pci_host *host);
bool kut_pci_host_init(struct kut_pci_host *host)
{
	*host = fake_host;
	return fake_has_host;
}

/* An arm-like machine; the 32-bit window is seen 4 GiB higher by the CPU. */
#define IO_CPU		0x3eff0000ull
#define MEM32_PCI	0x10000000ull
#define MEM32_SIZE	0x2eff0000ull
#define MEM32_CPU	(MEM32_PCI + 0x100000000ull)
#define MEM64_PCI	0x8000000000ull

static void machine(int bus_max)
{
	fake_has_host = true;
	fake_host = (struct kut_pci_host){
		.bus_min = 0, .bus_max = bus_max, .nr_windows = 3,
		.windows = {
			{ WIN_IO, 0, IO_CPU, 0x10000 },
			{ WIN_MEM32, MEM32_PCI, MEM32_CPU, MEM32_SIZE },
			{ WIN_MEM64, MEM64_PCI, MEM64_PCI, MEM64_PCI },
		},
	};
	for (int p = 0; p < PBUSES; p++)
		for (int d = 0; d < 256; d++)
			fabric[p][d].down = fabric[p][d].testdev = -1;
}

static struct fake_fn *add_fn(int pbus, int dev, int fn, uint16_t vendor,
			      uint16_t device, uint8_t header)
{
	struct fake_fn *f = &fabric[pbus][dev << 3 | fn];

	f->present = true;
	put_le(&f->cfg[VENDOR], 2, vendor);
	put_le(&f->cfg[VENDOR + 2], 2, device);
	f->cfg[HEADER] = header;
	f->wmask[COMMAND] = CMD_IO | CMD_MEM | CMD_MASTER;
	f->wmask[0x3c] = 0xff;		/* interrupt line */
	return f;
}

/* BAR @n of @size bytes; I/O BARs decode 16 address bits, as many do. */
static void add_bar(struct fake_fn *f, int n, uint64_t size, uint32_t type)
{
	uint64_t mask = ~(size - 1);
	int reg = BAR0 + 4 * n;

	put_le(&f->cfg[reg], 4, type);
	if (type & BAR_IO) {
		put_le(&f->wmask[reg], 4, (uint32_t)mask & 0xfffc);
		return;
	}
	put_le(&f->wmask[reg], 4, (uint32_t)mask & ~0xfu);
	if (type & BAR_64)
		put_le(&f->wmask[reg + 4], 4, mask >> 32);
}

static struct fake_fn *add_bridge(int pbus, int dev, int down)
{
	struct fake_fn *f = add_fn(pbus, dev, 0, 0x1b36, 0x0001, 1);

	f->down = down;
	up[down] = f;
	memset(&f->wmask[0x18], 0xff, 3);	/* bus numbers */
	f->cfg[IO_BASE] = f->cfg[IO_BASE + 1] = 0x01;	/* 32-bit I/O */
	f->wmask[IO_BASE] = f->wmask[IO_BASE + 1] = 0xf0;
	put_le(&f->wmask[MEM_BASE], 4, 0xfff0fff0);
	put_le(&f->cfg[PREF_BASE], 4, 0x00010001);	/* 64-bit prefetchable */
	put_le(&f->wmask[PREF_BASE], 4, 0xfff0fff0);
	memset(&f->wmask[0x28], 0xff, 12);	/* upper halves */
	return f;
}

static void add_cap(struct fake_fn *f, uint8_t off, uint8_t id, uint8_t next)
{
	f->cfg[STATUS] |= 0x10;
	if (!f->cfg[CAP_PTR])
		f->cfg[CAP_PTR] = off;
	f->cfg[off] = id;
	f->cfg[off + 1] = next;
}

static const char *const test_names[6] = {
	"mmio-no-eventfd", "mmio-wildcard-eventfd", "mmio-datamatch-eventfd",
	"portio-no-eventfd", "portio-wildcard-eventfd", "portio-datamatch-eventfd",
};

static struct fake_testdev *add_testdev(int pbus, int dev, int fn)
{
	struct fake_fn *f = add_fn(pbus, dev, fn, 0x1b36, 0x0005, 0);
	struct fake_testdev *td = &testdevs[nr_testdevs];

	f->testdev = nr_testdevs++;
	put_le(&f->cfg[0x08], 4, 0x00ff0000);
	add_bar(f, 0, 4096, 0);
	add_bar(f, 1, 256, BAR_IO);
	td->current = -1;
	for (int i = 0; i < 6; i++) {
		struct fake_test *t = &td->t[i];

		t->bufsize = 16 + strlen(test_names[i]) + 1;
		t->buf[0] = i;
		t->buf[1] = 1;
		put_le(&t->buf[4], 4, (i < 3 ? 2048 : 128) + i);
		t->match_data = i % 3 != 1;
		t->buf[8] = t->match_data ? 0xfa : 0xce;
		t->has_eventfd = i % 3 != 0;
		strcpy((char *)&t->buf[16], test_names[i]);
	}
	return td;
}

static void testdev_write(struct fake_testdev *td, int io, uint32_t off, uint8_t v)
{
	struct fake_test *t;

	if (off == 0) {
		td->current = -1;
		if (v >= 3)
			return;
		td->current = io * 3 + v;
		if (!td->keeps_count)
			put_le(&td->t[td->current].buf[12], 4, 0);
		return;
	}
	if (td->current < 0)
		return;
	t = &td->t[td->current];
	if (off != get_le(&t->buf[4], 4) || td->drops_writes)
		return;
	if (td->eventfd && t->has_eventfd && (!t->match_data || v == t->buf[8]))
		return;		/* the ioeventfd took it */
	if (t->match_data && v != t->buf[8])
		return;
	put_le(&t->buf[12], 4, get_le(&t->buf[12], 4) + 1);
}

static uint8_t testdev_read(struct fake_testdev *td, uint32_t off)
{
	struct fake_test *t;

	if (td->current < 0)
		return 0;
	t = &td->t[td->current];
	return off + 1 >= t->bufsize ? 0 : t->buf[off];
}

static int pbus_of(const struct fake_fn *f)
{
	return (f - &fabric[0][0]) / 256;
}

/* Whether the bridges above physical bus @p pass PCI address @a down. */
static bool bridges_pass(int p, uint64_t a, bool io)
{
	for (struct fake_fn *b = up[p]; b; b = up[pbus_of(b)]) {
		uint64_t base, limit;

		if (!(b->cfg[COMMAND] & (io ? CMD_IO : CMD_MEM)))
			return false;
		if (io) {
			base = (uint64_t)(b->cfg[IO_BASE] & 0xf0) << 8 |
			       (uint64_t)get_le(&b->cfg[IO_UPPER], 2) << 16;
			limit = (uint64_t)(b->cfg[IO_BASE + 1] & 0xf0) << 8 | 0xfff |
				(uint64_t)get_le(&b->cfg[IO_UPPER + 2], 2) << 16;
		} else {
			base = (uint64_t)(get_le(&b->cfg[MEM_BASE], 2) & 0xfff0) << 16;
			limit = (uint64_t)(get_le(&b->cfg[MEM_BASE + 2], 2) & 0xfff0) << 16 |
				0xfffff;
		}
		if (a < base || a > limit)
			return false;
	}
	return true;
}

/*
 * The pci-testdev whose BAR 0 (memory) or BAR 1 (I/O) answers at CPU
 * address @cpu; *@off is the offset into the BAR.
 */
static struct fake_testdev *decode(uint64_t cpu, bool io, uint32_t *off)
{
	uint64_t pci = io ? cpu - IO_CPU : cpu - MEM32_CPU + MEM32_PCI;

	for (int p = 0; p < PBUSES; p++)
		for (int d = 0; d < 256; d++) {
			struct fake_fn *f = &fabric[p][d];
			int reg = BAR0 + (io ? 4 : 0);
			uint64_t base = get_le(&f->cfg[reg], 4) & (io ? ~3u : ~0xfu);
			uint64_t size = io ? 256 : 4096;

			if (!f->present || f->testdev < 0 || !base ||
			    !(f->cfg[COMMAND] & (io ? CMD_IO : CMD_MEM)) ||
			    pci < base || pci - base >= size || !bridges_pass(p, pci, io))
				continue;
			*off = pci - base;
			return &testdevs[f->testdev];
		}
	return NULL;
}

static int bad_accesses;

static uint32_t bar_read(uint64_t cpu, bool io, int n)
{
	uint32_t off, v = 0;
	struct fake_testdev *td = decode(cpu, io, &off);

	if (!td) {
		bad_accesses++;
		return ~0u;
	}
	/* The device takes bytes only; QEMU splits wider accesses. */
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | testdev_read(td, off + i);
	return v;
}

static void bar_write(uint64_t cpu, bool io, int n, uint32_t v)
{
	uint32_t off;
	struct fake_testdev *td = decode(cpu, io, &off);

	if (!td) {
		bad_accesses++;
		return;
	}
	for (int i = 0; i < n; i++, v >>= 8)
		testdev_write(td, io, off + i, v);
}

#define MMIO(a)	((uint64_t)(uintptr_t)(a))
uint8_t kut_readb(const volatile void *a);
uint16_t kut_readw(const volatile void *a);
uint32_t kut_readl(const volatile void *a);
void kut_writeb(uint8_t v, volatile void *a);
void kut_writew(uint16_t v, volatile void *a);
void kut_writel(uint32_t v, volatile void *a);
void *kut_ioremap(uint64_t phys_addr, size_t size);
uint8_t kut_readb(const volatile void *a) { return bar_read(MMIO(a), false, 1); }
uint16_t kut_readw(const volatile void *a) { return bar_read(MMIO(a), false, 2); }
uint32_t kut_readl(const volatile void *a) { return bar_read(MMIO(a), false, 4); }
void kut_writeb(uint8_t v, volatile void *a) { bar_write(MMIO(a), false, 1, v); }
void kut_writew(uint16_t v, volatile void *a) { bar_write(MMIO(a), false, 2, v); }
void kut_writel(uint32_t v, volatile void *a) { bar_write(MMIO(a), false, 4, v); }
void *kut_ioremap(uint64_t phys_addr, size_t size)
{
	(void)size;
	return (void *)(uintptr_t)phys_addr;
}

uint8_t kut_pci_host_io_readb(unsigned long a);
uint16_t kut_pci_host_io_readw(unsigned long a);
uint32_t kut_pci_host_io_readl(unsigned long a);
void kut_pci_host_io_writeb(uint8_t v, unsigned long a);
void kut_pci_host_io_writew(uint16_t v, unsigned long a);
void kut_pci_host_io_writel(uint32_t v, unsigned long a);
unsigned long kut_pci_host_io_map(uint64_t addr, uint64_t size);
uint8_t kut_pci_host_io_readb(unsigned long a) { return bar_read(a, true, 1); }
uint16_t kut_pci_host_io_readw(unsigned long a) { return bar_read(a, true, 2); }
uint32_t kut_pci_host_io_readl(unsigned long a) { return bar_read(a, true, 4); }
void kut_pci_host_io_writeb(uint8_t v, unsigned long a) { bar_write(a, true, 1, v); }
void kut_pci_host_io_writew(uint16_t v, unsigned long a) { bar_write(a, true, 2, v); }
void kut_pci_host_io_writel(uint32_t v, unsigned long a) { bar_write(a, true, 4, v); }
unsigned long kut_pci_host_io_map(uint64_t addr, uint64_t size)
{
	(void)size;
	return addr;
}

/* ---- running a case in a process of its own */

static void isolated(void (*scenario)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		host_console_reset();
		scenario();
		fflush(stdout);
		_exit(harness_case_failed);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		if (!WIFEXITED(status))
			printf("#   the case died (status %#x)\n", status);
		harness_case_failed = 1;
	}
}

#define ISOLATED_TEST(name)						\
	static void scenario_##name(void);				\
	TEST(name) { isolated(scenario_##name); }			\
	static void scenario_##name(void)

static uint32_t cfg32(int p, int devfn, int reg)
{
	return get_le(&fabric[p][devfn].cfg[reg], 4);
}

static uint64_t bar_addr(int p, int devfn, int n)
{
	uint32_t lo = cfg32(p, devfn, BAR0 + 4 * n);

	if (lo & BAR_IO)
		return lo & ~3u;
	return (lo & ~0xfu) | ((lo & BAR_64) ? (uint64_t)cfg32(p, devfn, BAR0 + 4 * n + 4) << 32 : 0);
}

/* ---- cases */

ISOLATED_TEST(no_host_bridge_means_no_pci)
{
	CHECK(!kut_pci_probe());
	CHECK(kut_pci_find_dev(0x1b36, 0x0005) == INVALID);
	CHECK(kut_pci_next_dev(INVALID) == INVALID);
	CHECK(kut_pci_testdev() == -1);
	kut_pci_print();
	CHECK(strstr(host_console, "no PCI host bridge") != NULL);
}

ISOLATED_TEST(absent_functions_read_all_ones)
{
	struct kut_pci_dev dev;

	machine(255);
	add_fn(0, 0, 0, 0x1b36, 0x0008, 0);
	CHECK(kut_pci_dev_exists(BDF(0, 0, 0)));
	CHECK(!kut_pci_dev_exists(BDF(0, 1, 0)));
	CHECK(!kut_pci_dev_exists(BDF(7, 0, 0)));	/* no bridge to bus 7 */
	CHECK_INT(kut_pci_find_dev(0x1b36, 0x0005), INVALID);
	kut_pci_dev_init(&dev, BDF(0, 1, 0));
	for (int n = 0; n < 6; n++)
		CHECK(!kut_pci_bar_is_valid(&dev, n));
}

/*
 * Root bus: host bridge 00.0; a multi-function device at 01 with
 * functions 0 and 3 (a memory and an I/O BAR); a single-function device at 02 that (as some do)
 * answers on every function number; a bridge at 03 to physical bus 1,
 * which holds a testdev at 04.0 and another bridge at 05 to physical bus
 * 2 with a testdev at 00.0.  Nothing is numbered.
 */
static void topology(void)
{
	machine(15);
	add_fn(0, 0, 0, 0x1b36, 0x0008, 0);
	add_bar(add_fn(0, 1, 0, 0x1234, 0x1000, 0x80), 0, 4096, 0);
	add_bar(add_fn(0, 1, 3, 0x1234, 0x1003, 0), 0, 16, BAR_IO);
	for (int fn = 0; fn < 8; fn++)
		add_fn(0, 2, fn, 0x1234, 0x2000, 0);
	add_bridge(0, 3, 1);
	add_testdev(1, 4, 0);
	add_bridge(1, 5, 2);
	add_testdev(2, 0, 0);
}

ISOLATED_TEST(enumeration_follows_functions_and_numbers_nested_bridges)
{
	static const pcidevaddr_t want[] = {
		BDF(0, 0, 0), BDF(0, 1, 0), BDF(0, 1, 3), BDF(0, 2, 0),
		BDF(0, 3, 0), BDF(1, 4, 0), BDF(1, 5, 0), BDF(2, 0, 0),
	};
	pcidevaddr_t bdf = INVALID;
	size_t n = 0;

	topology();
	CHECK(kut_pci_probe());
	while ((bdf = kut_pci_next_dev(bdf)) != INVALID) {
		if (n < sizeof(want) / sizeof(want[0]) && bdf != want[n])
			printf("#   function %zu is %04x, want %04x\n", n, bdf, want[n]);
		CHECK(n < sizeof(want) / sizeof(want[0]) && bdf == want[n]);
		n++;
	}
	CHECK_INT(n, sizeof(want) / sizeof(want[0]));
	/* 00:03.0 leads to buses 1-2, 01:05.0 to bus 2. */
	CHECK_INT(fabric[0][3 << 3].cfg[0x18], 0);
	CHECK_INT(fabric[0][3 << 3].cfg[SEC_BUS], 1);
	CHECK_INT(fabric[0][3 << 3].cfg[SUB_BUS], 2);
	CHECK_INT(fabric[1][5 << 3].cfg[0x18], 1);
	CHECK_INT(fabric[1][5 << 3].cfg[SEC_BUS], 2);
	CHECK_INT(fabric[1][5 << 3].cfg[SUB_BUS], 2);
	CHECK_INT(kut_pci_find_dev(0x1b36, 0x0005), BDF(1, 4, 0));
	CHECK_INT(kut_pci_next_dev(BDF(1, 4, 0)), BDF(1, 5, 0));
}

ISOLATED_TEST(probe_runs_once)
{
	topology();
	CHECK(kut_pci_probe());
	cfg_writes = 0;
	CHECK(kut_pci_probe());
	CHECK(kut_pci_find_dev(0x1234, 0x1003) == BDF(0, 1, 3));
	CHECK_INT(cfg_writes, 0);
}

ISOLATED_TEST(bar_sizes_and_types)
{
	struct kut_pci_dev dev;
	struct fake_fn *f;

	machine(0);
	f = add_fn(0, 1, 0, 0x1234, 0x5678, 0);
	add_bar(f, 0, 4096, 0);				/* 32-bit memory */
	add_bar(f, 1, 256, BAR_IO);			/* 16-bit I/O decoder */
	add_bar(f, 2, 16 << 20, BAR_64 | BAR_PREF);	/* 64-bit, 16 MiB */
	add_bar(f, 4, 8ull << 30, BAR_64);		/* 64-bit, 8 GiB */
	put_le(&f->cfg[COMMAND], 2, CMD_IO | CMD_MEM);	/* decoding on while sized */
	kut_pci_dev_init(&dev, BDF(0, 1, 0));

	CHECK_INT(kut_pci_bar_size(&dev, 0), 4096);
	CHECK(kut_pci_bar_is_memory(&dev, 0) && !kut_pci_bar_is64(&dev, 0));
	CHECK_INT(kut_pci_bar_size(&dev, 1), 256);
	CHECK(!kut_pci_bar_is_memory(&dev, 1));
	CHECK_INT(kut_pci_bar_size(&dev, 2), 16 << 20);
	CHECK(kut_pci_bar_is64(&dev, 2));
	CHECK_INT(kut_pci_bar_size(&dev, 4), 8ull << 30);
	CHECK(kut_pci_bar_is64(&dev, 4));
	for (int n = 0; n < 6; n++)
		CHECK(kut_pci_bar_is_valid(&dev, n));
	CHECK(kut_pci_bar_get_addr(&dev, 3) == kut_pci_bar_get_addr(&dev, 2));
	/* Sizing left the registers and the command register as they were. */
	CHECK_INT(get_le(&f->cfg[COMMAND], 2), CMD_IO | CMD_MEM);
}

ISOLATED_TEST(missing_bars_are_invalid_and_bridges_have_two)
{
	struct kut_pci_dev dev;
	struct fake_fn *f, *b;

	machine(3);
	f = add_fn(0, 1, 0, 0x1234, 0x5678, 0);
	add_bar(f, 1, 4096, 0);
	b = add_bridge(0, 2, 1);
	add_bar(b, 0, 256, BAR_64);
	kut_pci_dev_init(&dev, BDF(0, 1, 0));
	CHECK(!kut_pci_bar_is_valid(&dev, 0));
	CHECK(kut_pci_bar_get_addr(&dev, 0) == NO_ADDR);
	CHECK(kut_pci_bar_is_valid(&dev, 1));
	for (int n = 2; n < 6; n++)
		CHECK(!kut_pci_bar_is_valid(&dev, n));
	CHECK_INT(kut_pci_bar_size(&dev, 5), 0);

	kut_pci_dev_init(&dev, BDF(0, 2, 0));
	CHECK(kut_pci_bar_is_valid(&dev, 0) && kut_pci_bar_is_valid(&dev, 1));
	CHECK_INT(kut_pci_bar_size(&dev, 0), 256);
	/* Register 2 of a bridge holds bus numbers: never sized or touched. */
	cfg_writes = 0;
	CHECK_INT(kut_pci_bar_size(&dev, 2), 0);
	CHECK(!kut_pci_bar_is_valid(&dev, 2));
	CHECK_INT(cfg_writes, 0);
	CHECK_INT(fabric[0][2 << 3].cfg[SEC_BUS], 1);
}

ISOLATED_TEST(assignment_aligns_translates_and_enables)
{
	struct kut_pci_dev dev;
	struct fake_fn *a, *b;
	uint64_t m0, m1, big;

	machine(0);
	a = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	add_bar(a, 0, 256, 0);				/* small: still a page */
	add_bar(a, 1, 16, BAR_IO);
	b = add_fn(0, 2, 0, 0x1234, 0x0002, 0);
	add_bar(b, 0, 1 << 20, 0);
	add_bar(b, 1, 128, BAR_IO);
	add_bar(b, 2, 2ull << 30, BAR_64 | BAR_PREF);	/* fits no 32-bit window */
	CHECK(kut_pci_probe());

	m0 = bar_addr(0, 1 << 3, 0);
	m1 = bar_addr(0, 2 << 3, 0);
	CHECK(m0 >= MEM32_PCI && m0 % 4096 == 0);
	CHECK(m1 >= MEM32_PCI && m1 % (1 << 20) == 0 && m1 != m0);
	CHECK(bar_addr(0, 1 << 3, 1) >= 0x1000 && bar_addr(0, 1 << 3, 1) % 16 == 0);
	CHECK(bar_addr(0, 2 << 3, 1) % 128 == 0);
	CHECK(bar_addr(0, 1 << 3, 1) != bar_addr(0, 2 << 3, 1));
	big = bar_addr(0, 2 << 3, 2);
	CHECK(big >= MEM64_PCI && big % (2ull << 30) == 0);
	CHECK_INT(fabric[0][1 << 3].cfg[COMMAND], CMD_IO | CMD_MEM);
	CHECK_INT(fabric[0][2 << 3].cfg[COMMAND], CMD_IO | CMD_MEM);

	kut_pci_dev_init(&dev, BDF(0, 2, 0));
	CHECK(kut_pci_bar_get_addr(&dev, 0) == m1 - MEM32_PCI + MEM32_CPU);
	CHECK(kut_pci_bar_get_addr(&dev, 1) == IO_CPU + bar_addr(0, 2 << 3, 1));
	CHECK(kut_pci_bar_get_addr(&dev, 2) == big);
	CHECK(kut_pci_translate_addr(BDF(0, 2, 0), m1) == m1 - MEM32_PCI + MEM32_CPU);
}

ISOLATED_TEST(a_bar_that_fits_nowhere_stays_unassigned)
{
	struct kut_pci_dev dev;
	struct fake_fn *f;

	machine(0);
	fake_host.nr_windows = 2;			/* no 64-bit window */
	f = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	add_bar(f, 0, 4096, 0);
	add_bar(f, 2, 2ull << 30, BAR_64 | BAR_PREF);
	CHECK(kut_pci_probe());
	CHECK(bar_addr(0, 1 << 3, 0) != 0);
	CHECK(bar_addr(0, 1 << 3, 2) == 0);
	CHECK(strstr(host_console, "01.01.0") == NULL);
	CHECK(strstr(host_console, "00.01.0: no room for BAR 2") != NULL);
	kut_pci_dev_init(&dev, BDF(0, 1, 0));
	CHECK(kut_pci_bar_is_valid(&dev, 2));		/* there, but nowhere */
	CHECK(kut_pci_bar_get_addr(&dev, 2) == 0);
	host_console_reset();
	kut_pci_print();
	CHECK(strstr(host_console, "BAR#2,3 [unassigned, 80000000 bytes MEM64/p]") != NULL);
}

ISOLATED_TEST(firmware_assignments_are_kept)
{
	struct fake_fn *f;

	machine(0);
	f = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	add_bar(f, 0, 4096, 0);
	add_bar(f, 1, 4096, 0);
	put_le(&f->cfg[BAR0], 4, 0x2ff00000);
	put_le(&f->cfg[COMMAND], 2, 0);
	CHECK(kut_pci_probe());
	CHECK(bar_addr(0, 1 << 3, 0) == 0x2ff00000);
	CHECK(bar_addr(0, 1 << 3, 1) != 0);
	/* Decoding is turned on for what the library assigned. */
	CHECK_INT(get_le(&f->cfg[COMMAND], 2), CMD_MEM);
}

ISOLATED_TEST(bridge_windows_cover_what_is_behind)
{
	struct fake_fn *br = NULL;
	uint64_t io_base, io_limit, mem_base, mem_limit, a;

	topology();
	CHECK(kut_pci_probe());
	br = &fabric[0][3 << 3];
	io_base = (br->cfg[IO_BASE] & 0xf0) << 8;
	io_limit = (br->cfg[IO_BASE + 1] & 0xf0) << 8 | 0xfff;
	mem_base = (uint64_t)(get_le(&br->cfg[MEM_BASE], 2) & 0xfff0) << 16;
	mem_limit = (uint64_t)(get_le(&br->cfg[MEM_BASE + 2], 2) & 0xfff0) << 16 | 0xfffff;
	for (int p = 1; p <= 2; p++) {
		int devfn = p == 1 ? 4 << 3 : 0;

		a = bar_addr(p, devfn, 0);
		CHECK(a >= mem_base && a + 4095 <= mem_limit);
		a = bar_addr(p, devfn, 1);
		CHECK(a >= io_base && a + 255 <= io_limit);
	}
	/* ... and nothing on the root bus: the windows start after it. */
	CHECK(mem_base > bar_addr(0, 1 << 3, 0));
	CHECK(io_base > bar_addr(0, 1 << 3 | 3, 0));
	CHECK(get_le(&br->cfg[COMMAND], 2) & CMD_MEM);
	/* The prefetchable window is closed: base above limit. */
	CHECK((get_le(&br->cfg[PREF_BASE], 2) & 0xfff0) > (get_le(&br->cfg[PREF_BASE + 2], 2) & 0xfff0));
}

ISOLATED_TEST(a_bridge_firmware_set_up_is_only_walked)
{
	struct fake_fn *br, *t;

	machine(15);
	br = add_bridge(0, 3, 1);
	br->cfg[SEC_BUS] = 4;
	br->cfg[SUB_BUS] = 4;
	br->cfg[IO_BASE] = 0xf1;			/* I/O window closed */
	br->cfg[IO_BASE + 1] = 0x01;
	put_le(&br->cfg[MEM_BASE], 4, 0x20002000);	/* 0x20000000-0x200fffff */
	add_testdev(1, 0, 0);
	t = &fabric[1][0];
	put_le(&t->cfg[BAR0], 4, 0x20000000);
	CHECK(kut_pci_probe());
	CHECK_INT(kut_pci_find_dev(0x1b36, 0x0005), BDF(4, 0, 0));
	CHECK_INT(br->cfg[SEC_BUS], 4);
	CHECK_INT(get_le(&br->cfg[MEM_BASE], 4), 0x20002000);
	CHECK(bar_addr(1, 0, 0) == 0x20000000);
	CHECK(bar_addr(1, 0, 1) == 0);			/* left to firmware */
}

ISOLATED_TEST(a_bridge_numbered_but_without_windows_gets_windows)
{
	machine(15);
	add_bridge(0, 3, 1)->cfg[SEC_BUS] = 1;		/* as qboot leaves it */
	fabric[0][3 << 3].cfg[SUB_BUS] = 1;
	add_testdev(1, 2, 0);
	CHECK_INT(kut_pci_testdev(), 6);
	CHECK_INT(bad_accesses, 0);
}

static int cap_seen[8], caps;

static void record_cap(struct kut_pci_dev *dev, int off, int id)
{
	(void)dev;
	if (caps < 8)
		cap_seen[caps++] = off << 8 | id;
}

ISOLATED_TEST(capability_walk_and_msi)
{
	struct kut_pci_dev dev;
	struct fake_fn *f;

	machine(0);
	f = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	add_cap(f, 0x40, 0x01, 0x50);			/* power management */
	add_cap(f, 0x50, 0x05, 0x60);			/* MSI, 64-bit */
	put_le(&f->cfg[0x52], 2, 0x0080);
	put_le(&f->wmask[0x52], 2, 0x0071);
	memset(&f->wmask[0x54], 0xff, 12);
	add_cap(f, 0x60, 0x11, 0x00);			/* MSI-X */
	kut_pci_dev_init(&dev, BDF(0, 1, 0));
	kut_pci_cap_walk(&dev, record_cap);
	CHECK_INT(caps, 3);
	CHECK_INT(cap_seen[0], 0x4001);
	CHECK_INT(cap_seen[1], 0x5005);
	CHECK_INT(cap_seen[2], 0x6011);
	CHECK_INT(kut_pci_find_cap(&dev, 0x11), 0x60);
	CHECK_INT(kut_pci_find_cap(&dev, 0x10), 0);

	kut_pci_enable_defaults(&dev);
	CHECK_INT(dev.msi_offset, 0x50);
	CHECK(get_le(&f->cfg[COMMAND], 2) & CMD_MASTER);
	CHECK(kut_pci_setup_msi(&dev, 0xfee0100012345678ull, 0x4041));
	CHECK_INT(get_le(&f->cfg[0x54], 4), 0x12345678);
	CHECK_INT(get_le(&f->cfg[0x58], 4), 0xfee01000);
	CHECK_INT(get_le(&f->cfg[0x5c], 4), 0x4041);
	CHECK(get_le(&f->cfg[0x52], 2) & 1);

	kut_pci_cmd_set_clr(&dev, 0, CMD_MASTER);
	CHECK(!(get_le(&f->cfg[COMMAND], 2) & CMD_MASTER));
}

/* An extended capability header: ID, version 1, next offset. */
static void add_ext_cap(struct fake_fn *f, uint16_t off, uint16_t id, uint16_t next)
{
	put_le(&f->cfg[off], 4, id | 1u << 16 | (uint32_t)next << 20);
}

ISOLATED_TEST(extended_capabilities)
{
	struct fake_fn *f, *plain;

	machine(0);
	f = add_fn(0, 1, 0, 0x1b36, 0x000c, 0);
	add_ext_cap(f, 0x100, 0x01, 0x148);		/* AER */
	add_ext_cap(f, 0x148, 0x0d, 0x200);		/* ACS */
	add_ext_cap(f, 0x200, 0x03, 0);			/* serial number */
	plain = add_fn(0, 2, 0, 0x1b36, 0x0005, 0);
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 1, 0), 0x01), 0x100);
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 1, 0), 0x0d), 0x148);
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 1, 0), 0x03), 0x200);
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 1, 0), 0x10), 0);
	/* A conventional function's extended space is all zero. */
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 2, 0), 0x01), 0);
	/* Nothing there: all ones. */
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 3, 0), 0x01), 0);
	/* A list that loops ends without finding what is not in it. */
	add_ext_cap(f, 0x200, 0x03, 0x148);
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 1, 0), 0x10), 0);
	/* A next offset into the first 256 bytes ends the list. */
	add_ext_cap(plain, 0x100, 0x01, 0x40);
	plain->cfg[0x40] = 0x0d;
	CHECK_INT(kut_pci_find_ext_cap(BDF(0, 2, 0), 0x0d), 0);
}

ISOLATED_TEST(no_capability_list_bit_no_walk_no_msi)
{
	struct kut_pci_dev dev;
	struct fake_fn *f;

	machine(0);
	f = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	f->cfg[CAP_PTR] = 0x40;				/* garbage: status says none */
	f->cfg[0x40] = 0x05;
	kut_pci_dev_init(&dev, BDF(0, 1, 0));
	caps = 0;
	kut_pci_cap_walk(&dev, record_cap);
	CHECK_INT(caps, 0);
	kut_pci_enable_defaults(&dev);
	CHECK(!kut_pci_setup_msi(&dev, 0xfee00000, 0));
	CHECK(strstr(host_console, "00.01.0: no MSI capability") != NULL);
}

static struct kut_pci_dev walk_dev;

static void walk(void)
{
	kut_pci_cap_walk(&walk_dev, record_cap);
}

ISOLATED_TEST(bad_capability_lists_stop_the_test)
{
	struct fake_fn *f;

	machine(0);
	f = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	add_cap(f, 0x40, 0x09, 0x48);
	add_cap(f, 0x48, 0x09, 0x40);			/* loops */
	f = add_fn(0, 2, 0, 0x1234, 0x0002, 0);
	add_cap(f, 0x40, 0x09, 0x10);			/* into the header */
	kut_pci_dev_init(&walk_dev, BDF(0, 1, 0));
	CHECK(host_run(walk) != -1);
	CHECK(strstr(host_console, "ABORT: pci: 00.01.0: capability list loops") != NULL);
	host_console_reset();
	kut_pci_dev_init(&walk_dev, BDF(0, 2, 0));
	CHECK(host_run(walk) != -1);
	CHECK(strstr(host_console, "points into the header") != NULL);
}

ISOLATED_TEST(pci_print_lists_functions_bridges_and_bars)
{
	topology();
	kut_pci_print();
	CHECK(strstr(host_console, "00.03.0 1b36:0001 type 01") != NULL);
	CHECK(strstr(host_console, "bridge to buses 01-02") != NULL);
	CHECK(strstr(host_console, "02.00.0 1b36:0005 type 00 progif 00 class 00 subclass ff") != NULL);
	CHECK(strstr(host_console, "MEM32]") != NULL);
	CHECK(strstr(host_console, "PIO]") != NULL);
	CHECK(strstr(host_console, "00.02.1") == NULL);	/* not multi-function */
}

ISOLATED_TEST(testdev_protocol_through_both_bars_behind_two_bridges)
{
	struct kut_pci_testdev_region r;
	struct kut_pci_testdev_entry e;
	struct kut_pci_dev dev;

	topology();
	CHECK_INT(kut_pci_testdev(), 6);
	CHECK(strstr(host_console, "pci-testdev mem: mmio-no-eventfd") != NULL);
	CHECK(strstr(host_console, "pci-testdev  io: portio-datamatch-eventfd") != NULL);

	/* The second one, two bridges down. */
	kut_pci_dev_init(&dev, BDF(2, 0, 0));
	CHECK(kut_pci_testdev_region_init(&r, &dev, 1));
	CHECK(r.io && r.size == 256);
	CHECK(kut_pci_testdev_select(&r, 2, &e));
	CHECK_STR(e.name, "portio-datamatch-eventfd");
	CHECK(e.width == 1 && e.offset == 133 && e.data == 0xfa && e.count == 0);
	CHECK_INT(kut_pci_testdev_write(&r, &e, e.offset, e.data, 5), 5);
	CHECK_INT(kut_pci_testdev_write(&r, &e, e.offset, 0x11, 5), 5);
	CHECK(!kut_pci_testdev_select(&r, 3, &e));
	CHECK_INT(e.width, 0);
	CHECK_INT(bad_accesses, 0);
}

ISOLATED_TEST(testdev_writes_an_ioeventfd_swallows_are_fine)
{
	struct fake_testdev *td;

	machine(0);
	td = add_testdev(0, 1, 0);
	td->eventfd = true;
	CHECK_INT(kut_pci_testdev(), 6);
}

ISOLATED_TEST(testdev_that_counts_nothing_fails)
{
	machine(0);
	add_testdev(0, 1, 0)->drops_writes = true;
	CHECK_INT(kut_pci_testdev(), 0);
}

/* What pci-test checks step by step, which pci_testdev() never does. */
static void reselect(bool broken)
{
	struct kut_pci_testdev_region r;
	struct kut_pci_testdev_entry e;
	struct kut_pci_dev dev;

	machine(0);
	add_testdev(0, 1, 0)->keeps_count = broken;
	kut_pci_dev_init(&dev, kut_pci_find_dev(0x1b36, 0x0005));
	CHECK(kut_pci_testdev_region_init(&r, &dev, 0));
	CHECK(kut_pci_testdev_select(&r, 0, &e) && e.count == 0);
	CHECK_INT(kut_pci_testdev_write(&r, &e, e.offset, e.data, 16), 16);
	CHECK_INT(kut_pci_testdev_write(&r, &e, e.offset + 8, e.data, 16), 16);
	CHECK(kut_pci_testdev_select(&r, 0, &e));
	CHECK_INT(e.count, broken ? 16 : 0);
}

ISOLATED_TEST(testdev_selecting_again_resets_the_count)
{
	reselect(false);
}

ISOLATED_TEST(testdev_a_count_that_is_not_reset_shows)
{
	reselect(true);
}

ISOLATED_TEST(testdev_with_decoding_off_is_not_reached)
{
	struct kut_pci_dev dev;
	pcidevaddr_t bdf;

	machine(0);
	add_testdev(0, 1, 0);
	bdf = kut_pci_find_dev(0x1b36, 0x0005);
	kut_pci_dev_init(&dev, bdf);
	kut_pci_cmd_set_clr(&dev, 0, CMD_MEM | CMD_IO);
	CHECK_INT(kut_pci_testdev(), 0);
	CHECK(bad_accesses > 0);
}

ISOLATED_TEST(testdev_unassigned_bars_are_not_used)
{
	struct kut_pci_testdev_region r;
	struct kut_pci_dev dev;

	machine(0);
	fake_host.nr_windows = 0;			/* nothing to assign from */
	add_testdev(0, 1, 0);
	kut_pci_dev_init(&dev, kut_pci_find_dev(0x1b36, 0x0005));
	CHECK(!kut_pci_testdev_region_init(&r, &dev, 0));
	CHECK(!kut_pci_testdev_region_init(&r, &dev, 1));
	CHECK(!kut_pci_testdev_region_init(&r, &dev, 2));
	CHECK_INT(kut_pci_testdev(), 0);
	CHECK(strstr(host_console, "BAR 0 missing or unassigned") != NULL);
	CHECK_INT(bad_accesses, 0);
}

TEST(testdev_which_tests_must_count)
{
	struct kut_pci_testdev_entry e = { 0 };
	static const struct { const char *name; bool always; } cases[] = {
		{ "mmio-no-eventfd", true }, { "portio-no-eventfd", true },
		{ "mmio-wildcard-eventfd", false }, { "portio-datamatch-eventfd", false },
		{ "eventfd", true }, { "-eventfd", false }, { "", true }, { "other", true },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		strcpy(e.name, cases[i].name);
		if (kut_pci_testdev_counts_always(&e) != cases[i].always) {
			printf("#   \"%s\"\n", cases[i].name);
			harness_case_failed = 1;
		}
	}
}

ISOLATED_TEST(bar_set_addr_moves_a_bar)
{
	struct kut_pci_dev dev;
	struct fake_fn *f;

	machine(0);
	f = add_fn(0, 1, 0, 0x1234, 0x0001, 0);
	add_bar(f, 0, 4096, BAR_64 | BAR_PREF);
	kut_pci_dev_init(&dev, BDF(0, 1, 0));
	kut_pci_bar_set_addr(&dev, 0, MEM32_PCI + 0x5000);
	CHECK(bar_addr(0, 1 << 3, 0) == MEM32_PCI + 0x5000);
	CHECK(kut_pci_bar_get_addr(&dev, 0) == MEM32_CPU + 0x5000);
	CHECK(kut_pci_bar_get_addr(&dev, 1) == MEM32_CPU + 0x5000);
	/* The type bits stay. */
	CHECK_INT(kut_pci_bar_get(&dev, 0) & 0xf, BAR_64 | BAR_PREF);
	kut_pci_bar_set_addr(&dev, 0, MEM64_PCI);
	CHECK_INT(cfg32(0, 1 << 3, BAR0 + 4), MEM64_PCI >> 32);
}
