/* SPDX-License-Identifier: MIT */
/*
 * asm/delay.h - busy waits on the time CSR, so they last as long in guest
 * time whatever the host does.
 */
#ifndef _ASMRISCV_DELAY_H_
#define _ASMRISCV_DELAY_H_

#include <libcflat.h>

/* Wait @cycles ticks of time (timebase_frequency of them per second). */
extern void delay(u64 cycles);
extern void udelay(unsigned long usecs);
extern void mdelay(unsigned long msecs);

/* The ticks of time in @usec microseconds. */
extern uint64_t usec_to_cycles(uint64_t usec);

#endif /* _ASMRISCV_DELAY_H_ */
