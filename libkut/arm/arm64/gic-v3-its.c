// SPDX-License-Identifier: MIT
/*
 * gic-v3-its.c - the GICv3 ITS (asm/gic-v3-its.h): its tables, the
 * command queue, and the commands, encoded as the GICv3 architecture
 * (Arm IHI 0069) lays them out: four 64-bit words, the command number in
 * DW0[7:0], the DeviceID in DW0[63:32], the EventID in DW1[31:0], the
 * physical INTID in DW1[63:32], the collection ID in DW2[15:0], the
 * target redistributor in DW2[51:16] and the valid bit in DW2[63]; MAPD
 * has the ITT address in DW2[51:8] and its size (EventID bits - 1) in
 * DW1[4:0].  A command is written at GITS_CWRITER and done when
 * GITS_CREADR has moved past it.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/delay.h>

/* Every table and the queue: one 64 KiB block (a "page" of the ITS). */
#define ITS_TABLE_SIZE		SZ_64K
#define ITS_QUEUE_SIZE		SZ_64K
#define ITS_CMD_SIZE		sizeof(struct its_cmd_block)

/* GITS_TYPER stores its sizes minus one, in the field @mask covers. */
static unsigned int typer_count(u64 typer, u64 mask)
{
	return ((typer & mask) >> __builtin_ctzll(mask)) + 1;
}

void its_parse_typer(void)
{
	u64 typer = readq(gicv3_its_base() + GITS_TYPER);
	struct its_typer *t = &its_data.typer;

	t->phys_lpi = typer & GITS_TYPER_PLPIS;
	t->virt_lpi = typer & GITS_TYPER_VLPIS;
	t->pta = typer & GITS_TYPER_PTA;
	t->ite_size = typer_count(typer, GITS_TYPER_ITT_ENTRY_SIZE);
	t->eventid_bits = typer_count(typer, GITS_TYPER_IDBITS);
	t->deviceid_bits = typer_count(typer, GITS_TYPER_DEVBITS);
	/* CIDbits means something only with CIL; otherwise IDs are 16 bits. */
	t->collid_bits = typer & GITS_TYPER_CIL ?
			 typer_count(typer, GITS_TYPER_CIDBITS) : 16;
}

int its_baser_lookup(int type, struct its_baser *baser)
{
	int i;

	for (i = 0; i < GITS_BASER_NR_REGS; i++) {
		u64 val = readq(gicv3_its_base() + GITS_BASER + i * 8);

		if ((int)GITS_BASER_TYPE(val) != type)
			continue;
		baser->index = i;
		baser->esz = GITS_BASER_ENTRY_SIZE(val);
		baser->indirect = val & GITS_BASER_INDIRECT;
		baser->psz = SZ_64K;
		return 0;
	}
	return -1;
}

/*
 * Give table @baser one flat block of ITS_TABLE_SIZE bytes: 64 KiB pages
 * (what we ask the register for), one page, valid.
 */
static void its_baser_alloc_table(struct its_baser *baser)
{
	void *reg = gicv3_its_base() + GITS_BASER + baser->index * 8;
	u64 val = readq(reg);

	baser->table_addr = alloc_pages(get_order(ITS_TABLE_SIZE / PAGE_SIZE));
	assert(baser->table_addr);
	val &= ~(GITS_BASER_PHYS_ADDR_MASK | GITS_BASER_PAGE_SIZE_MASK |
		 GITS_BASER_INDIRECT | 0xffUL);
	val |= virt_to_phys(baser->table_addr) | GITS_BASER_PAGE_SIZE_64K |
	       (ITS_TABLE_SIZE / SZ_64K - 1) | GITS_BASER_VALID;
	writeq(val, reg);
	/* An ITS with a fixed page size ignores ours: it must be 64 KiB. */
	assert_msg((readq(reg) & GITS_BASER_PAGE_SIZE_MASK) == GITS_BASER_PAGE_SIZE_64K,
		   "ITS table %d: no 64 KiB pages", baser->index);
}

