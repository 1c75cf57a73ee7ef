/* SPDX-License-Identifier: MIT */
/*
 * hsm-wait.h - what the riscv64 tests that start and stop harts share:
 * an on_cpu() entry that halts its CPU, and a bounded wait for a hart to
 * reach an SBI HSM state.
 */
#ifndef KUT_TESTS_RISCV64_HSM_WAIT_H
#define KUT_TESTS_RISCV64_HSM_WAIT_H

#include <libcflat.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>

static inline void stop_here(void *data)
{
	(void)data;
	halt();
}

/* Whether CPU @cpu's hart reaches HSM state @state within a second. */
static inline bool hart_reaches(int cpu, long state)
{
	u64 give_up = timer_get_cycles() + timebase_frequency;
	struct sbiret st;

	do {
		st = sbi_hart_get_status(cpus[cpu].hartid);
		if (!st.error && st.value == state)
			return true;
	} while (timer_get_cycles() < give_up);
	return false;
}

#endif
