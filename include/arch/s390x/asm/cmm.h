/* SPDX-License-Identifier: MIT */
/*
 * asm/cmm.h - collaborative memory management: EXTRACT AND SET STORAGE
 * ATTRIBUTES (ESSA) tells the hypervisor a page's state and returns its
 * usage (upstream kvm-unit-tests' names).
 */
#ifndef _ASMS390X_CMM_H_
#define _ASMS390X_CMM_H_

#include <asm/interrupt.h>

/* The state ESSA sets (its M3 operand). */
#define ESSA_GET_STATE			0
#define ESSA_SET_STABLE			1
#define ESSA_SET_UNUSED			2
#define ESSA_SET_VOLATILE		3
#define ESSA_SET_POT_VOLATILE		4
#define ESSA_SET_STABLE_RESIDENT	5
#define ESSA_SET_STABLE_IF_RESIDENT	6
#define ESSA_SET_STABLE_NODAT		7

#define ESSA_MAX			ESSA_SET_STABLE_NODAT

/* The usage state in the result. */
#define ESSA_USAGE_STABLE		0
#define ESSA_USAGE_UNUSED		1
#define ESSA_USAGE_POT_VOLATILE		2
#define ESSA_USAGE_VOLATILE		3

/* Set the page at @paddr to @state (a constant); its previous state. */
#define essa(state, paddr)						\
	({								\
		uint64_t __extr;					\
		asm volatile(".insn rrf,0xb9ab0000,%[extr],%[addr],%[st],0" \
			     : [extr] "=d" (__extr)			\
			     : [addr] "a" (paddr), [st] "i" (state));	\
		(unsigned long)__extr;					\
	})

/* Whether ESSA is there (the hypervisor enables it, or it is an operation exception). */
static inline bool check_essa_available(void)
{
	expect_pgm_int();
	essa(ESSA_GET_STATE, 0);
	return clear_pgm_int() == 0;
}

#endif /* _ASMS390X_CMM_H_ */
