// SPDX-License-Identifier: MIT
/*
 * debug.c - AArch64 self-hosted debug (Arm ARM D2): debug exceptions
 * taken to EL1 with MDSCR_EL1.KDE, breakpoints and watchpoints enabled by
 * MDSCR_EL1.MDE, the OS lock cleared.  One area per first argument:
 *   bp   every hardware breakpoint (ID_AA64DFR0_EL1.BRPs + 1 of them)
 *        stops at its address before the instruction runs (ELR is it),
 *        and not once disabled
 *   wp   every watchpoint stops a load or a store to its doubleword
 *        (FAR is the address, WnR says which), a load-only one ignores
 *        stores, and none stops an access next to it
 *   ss   software step: with MDSCR_EL1.SS and SPSR.SS, after an exception
 *        return one instruction runs, then a step exception comes at the
 *        next instruction's address, and so on until stepping is off
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/barrier.h>

#define MDSCR_SS		(1U << 0)
#define MDSCR_KDE		(1U << 13)
#define MDSCR_MDE		(1U << 15)
#define SPSR_SS			(1UL << 21)

/* DBGBCR: byte address select, EL1 only (PMC 0b01), enabled. */
#define BCR_BAS_A64		(0xfU << 5)
#define BCR_PMC_EL1		(1U << 1)
#define BCR_E			(1U << 0)
/* DBGWCR: byte address select (8 bytes), load/store control, EL1, enabled. */
#define WCR_BAS_8		(0xffU << 5)
#define WCR_LOAD		(1U << 3)
#define WCR_STORE		(2U << 3)
#define WCR_PAC_EL1		(1U << 1)
#define WCR_E			(1U << 0)

static volatile int hits;
static volatile unsigned long hit_pc, hit_far;
static volatile unsigned int hit_esr;
static volatile int bp_to_clear = -1, wp_to_clear = -1;

