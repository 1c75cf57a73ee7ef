// SPDX-License-Identifier: MIT
/*
 * css.c - the channel-subsystem library of css.h: finding and enabling
 * subchannels, starting channel programs and taking their interrupt,
 * CHSC, measurement blocks, and dumps of the control blocks.
 *
 * The I/O interrupt function (css_irq_io()) stores the status with TSCH
 * into one IRB the other functions read, and takes the wait bit out of
 * the old PSW, so that a wait_for_interrupt() ends; that is how
 * upstream kvm-unit-tests' tests drive I/O, and their names.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <css.h>
#include <interrupt.h>
#include <malloc_io.h>
#include <asm/arch_def.h>
#include <asm/time.h>

struct schib schib;
struct chsc_scsc *chsc_scsc;
static struct irb irb;

int css_enumerate(void)
{
	struct pmcw *pmcw = &schib.pmcw;
	int nr, io = 0, devices = 0, first = 0, cc;

	for (nr = 0; nr < 0x10000; nr++) {
		cc = stsch(nr | SCHID_ONE, &schib);
		if (cc == 3)
			break;		/* past the last subchannel */
		if (cc) {
			report_abort("stsch: cc %d for subchannel %08x", cc,
				     nr | SCHID_ONE);
			return cc;
		}
		if (PMCW_CHANNEL_TYPE(pmcw) != 0)
			continue;	/* not an I/O subchannel */
		io++;
		if (!(pmcw->flags & PMCW_DNV))
			continue;
		if (!first)
			first = nr | SCHID_ONE;
		report_info("Found subchannel %08x", nr | SCHID_ONE);
		devices++;
	}
	report_info("Tested subchannels: %d, I/O subchannels: %d, I/O devices: %d",
		    nr, io, devices);
	return first;
}

/* Whether @insn (its condition code @cc) on @schid succeeded; says why not. */
static bool sch_insn_ok(const char *insn, int schid, int cc)
{
	if (cc != 0)
		report_info("%s: sch %08x: cc %d", insn, schid, cc);
	return cc == 0;
}

bool css_enabled(int schid)
{
	if (!sch_insn_ok("stsch", schid, stsch(schid, &schib)))
		return false;
	if (!(schib.pmcw.flags & PMCW_ENABLE)) {
		report_info("stsch: sch %08x not enabled", schid);
		return false;
	}
	return true;
}

int css_enable(int schid, int isc)
{
	uint16_t want = PMCW_ENABLE | isc << PMCW_ISC_SHIFT;
	int tries, cc;

	cc = stsch(schid, &schib);
	if (!sch_insn_ok("stsch", schid, cc))
		return cc;
	if ((schib.pmcw.flags & (PMCW_ISC_MASK | PMCW_ENABLE)) == want) {
		report_info("stsch: sch %08x already enabled", schid);
		return 0;
	}
	for (tries = 0; tries <= MAX_ENABLE_RETRIES; tries++) {
		schib.pmcw.flags = (schib.pmcw.flags & ~PMCW_ISC_MASK) | want;
		cc = msch(schid, &schib);
		/* Status pending or busy: an error for the caller. */
		if (!sch_insn_ok("msch", schid, cc))
			return cc;
		if (css_enabled(schid))
			return 0;
		mdelay(10);
	}
	report_info("msch: sch %08x still not enabled after %d tries (flags %04x)",
		    schid, tries, schib.pmcw.flags);
	return -1;
}

/* MSCH the measurement-block settings into @schid's SCHIB, and read back. */
static bool update_mb(int schid, uint64_t mb, uint16_t mbi, uint16_t flags,
		      bool format1)
{
	struct pmcw *pmcw = &schib.pmcw;

	if (!sch_insn_ok("stsch", schid, stsch(schid, &schib)))
		return false;
	if (!flags) {
		/* Measurement off: neither block updates nor device-connect time. */
		pmcw->flags &= ~(PMCW_MBUE | PMCW_DCTME);
	} else {
		schib.mbo = mb & ~0x3fUL;
		pmcw->mbi = mbi;
		pmcw->flags2 = format1 ? pmcw->flags2 | PMCW_MBF1 :
					 pmcw->flags2 & ~PMCW_MBF1;
		pmcw->flags |= flags;
	}
	return sch_insn_ok("msch", schid, msch(schid, &schib)) &&
	       sch_insn_ok("stsch", schid, stsch(schid, &schib));
}

bool css_enable_mb(int schid, uint64_t mb, uint16_t mbi, uint16_t flags,
		   bool format1)
{
	int tries;

	for (tries = 0; tries < MAX_ENABLE_RETRIES; tries++) {
		if (update_mb(schid, mb, mbi, flags, format1))
			break;
		mdelay(10);
	}
	return schib.mbo == mb && schib.pmcw.mbi == mbi;
}

