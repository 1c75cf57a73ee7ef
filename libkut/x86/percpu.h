/* SPDX-License-Identifier: MIT */
/*
 * percpu.h - x86 per-CPU data, reached through GS (internal): its base
 * is set through the GS base MSR on x86_64 (desc64.c) and comes from a
 * per-CPU GDT data segment on i386 (desc32.c).
 *
 * The first fields sit at fixed offsets because inline asm in installed
 * headers addresses them directly: ASM_TRY clears exception_vector with
 * "movl $0, %gs:4".
 */
#ifndef KUT_X86_PERCPU_H
#define KUT_X86_PERCPU_H

#include <libcflat.h>
#include <setjmp.h>
#include <asm/smp.h>

struct percpu {
	u32 smp_id;			/* offset 0 */
	u32 exception_vector;		/* offset 4 */
	u32 exception_rflags_rf;	/* offset 8 */
	u32 exception_error_code;	/* offset 12 */
	/* The rest of asm/smp.h's struct percpu_data, at its offsets. */
	struct guest_regs guest_regs;
	bool launched;
	bool in_guest;
	struct percpu *self;
	int exception_depth;		/* nesting of the default handler */
	jmp_buf *exception_jmpbuf;	/* set_exception_jmpbuf() */
};

_Static_assert(__builtin_offsetof(struct percpu, exception_vector) == 4,
	       "ASM_TRY writes %gs:4");
_Static_assert(__builtin_offsetof(struct percpu, guest_regs) ==
	       offsetof_percpu(guest_regs), "asm/smp.h's guest_regs");
_Static_assert(__builtin_offsetof(struct percpu, launched) ==
	       offsetof_percpu(launched), "asm/smp.h's launched");
_Static_assert(__builtin_offsetof(struct percpu, in_guest) ==
	       offsetof_percpu(in_guest), "asm/smp.h's in_guest");

static inline struct percpu *this_cpu(void)
{
	struct percpu *p;

	asm volatile("mov %%gs:%c1, %0"
		     : "=r"(p) : "i"(__builtin_offsetof(struct percpu, self)));
	return p;
}

/* Point this CPU's GS at @pc (done once per CPU during bring-up). */
void percpu_init(struct percpu *pc, u32 id);

#endif /* KUT_X86_PERCPU_H */
