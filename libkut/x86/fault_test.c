// SPDX-License-Identifier: MIT
/*
 * fault_test.c - test_run() (x86/fault_test.h).  A ring-3 case goes
 * through run_in_user(), which already catches its vector; a ring-0 case
 * goes through test_for_exception(), so both share the library's one way
 * of abandoning code that faulted.
 */
#include <libcflat.h>
#include <x86/fault_test.h>

struct ring0_call {
	const struct fault_test_arg *arg;
	uint64_t ret;
};

static void call_at_ring0(void *data)
{
	struct ring0_call *c = data;
	const uint64_t *a = c->arg->arg;

	c->ret = c->arg->func(a[0], a[1], a[2], a[3]);
}

static uint64_t call_at_ring3(const struct fault_test_arg *arg, bool *faulted)
{
	const uint64_t *a = arg->arg;

	return run_in_user((usermode_func)(void (*)(void))arg->func,
			   arg->fault_vector, a[0], a[1], a[2], a[3], faulted);
}

/* Whether the case behaved as it says it should. */
static bool case_holds(struct fault_test_arg *arg)
{
	struct ring0_call c = { .arg = arg };
	bool faulted = false;

	if (arg->usermode)
		c.ret = call_at_ring3(arg, &faulted);
	else
		faulted = test_for_exception(arg->fault_vector, call_at_ring0, &c);

	if (faulted != arg->should_fault)
		return false;
	if (faulted)
		return true;
	arg->retval = c.ret;
	return arg->callback ? arg->callback(arg) : true;
}

void test_run(struct fault_test *test)
{
	report(case_holds(&test->arg), "%s", test->name);
}
