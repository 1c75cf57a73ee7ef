/* SPDX-License-Identifier: MIT */
/*
 * asm/pmu.h - the Performance Monitors cycle counter (PMCCNTR), for
 * timing measurements on arm and arm64.
 *
 * Why: the generic timer's counter (get_cntvct()) ticks at a fixed rate
 * far below the CPU's (62.5 MHz on QEMU's virt machine), too coarse to
 * time a short sequence; the cycle counter counts CPU cycles (under TCG,
 * QEMU's notional 1 GHz clock).  Typical use:
 *
 *	if (!pmu_cycle_counter_present())
 *		return report_skip("no PMU");
 *	cycle_counter_enable();
 *	t0 = get_cycles(); ...; t1 = get_cycles();
 *
 * The register accessors have the names upstream kvm-unit-tests' arm
 * PMU test defines for itself (get_pmcr(), set_pmccntr(), ...).  This
 * header is therefore not included by any other: a test that defines
 * those names itself, as upstream's does, just does not include it.
 * Caveat: on arm (AArch32) the counter read is the 32-bit PMCCNTR, which
 * wraps every 2^32 cycles (about 4 s at 1 GHz).
 */
#ifndef _ASMARM_PMU_H_
#define _ASMARM_PMU_H_

#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/sysreg.h>

/* PMCR bits: enable, reset event counters, reset the cycle counter, ... */
#define PMU_PMCR_E		(1U << 0)
#define PMU_PMCR_P		(1U << 1)
#define PMU_PMCR_C		(1U << 2)
/* ... count every 64th cycle, export events, disable when prohibited, */
#define PMU_PMCR_D		(1U << 3)
#define PMU_PMCR_X		(1U << 4)
#define PMU_PMCR_DP		(1U << 5)
/* ... 64-bit overflow of the cycle and the event counters (PMUv3). */
#define PMU_PMCR_LC		(1U << 6)
#define PMU_PMCR_LP		(1U << 7)
/* PMCR fields: number of event counters, identification, implementer. */
#define PMU_PMCR_N_SHIFT	11
#define PMU_PMCR_N_MASK		0x1f
#define PMU_PMCR_ID_SHIFT	16
#define PMU_PMCR_ID_MASK	0xff
#define PMU_PMCR_IMP_SHIFT	24
#define PMU_PMCR_IMP_MASK	0xff

/* The cycle counter's bit in PMCNTENSET/PMCNTENCLR/PMOVS and PMSELR. */
#define PMU_CYCLE_IDX		31

/* get_pmu_version(): no PMU, or an IMPLEMENTATION DEFINED (non-Arm) one. */
#define ID_DFR0_PMU_NOTIMPL	0x0
#define ID_DFR0_PMU_IMPDEF	0xf

#ifdef __aarch64__

