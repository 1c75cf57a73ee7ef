/* SPDX-License-Identifier: MIT */
/*
 * pci.h - finding PCI functions, reading and writing their configuration
 * space, and using their BARs: upstream kvm-unit-tests' API, so its PCI
 * tests build unchanged, plus a few kut additions marked as such.
 *
 * Config space is reached through the arch's host bridge: ports
 * 0xcf8/0xcfc on x86, the ECAM window of the device tree's
 * "pci-host-ecam-generic" node on arm and arm64.  Neither QEMU's qboot
 * (x86) nor the arm virt machine assigns BARs, so pci_probe() does it,
 * from the host bridge's windows, the first time any of pci_probe(),
 * pci_find_dev(), pci_next_dev(), pci_dev_init() or pci_print() runs;
 * BARs that firmware assigned already are kept.  Bridges firmware left
 * unconfigured get bus numbers and windows too, so functions behind them
 * are found.  docs/api/pci.md tells the whole story and its limits.
 *
 * A function is named by a pcidevaddr_t, bus << 8 | device << 3 |
 * function (one PCI segment).  BAR numbers are register indexes: a 64-bit
 * BAR 2 also occupies register 3, and the next BAR is 4.
 */
#ifndef _PCI_H_
#define _PCI_H_

#include <libcflat.h>
#include <linux/pci_regs.h>

typedef uint16_t pcidevaddr_t;
enum {
	PCIDEVADDR_INVALID = 0xffff,
};

#define PCI_BAR_NUM			6
#define PCI_DEVFN_MAX			256

/* A BAR register index is in range, or the test stops. */
#define ASSERT_BAR_NUM(bar_num)	\
	do { assert((bar_num) >= 0 && (bar_num) < PCI_BAR_NUM); } while (0)

/* The parts of a pcidevaddr_t. */
#define PCI_BDF_GET_DEVFN(x)		((x) & 0xff)
#define PCI_BDF_GET_BUS(x)		(((x) >> 8) & 0xff)
/* kut: build one from bus, device (slot) and function numbers. */
#define PCI_BDF(bus, dev, fn)		((pcidevaddr_t)(((bus) << 8) | ((dev) << 3) | (fn)))

/* The header type without its multi-function bit. */
#define PCI_HEADER_TYPE_MASK		0x7f

/*
 * One function, as pci_dev_init() found it: resource[n] is the CPU
 * address of BAR n (for an I/O BAR: the port on x86, the MMIO address of
 * the host bridge's I/O window plus the port on arm), 0 if the BAR is
 * unassigned or no host bridge window reaches it, INVALID_PHYS_ADDR if
 * the function has no such BAR; both registers of a 64-bit BAR hold its
 * address.  msi_offset is the MSI capability's offset, once
 * pci_enable_defaults() has looked (0: none).
 */
struct pci_dev {
	uint16_t bdf;
	uint16_t msi_offset;
	phys_addr_t resource[PCI_BAR_NUM];
};

typedef phys_addr_t iova_t;

/*
 * Configuration space of function @dev at offset @reg.  A function that
 * does not exist reads as all ones and ignores writes, as does everything
 * on a machine without PCI.  Accesses must be naturally aligned.  Any CPU
 * may call these at any time: the x86 address/data port pair is locked.
 */
extern uint8_t pci_config_readb(pcidevaddr_t dev, uint8_t reg);
extern uint16_t pci_config_readw(pcidevaddr_t dev, uint8_t reg);
extern uint32_t pci_config_readl(pcidevaddr_t dev, uint8_t reg);
extern void pci_config_writeb(pcidevaddr_t dev, uint8_t reg, uint8_t val);
extern void pci_config_writew(pcidevaddr_t dev, uint8_t reg, uint16_t val);
extern void pci_config_writel(pcidevaddr_t dev, uint8_t reg, uint32_t val);

/*
 * PCI Express extended configuration space, offsets 0x100-0xffc (and the
 * first 256 bytes too), in 32-bit words.  Reached where config space is
 * an ECAM window (arm, arm64, riscv64); on x86 (ports 0xcf8/0xcfc)
 * pci_config_ext_available() is false and offsets from 0x100 read as all
 * ones and ignore writes.  A conventional PCI function reads as 0 there.
 */
extern bool pci_config_ext_available(void);
extern uint32_t pci_config_readl_ext(pcidevaddr_t dev, uint16_t reg);
extern void pci_config_writel_ext(pcidevaddr_t dev, uint16_t reg, uint32_t val);
/*
 * The offset of extended capability @cap_id (PCI_EXT_CAP_ID_*) of @dev,
 * or 0 if it has none (or no extended space).
 */
