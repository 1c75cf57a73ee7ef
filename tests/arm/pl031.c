// SPDX-License-Identifier: MIT
/*
 * pl031.c - the virt machine's real-time clock, an Arm PL031 (its TRM,
 * DDI 0224): the identification registers, the seconds counter (RTCDR)
 * against the generic timer, loading it (RTCLR), the match register's
 * interrupt (RTCMR, RTCIMSC, RTCRIS, RTCMIS, RTCICR) through the GIC as
 * the SPI the device tree names, and which registers are read-only.
 * The RTC is the independent clock timer.c checks the counter against.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/delay.h>

#include "irq.h"

#define RTCDR		0x000	/* data: seconds */
#define RTCMR		0x004	/* match */
#define RTCLR		0x008	/* load */
#define RTCCR		0x00c	/* control: bit 0 starts it */
#define RTCIMSC		0x010	/* interrupt mask set/clear */
#define RTCRIS		0x014	/* raw interrupt status */
#define RTCMIS		0x018	/* masked interrupt status */
#define RTCICR		0x01c	/* interrupt clear */
#define RTCPERIPHID0	0xfe0
#define RTCPCELLID0	0xff0

static void *rtc;
static int rtc_irq;
static volatile int irqs, wrong_irqs;

static u32 rd(unsigned int reg)
{
	return readl(rtc + reg);
}

static void wr(unsigned int reg, u32 v)
{
	writel(v, rtc + reg);
}

/* The RTC node: its registers and its SPI, or false if there is none. */
static bool find_rtc(void)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg reg;
	const fdt32_t *irq;
	int node, len;

	node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl031");
	if (node < 0 || dt_pbus_translate_node(node, 0, &reg))
		return false;
	irq = fdt_getprop(fdt, node, "interrupts", &len);
	if (!irq || len < 3 * 4 || fdt32_to_cpu(irq[0]) != 0 /* SPI */)
		return false;
	rtc = ioremap(reg.addr, reg.size);
	rtc_irq = SPI(fdt32_to_cpu(irq[1]));
	return true;
}

static void irq_handler(struct pt_regs *regs)
{
	u32 iar = gic_read_iar(), irq = gic_iar_irqnr(iar);

	(void)regs;
	if (irq == GICC_INT_SPURIOUS)
		return;
	if (irq == (u32)rtc_irq && (rd(RTCMIS) & 1)) {
		wr(RTCICR, 1);
		irqs++;
	} else {
		wrong_irqs++;
	}
	gic_write_eoir(iar);
}

static void check_ids(void)
{
	/* PrimeCell IDs: part 0x031, designer Arm, revision 1; 0xb105f00d. */
	static const u8 want[8] = { 0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
	int i, bad = 0;

	for (i = 0; i < 4; i++) {
		bad += (rd(RTCPERIPHID0 + 4 * i) & 0xff) != want[i];
		bad += (rd(RTCPCELLID0 + 4 * i) & 0xff) != want[4 + i];
	}
	report(!bad, "peripheral and PrimeCell IDs of a PL031");
	report(rd(RTCCR) & 1, "started (RTCCR bit 0)");
}

/* Spin until the seconds counter moves on; its new value. */
static u32 next_second(void)
{
	u32 s = rd(RTCDR), t;
	u64 start = get_cntvct(), limit = 3 * (u64)get_cntfrq();

	while ((t = rd(RTCDR)) == s && get_cntvct() - start < limit)
		cpu_relax();
	return t;
}

static void check_counting(void)
{
	u64 freq = get_cntfrq(), t0, t1, ticks;
	u32 s0, s1;

	s0 = next_second();
	t0 = get_cntvct();
	s1 = s0;
	while (s1 - s0 < 2)
		s1 = next_second();
	t1 = get_cntvct();
	ticks = t1 - t0;
	/* Two second edges apart; both clocks read at an edge: +-10 %. */
	report(ticks > freq * 2 * 9 / 10 && ticks < freq * 2 * 11 / 10,
	       "2 RTC seconds are %llu.%02llu s of the generic counter",
	       (unsigned long long)(ticks / freq),
	       (unsigned long long)(ticks % freq * 100 / freq));

	wr(RTCLR, 1000000);
	s0 = rd(RTCDR);
	report(s0 >= 1000000 && s0 <= 1000001, "RTCLR loads the counter (%u)", s0);
	s1 = next_second();
	report(s1 == s0 + 1, "and it counts on from there (%u)", s1);
}

static void check_read_only(void)
{
	static const unsigned int regs[] = { RTCRIS, RTCMIS, RTCPERIPHID0, RTCPCELLID0 };
	unsigned int i;
	int changed = 0;

	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		u32 before = rd(regs[i]);

		wr(regs[i], ~before);
		changed += rd(regs[i]) != before;
	}
	report(!changed, "status and ID registers ignore writes");
	wr(RTCMR, 0x12345678);
	report(rd(RTCMR) == 0x12345678, "RTCMR keeps what is written");
}

static bool gic_pending(void)
{
	return gic_irq_state(rtc_irq) == GIC_IRQ_STATE_PENDING;
}

static void check_alarm(void)
{
	u32 now;
	int i;

	report_prefix_push("alarm");
	wr(RTCIMSC, 0);
	wr(RTCICR, 1);
	now = next_second();
	wr(RTCMR, now + 1);
	report(!(rd(RTCRIS) & 1) && !gic_pending(), "no match before the time");
	/* The device raises it from a timer of its own: give it a moment. */
	for (i = 0; i < 300 && !(rd(RTCRIS) & 1); i++)
		mdelay(10);
	now = rd(RTCDR);
	report(rd(RTCRIS) & 1, "the match sets RTCRIS (at %u, alarm %u)", now,
	       rd(RTCMR));
	report(!(rd(RTCMIS) & 1) && !gic_pending(), "masked: RTCMIS clear, nothing at the GIC");

	wr(RTCIMSC, 1);
	report((rd(RTCMIS) & 1) && gic_pending(), "unmasked: RTCMIS set, SPI %d pending",
	       rtc_irq);
	irqs = wrong_irqs = 0;
	gic_enable_irq(rtc_irq);
	local_irq_enable();
	for (i = 0; i < 100 && !irqs; i++)
		mdelay(10);
	local_irq_disable();
	report(irqs == 1 && !wrong_irqs, "the interrupt is taken once (%d, %d others)",
	       irqs, wrong_irqs);
	report(!(rd(RTCRIS) & 1) && !gic_pending(), "RTCICR clears it");

	/* A new alarm, taken while the CPU waits for it. */
	irqs = 0;
	wr(RTCMR, rd(RTCDR) + 2);
	local_irq_enable();
	for (i = 0; i < 400 && !irqs; i++)
		mdelay(10);
	local_irq_disable();
	report(irqs == 1, "a second alarm 2 s later fires too");
	wr(RTCIMSC, 0);
	gic_disable_irq(rtc_irq);
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("pl031");
	if (!find_rtc()) {
		report_skip("no arm,pl031 in the device tree");
		return report_summary();
	}
	check_ids();
	check_read_only();
	check_counting();
	irqs_on_here(irq_handler);
	local_irq_disable();	/* check_alarm() takes them when it wants */
	check_alarm();
	return report_summary();
}
