// SPDX-License-Identifier: MIT
/*
 * stack.c - ppc64 backtraces by walking the ELFv2 back chain: each frame
 * starts with the caller's stack pointer, and a function saves its
 * return address 16 bytes into its caller's frame.  An interrupt frame
 * (exceptions.S) is recognised by the address do_handle_exception()
 * returns to: the walk goes on with the interrupted nip and stack.  The
 * walk stops at a misaligned or null back chain, a frame outside RAM, a
 * return address outside the text, or frames that stop going up.
 */
#include <libcflat.h>
#include <kut_abi.h>
#include <asm/ptrace.h>

#include "../arch.h"
#include "../boot.h"
#include "powerpc.h"

#define MAX_FRAMES	32

static bool frame_ok(uintptr_t sp)
{
	return sp && !(sp & 7) && sp >= 0x1000 && sp + 24 <= kut_ram_end();
}

static bool text_addr(uintptr_t pc)
{
	return pc >= (uintptr_t)__image_start && pc < (uintptr_t)__text_end;
}

int arch_backtrace(const void *frame, const void **ret, int max)
{
	uintptr_t sp = (uintptr_t)(frame ? frame : __builtin_frame_address(0));
	uintptr_t next, lr;
	const struct pt_regs *regs;
	int n = 0;

	while (n < max && frame_ok(sp)) {
		next = *(const uintptr_t *)sp;
		if (!frame_ok(next) || next <= sp)
			break;
		lr = *(const uintptr_t *)(next + 16);
		if (lr == (uintptr_t)exception_return) {
			/* next is an interrupt frame: go on where it hit. */
			regs = (const struct pt_regs *)(next + INT_FRAME_REGS);
			ret[n++] = (const void *)regs->nip;
			sp = regs->gpr[1];
			continue;
		}
		if (!text_addr(lr))
			break;
		ret[n++] = (const void *)lr;
		sp = next;
	}
	return n;
}

/*
 * Whether @lr is the return address of a call to the function holding
 * @nip: the instruction before it is a "bl" to at most 64 KiB before,
 * made from outside [that target, @nip]; *@func is then the target.
 */
static bool calls_into(uintptr_t lr, uintptr_t nip, uintptr_t *func)
{
	uintptr_t site = lr - 4;
	u32 insn;

	if (!text_addr(site) || (site & 3))
		return false;
	insn = *(const u32 *)site;
	if ((insn & 0xfc000003) != 0x48000001)		/* bl */
		return false;
	*func = site + ((long)(int32_t)((insn & 0x03fffffc) << 6) >> 6);
	/* A stale LR in the function at nip itself calls backwards, too. */
	return *func <= nip && nip - *func < 0x10000 &&
	       !(site >= *func && site <= nip);
}

/* Whether the code in [from, to) made a stack frame: "stdu r1,d(r1)". */
static bool made_frame(uintptr_t from, uintptr_t to)
{
	const u32 *p;

	for (p = (const u32 *)from; (uintptr_t)p < to; p++)
		if ((*p & 0xffff0003) == 0xf8210001)
			return true;
	return false;
}

/*
 * From an interrupt: the nip, then the interrupted frames.  A function
 * interrupted before it saved its return address (a leaf, or one in its
 * prologue) still has it in LR: when LR returns from a call to the
 * function at nip, it is the next frame, and the walk goes on from that
 * function's caller, one frame up if the function had made a frame of
 * its own (saving nothing in it).
 */
void ppc_dump_stack(const struct pt_regs *regs)
{
	const void *ret[MAX_FRAMES];
	uintptr_t sp = regs->gpr[1], next = 0, func;
	int n = 0, i;

	printf("Backtrace:\n");
	printf(KUT_BACKTRACE_PREFIX "%d 0x%lx\n", n++, regs->nip);
	if (frame_ok(sp))
		next = *(const uintptr_t *)sp;
	if (frame_ok(next) && calls_into(regs->link, regs->nip, &func)) {
		printf(KUT_BACKTRACE_PREFIX "%d 0x%lx\n", n++, regs->link);
		if (made_frame(func, regs->nip))
			sp = next;
	}
	for (i = 0; i < arch_backtrace((void *)sp, ret, MAX_FRAMES); i++)
		printf(KUT_BACKTRACE_PREFIX "%d 0x%lx\n", n++,
		       (unsigned long)ret[i]);
}