bool css_disable_mb(int schid)
{
	int tries;

	for (tries = 0; tries < MAX_ENABLE_RETRIES; tries++) {
		if (update_mb(schid, 0, 0, 0, false))
			return true;
		mdelay(10);
	}
	return false;
}

void css_irq_io(void)
{
	int sid = lowcore.subsys_id_word, cc;

	report_prefix_push("Interrupt");
	/* start_ccw1_chain() makes the subchannel ID the parameter. */
	if (lowcore.io_int_param != (uint32_t)sid) {
		report_fail("io_int_param %x is not the subsystem ID %x",
			    lowcore.io_int_param, sid);
		goto out;
	}
	cc = tsch(sid, &irb);
	if (cc == 1) {
		dump_irb(&irb);
		report_fail("I/O interrupt, but tsch: cc 1 for sch %08x (SCSW flags %s)",
			    sid, dump_scsw_flags(irb.scsw.ctrl));
	} else if (cc == 2) {
		report_fail("tsch: cc 2");
	} else if (cc == 3) {
		report_fail("tsch: sch %08x not operational", sid);
	}
out:
	report_prefix_pop();
	lowcore.io_old_psw.mask &= ~PSW_MASK_WAIT;
}

int start_ccw1_chain(unsigned int sid, struct ccw1 *ccw)
{
	struct orb orb = {
		.intparm = sid,
		.ctrl = ORB_CTRL_ISIC | ORB_CTRL_FMT | ORB_LPM_DFLT,
		.cpa = (uint32_t)(uintptr_t)ccw,
	};

	return ssch(sid, &orb);
}

struct ccw1 *ccw_alloc(int code, void *data, int count, unsigned char flags)
{
	struct ccw1 *ccw = alloc_io_mem(sizeof(*ccw), 0);

	if (ccw)
		*ccw = (struct ccw1){
			.code = code, .flags = flags, .count = count,
			.data_address = (uint32_t)(uintptr_t)data,
		};
	return ccw;
}

int wait_and_check_io_completion(int schid)
{
	int ret = -1;

	wait_for_interrupt(PSW_MASK_IO);
	report_prefix_push("check I/O completion");
	if (lowcore.io_int_param != (uint32_t)schid)
		report_fail("interrupt parameter: expected %08x, got %08x",
			    schid, lowcore.io_int_param);
	else if (!(irb.scsw.ctrl & SCSW_SC_PENDING))
		report_fail("no status pending after the interrupt (ctrl %08x)",
			    irb.scsw.ctrl);
	else if (!(irb.scsw.ctrl & (SCSW_SC_SECONDARY | SCSW_SC_PRIMARY)))
		report_fail("neither primary nor secondary status (ctrl %08x)",
			    irb.scsw.ctrl);
	else if (!(irb.scsw.dev_stat & (SCSW_DEVS_DEV_END | SCSW_DEVS_SCH_END)))
		report_fail("no device end or channel end (device status %02x)",
			    irb.scsw.dev_stat);
	else if (irb.scsw.sch_stat & ~SCSW_SCHS_IL)
		report_info("unexpected subchannel status %02x", irb.scsw.sch_stat);
	else
		ret = 0;
	report_prefix_pop();
	return ret;
}

int css_residual_count(unsigned int schid)
{
	(void)schid;	/* the last IRB is the library's one */
	if (!(irb.scsw.ctrl & (SCSW_SC_PENDING | SCSW_SC_PRIMARY)))
		return -1;
	if (irb.scsw.dev_stat && (irb.scsw.sch_stat & ~(SCSW_SCHS_PCI | SCSW_SCHS_IL)))
		return -1;
	return irb.scsw.count;
}

void enable_io_isc(uint8_t isc)
{
	/* CR6 bits 32-39: the mask of ISCs 0-7, as @isc has them. */
	lctlg(6, (uint64_t)isc << 24);
}

int css_find_installed_chpid(int sid, uint8_t *chpid_out)
{
	int cc = stsch(sid, &schib), i;
	uint8_t pim;

	if (cc) {
		report_fail("%s: stsch of sch %08x: cc %d", __func__, sid, cc);
		return cc;
	}
	/* PIM bit 0 (the leftmost) stands for chpid[0]. */
	for (i = 0, pim = schib.pmcw.pim; pim; i++, pim <<= 1) {
		if (pim & 0x80) {
			*chpid_out = schib.pmcw.chpid[i];
			return 0;
		}
	}
	return -1;
}

int css_generate_crw(int sid)
{
	uint8_t chpid;
	int cc;

	report_prefix_push("Generate CRW");
	if (css_find_installed_chpid(sid, &chpid)) {
		report_fail("no installed channel path");
		report_prefix_pop();
		return -1;
	}
	cc = rchp(chpid);
	report(!cc, "rchp of CHPID %02x: cc 0", chpid);
	report_prefix_pop();
	return 0;
}