void its_init(void)
{
	u64 cbaser;

	if (!its_data.base)
		return;
	its_parse_typer();
	assert_msg(!its_baser_lookup(GITS_BASER_TYPE_DEVICE, &its_data.device_baser),
		   "the ITS has no device table");
	assert_msg(!its_baser_lookup(GITS_BASER_TYPE_COLLECTION, &its_data.coll_baser),
		   "the ITS has no collection table");
	its_baser_alloc_table(&its_data.device_baser);
	its_baser_alloc_table(&its_data.coll_baser);

	/*
	 * The command queue starts empty, our write pointer and CWRITER at
	 * its first entry (the ITS is off: nothing runs yet).  CBASER[7:0]
	 * holds its size in 4 KiB pages, minus one.
	 */
	its_data.cmd_base = alloc_pages(get_order(ITS_QUEUE_SIZE / PAGE_SIZE));
	assert(its_data.cmd_base);
	its_data.cmd_write = its_data.cmd_base;
	writeq(0, its_data.base + GITS_CWRITER);
	cbaser = GITS_CBASER_VALID | virt_to_phys(its_data.cmd_base) |
		 (ITS_QUEUE_SIZE / SZ_4K - 1);
	writeq(cbaser, its_data.base + GITS_CBASER);
}

void its_enable_defaults(void)
{
	int cpu;

	gicv3_lpi_alloc_tables();
	for_each_online_cpu(cpu)
		gicv3_lpi_rdist_enable(cpu);
	writel(GITS_CTLR_ENABLE, its_data.base + GITS_CTLR);
}

struct its_device *its_create_device(u32 device_id, int nr_ites)
{
	struct its_device *dev;
	size_t bytes;

	assert_msg(its_data.nr_devices < GITS_MAX_DEVICES, "more than %d ITS devices",
		   GITS_MAX_DEVICES);
	dev = &its_data.devices[its_data.nr_devices++];
	dev->device_id = device_id;
	dev->nr_ites = nr_ites;
	/* The ITT is 256-byte aligned: pages are. */
	bytes = (size_t)its_data.typer.ite_size * nr_ites;
	dev->itt = alloc_pages(get_order(PAGE_ALIGN(bytes) >> PAGE_SHIFT));
	assert(dev->itt);
	return dev;
}

struct its_collection *its_create_collection(u16 col_id, u32 pe)
{
	struct its_collection *col;

	assert_msg(its_data.nr_collections < GITS_MAX_COLLECTIONS,
		   "more than %d ITS collections", GITS_MAX_COLLECTIONS);
	assert_msg(pe < (u32)nr_cpus, "no CPU %u", pe);
	col = &its_data.collections[its_data.nr_collections++];
	col->col_id = col_id;
	/* GITS_TYPER.PTA: a redistributor's address, else the PE number. */
	if (its_data.typer.pta)
		col->target_address = virt_to_phys(gicv3_data.redist_base[pe]);
	else
		col->target_address = (u64)pe << 16;
	return col;
}

struct its_device *its_get_device(u32 id)
{
	u32 i;

	for (i = 0; i < its_data.nr_devices; i++)
		if (its_data.devices[i].device_id == id)
			return &its_data.devices[i];
	assert_msg(false, "no ITS device %u", id);
	return NULL;
}

struct its_collection *its_get_collection(u32 id)
{
	u16 i;

	for (i = 0; i < its_data.nr_collections; i++)
		if (its_data.collections[i].col_id == id)
			return &its_data.collections[i];
	assert_msg(false, "no ITS collection %u", id);
	return NULL;
}

/* The queue offset of @cmd, as GITS_CWRITER/CREADR count. */
static u64 queue_offset(struct its_cmd_block *cmd)
{
	return (u64)((char *)cmd - (char *)its_data.cmd_base);
}

/*
 * Queue @cmd and wait (a second at most) until the ITS has read it: the
 * commands are handled in order, so a later INT sees this one done.
 */
