/* SPDX-License-Identifier: MIT */
/*
 * asm/timer.h - the time CSR and the supervisor timer interrupt.
 *
 * time counts at timebase_frequency (asm/setup.h; 10 MHz on QEMU's virt
 * machine) on every hart alike.  The timer interrupt (IRQ_S_TIMER) fires
 * while time >= the compare value, which is set through SBI
 * (sbi_set_timer()) or, with the Sstc extension, directly in stimecmp
 * (timer_set_stimecmp()); either write also clears a pending interrupt.
 */
#ifndef _ASMRISCV_TIMER_H_
#define _ASMRISCV_TIMER_H_

#include <libcflat.h>
#include <asm/csr.h>

/* The time CSR. */
static inline uint64_t timer_get_cycles(void)
{
	return csr_read(CSR_TIME);
}

/* The timer interrupt on or off in sie. */
static inline void timer_irq_enable(void)
{
	csr_set(CSR_SIE, IE_TIE);
}

static inline void timer_irq_disable(void)
{
	csr_clear(CSR_SIE, IE_TIE);
}

/*
 * Whether the timer interrupt is pending (sip.STIP).  (Not
 * timer_irq_pending: upstream's tests define that name themselves.)
 */
static inline bool timer_irq_is_pending(void)
{
	return csr_read(CSR_SIP) & IP_TIP;
}

/*
 * Whether this hart has Sstc usable from S-mode: the device tree's
 * riscv,isa names it and stimecmp reads without trapping.
 */
extern bool timer_has_sstc(void);

/* Sstc: write stimecmp (only when timer_has_sstc()). */
static inline void timer_set_stimecmp(uint64_t when)
{
	csr_write(CSR_STIMECMP, when);
}

/* Read /cpus/timebase-frequency into timebase_frequency (boot does it). */
extern void timer_get_frequency(void);

/*
 * Raise this hart's timer interrupt @duration_us from now, through
 * stimecmp with Sstc, else SBI TIME; take the deadline away again.
 */
extern void timer_start(unsigned long duration_us);
extern void timer_stop(void);

#endif /* _ASMRISCV_TIMER_H_ */
