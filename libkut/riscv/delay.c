// SPDX-License-Identifier: MIT
/*
 * delay.c - busy waits on the time CSR (asm/delay.h).
 */
#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/delay.h>
#include <asm/setup.h>
#include <asm/timer.h>

uint64_t usec_to_cycles(uint64_t usec)
{
	return timebase_frequency * usec / 1000000;
}

void delay(u64 cycles)
{
	u64 start = timer_get_cycles();

	while (timer_get_cycles() - start < cycles)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	delay(usec_to_cycles(usecs));
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
