/* SPDX-License-Identifier: MIT */
/*
 * asm/gic-v3-its.h - the GICv3 Interrupt Translation Service: it turns a
 * (DeviceID, EventID) message, an MSI write to GITS_TRANSLATER, into an
 * LPI on a collection's redistributor.  Found by gic_init() as a child
 * of the GICv3 node ("arm,gic-v3-its"; QEMU's virt machine has one with
 * gic-version=3), which sets up its device and collection tables and
 * its command queue (its_init()); its_data.base is NULL without one.
 *
 * Typical use, after gic_enable_defaults() on every CPU concerned:
 *	its_enable_defaults();			(LPI tables, LPIs, ITS on)
 *	dev = its_create_device(2, 8);		(DeviceID 2, 8 events)
 *	col = its_create_collection(3, 3);	(collection 3 -> CPU 3)
 *	gicv3_lpi_set_config(8195, LPI_PROP_DEFAULT);
 *	its_send_mapd(dev, true);
 *	its_send_mapc(col, true);
 *	its_send_mapti(dev, 8195, 20, col);	(event 20 -> LPI 8195)
 *	its_send_int(dev, 20);			(LPI 8195 on CPU 3)
 * Each its_send_*() queues one command and waits until the ITS has
 * consumed it, printing it first; the _nv forms print nothing.
 */
#ifndef _ASMARM64_GIC_V3_ITS_H_
#define _ASMARM64_GIC_V3_ITS_H_

#ifndef _ASMARM_GIC_H_
#error "include <asm/gic.h>, not <asm/gic-v3-its.h>"
#endif

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <bitops.h>

/* What GITS_TYPER says (its_parse_typer()). */
struct its_typer {
	unsigned int ite_size;		/* bytes per translation table entry */
	unsigned int eventid_bits;
	unsigned int deviceid_bits;
	unsigned int collid_bits;
	bool pta;			/* targets are redistributor addresses */
	bool phys_lpi;
	bool virt_lpi;
};

/* One GITS_BASERn table (its_baser_lookup()). */
struct its_baser {
	int index;
	size_t psz;
	int esz;			/* entry size in bytes */
	bool indirect;
	void *table_addr;
};

#define GITS_BASER_NR_REGS		8
#define GITS_MAX_DEVICES		8
#define GITS_MAX_COLLECTIONS		8

struct its_device {
	u32 device_id;
	u32 nr_ites;			/* events it may send */
	void *itt;			/* its interrupt translation table */
};

struct its_collection {
	u64 target_address;		/* RD address (PTA) or PE number << 16 */
	u16 col_id;
};

struct its_data {
	void *base;
	struct its_typer typer;
	struct its_baser device_baser;
	struct its_baser coll_baser;
	struct its_cmd_block *cmd_base;
	struct its_cmd_block *cmd_write;
	struct its_device devices[GITS_MAX_DEVICES];
	u32 nr_devices;
	struct its_collection collections[GITS_MAX_COLLECTIONS];
	u16 nr_collections;
};

extern struct its_data its_data;

#define gicv3_its_base()		(its_data.base)
#endif /* !__ASSEMBLY__ */

#define GITS_CTLR			0x0000
#define GITS_IIDR			0x0004
#define GITS_TYPER			0x0008
#define GITS_CBASER			0x0080
#define GITS_CWRITER			0x0088
#define GITS_CREADR			0x0090
#define GITS_BASER			0x0100
#define GITS_TRANSLATER			0x10040	/* in the second 64 KiB frame */

#define GITS_TYPER_PLPIS		BIT(0)
#define GITS_TYPER_VLPIS		BIT(1)
#define GITS_TYPER_ITT_ENTRY_SIZE	GENMASK_ULL(7, 4)
#define GITS_TYPER_ITT_ENTRY_SIZE_SHIFT	4
#define GITS_TYPER_IDBITS		GENMASK_ULL(12, 8)
#define GITS_TYPER_IDBITS_SHIFT		8
#define GITS_TYPER_DEVBITS		GENMASK_ULL(17, 13)
#define GITS_TYPER_DEVBITS_SHIFT	13
#define GITS_TYPER_PTA			BIT(19)
#define GITS_TYPER_CIDBITS		GENMASK_ULL(35, 32)
#define GITS_TYPER_CIDBITS_SHIFT	32
#define GITS_TYPER_CIL			BIT(36)

#define GITS_CTLR_ENABLE		(1U << 0)
#define GITS_CTLR_QUIESCENT		(1U << 31)

#define GITS_CBASER_VALID		(1UL << 63)

#define GITS_BASER_VALID		BIT(63)
#define GITS_BASER_INDIRECT		BIT(62)
#define GITS_BASER_TYPE_SHIFT		(56)
#define GITS_BASER_TYPE(r)		(((r) >> GITS_BASER_TYPE_SHIFT) & 7)
#define GITS_BASER_ENTRY_SIZE_SHIFT	(48)
#define GITS_BASER_ENTRY_SIZE(r)	((((r) >> GITS_BASER_ENTRY_SIZE_SHIFT) & 0x1f) + 1)
#define GITS_BASER_PAGE_SIZE_SHIFT	(8)
#define GITS_BASER_PAGE_SIZE_4K		(0UL << GITS_BASER_PAGE_SIZE_SHIFT)
#define GITS_BASER_PAGE_SIZE_16K	(1UL << GITS_BASER_PAGE_SIZE_SHIFT)
#define GITS_BASER_PAGE_SIZE_64K	(2UL << GITS_BASER_PAGE_SIZE_SHIFT)
#define GITS_BASER_PAGE_SIZE_MASK	(3UL << GITS_BASER_PAGE_SIZE_SHIFT)
#define GITS_BASER_PAGES_MAX		256
#define GITS_BASER_PAGES_SHIFT		(0)
#define GITS_BASER_NR_PAGES(r)		(((r) & 0xff) + 1)
#define GITS_BASER_PHYS_ADDR_MASK	0xFFFFFFFFF000
#define GITS_BASER_TYPE_NONE		0
#define GITS_BASER_TYPE_DEVICE		1
#define GITS_BASER_TYPE_COLLECTION	4