/* Debug register n by number: the names are per register in the ISA. */
#define DBG_WRITE(reg, n, v) do {					\
	switch (n) {							\
	case 0: write_sysreg(v, reg##0_el1); break;			\
	case 1: write_sysreg(v, reg##1_el1); break;			\
	case 2: write_sysreg(v, reg##2_el1); break;			\
	case 3: write_sysreg(v, reg##3_el1); break;			\
	case 4: write_sysreg(v, reg##4_el1); break;			\
	case 5: write_sysreg(v, reg##5_el1); break;			\
	case 6: write_sysreg(v, reg##6_el1); break;			\
	case 7: write_sysreg(v, reg##7_el1); break;			\
	case 8: write_sysreg(v, reg##8_el1); break;			\
	case 9: write_sysreg(v, reg##9_el1); break;			\
	case 10: write_sysreg(v, reg##10_el1); break;			\
	case 11: write_sysreg(v, reg##11_el1); break;			\
	case 12: write_sysreg(v, reg##12_el1); break;			\
	case 13: write_sysreg(v, reg##13_el1); break;			\
	case 14: write_sysreg(v, reg##14_el1); break;			\
	case 15: write_sysreg(v, reg##15_el1); break;			\
	}								\
} while (0)

static void set_bp(int n, unsigned long addr, u32 ctrl)
{
	DBG_WRITE(dbgbvr, n, addr);
	DBG_WRITE(dbgbcr, n, ctrl);
	isb();
}

static void set_wp(int n, unsigned long addr, u32 ctrl)
{
	DBG_WRITE(dbgwvr, n, addr);
	DBG_WRITE(dbgwcr, n, ctrl);
	isb();
}

static int nr_brps(void)
{
	return ((read_sysreg(id_aa64dfr0_el1) >> 12) & 0xf) + 1;
}

static int nr_wrps(void)
{
	return ((read_sysreg(id_aa64dfr0_el1) >> 20) & 0xf) + 1;
}

static void debug_enable(u32 extra)
{
	write_sysreg(0, oslar_el1);		/* clear the OS lock */
	isb();
	write_sysreg(MDSCR_KDE | MDSCR_MDE | extra, mdscr_el1);
	isb();
	asm volatile("msr daifclr, #8" : : : "memory");	/* PSTATE.D */
}

static void debug_disable(void)
{
	asm volatile("msr daifset, #8" : : : "memory");
	write_sysreg(0, mdscr_el1);
	isb();
}

static void bp_handler(struct pt_regs *regs, unsigned int esr)
{
	hits++;
	hit_pc = regs->pc;
	hit_esr = esr;
	/* Return to the instruction: the breakpoint must let it run now. */
	if (bp_to_clear >= 0)
		set_bp(bp_to_clear, 0, 0);
}

static void wp_handler(struct pt_regs *regs, unsigned int esr)
{
	unsigned long far;

	hits++;
	hit_pc = regs->pc;
	hit_esr = esr;
	hit_far = get_far(esr, &far) ? far : 0;
	if (wp_to_clear >= 0)
		set_wp(wp_to_clear, 0, 0);
}

static noinline int target_function(int x)
{
	asm volatile("" : : : "memory");
	return x * 3 + 1;
}

static void check_bp(void)
{
	int n, brps = nr_brps(), good = 0;
	unsigned long addr = (unsigned long)target_function;

	report_prefix_push("bp");
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_BREAKPT_CUR, bp_handler);
	debug_enable(0);
	for (n = 0; n < brps; n++) {
		hits = 0;
		bp_to_clear = n;
		set_bp(n, addr, BCR_BAS_A64 | BCR_PMC_EL1 | BCR_E);
		if (target_function(n) == 3 * n + 1 && hits == 1 && hit_pc == addr &&
		    ESR_ELx_EC(hit_esr) == ESR_ELx_EC_BREAKPT_CUR)
			good++;
		else
			report_info("breakpoint %d: %d hits at %#lx", n, hits, hit_pc);
	}
	report(good == brps, "each of %d breakpoints stops once at its address", brps);
	hits = 0;
	bp_to_clear = -1;
	set_bp(0, addr, BCR_BAS_A64 | BCR_PMC_EL1);	/* not enabled */
	target_function(1);
	report(!hits, "a disabled breakpoint does not stop");
	debug_enable(0);
	write_sysreg(MDSCR_KDE, mdscr_el1);		/* MDE off */
	isb();
	set_bp(0, addr, BCR_BAS_A64 | BCR_PMC_EL1 | BCR_E);
	target_function(1);
	report(!hits, "with MDSCR_EL1.MDE clear nothing stops");
	set_bp(0, 0, 0);
	debug_disable();
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_BREAKPT_CUR, NULL);
	report_prefix_pop();
}

static volatile u64 watched[4] __attribute__((aligned(64)));

static void check_wp(void)
{
	int n, wrps = nr_wrps(), good = 0;
	unsigned long addr = (unsigned long)&watched[1];
	u64 v;

	report_prefix_push("wp");
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_WATCHPT_CUR, wp_handler);
	debug_enable(0);
	for (n = 0; n < wrps; n++) {
		hits = 0;
		wp_to_clear = n;
		set_wp(n, addr, WCR_BAS_8 | WCR_LOAD | WCR_STORE | WCR_PAC_EL1 | WCR_E);
		watched[1] = n;
		if (hits == 1 && hit_far == addr && (hit_esr & ESR_ELx_WNR))
			good++;
		else
			report_info("watchpoint %d: %d hits, FAR %#lx", n, hits, hit_far);
	}
	report(good == wrps, "each of %d watchpoints stops a store to its address", wrps);

	hits = 0;
	wp_to_clear = 0;
	set_wp(0, addr, WCR_BAS_8 | WCR_LOAD | WCR_STORE | WCR_PAC_EL1 | WCR_E);
	v = watched[1];
	report(hits == 1 && hit_far == addr && !(hit_esr & ESR_ELx_WNR) && v == (u64)wrps - 1,
	       "and a load (WnR clear), which then reads the value");
	hits = 0;
	set_wp(0, addr, WCR_BAS_8 | WCR_LOAD | WCR_PAC_EL1 | WCR_E);
	watched[1] = 42;
	watched[0] = 1;
	v = watched[2];
	set_wp(0, 0, 0);
	report(!hits && watched[1] == 42, "a load-only watchpoint ignores stores");
	report(!hits && v == 0, "accesses next to the watched doubleword do not stop");
	debug_disable();
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_WATCHPT_CUR, NULL);
	report_prefix_pop();
}

#define SS_MAX	8
static volatile unsigned long ss_pcs[SS_MAX];
static volatile int ss_count;
extern char ss_1[], ss_2[], ss_3[], ss_end[];

static void ss_handler(struct pt_regs *regs, unsigned int esr)
{
	(void)esr;
	if (ss_count < SS_MAX)
		ss_pcs[ss_count++] = regs->pc;
	if (regs->pc == (unsigned long)ss_end) {
		write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_SS, mdscr_el1);
		isb();
		regs->pstate &= ~SPSR_SS;
	} else {
		regs->pstate |= SPSR_SS;	/* one more step */
	}
}

/*
 * The svc starts stepping: MDSCR_EL1.SS on, and its return with SPSR.SS
 * set, so the instruction after it runs, then a step exception comes.
 */
static void svc_start_step(struct pt_regs *regs, unsigned int esr)
{
	(void)esr;
	write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS, mdscr_el1);
	isb();
	regs->pstate |= SPSR_SS;
}

static void check_ss(void)
{
	report_prefix_push("ss");
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_SOFTSTP_CUR, ss_handler);
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_SVC64, svc_start_step);
	debug_enable(0);
	ss_count = 0;
	asm volatile("svc #0\n"
		     ".globl ss_start\nss_start:\n"
		     "	add x0, x0, #1\n"
		     ".globl ss_1\nss_1:\n"
		     "	add x0, x0, #1\n"
		     ".globl ss_2\nss_2:\n"
		     "	add x0, x0, #1\n"
		     ".globl ss_3\nss_3:\n"
		     "	nop\n"
		     ".globl ss_end\nss_end:\n"
		     "	nop\n"
		     : : : "x0", "memory");
	debug_disable();
	report(ss_count == 4 && ss_pcs[0] == (unsigned long)ss_1 &&
	       ss_pcs[1] == (unsigned long)ss_2 && ss_pcs[2] == (unsigned long)ss_3 &&
	       ss_pcs[3] == (unsigned long)ss_end,
	       "a step exception after each of 4 instructions, at the next (%d steps)",
	       ss_count);
	report(!(read_sysreg(mdscr_el1) & MDSCR_SS), "stepping off again");
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_SOFTSTP_CUR, NULL);
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_SVC64, NULL);
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	report_info("%d breakpoints, %d watchpoints", nr_brps(), nr_wrps());
	if (!strcmp(what, "bp"))
		check_bp();
	else if (!strcmp(what, "wp"))
		check_wp();
	else if (!strcmp(what, "ss"))
		check_ss();
	else
		report_abort("unknown area '%s' (bp, wp, ss)", what);
	return report_summary();
}
