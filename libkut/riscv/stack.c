// SPDX-License-Identifier: MIT
/*
 * stack.c - riscv backtraces by walking frame records (kut builds with
 * -fno-omit-frame-pointer).  GCC and Clang lay them out alike: s0 points
 * just above the record, the return address at s0 - 8 and the caller's
 * s0 at s0 - 16.  But for a leaf function GCC saves only s0, at s0 - 8,
 * and keeps the return address in ra: a trap there is told apart by that
 * slot not holding a text address, and walked on from the trapped ra.
 * The walk stops at a misaligned frame pointer or one outside RAM, at a
 * return address outside the text, or when frames stop going up the
 * stack.
 */
#include <libcflat.h>
#include <asm/ptrace.h>

#include "../arch.h"
#include "../boot.h"
#include "riscv.h"

extern char __text_end[];

static bool frame_ok(uintptr_t fp)
{
	return !(fp & (sizeof(long) - 1)) && fp - 16 >= riscv_ram_start &&
	       fp <= kut_ram_end();
}

static bool text_addr(uintptr_t pc)
{
	return pc >= (uintptr_t)__image_start && pc < (uintptr_t)__text_end;
}

int arch_backtrace(const void *frame, const void **ret, int max)
{
	uintptr_t fp = (uintptr_t)(frame ? frame : __builtin_frame_address(0));
	const uintptr_t *rec;
	int n = 0;

	while (n < max && frame_ok(fp)) {
		rec = (const uintptr_t *)fp;
		if (!text_addr(rec[-1]))
			break;
		ret[n++] = (const void *)rec[-1];
		if (rec[-2] <= fp)
			break;
		fp = rec[-2];
	}
	return n;
}

void riscv_dump_trap_stack(const struct pt_regs *regs)
{
	uintptr_t rec[2], fp = regs->s0;

	if (frame_ok(fp) && !text_addr(((uintptr_t *)fp)[-1]) &&
	    text_addr(regs->ra)) {
		/* A GCC leaf: a record {caller's s0, ra} of our own. */
		rec[0] = ((uintptr_t *)fp)[-1];
		rec[1] = regs->ra;
		fp = (uintptr_t)&rec[2];
	}
	dump_frame_stack((void *)regs->epc, (void *)fp);
}