/* The PMU version field of ID_AA64DFR0_EL1 (PMUVer: 1 is PMUv3). */
static inline u8 get_pmu_version(void)
{
	return (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;
}

#define __PMU_PMCR		pmcr_el0
#define __PMU_PMCCNTR		pmccntr_el0
#define __PMU_PMCNTENSET	pmcntenset_el0
#define __PMU_PMCNTENCLR	pmcntenclr_el0

/* The cycle counter itself, PMCCNTR_EL0 (64 bits). */
static inline void set_pmccntr(u64 v)
{
	write_sysreg(v, pmccntr_el0);
}

/* Which exception levels the cycle counter counts at (0: all but EL2). */
static inline void set_pmccfiltr(u32 v)
{
	write_sysreg(v, pmccfiltr_el0);
	isb();
}

#else /* AArch32: the CP15 registers of the same names */

#define ID_DFR0		__ACCESS_CP15(c0, 0, c1, 2)
#define PMCR		__ACCESS_CP15(c9, 0, c12, 0)
#define PMCNTENSET	__ACCESS_CP15(c9, 0, c12, 1)
#define PMCNTENCLR	__ACCESS_CP15(c9, 0, c12, 2)
#define PMOVSR		__ACCESS_CP15(c9, 0, c12, 3)
#define PMSELR		__ACCESS_CP15(c9, 0, c12, 5)
#define PMCCNTR32	__ACCESS_CP15(c9, 0, c13, 0)
#define PMXEVTYPER	__ACCESS_CP15(c9, 0, c13, 1)
#define PMUSERENR	__ACCESS_CP15(c9, 0, c14, 0)
#define PMINTENCLR	__ACCESS_CP15(c9, 0, c14, 2)

/* The PerfMon field of ID_DFR0 (2: PMUv2, 3: PMUv3). */
static inline u8 get_pmu_version(void)
{
	return (read_sysreg(ID_DFR0) >> 24) & 0xf;
}

#define __PMU_PMCR		PMCR
#define __PMU_PMCCNTR		PMCCNTR32
#define __PMU_PMCNTENSET	PMCNTENSET
#define __PMU_PMCNTENCLR	PMCNTENCLR

/* The cycle counter; only the low 32 bits reach it. */
static inline void set_pmccntr(u64 v)
{
	write_sysreg((u32)v, PMCCNTR32);
}

/* PMCCFILTR is PMXEVTYPER with the cycle counter selected. */
static inline void set_pmccfiltr(u32 v)
{
	write_sysreg(PMU_CYCLE_IDX, PMSELR);
	isb();
	write_sysreg(v, PMXEVTYPER);
	isb();
}

#endif /* __aarch64__ */

/*
 * Event counters, through the selection register: counter @n's event type
 * (the event number, PMU_EVENT_*, plus filter bits) and value; software
 * increments (PMSWINC), overflow flags (PMOVSSET/PMOVSCLR, write 1s to
 * clear) and overflow interrupt enables (PMINTENSET/PMINTENCLR), a bit
 * per counter, PMU_CYCLE_IDX for the cycle counter.
 */
#define PMU_EVENT_SW_INCR	0x00
#define PMU_EVENT_INST_RETIRED	0x08
#define PMU_EVENT_CPU_CYCLES	0x11
#define PMU_EVENT_CHAIN		0x1e	/* PMUv3: counts the even counter's overflows */

#ifdef __aarch64__
#define __PMU_PMCEID0		pmceid0_el0
#define __PMU_PMSELR		pmselr_el0
#define __PMU_PMXEVTYPER	pmxevtyper_el0
#define __PMU_PMXEVCNTR		pmxevcntr_el0
#define __PMU_PMSWINC		pmswinc_el0
#define __PMU_PMOVSSET		pmovsset_el0
#define __PMU_PMOVSCLR		pmovsclr_el0
#define __PMU_PMINTENSET	pmintenset_el1
#define __PMU_PMINTENCLR	pmintenclr_el1
#else
#define PMSWINC		__ACCESS_CP15(c9, 0, c12, 4)
#define PMCEID0		__ACCESS_CP15(c9, 0, c12, 6)
#define __PMU_PMCEID0		PMCEID0
#define PMXEVCNTR	__ACCESS_CP15(c9, 0, c13, 2)
#define PMINTENSET	__ACCESS_CP15(c9, 0, c14, 1)
#define __PMU_PMSELR		PMSELR
#define __PMU_PMXEVTYPER	PMXEVTYPER
#define __PMU_PMXEVCNTR		PMXEVCNTR
#define __PMU_PMSWINC		PMSWINC
#define __PMU_PMOVSSET		PMOVSR		/* reads the flags */
#define __PMU_PMOVSCLR		PMOVSR
#define __PMU_PMINTENSET	PMINTENSET
#define __PMU_PMINTENCLR	PMINTENCLR
#endif

/* Both arches' accessors by one name: the register names expand first. */
#define __pmu_read(reg)		read_sysreg(reg)
#define __pmu_write(v, reg)	write_sysreg(v, reg)

/* PMCR (PMCR_EL0). */
static inline u32 get_pmcr(void)
{
	return __pmu_read(__PMU_PMCR);
}

static inline void set_pmcr(u32 v)
{
	__pmu_write(v, __PMU_PMCR);
}

/* The cycle counter's value (32 bits wide on arm). */
static inline u64 get_pmccntr(void)
{
	return __pmu_read(__PMU_PMCCNTR);
}

/* Enable / disable the counters whose bits are set in @v. */
static inline void set_pmcntenset(u32 v)
{
	__pmu_write(v, __PMU_PMCNTENSET);
}

static inline void set_pmcntenclr(u32 v)
{
	__pmu_write(v, __PMU_PMCNTENCLR);
}

/* Select event counter @n for the PMXEV* accessors below. */
static inline void pmu_select(unsigned int n)
{
	__pmu_write(n, __PMU_PMSELR);
	isb();
}

static inline void set_pmevtyper(unsigned int n, u32 type)
{
	pmu_select(n);
	__pmu_write(type, __PMU_PMXEVTYPER);
	isb();
}

static inline u32 get_pmevcntr(unsigned int n)
{
	pmu_select(n);
	return __pmu_read(__PMU_PMXEVCNTR);
}

static inline void set_pmevcntr(unsigned int n, u32 v)
{
	pmu_select(n);
	__pmu_write(v, __PMU_PMXEVCNTR);
	isb();
}

/* One software increment of every enabled SW_INCR counter in @mask. */
static inline void pmu_sw_incr(u32 mask)
{
	__pmu_write(mask, __PMU_PMSWINC);
	isb();
}

static inline u32 get_pmovs(void)
{
	return __pmu_read(__PMU_PMOVSSET);
}

static inline void clear_pmovs(u32 mask)
{
	__pmu_write(mask, __PMU_PMOVSCLR);
	isb();
}

static inline void set_pmintenset(u32 mask)
{
	__pmu_write(mask, __PMU_PMINTENSET);
	isb();
}

static inline void set_pmintenclr(u32 mask)
{
	__pmu_write(mask, __PMU_PMINTENCLR);
	isb();
}

/* Whether common event @event (below 0x20) is implemented (PMCEID0). */
static inline bool pmu_event_implemented(unsigned int event)
{
	return event < 32 && (__pmu_read(__PMU_PMCEID0) & (1U << event));
}

/* The number of event counters, PMCR.N. */
static inline unsigned int pmu_nr_counters(void)
{
	return (get_pmcr() >> PMU_PMCR_N_SHIFT) & PMU_PMCR_N_MASK;
}

/* Whether the CPU has an Arm-architected PMU, and so a cycle counter. */
static inline bool pmu_cycle_counter_present(void)
{
	u8 v = get_pmu_version();

	return v != ID_DFR0_PMU_NOTIMPL && v != ID_DFR0_PMU_IMPDEF;
}

/*
 * Start the cycle counter from 0, counting every cycle (not every 64th)
 * at EL1 and EL0 (PL1 and PL0); the event counters are left as they are.
 */
static inline void cycle_counter_enable(void)
{
	set_pmccfiltr(0);
	set_pmccntr(0);
	set_pmcr((get_pmcr() | PMU_PMCR_E) & ~PMU_PMCR_D);
	set_pmcntenset(1U << PMU_CYCLE_IDX);
	isb();
}

/* Stop the cycle counter; it keeps its value. */
static inline void cycle_counter_disable(void)
{
	set_pmcntenclr(1U << PMU_CYCLE_IDX);
	isb();
}

/*
 * The cycle counter, after every earlier instruction (isb), so two reads
 * bracket the code between them.
 */
static inline u64 get_cycles(void)
{
	isb();
	return get_pmccntr();
}

#endif /* _ASMARM_PMU_H_ */