/* ITS command numbers (DW0 [7:0]). */
#define GITS_CMD_MAPD			0x08
#define GITS_CMD_MAPC			0x09
#define GITS_CMD_MAPTI			0x0a
#define GITS_CMD_MAPI			0x0b
#define GITS_CMD_MOVI			0x01
#define GITS_CMD_DISCARD		0x0f
#define GITS_CMD_INV			0x0c
#define GITS_CMD_MOVALL			0x0e
#define GITS_CMD_INVALL			0x0d
#define GITS_CMD_INT			0x03
#define GITS_CMD_CLEAR			0x04
#define GITS_CMD_SYNC			0x05

#ifndef __ASSEMBLY__
/* One 32-byte command in the queue. */
struct its_cmd_block {
	u64 raw_cmd[4];
};

/* Read GITS_TYPER into its_data.typer. */
extern void its_parse_typer(void);
/*
 * Read GITS_TYPER, give the device and collection tables their memory
 * and set up the command queue (gic_init() does it); nothing without an
 * ITS.
 */
extern void its_init(void);
/* The GITS_BASERn of table type @i (GITS_BASER_TYPE_*); 0, or -1. */
extern int its_baser_lookup(int i, struct its_baser *baser);
/*
 * After gic_enable_defaults() on the CPUs concerned: the LPI tables, LPIs
 * on in every online CPU's redistributor, and the ITS enabled.
 */
extern void its_enable_defaults(void);
/* A device with room for @nr_ites events, or a collection on CPU @target_pe. */
extern struct its_device *its_create_device(u32 dev_id, int nr_ites);
extern struct its_collection *its_create_collection(u16 col_id, u32 target_pe);
/* What its_create_*() made with that ID (asserts there is one). */
extern struct its_device *its_get_device(u32 id);
extern struct its_collection *its_get_collection(u32 id);

/* The commands; @verbose prints each before sending it. */
extern void __its_send_mapd(struct its_device *dev, int valid, bool verbose);
extern void __its_send_mapc(struct its_collection *col, int valid, bool verbose);
extern void __its_send_mapti(struct its_device *dev, u32 irq_id, u32 event_id,
			     struct its_collection *col, bool verbose);
extern void __its_send_int(struct its_device *dev, u32 event_id, bool verbose);
extern void __its_send_inv(struct its_device *dev, u32 event_id, bool verbose);
extern void __its_send_discard(struct its_device *dev, u32 event_id, bool verbose);
extern void __its_send_clear(struct its_device *dev, u32 event_id, bool verbose);
extern void __its_send_invall(struct its_collection *col, bool verbose);
extern void __its_send_movi(struct its_device *dev, struct its_collection *col,
			    u32 id, bool verbose);
extern void __its_send_sync(struct its_collection *col, bool verbose);

#define its_send_mapd(dev, valid)			__its_send_mapd(dev, valid, true)
#define its_send_mapc(col, valid)			__its_send_mapc(col, valid, true)
#define its_send_mapti(dev, irqid, eventid, col)	__its_send_mapti(dev, irqid, eventid, col, true)
#define its_send_int(dev, eventid)			__its_send_int(dev, eventid, true)
#define its_send_inv(dev, eventid)			__its_send_inv(dev, eventid, true)
#define its_send_discard(dev, eventid)			__its_send_discard(dev, eventid, true)
#define its_send_clear(dev, eventid)			__its_send_clear(dev, eventid, true)
#define its_send_invall(col)				__its_send_invall(col, true)
#define its_send_movi(dev, col, id)			__its_send_movi(dev, col, id, true)
#define its_send_sync(col)				__its_send_sync(col, true)

#define its_send_mapd_nv(dev, valid)			__its_send_mapd(dev, valid, false)
#define its_send_mapc_nv(col, valid)			__its_send_mapc(col, valid, false)
#define its_send_mapti_nv(dev, irqid, eventid, col)	__its_send_mapti(dev, irqid, eventid, col, false)
#define its_send_int_nv(dev, eventid)			__its_send_int(dev, eventid, false)
#define its_send_inv_nv(dev, eventid)			__its_send_inv(dev, eventid, false)
#define its_send_discard_nv(dev, eventid)		__its_send_discard(dev, eventid, false)
#define its_send_clear_nv(dev, eventid)			__its_send_clear(dev, eventid, false)
#define its_send_invall_nv(col)				__its_send_invall(col, false)
#define its_send_movi_nv(dev, col, id)			__its_send_movi(dev, col, id, false)
#define its_send_sync_nv(col)				__its_send_sync(col, false)

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM64_GIC_V3_ITS_H_ */