static const char *const chsc_responses[] = {
	[CHSC_ERROR] = "unknown error",
	[CHSC_RSP_OK] = "command executed",
	[CHSC_RSP_INVAL] = "invalid command",
	[CHSC_RSP_REQERR] = "request-block error",
	[CHSC_RSP_ENOCMD] = "command not installed",
	[CHSC_RSP_NODATA] = "data not available",
	[CHSC_RSP_SUP31B] = "communication block above 2 GiB",
	[CHSC_RSP_EFRMT] = "invalid command format",
	[CHSC_RSP_ECSSID] = "invalid channel-subsystem ID",
	[CHSC_RSP_ERFRMT] = "invalid response-block format",
	[CHSC_RSP_ESSID] = "invalid subchannel-set ID",
	[CHSC_RSP_EBUSY] = "busy",
};

bool chsc(void *p, uint16_t code, uint16_t len)
{
	struct chsc_header *h = p, *res = (struct chsc_header *)((char *)p + len);
	int cc;

	h->code = code;
	h->len = len;
	cc = _chsc(p);
	if (cc)
		report_abort("CHSC %04x: cc %d (%s)", code, cc,
			     cc == 2 ? "busy" : "subchannel invalid or not enabled");
	if (res->code != CHSC_RSP_OK)
		report_abort("CHSC %04x: response %04x (%s)", code, res->code,
			     chsc_responses[res->code <= CHSC_RSP_MAX ? res->code : 0]);
	return true;
}

bool get_chsc_scsc(void)
{
	if (chsc_scsc)
		return true;
	chsc_scsc = alloc_io_mem(PAGE_SIZE, 0);
	if (!chsc_scsc) {
		report_abort("no memory for the CHSC SCSC block");
		return false;
	}
	return chsc(chsc_scsc, CHSC_SCSC, CHSC_SCSC_LEN);
}

/* ---- dumps ---- */

char *dump_pmcw_flags(uint16_t f)
{
	static char s[64];

	snprintf(s, sizeof(s), "%s%s%s%s ISC %d",
		 f & PMCW_ENABLE ? "E " : "", f & PMCW_DNV ? "DNV " : "",
		 f & PMCW_MBUE ? "MBUE " : "", f & PMCW_DCTME ? "DCTME " : "",
		 (f & PMCW_ISC_MASK) >> PMCW_ISC_SHIFT);
	return s;
}

char *dump_scsw_flags(uint32_t f)
{
	static char s[64];

	snprintf(s, sizeof(s), "%s%s%s%s%s",
		 f & SCSW_SC_ALERT ? "ALERT " : "",
		 f & SCSW_SC_INTERMEDIATE ? "INTERMEDIATE " : "",
		 f & SCSW_SC_PRIMARY ? "PRIMARY " : "",
		 f & SCSW_SC_SECONDARY ? "SECONDARY " : "",
		 f & SCSW_SC_PENDING ? "PENDING" : "");
	return s;
}

void dump_scsw(struct scsw *scsw)
{
	printf("scsw: ctrl %08x (%s) ccw %08x device status %02x subchannel status %02x count %d\n",
	       scsw->ctrl, dump_scsw_flags(scsw->ctrl), scsw->ccw_addr,
	       scsw->dev_stat, scsw->sch_stat, scsw->count);
}

void dump_irb(struct irb *irbp)
{
	int i;

	dump_scsw(&irbp->scsw);
	printf("irb: esw");
	for (i = 0; i < 5; i++)
		printf(" %08x", irbp->esw[i]);
	printf("\n");
}

void dump_pmcw(struct pmcw *p)
{
	int i;

	printf("pmcw: intparm %08x flags %04x (%s) devno %04x lpm %02x pnom %02x "
	       "lpum %02x pim %02x mbi %04x pom %02x pam %02x chpids",
	       p->intparm, p->flags, dump_pmcw_flags(p->flags), p->devnum, p->lpm,
	       p->pnom, p->lpum, p->pim, p->mbi, p->pom, p->pam);
	for (i = 0; i < 8; i++)
		printf(" %02x", p->chpid[i]);
	printf(" flags2 %08x\n", p->flags2);
}

void dump_schib(struct schib *sch)
{
	dump_pmcw(&sch->pmcw);
	dump_scsw(&sch->scsw);
	printf("schib: mbo %016lx\n", sch->mbo);
}

struct ccw1 *dump_ccw(struct ccw1 *cp)
{
	printf("ccw: code %02x flags %02x count %d data %08x\n", cp->code,
	       cp->flags, cp->count, cp->data_address);
	return cp + 1;
}

void dump_orb(struct orb *op)
{
	printf("orb: intparm %08x ctrl %08x cpa %08x prio %08x\n", op->intparm,
	       op->ctrl, op->cpa, op->prio);
}