extern uint16_t pci_find_ext_cap(pcidevaddr_t dev, uint16_t cap_id);

/*
 * Find the host bridge, enumerate every function on its root bus and
 * behind its bridges, and give BARs left unassigned an address from the
 * bridge's windows, enabling the function's memory and I/O decoding for
 * them.  Runs once; later calls return the first result.  False when the
 * machine has no PCI host bridge (x86 microvm, a device tree without one).
 * A BAR that fits no window stays unassigned (pci_print() says so).
 */
extern bool pci_probe(void);

/*
 * Print every function: address, IDs, header type, class, capabilities
 * and BARs.  Probes first.
 */
extern void pci_print(void);

/* Whether function @dev answers config reads (its vendor ID is not 0xffff). */
extern bool pci_dev_exists(pcidevaddr_t dev);

/*
 * The first function, in enumeration order (bus by bus, depth first
 * through bridges), with these IDs; PCIDEVADDR_INVALID if there is none.
 * Probes first.
 */
extern pcidevaddr_t pci_find_dev(uint16_t vendor_id, uint16_t device_id);

/*
 * kut: the function enumerated after @prev (PCIDEVADDR_INVALID: the
 * first one), PCIDEVADDR_INVALID after the last.  Probes first.
 */
extern pcidevaddr_t pci_next_dev(pcidevaddr_t prev);

/* kut: every function, in enumeration order, @bdf a pcidevaddr_t. */
#define for_each_pci_dev(bdf)						\
	for ((bdf) = pci_next_dev(PCIDEVADDR_INVALID);			\
	     (bdf) != PCIDEVADDR_INVALID; (bdf) = pci_next_dev(bdf))

/*
 * Fill @dev for function @bdf: sizes each BAR (with decoding switched
 * off meanwhile) and records its address in dev->resource[].  A bridge
 * has two BARs, other non-normal headers none.  Probes first.
 */
extern void pci_dev_init(struct pci_dev *dev, pcidevaddr_t bdf);

/* Set the @set bits and clear the @clr bits of PCI_COMMAND (disjoint). */
extern void pci_cmd_set_clr(struct pci_dev *dev, uint16_t set, uint16_t clr);

/*
 * Call @handler for each capability of @dev's list, in list order, with
 * its offset and ID; none unless PCI_STATUS_CAP_LIST is set.  A list
 * that loops or points into the 64-byte header stops the test.
 */
typedef void (*pci_cap_handler_t)(struct pci_dev *dev, int cap_offset, int cap_id);
extern void pci_cap_walk(struct pci_dev *dev, pci_cap_handler_t handler);

/*
 * kut: the offset of @dev's first capability with ID @cap_id, 0 if it
 * has none.
 */
extern int pci_find_cap(struct pci_dev *dev, int cap_id);

/*
 * Make @dev usable: memory and I/O decoding for the kinds of BAR it has,
 * bus mastering (DMA), and dev->msi_offset from its capabilities.
 */
extern void pci_enable_defaults(struct pci_dev *dev);

/*
 * Program @dev's MSI capability with @msi_addr and @msi_data and enable
 * it; false (and a message) when @dev has none (pci_enable_defaults()
 * first).
 */
extern bool pci_setup_msi(struct pci_dev *dev, uint64_t msi_addr,
			  uint32_t msi_data);
/* Set or clear the enable bit of @dev's MSI capability. */
void pci_msi_set_enable(struct pci_dev *dev, bool enabled);

/*
 * BARs.  @bar_num is the register index from PCI_BASE_ADDRESS_0; for a
 * 64-bit BAR, the lower one.
 */
/* The BAR's CPU address as pci_dev_init() recorded it. */
extern phys_addr_t pci_bar_get_addr(struct pci_dev *dev, int bar_num);
/*
 * Point the BAR at PCI bus address @addr (both registers of a 64-bit
 * one) and record it; a 32-bit BAR takes only addresses below 4 GiB.
 */
extern void pci_bar_set_addr(struct pci_dev *dev, int bar_num, phys_addr_t addr);
/*
 * The BAR's size in bytes, 0 if it implements none, measured by writing
 * all ones and reading back (the old value is restored).
 */
