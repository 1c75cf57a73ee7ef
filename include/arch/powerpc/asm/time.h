/* SPDX-License-Identifier: MIT */
/*
 * asm/time.h - the timebase (a 64-bit counter, tb_hz ticks per second,
 * 512 MHz on QEMU) and busy or sleeping waits on it, under upstream
 * kvm-unit-tests' powerpc names.  The sleeping waits use the decrementer
 * (an interrupt at vector 0x900 when it goes negative) and H_CEDE.
 */
#ifndef _ASMPOWERPC_TIME_H_
#define _ASMPOWERPC_TIME_H_

#include <libcflat.h>
#include <asm/processor.h>
#include <asm/reg.h>

static inline uint64_t get_tb(void)
{
	return mfspr(SPR_TB);
}

/* Time since boot, from the timebase. */
extern uint64_t get_clock_us(void);
extern uint64_t get_clock_ms(void);

/* Spin for @cycles timebase ticks, or @us microseconds. */
extern void delay(uint64_t cycles);
extern void udelay(uint64_t us);

/*
 * Sleep for @cycles ticks (@us microseconds): cede the CPU to the
 * hypervisor until the decrementer fires.  Interrupts must be off; the
 * decrementer's handler is replaced for the duration.
 */
extern void sleep_tb(uint64_t cycles);
extern void usleep(uint64_t us);

static inline void mdelay(uint64_t ms)
{
	while (ms--)
		udelay(1000);
}

static inline void msleep(uint64_t ms)
{
	usleep(ms * 1000);
}

#endif /* _ASMPOWERPC_TIME_H_ */
