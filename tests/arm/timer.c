// SPDX-License-Identifier: MIT
/*
 * timer.c - the generic timers: the counter runs at CNTFRQ, and the
 * virtual and physical EL1 timers each raise their PPI (numbers from the
 * device tree) through the GIC once their compare value has passed, not
 * before, with ISTATUS set; masking the timer drops the interrupt.
 */
#include <libcflat.h>
#include <asm/gic.h>
#include <asm/timer.h>
#include <asm/processor.h>
#include <asm/delay.h>

struct timer {
	const char *name;
	u32 irq;
	void (*write_ctl)(u32 ctl);
	u32 (*read_ctl)(void);
	void (*write_cval)(u64 cval);
	u64 (*now)(void);		/* the counter it compares with */
};

#ifdef __aarch64__
static void vctl_w(u32 v) { write_sysreg(v, cntv_ctl_el0); isb(); }
static u32 vctl_r(void) { return read_sysreg(cntv_ctl_el0); }
static void vcval_w(u64 v) { write_sysreg(v, cntv_cval_el0); isb(); }
static void pctl_w(u32 v) { write_sysreg(v, cntp_ctl_el0); isb(); }
static u32 pctl_r(void) { return read_sysreg(cntp_ctl_el0); }
static void pcval_w(u64 v) { write_sysreg(v, cntp_cval_el0); isb(); }
static u64 read_pct(void) { isb(); return read_sysreg(cntpct_el0); }
static u64 read_vct(void) { return get_cntvct(); }
#else
static void vctl_w(u32 v) { write_sysreg(v, CNTV_CTL); isb(); }
static u32 vctl_r(void) { return read_sysreg(CNTV_CTL); }
static void vcval_w(u64 v) { write_sysreg(v, CNTV_CVAL); isb(); }
static void pctl_w(u32 v) { write_sysreg(v, CNTP_CTL); isb(); }
static u32 pctl_r(void) { return read_sysreg(CNTP_CTL); }
static void pcval_w(u64 v) { write_sysreg(v, CNTP_CVAL); isb(); }
static u64 read_pct(void) { isb(); return read_sysreg(CNTPCT); }
static u64 read_vct(void) { return get_cntvct(); }
#endif

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
	if (!t->irq) {
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
	t->write_ctl(0);
	gic_disable_irq(t->irq);
	report_prefix_pop();
}

int main(void)
{
	struct timer vtimer = { "vtimer", TIMER_VTIMER_IRQ, vctl_w, vctl_r,
				vcval_w, read_vct };
	struct timer ptimer = { "ptimer", TIMER_PTIMER_IRQ, pctl_w, pctl_r,
				pcval_w, read_pct };
	u64 freq = get_cntfrq(), t0, t1;

	report(freq > 0, "CNTFRQ is %llu Hz", (unsigned long long)freq);
	t0 = get_cntvct();
	mdelay(10);
	t1 = get_cntvct();
	report(t1 - t0 >= freq / 100, "the counter advances (%llu ticks in 10 ms)",
	       (unsigned long long)(t1 - t0));

	gic_enable_defaults();
#ifdef __aarch64__
	install_irq_handler(EL1H_IRQ, irq_handler);
#else
	install_exception_handler(EXCPTN_IRQ, irq_handler);
#endif
	local_irq_enable();
	check_timer(&vtimer);
	check_timer(&ptimer);
	local_irq_disable();
	return report_summary();
}
