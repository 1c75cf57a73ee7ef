// SPDX-License-Identifier: MIT
/*
 * fault_test.c - test_run() (x86/fault_test.h).  At ring 0 the function
 * runs under a handler for the expected vector that abandons it through a
 * longjmp(); at ring 3 run_in_user() catches the vector itself.
 */
#include <libcflat.h>
#include <setjmp.h>
#include <x86/fault_test.h>

static jmp_buf fault_jmp;

static void back_to_test_run(void)
{
	longjmp(fault_jmp, 1);
}

/* Resume in back_to_test_run(), out of the exception frame. */
static void on_expected_fault(struct ex_regs *regs)
{
	regs->rip = (unsigned long)back_to_test_run;
}

static bool run_one(struct fault_test_arg *arg)
{
	volatile uint64_t ret = 0;
	volatile bool faulted = false;
	bool raised = false;
	handler old;

	if (arg->usermode) {
		ret = run_in_user((usermode_func)(void (*)(void))arg->func, arg->fault_vector,
				  arg->arg[0], arg->arg[1], arg->arg[2],
				  arg->arg[3], &raised);
		faulted = raised;
	} else {
		old = handle_exception(arg->fault_vector, on_expected_fault);
		if (setjmp(fault_jmp) == 0)
			ret = arg->func(arg->arg[0], arg->arg[1], arg->arg[2],
					arg->arg[3]);
		else
			faulted = true;
		handle_exception(arg->fault_vector, old);
	}
	if (arg->should_fault)
		return faulted;
	if (faulted)
		return false;
	arg->retval = ret;
	return !arg->callback || arg->callback(arg);
}

void test_run(struct fault_test *test)
{
	report(run_one(&test->arg), "%s", test->name);
}