static void its_send(const struct its_cmd_block *cmd, const char *name,
		     bool verbose)
{
	struct its_cmd_block *slot = its_data.cmd_write;
	struct its_cmd_block *next = slot + 1;
	u64 done;
	int i;

	assert_msg(its_data.cmd_base, "no ITS command queue: no ITS, or gic_init() not run");
	if (queue_offset(next) >= ITS_QUEUE_SIZE)
		next = its_data.cmd_base;
	*slot = *cmd;
	if (verbose)
		printf("ITS: %s: %016lx %016lx %016lx %016lx\n", name,
		       (unsigned long)cmd->raw_cmd[0], (unsigned long)cmd->raw_cmd[1],
		       (unsigned long)cmd->raw_cmd[2], (unsigned long)cmd->raw_cmd[3]);
	/* The command reaches memory before the ITS is told of it. */
	its_data.cmd_write = next;
	writeq(queue_offset(next), its_data.base + GITS_CWRITER);
	for (i = 0; i < 1000000; i++) {
		done = readq(its_data.base + GITS_CREADR) & 0xfffe0;
		if (done == queue_offset(next))
			return;
		cpu_relax();
		if (i > 1000)
			udelay(1);
	}
	printf("ITS: %s not consumed (GITS_CREADR %#lx, GITS_CWRITER %#lx)\n", name,
	       (unsigned long)readq(its_data.base + GITS_CREADR),
	       (unsigned long)queue_offset(next));
	abort();
}

/* RDbase field: target address bits [51:16] in DW2[51:16]. */
static u64 rdbase(const struct its_collection *col)
{
	return col->target_address & GENMASK_ULL(51, 16);
}

static struct its_cmd_block cmd_dev(u8 number, const struct its_device *dev)
{
	return (struct its_cmd_block){ .raw_cmd = {
		number | (u64)dev->device_id << 32, 0, 0, 0 } };
}

void __its_send_mapd(struct its_device *dev, int valid, bool verbose)
{
	struct its_cmd_block c = cmd_dev(GITS_CMD_MAPD, dev);
	u32 bits = 0;

	/* Size: enough EventID bits for nr_ites events, minus one. */
	while ((1U << (bits + 1)) < dev->nr_ites)
		bits++;
	c.raw_cmd[1] = bits;
	c.raw_cmd[2] = (virt_to_phys(dev->itt) & GENMASK_ULL(51, 8)) |
		       (u64)!!valid << 63;
	its_send(&c, "MAPD", verbose);
}

void __its_send_mapc(struct its_collection *col, int valid, bool verbose)
{
	struct its_cmd_block c = { .raw_cmd = { GITS_CMD_MAPC, 0,
		col->col_id | rdbase(col) | (u64)!!valid << 63, 0 } };

	its_send(&c, "MAPC", verbose);
}

void __its_send_mapti(struct its_device *dev, u32 irq_id, u32 event_id,
		      struct its_collection *col, bool verbose)
{
	struct its_cmd_block c = cmd_dev(GITS_CMD_MAPTI, dev);

	c.raw_cmd[1] = event_id | (u64)irq_id << 32;
	c.raw_cmd[2] = col->col_id;
	its_send(&c, "MAPTI", verbose);
}

static void send_event(u8 number, const char *name, struct its_device *dev,
		       u32 event_id, bool verbose)
{
	struct its_cmd_block c = cmd_dev(number, dev);

	c.raw_cmd[1] = event_id;
	its_send(&c, name, verbose);
}

void __its_send_int(struct its_device *dev, u32 event_id, bool verbose)
{
	send_event(GITS_CMD_INT, "INT", dev, event_id, verbose);
}

void __its_send_inv(struct its_device *dev, u32 event_id, bool verbose)
{
	send_event(GITS_CMD_INV, "INV", dev, event_id, verbose);
}

void __its_send_discard(struct its_device *dev, u32 event_id, bool verbose)
{
	send_event(GITS_CMD_DISCARD, "DISCARD", dev, event_id, verbose);
}

void __its_send_clear(struct its_device *dev, u32 event_id, bool verbose)
{
	send_event(GITS_CMD_CLEAR, "CLEAR", dev, event_id, verbose);
}

void __its_send_invall(struct its_collection *col, bool verbose)
{
	struct its_cmd_block c = { .raw_cmd = { GITS_CMD_INVALL, 0, col->col_id, 0 } };

	its_send(&c, "INVALL", verbose);
}

void __its_send_movi(struct its_device *dev, struct its_collection *col,
		     u32 id, bool verbose)
{
	struct its_cmd_block c = cmd_dev(GITS_CMD_MOVI, dev);

	c.raw_cmd[1] = id;
	c.raw_cmd[2] = col->col_id;
	its_send(&c, "MOVI", verbose);
}

void __its_send_sync(struct its_collection *col, bool verbose)
{
	struct its_cmd_block c = { .raw_cmd = { GITS_CMD_SYNC, 0, rdbase(col), 0 } };

	its_send(&c, "SYNC", verbose);
}
