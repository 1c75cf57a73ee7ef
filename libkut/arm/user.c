// SPDX-License-Identifier: MIT
/*
 * user.c - start_usr() and is_user() for arm and arm64.  The user stack
 * gets a thread_info of its own, flagged TIF_USER_MODE, so is_user() and
 * smp_processor_id() (which find it from the stack pointer) still work
 * in user mode, and handlers installed there are the user thread's; the
 * mode switch itself is __start_usr in entry.S.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <asm/smp.h>

extern void __start_usr(void (*func)(void *arg), void *arg,
			unsigned long sp_usr) __attribute__((noreturn));

void start_usr(void (*func)(void *arg), void *arg, unsigned long sp_usr)
{
	/* sp_usr may be the stack's very top: its thread_info is below. */
	struct thread_info *ti = thread_info_sp(sp_usr - 1);

	sp_usr &= ~15UL;	/* AAPCS64 wants 16, AAPCS 8 */
	memset(ti, 0, sizeof(*ti));
	ti->cpu = smp_processor_id();
	ti->flags = TIF_USER_MODE;
	ti->pgtable = current_thread_info()->pgtable;
	__start_usr(func, arg, sp_usr);
}

bool is_user(void)
{
	return current_thread_info()->flags & TIF_USER_MODE;
}
