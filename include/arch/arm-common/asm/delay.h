/* SPDX-License-Identifier: MIT */
/*
 * asm/delay.h - busy waits on the virtual counter (CNTVCT), so they last
 * as long in guest time whatever the host does.
 */
#ifndef _ASMARM_DELAY_H_
#define _ASMARM_DELAY_H_

#include <libcflat.h>

/* Wait @cycles ticks of the counter (CNTFRQ of them per second). */
extern void delay(u64 cycles);
extern void udelay(unsigned long usecs);
extern void mdelay(unsigned long msecs);

#endif /* _ASMARM_DELAY_H_ */
