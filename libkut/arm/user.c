// SPDX-License-Identifier: MIT
/*
 * user.c - start_usr() and is_user() for arm and arm64.  The user stack
 * gets a thread_info of its own, flagged TIF_USER_MODE, so is_user() and
 * smp_processor_id() (which find it from the stack pointer) still work
 * in user mode; the mode switch itself is __start_usr in entry.S.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <asm/smp.h>

extern void __start_usr(void (*func)(void *arg), void *arg,
			unsigned long sp_usr) __attribute__((noreturn));

void start_usr(void (*func)(void *arg), void *arg, unsigned long sp_usr)
{
	struct thread_info *ti = thread_info_sp(sp_usr - 1);

	ti->cpu = smp_processor_id();
	ti->mpidr = current_thread_info()->mpidr;
	ti->flags = TIF_USER_MODE;
	__start_usr(func, arg, sp_usr);
}

bool is_user(void)
{
	return current_thread_info()->flags & TIF_USER_MODE;
}
