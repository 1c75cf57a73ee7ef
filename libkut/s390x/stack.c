// SPDX-License-Identifier: MIT
/*
 * stack.c - s390x backtraces, by the back chain (kut builds with
 * -mbackchain).
 *
 * A frame's first word points at its caller's frame, and a function
 * saves its return address (r14) in its caller's frame, at offset 112.
 * So from a function's frame address F (its caller's stack pointer, what
 * __builtin_frame_address(0) gives), its return address is F + 112 and
 * the next frame address is *F.  The walk stops at a back chain of 0 (the
 * boot stack's first frame), at one that is misaligned, outside RAM or
 * does not go up the stack; a slot that holds no text address (a frame
 * whose function never saved r14) is skipped, not printed.
 */
#include <libcflat.h>
#include <asm/arch_def.h>

#include "../arch.h"
#include "../boot.h"
#include "s390x.h"

extern char __text_end[];

#define R14_SLOT	14

bool s390x_text_addr(uint64_t addr)
{
	return addr >= (uintptr_t)__image_start && addr < (uintptr_t)__text_end;
}

static bool frame_ok(uintptr_t f, uintptr_t prev)
{
	return f && !(f & 7) && f > prev && f + sizeof(struct stack_frame) <= kut_ram_end();
}

static int walk(uintptr_t f, const void **ret, int n, int max)
{
	uintptr_t prev = 0;

	while (n < max && frame_ok(f, prev)) {
		const struct stack_frame *frame = (const void *)f;
		uint64_t r14 = frame->grs[R14_SLOT - 6];

		if (s390x_text_addr(r14))
			ret[n++] = (const void *)r14;
		prev = f;
		f = (uintptr_t)frame->back_chain;
	}
	return n;
}

int arch_backtrace(const void *frame, const void **ret, int max)
{
	return walk((uintptr_t)(frame ? frame : __builtin_frame_address(0)),
		    ret, 0, max);
}

/*
 * The interrupted function may or may not have saved r14 and set up its
 * frame yet, so the slot at @r15 + 112 may be stale: print r14 itself,
 * then walk on from the frame @r15's back chain points at.
 */
void s390x_dump_int_stack(uint64_t psw_addr, uint64_t r14, uint64_t r15)
{
	struct stack_frame fake = { 0 };

	fake.grs[R14_SLOT - 6] = r14;
	if (frame_ok(r15, 0))
		fake.back_chain = ((struct stack_frame *)r15)->back_chain;
	dump_frame_stack((void *)psw_addr, &fake);
}
