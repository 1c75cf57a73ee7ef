// SPDX-License-Identifier: MIT
/*
 * delay.c - x86/delay.h: a busy wait on the TSC.  RDTSC is not ordered
 * with the loads and stores around it, which does not matter here: the
 * wait only has to last at least @count cycles, never to end exactly.
 */
#include <libcflat.h>
#include <x86/delay.h>
#include <x86/processor.h>

void delay(u64 count)
{
	u64 start = rdtsc();

	while (rdtsc() - start < count)
		pause();
}
