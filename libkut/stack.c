// SPDX-License-Identifier: MIT
/*
 * stack.c - backtraces in the one format kut-run symbolizes
 * (KUT_BACKTRACE_PREFIX in kut_abi.h): one frame per line, innermost
 * first, as "\t#<n> 0x<address>".
 */
#include <libcflat.h>
#include <kut_abi.h>

#include "arch.h"

#define MAX_FRAMES	32

void dump_frame_stack(const void *instruction, const void *frame)
{
	const void *ret[MAX_FRAMES];
	int n, i = 0, first = 0;

	printf("Backtrace:\n");
	if (instruction)
		printf(KUT_BACKTRACE_PREFIX "%d 0x%lx\n", i++,
		       (unsigned long)instruction);
	n = arch_backtrace(frame, ret, MAX_FRAMES);
	for (; first < n; first++)
		printf(KUT_BACKTRACE_PREFIX "%d 0x%lx\n", i++,
		       (unsigned long)ret[first]);
}

void dump_stack(void)
{
	dump_frame_stack(NULL, __builtin_frame_address(0));
}
