/* SPDX-License-Identifier: MIT */
/*
 * x86/fault_test.h - table-driven fault tests, upstream's API: each
 * struct fault_test names a function, its four arguments, whether it runs
 * at ring 3 (run_in_user(), so setup_vm() first) or ring 0, and whether
 * it should raise @fault_vector.  test_run() runs one and reports: PASS
 * when it faulted as expected, or did not fault when it should not have
 * and the optional callback accepts its return value (in arg->retval).
 * x86_64 only, as upstream's: the functions take 64-bit arguments.
 */
#ifndef _X86_FAULT_TEST_H_
#define _X86_FAULT_TEST_H_

#include <libcflat.h>
#include <alloc.h>
#include <setjmp.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include <x86/apic-defs.h>
#include <x86/apic.h>
#include <x86/desc.h>
#include <x86/isr.h>
#include <x86/usermode.h>

#define FAULT_TEST(nm, a) { .name = nm, .arg = a }

struct fault_test_arg;

typedef uint64_t (*test_fault_func)(uint64_t arg1, uint64_t arg2,
				    uint64_t arg3, uint64_t arg4);
typedef bool (*test_fault_callback)(struct fault_test_arg *arg);

struct fault_test_arg {
	bool usermode;
	unsigned int fault_vector;
	bool should_fault;
	uint64_t arg[4];
	uint64_t retval;
	test_fault_func func;
	test_fault_callback callback;
};

struct fault_test {
	const char *name;
	struct fault_test_arg arg;
};

void test_run(struct fault_test *test);

#endif /* _X86_FAULT_TEST_H_ */
