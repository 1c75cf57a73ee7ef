// SPDX-License-Identifier: MIT
/*
 * usermode.c - run_in_user() (x86/usermode.h): the state around a call
 * at CPL 3, for both modes; usermode64.S and usermode32.S do the ring
 * switches.
 *
 * Per CPU (found by task register: a test may have moved the GS base):
 * the stack to come back to, the fault being waited for and whether it
 * came.  desc.c's dispatcher asks kut_x86_user_fault() first about every
 * exception from ring 3.  The #UD at kut_x86_user_exit means the function
 * returned; the awaited fault means it is abandoned.  Either way the
 * exception returns straight to kut_x86_user_back on the caller's stack,
 * with the function's result or 0.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include <x86/vm.h>

#include "percpu.h"
#include "x86.h"

#define USER_STACK_ORDER	2		/* 16 KiB */

/*
 * What kut_x86_user_call() takes; usermode64.S and usermode32.S have the
 * offsets (i386 reads the low half of each field).
 */
struct user_entry {
	u64 func;
	u64 arg[4];
	u64 rsp;
	u64 rflags;
};
_Static_assert(__builtin_offsetof(struct user_entry, arg) == 8 &&
	       __builtin_offsetof(struct user_entry, rsp) == 40 &&
	       __builtin_offsetof(struct user_entry, rflags) == 48,
	       "usermode*.S's UE_* offsets");

struct user_call {
	bool active;
	bool raised;
	unsigned int vector;
	handler ex_handler;
	u8 *stack;
};

/* What run_in_user() changes, to put back. */
struct kernel_state {
	u16 ds, es, fs, gs;
#ifdef __x86_64__
	u64 fs_base, gs_base;
#endif
	unsigned long sp0;
};

u64 kut_x86_user_call(const struct user_entry *e, void *sp0,
		      unsigned long *back_sp);
void kut_x86_user_entry(void);
void kut_x86_user_exit(void);
void kut_x86_user_back(void);
bool kut_x86_user_fault(struct ex_regs *regs);

static unsigned long back_sp[MAX_TEST_CPUS];
static struct user_call calls[MAX_TEST_CPUS];

/*
 * This CPU's number, from its task register (GS may not be ours), or
 * MAX_TEST_CPUS when a test has loaded a TSS of its own.
 */
static unsigned int tss_cpu(void)
{
	u16 tr = str();

	if (tr < TSS_MAIN || (tr - TSS_MAIN) % 16 ||
	    (tr - TSS_MAIN) / 16 >= MAX_TEST_CPUS)
		return MAX_TEST_CPUS;
	return (tr - TSS_MAIN) / 16;
}

/* Whether ring 3 may reach @va (and write it) in the current tables. */
static bool user_reachable(const void *va, bool write)
{
	uintptr_t addr = (uintptr_t)va;
	pteval_t *pt = current_page_table(), e;
	int level;

	for (level = PAGE_LEVEL; level >= 1; level--) {
		e = pt[PGDIR_OFFSET(addr, level)];
		if (!(e & PT_PRESENT_MASK) || !(e & PT_USER_MASK) ||
		    (write && !(e & PT_WRITABLE_MASK)))
			return false;
		if (level == 1 || (e & PT_PAGE_SIZE_MASK))
			break;
		pt = phys_to_virt(e & PT_ADDR_MASK);
	}
	return true;
}

static void check_reachable(const void *va, bool write, const char *what)
{
	if (!user_reachable(va, write))
		report_abort("run_in_user: %s at %p is not user-accessible: "
			     "an entry on its page walk lacks PT_USER_MASK",
			     what, va);
}

/*
 * Data selectors ring 3 may hold, so that IRET to ring 3 (the way down,
 * and back from an interrupt) keeps them rather than nulling them, which
 * on some CPUs clears the base too.  x86_64: loading FS and GS reloads
 * their bases from the descriptor (0), so put back the ones they had;
 * per-CPU data and a test's own GS base stay reachable.  i386: GS keeps
 * kut's per-CPU segment, which ring 3 may use (desc32.c).
 */
static void enter_user_segments(struct kernel_state *k)
{
	k->ds = read_ds();
	k->es = read_es();
	k->fs = read_fs();
	k->gs = read_gs();
#ifdef __x86_64__
	k->fs_base = rdmsr(MSR_FS_BASE);
	k->gs_base = rdmsr(MSR_GS_BASE);
#endif
	write_ds(USER_DS);
	write_es(USER_DS);
	write_fs(USER_DS);
#ifdef __x86_64__
	write_gs(USER_DS);
	wrmsr(MSR_FS_BASE, k->fs_base);
	wrmsr(MSR_GS_BASE, k->gs_base);
#endif
}

