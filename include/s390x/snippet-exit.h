/* SPDX-License-Identifier: MIT */
/*
 * snippet-exit.h - the host's side of a snippet leaving SIE on purpose
 * (upstream kvm-unit-tests' lib/s390x/snippet-exit.h): a snippet calls
 * force_exit() (DIAGNOSE 0x44) or force_exit_value(v) (DIAGNOSE 0x500,
 * v in r2), declared by the snippets' own snippet-exit.h, and the host
 * asks which one it was.
 */
#ifndef _S390X_SNIPPET_EXIT_H_
#define _S390X_SNIPPET_EXIT_H_

#include <libcflat.h>
#include <sie.h>
#include <sie-icpt.h>

/* The guest stopped with force_exit(). */
static inline bool snippet_is_force_exit(struct vm *vm)
{
	return sie_is_diag_icpt(vm, 0x44);
}

/* The guest stopped with force_exit_value(). */
static inline bool snippet_is_force_exit_value(struct vm *vm)
{
	return sie_is_diag_icpt(vm, 0x500);
}

/* The value the guest gave force_exit_value() (which it must have called). */
static inline uint64_t snippet_get_force_exit_value(struct vm *vm)
{
	assert(snippet_is_force_exit_value(vm));
	return vm->save_area.guest.grs[2];
}

/* report() that the guest left with force_exit_value(@value_exp). */
static inline void snippet_check_force_exit_value(struct vm *vm, uint64_t value_exp)
{
	uint64_t value;

	if (!snippet_is_force_exit_value(vm)) {
		report_fail("guest forced exit with value");
		return;
	}
	value = snippet_get_force_exit_value(vm);
	report(value == value_exp, "guest forced exit with value (0x%lx == 0x%lx)",
	       value, value_exp);
}

#endif /* _S390X_SNIPPET_EXIT_H_ */