extern phys_addr_t pci_bar_size(struct pci_dev *dev, int bar_num);
/* The raw register. */
extern uint32_t pci_bar_get(struct pci_dev *dev, int bar_num);
/* The address bits of register value @bar (I/O or memory BAR mask). */
extern uint32_t pci_bar_mask(uint32_t bar);
/* Whether the BAR is a 64-bit memory BAR. */
extern bool pci_bar_is64(struct pci_dev *dev, int bar_num);
/* Whether the BAR maps memory space (not I/O space). */
extern bool pci_bar_is_memory(struct pci_dev *dev, int bar_num);
/* Whether the function implements the BAR (pci_dev_init() found a size). */
extern bool pci_bar_is_valid(struct pci_dev *dev, int bar_num);
/* Print "BAR#n [start-end MEM32]" and the like, without a newline. */
extern void pci_bar_print(struct pci_dev *dev, int bar_num);
/* Print "bb.dd.f vvvv:dddd", without a newline. */
extern void pci_dev_print_id(struct pci_dev *dev);
/* Print one function as pci_print() does. */
extern void pci_dev_print(struct pci_dev *dev);
/* PCI_INTERRUPT_LINE of @dev. */
extern uint8_t pci_intx_line(struct pci_dev *dev);

/*
 * The CPU physical address at which PCI bus address @addr of function
 * @dev's bus is seen, through the host bridge's windows;
 * INVALID_PHYS_ADDR if no window holds it.  (Identity on x86.)
 */
extern phys_addr_t pci_translate_addr(pcidevaddr_t dev, uint64_t addr);

/*
 * QEMU's pci-testdev ("-device pci-testdev", which kut-run attaches
 * wherever the machine has PCI).  Its BAR 0 (memory) and BAR 1 (I/O)
 * each hold a list of tests: writing a test's number at offset 0 selects
 * it and zeroes its count; the selected test's header then reads back
 * (struct pci_test_dev_hdr), and each write of @width bytes at its
 * @offset adds one to @count, unless an ioeventfd in the host swallowed
 * it.  With "membar=SIZE", BAR 2 is a 64-bit prefetchable memory BAR.
 */
#define PCI_VENDOR_ID_REDHAT		0x1b36
#define PCI_DEVICE_ID_REDHAT_TEST	0x0005

#define PCI_TESTDEV_BAR_MEM		0
#define PCI_TESTDEV_BAR_IO		1
#define PCI_TESTDEV_NUM_BARS		2
#define PCI_TESTDEV_NUM_TESTS		3	/* per BAR */

struct pci_test_dev_hdr {
	uint8_t  test;
	uint8_t  width;
	uint8_t  pad0[2];
	uint32_t offset;
	uint32_t data;
	uint32_t count;
	uint8_t  name[];
};

/*
 * Run every test of the first pci-testdev through both BARs, printing
 * each one's name: the number of tests that passed, counted per BAR up to
 * the first failure (PCI_TESTDEV_NUM_BARS * PCI_TESTDEV_NUM_TESTS when
 * all pass), or -1 if there is no pci-testdev.
 */
extern int pci_testdev(void);

/*
 * kut: pci_testdev() step by step, so that a test can check and report
 * each part.  A region is one BAR of one pci-testdev.
 */
struct pci_testdev_region {
	bool io;		/* the I/O BAR */
	unsigned long base;	/* mapped address (x86 I/O: the port) */
	phys_addr_t size;
};

/* A test of the list, as its header reads once selected. */
struct pci_testdev_entry {
	int nr;
	uint8_t width;		/* bytes per write: 1, 2 or 4 */
	uint32_t offset;	/* where to write, from the region's start */
	uint32_t data;		/* what to write */
	uint32_t count;		/* writes counted so far */
	char name[32];		/* e.g. "portio-datamatch-eventfd" */
};

/*
 * Set @r up for BAR @bar_num of @dev (a pci-testdev, pci_dev_init()ed):
 * maps it; false if that BAR is missing or unassigned.
 */
extern bool pci_testdev_region_init(struct pci_testdev_region *r,
				    struct pci_dev *dev, int bar_num);
/*
 * Select test @nr and read its header into @e; false if the device has
 * no test @nr (its header then reads as zeroes) or the header is not
 * sane (width not 1, 2 or 4, offset outside the region).
 */
extern bool pci_testdev_select(struct pci_testdev_region *r, int nr,
			       struct pci_testdev_entry *e);
/*
 * Write @value @times times at offset @offset with the selected test's
 * width; returns the test's count afterwards.
 */
extern uint32_t pci_testdev_write(struct pci_testdev_region *r,
				  const struct pci_testdev_entry *e,
				  uint32_t offset, uint32_t value, int times);
/* The selected test's count register. */
extern uint32_t pci_testdev_count(struct pci_testdev_region *r);
/*
 * Whether @e counts its writes itself: only a test whose name does not
 * end in "-eventfd", or is "...no-eventfd", always does; the others'
 * writes may be swallowed by an ioeventfd, leaving the count 0.
 */
extern bool pci_testdev_counts_always(const struct pci_testdev_entry *e);

#endif /* _PCI_H_ */
