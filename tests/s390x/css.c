// SPDX-License-Identifier: MIT
/*
 * css.c - the channel subsystem with a virtio-ccw device (run with
 * -device virtio-net-ccw): STSCH finds the subchannel and its device,
 * MSCH enables it for I/O with an interruption subclass, SSCH starts a
 * channel program that ends in an I/O interrupt and TSCH status: SENSE
 * ID names a virtio control unit and the device type, a virtio-ccw
 * READ FEATURES transfers the device's feature bits; a disabled
 * subchannel refuses SSCH, TSCH with nothing pending says so, and
 * malformed operands are program exceptions.
 */
#include <libcflat.h>
#include <css.h>
#include <interrupt.h>
#include <malloc_io.h>
#include <asm/arch_def.h>
#include <asm/interrupt.h>

/* virtio-ccw (virtio spec, "Virtio Over Channel I/O"). */
#define VIRTIO_CCW_CU_TYPE	0x3832
#define VIRTIO_ID_NET		1
#define CCW_CMD_VDEV_RESET	0x33
#define CCW_CMD_READ_FEAT	0x12
#define VIRTIO_NET_F_MAC	5

struct virtio_feature_desc {
	uint32_t features;	/* little endian */
	uint8_t index;
} __attribute__((packed));

static int schid;

static int run_ccw(uint8_t code, void *data, int count, uint8_t flags)
{
	struct ccw1 *ccw = ccw_alloc(code, data, count, flags);
	int cc, ret;

	assert(ccw);
	cc = start_ccw1_chain(schid, ccw);
	if (cc) {
		report_fail("ssch: cc %d for CCW %02x", cc, code);
		free_io_mem(ccw, sizeof(*ccw));
		return -1;
	}
	ret = wait_and_check_io_completion(schid);
	free_io_mem(ccw, sizeof(*ccw));
	return ret;
}

static void check_enable(void)
{
	report_prefix_push("enable");
	report(stsch(schid, &schib) == 0 && (schib.pmcw.flags & PMCW_DNV),
	       "stsch: device %04x behind subchannel %08x", schib.pmcw.devnum, schid);
	report(css_enable(schid, IO_SCH_ISC) == 0 && css_enabled(schid) &&
	       (schib.pmcw.flags & PMCW_ISC_MASK) >> PMCW_ISC_SHIFT == IO_SCH_ISC,
	       "msch: enabled, ISC %d", IO_SCH_ISC);
	report_prefix_pop();
}

static void check_sense_id(void)
{
	struct senseid *id = alloc_io_mem(sizeof(*id), 0);

	report_prefix_push("sense id");
	memset(id, 0, sizeof(*id));
	report(run_ccw(CCW_CMD_SENSE_ID, id, sizeof(*id), CCW_F_SLI) == 0,
	       "ssch, I/O interrupt, tsch: channel and device end");
	report(id->reserved == 0xff && id->cu_type == VIRTIO_CCW_CU_TYPE,
	       "control unit %04x (virtio), model %02x", id->cu_type, id->cu_model);
	report(id->cu_model == VIRTIO_ID_NET, "model: the virtio device ID (net)");
	free_io_mem(id, sizeof(*id));
	report_prefix_pop();
}

static void check_virtio(void)
{
	struct virtio_feature_desc *f = alloc_io_mem(sizeof(*f), 0);
	uint32_t features;

	report_prefix_push("virtio-ccw");
	report(run_ccw(CCW_CMD_VDEV_RESET, NULL, 0, 0) == 0, "reset the device");
	memset(f, 0, sizeof(*f));
	f->index = 0;
	report(run_ccw(CCW_CMD_READ_FEAT, f, sizeof(*f), 0) == 0 &&
	       css_residual_count(schid) == 0, "read features: all %zu bytes moved",
	       sizeof(*f));
	features = __builtin_bswap32(f->features);
	report(features & (1U << VIRTIO_NET_F_MAC), "feature bits %08x: net has a MAC",
	       features);
	free_io_mem(f, sizeof(*f));
	report_prefix_pop();
}

static void check_errors(void)
{
	struct irb irb;
	struct orb *orb;
	int cc;

	report_prefix_push("errors");
	cc = tsch(schid, &irb);
	report(cc == 1, "tsch with no status pending: cc 1");
	expect_pgm_int();
	stsch(schid & ~SCHID_ONE, &schib);
	check_pgm_int_code(PGM_INT_CODE_OPERAND);
	orb = alloc_io_mem(sizeof(*orb) * 2, 0);
	expect_pgm_int();
	ssch(schid, (struct orb *)((char *)orb + 2));
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	free_io_mem(orb, sizeof(*orb) * 2);

	/* Disabled: SSCH finds it not operational. */
	stsch(schid, &schib);
	schib.pmcw.flags &= ~PMCW_ENABLE;
	report(msch(schid, &schib) == 0 && !css_enabled(schid), "msch: disabled again");
	orb = alloc_io_mem(sizeof(*orb), 0);
	memset(orb, 0, sizeof(*orb));
	orb->ctrl = ORB_CTRL_FMT | ORB_LPM_DFLT;
	report(ssch(schid, orb) == 3, "ssch on a disabled subchannel: cc 3");
	free_io_mem(orb, sizeof(*orb));
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("css");
	schid = css_enumerate();
	if (!schid) {
		report_skip("no I/O device (run with -device virtio-net-ccw)");
		return report_summary();
	}
	register_io_int_func(css_irq_io);
	enable_io_isc(0x80 >> IO_SCH_ISC);
	check_enable();
	check_sense_id();
	check_virtio();
	check_errors();
	unregister_io_int_func(css_irq_io);
	return report_summary();
}
