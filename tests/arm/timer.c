// SPDX-License-Identifier: MIT
/*
 * timer.c - the generic timers (Arm ARM D11 / B8): the counter runs at
 * CNTFRQ, checked against an independent clock, the PL031 RTC; the
 * virtual and physical EL1 timers each raise their PPI (numbers from the
 * device tree) through the GIC once their compare value has passed, not
 * before, with ISTATUS set; TVAL is CVAL - counter, signed, and writing
 * it sets CVAL; IMASK keeps ISTATUS but drops the interrupt signal (the
 * GIC sees it pending only while it is unmasked); a disabled timer
 * signals nothing.  Virtual and physical counters move together (no
 * offset under QEMU's virt without EL2).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/timer.h>
#include <asm/processor.h>
#include <asm/delay.h>

#include "irq.h"

struct timer {
	const char *name;
	u32 irq;
	void (*write_ctl)(u32 ctl);
	u32 (*read_ctl)(void);
	void (*write_cval)(u64 cval);
	u64 (*read_cval)(void);
	void (*write_tval)(s32 tval);
	s32 (*read_tval)(void);
	u64 (*now)(void);		/* the counter it compares with */
};

#ifdef __aarch64__
static void vctl_w(u32 v) { write_sysreg(v, cntv_ctl_el0); isb(); }
static u32 vctl_r(void) { return read_sysreg(cntv_ctl_el0); }
static void vcval_w(u64 v) { write_sysreg(v, cntv_cval_el0); isb(); }
static u64 vcval_r(void) { return read_sysreg(cntv_cval_el0); }
static void vtval_w(s32 v) { write_sysreg(v, cntv_tval_el0); isb(); }
static s32 vtval_r(void) { return read_sysreg(cntv_tval_el0); }
static void pctl_w(u32 v) { write_sysreg(v, cntp_ctl_el0); isb(); }
static u32 pctl_r(void) { return read_sysreg(cntp_ctl_el0); }
static void pcval_w(u64 v) { write_sysreg(v, cntp_cval_el0); isb(); }
static u64 pcval_r(void) { return read_sysreg(cntp_cval_el0); }
static void ptval_w(s32 v) { write_sysreg(v, cntp_tval_el0); isb(); }
static s32 ptval_r(void) { return read_sysreg(cntp_tval_el0); }
static u64 read_pct(void) { isb(); return read_sysreg(cntpct_el0); }
#else
#define CNTV_TVAL	__ACCESS_CP15(c14, 0, c3, 0)
#define CNTP_TVAL	__ACCESS_CP15(c14, 0, c2, 0)
static void vctl_w(u32 v) { write_sysreg(v, CNTV_CTL); isb(); }
static u32 vctl_r(void) { return read_sysreg(CNTV_CTL); }
static void vcval_w(u64 v) { write_sysreg(v, CNTV_CVAL); isb(); }
static u64 vcval_r(void) { return read_sysreg(CNTV_CVAL); }
static void vtval_w(s32 v) { write_sysreg(v, CNTV_TVAL); isb(); }
static s32 vtval_r(void) { return read_sysreg(CNTV_TVAL); }
static void pctl_w(u32 v) { write_sysreg(v, CNTP_CTL); isb(); }
static u32 pctl_r(void) { return read_sysreg(CNTP_CTL); }
static void pcval_w(u64 v) { write_sysreg(v, CNTP_CVAL); isb(); }
static u64 pcval_r(void) { return read_sysreg(CNTP_CVAL); }
static void ptval_w(s32 v) { write_sysreg(v, CNTP_TVAL); isb(); }
static s32 ptval_r(void) { return read_sysreg(CNTP_TVAL); }
static u64 read_pct(void) { isb(); return read_sysreg(CNTPCT); }
#endif
static u64 read_vct(void) { return get_cntvct(); }

static struct timer *current;
static volatile int fired;
static volatile u32 ctl_at_irq;
static volatile u64 now_at_irq;
static volatile u32 irq_seen;

static void irq_handler(struct pt_regs *regs)
{
	u32 iar = gic_read_iar();

	(void)regs;
	irq_seen = gic_iar_irqnr(iar);
	if (irq_seen == GICC_INT_SPURIOUS)
		return;
	ctl_at_irq = current->read_ctl();
	now_at_irq = current->now();
	/* Mask it, or it fires again as soon as we return. */
	current->write_ctl(ARCH_TIMER_CTL_ENABLE | ARCH_TIMER_CTL_IMASK);
	fired++;
	gic_write_eoir(iar);
}