static void leave_user_segments(const struct kernel_state *k)
{
	write_ds(k->ds);
	write_es(k->es);
	write_fs(k->fs);
	write_gs(k->gs);
#ifdef __x86_64__
	wrmsr(MSR_FS_BASE, k->fs_base);
	wrmsr(MSR_GS_BASE, k->gs_base);
#endif
}

uint64_t run_in_user_ex(usermode_func func, unsigned int fault_vector,
			uint64_t arg1, uint64_t arg2, uint64_t arg3,
			uint64_t arg4, bool *raised_vector, handler ex_handler)
{
	unsigned int cpu = tss_cpu();
	struct user_call *c;
	struct user_entry e = {
		.func = (unsigned long)func,
		.arg = { arg1, arg2, arg3, arg4 },
	};
	struct kernel_state k;
	unsigned long flags;
	u64 ret;

	if (cpu == MAX_TEST_CPUS)
		report_abort("run_in_user: the task register (%#x) is not one "
			     "of kut's TSSs", str());
	c = &calls[cpu];
	if (c->active)
		report_abort("run_in_user: called on CPU %u while it runs "
			     "user code already", cpu);
	if (!c->stack) {
		c->stack = alloc_pages(USER_STACK_ORDER);
		assert(c->stack);
	}
	e.rsp = (unsigned long)c->stack + (PAGE_SIZE << USER_STACK_ORDER);
	check_reachable(func, false, "the function");
	check_reachable(kut_x86_user_entry, false, "kut's user-mode entry");
	check_reachable(c->stack, true, "the user stack");
	check_reachable((void *)(unsigned long)(e.rsp - 1), true,
			"the user stack");

	c->vector = fault_vector;
	c->ex_handler = ex_handler;
	c->raised = false;
	flags = read_rflags();
	/* With NT, IRET would fault (x86_64) or switch tasks (i386). */
	e.rflags = flags & ~X86_EFLAGS_NT;
	cli();
	enter_user_segments(&k);
	k.sp0 = TSS_SP0(&tss[cpu]);
	c->active = true;
	ret = kut_x86_user_call(&e, (u8 *)&tss[cpu] +
				__builtin_offsetof(kut_tss_t, TSS_SP0_FIELD),
				&back_sp[cpu]);
	c->active = false;
	TSS_SP0(&tss[cpu]) = k.sp0;
	leave_user_segments(&k);
	if (flags & X86_EFLAGS_IF)
		sti();
	*raised_vector = c->raised;
	return c->raised ? 0 : ret;
}

/*
 * Resume in kut_x86_user_back, on the caller's stack, with @result in
 * the registers a u64 is returned in.  On i386 the IRET stays at CPL 0
 * and so pops no stack pointer: the frame already lies just below the
 * caller's stack (the TSS's esp0), which kut_x86_user_back relies on.
 */
static void back_to_kernel(struct ex_regs *regs, unsigned int cpu, u64 result)
{
	regs->rax = result;
#ifdef __x86_64__
	regs->ss = KERNEL_DS;
	regs->rsp = back_sp[cpu];
#else
	(void)cpu;
	regs->rdx = result >> 32;
#endif
	regs->rip = (unsigned long)kut_x86_user_back;
	regs->cs = KERNEL_CS;
	regs->rflags = X86_EFLAGS_FIXED;
}

/* What the user function returned, as its calling convention has it. */
static u64 user_result(const struct ex_regs *regs)
{
#ifdef __x86_64__
	return regs->rax;
#else
	return (u64)regs->rdx << 32 | regs->rax;
#endif
}

bool kut_x86_user_fault(struct ex_regs *regs)
{
	unsigned int cpu = tss_cpu();
	struct user_call *c;
	struct percpu *pc;

	if (cpu == MAX_TEST_CPUS || !calls[cpu].active)
		return false;
	c = &calls[cpu];
	/* The function returned: no GS here, it may not be ours. */
	if (regs->vector == UD_VECTOR &&
	    regs->rip == (unsigned long)kut_x86_user_exit) {
		back_to_kernel(regs, cpu, user_result(regs));
		return true;
	}
	if (regs->vector != c->vector)
		return false;
	pc = this_cpu();
	pc->exception_vector = regs->vector;
	pc->exception_error_code = regs->error_code;
	pc->exception_rflags_rf = !!(regs->rflags & X86_EFLAGS_RF);
	if (c->ex_handler)
		c->ex_handler(regs);
	c->raised = true;
	back_to_kernel(regs, cpu, 0);
	return true;
}
