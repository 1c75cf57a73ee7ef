/* SPDX-License-Identifier: MIT */
/*
 * asm/timer.h - the generic timers' interrupt numbers, from the device
 * tree's arm,armv7-timer / arm,armv8-timer node, and their control bits.
 */
#ifndef _ASMARM_TIMER_H_
#define _ASMARM_TIMER_H_

#define ARCH_TIMER_CTL_ENABLE	(1 << 0)
#define ARCH_TIMER_CTL_IMASK	(1 << 1)
#define ARCH_TIMER_CTL_ISTATUS	(1 << 2)

#ifndef __ASSEMBLY__
#include <libcflat.h>

/*
 * INTIDs (PPIs, i.e. 16 + the device tree's number, -1 when the device
 * tree lists none) and their flags: the EL1 physical and virtual timers,
 * and EL2's (used when running at EL2).
 */
struct timer_state {
	struct {
		u32 irq;
		u32 irq_flags;
	} ptimer;
	struct {
		u32 irq;
		u32 irq_flags;
	} vtimer;
	struct {
		u32 irq;
		u32 irq_flags;
	} hptimer;
	struct {
		u32 irq;
		u32 irq_flags;
	} hvtimer;
};
extern struct timer_state __timer_state;

#define TIMER_PTIMER_IRQ	(__timer_state.ptimer.irq)
#define TIMER_VTIMER_IRQ	(__timer_state.vtimer.irq)
#define TIMER_HPTIMER_IRQ	(__timer_state.hptimer.irq)
#define TIMER_HVTIMER_IRQ	(__timer_state.hvtimer.irq)

/* Read the timer node into __timer_state (boot does it). */
void timer_save_state(void);

#endif /* !__ASSEMBLY__ */
#endif /* _ASMARM_TIMER_H_ */