static void check_timer(struct timer *t)
{
	u64 freq = get_cntfrq(), cval, delay;
	bool istatus;
	int i;

	report_prefix_push(t->name);
	if (t->irq == (u32)-1) {
		report_skip("no interrupt number in the device tree");
		report_prefix_pop();
		return;
	}
	current = t;
	fired = 0;
	irq_seen = 0;
	gic_enable_irq(t->irq);
	/*
	 * Armed with interrupts masked at the CPU, so that nothing is taken
	 * before ISTATUS is read.  ISTATUS is read before the counter: while
	 * the counter is short of the deadline, ISTATUS was too.  A vCPU
	 * descheduled past the deadline (a loaded host) tells nothing: arm
	 * again further out (10 ms, then 100 ms, then 1 s).
	 */
	local_irq_disable();
	for (delay = freq / 100;; delay *= 10) {
		cval = t->now() + delay;
		t->write_cval(cval);
		t->write_ctl(ARCH_TIMER_CTL_ENABLE);
		istatus = t->read_ctl() & ARCH_TIMER_CTL_ISTATUS;
		if (t->now() < cval || delay >= freq)
			break;
	}
	report(!fired && !istatus, "not fired, ISTATUS clear before the deadline");
	local_irq_enable();
	for (i = 0; i < 2000 && !fired; i++)
		mdelay(1);
	report(fired == 1 && irq_seen == t->irq, "interrupt %u taken once (INTID %u)",
	       t->irq, irq_seen);
	report(fired && now_at_irq >= cval, "not before the deadline (%lld ticks late)",
	       (long long)(now_at_irq - cval));
	report(fired && (ctl_at_irq & ARCH_TIMER_CTL_ISTATUS), "ISTATUS set when it fired");
	mdelay(20);
	report(fired == 1, "masked: no further interrupt");

	/* TVAL: CVAL minus the counter, as a signed 32-bit value. */
	t->write_ctl(0);
	t->write_tval(freq);
	cval = t->read_cval();
	report(cval - t->now() <= freq && cval - t->now() > freq / 2,
	       "writing TVAL sets CVAL to counter + TVAL");
	report(t->read_tval() > 0 && t->read_tval() <= (s32)freq,
	       "TVAL counts down towards CVAL (%d)", t->read_tval());
	t->write_cval(t->now() - freq / 10);
	report(t->read_tval() < 0, "TVAL is negative once CVAL has passed (%d)",
	       t->read_tval());

	/* The interrupt signal, seen at the GIC with forwarding off. */
	gic_disable_irq(t->irq);
	t->write_ctl(ARCH_TIMER_CTL_ENABLE | ARCH_TIMER_CTL_IMASK);
	mdelay(10);
	report((t->read_ctl() & ARCH_TIMER_CTL_ISTATUS) &&
	       gic_irq_state(t->irq) == GIC_IRQ_STATE_INACTIVE,
	       "IMASK: ISTATUS set, yet nothing pending at the GIC");
	t->write_ctl(ARCH_TIMER_CTL_ENABLE);
	mdelay(10);
	report(gic_irq_state(t->irq) == GIC_IRQ_STATE_PENDING,
	       "unmasked: the PPI is pending at the GIC");
	t->write_ctl(0);
	mdelay(10);
	report(!(t->read_ctl() & ARCH_TIMER_CTL_ISTATUS) &&
	       gic_irq_state(t->irq) == GIC_IRQ_STATE_INACTIVE,
	       "disabled: ISTATUS clear, nothing pending");
	fired = 0;
	report_prefix_pop();
}

/*
 * The PL031 RTC's seconds (an independent clock: QEMU's RTC follows the
 * host's clock, the counter the guest's); 0 when there is no RTC.
 */
static void *rtc;

static u32 rtc_seconds(void)
{
	return readl(rtc);	/* RTCDR */
}

static bool find_rtc(void)
{
	struct dt_pbus_reg reg;
	int node = fdt_node_offset_by_compatible(dt_fdt(), -1, "arm,pl031");

	if (node < 0 || dt_pbus_translate_node(node, 0, &reg))
		return false;
	rtc = ioremap(reg.addr, reg.size);
	return true;
}

/* Busy-wait until the RTC's second changes; the counter at that moment. */
static u64 rtc_edge(void)
{
	u32 s = rtc_seconds();

	while (rtc_seconds() == s)
		cpu_relax();
	return get_cntvct();
}

static void check_counter(void)
{
	u64 freq = get_cntfrq(), t0, t1, ticks, p, v;
	int i;

	report(freq > 0, "CNTFRQ is %llu Hz", (unsigned long long)freq);
	p = read_pct();
	v = read_vct();
	report(v >= p && v - p < freq / 100,
	       "the virtual counter is the physical one (read after it: %lld ticks on)",
	       (long long)(v - p));
	if (!find_rtc()) {
		report_skip("no PL031 RTC to measure the counter against");
		return;
	}
	/* Three RTC seconds, from one edge to another. */
	t0 = rtc_edge();
	for (i = 0; i < 2; i++)
		rtc_edge();
	t1 = rtc_edge();
	ticks = t1 - t0;
	report(ticks > 3 * freq * 9 / 10 && ticks < 3 * freq * 11 / 10,
	       "3 RTC seconds are %llu ticks: the counter runs at CNTFRQ (+-10 %%)",
	       (unsigned long long)ticks);
	/* From an edge, 1.5 s ends halfway through the next RTC second. */
	rtc_edge();
	t0 = rtc_seconds();
	mdelay(1500);
	t1 = rtc_seconds();
	report(t1 - t0 == 1, "mdelay(1500) lasts 1.5 s of the RTC (%llu s passed)",
	       (unsigned long long)(t1 - t0));
}

int main(void)
{
	struct timer vtimer = { "vtimer", TIMER_VTIMER_IRQ, vctl_w, vctl_r,
				vcval_w, vcval_r, vtval_w, vtval_r, read_vct };
	struct timer ptimer = { "ptimer", TIMER_PTIMER_IRQ, pctl_w, pctl_r,
				pcval_w, pcval_r, ptval_w, ptval_r, read_pct };

	check_counter();

	irqs_on_here(irq_handler);
	check_timer(&vtimer);
	check_timer(&ptimer);
	local_irq_disable();
	return report_summary();
}
