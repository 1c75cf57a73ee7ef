/* SPDX-License-Identifier: MIT */
/*
 * x86/delay.h - busy waits counted in TSC cycles, under upstream
 * kvm-unit-tests' names.
 *
 * Why: tests give another CPU, an interrupt or a device time to act
 * (an IPI to land, a timer to fire) without a calibrated clock.  The TSC
 * is the one counter every x86 guest has; its rate is the CPU's nominal
 * frequency, so a count of cycles is a rough, host-dependent time.  The
 * wait never ends early, and may end much later when the host deschedules
 * the vCPU.
 */
#ifndef _X86_DELAY_H_
#define _X86_DELAY_H_

#include <libcflat.h>

/* The cycles io_delay() waits: long enough for an IPI to be delivered. */
#define IPI_DELAY	1000000

/* Spin, with PAUSE, until at least @count TSC cycles have passed. */
void delay(u64 count);

/* delay(IPI_DELAY): upstream's pause between an action and its check. */
static inline void io_delay(void)
{
	delay(IPI_DELAY);
}

#endif /* _X86_DELAY_H_ */
