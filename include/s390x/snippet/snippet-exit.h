/* SPDX-License-Identifier: MIT */
/*
 * snippet-exit.h (snippets' own) - how a snippet, a guest running under
 * SIE, hands control back to its host test on purpose (upstream
 * kvm-unit-tests' s390x/snippets/lib/snippet-exit.h).  Snippets are
 * built with kut-s390x-snippet.pc, which puts this directory first on
 * the include path; the host's <snippet-exit.h> asks which exit it was.
 */
#ifndef _S390X_SNIPPET_GUEST_EXIT_H_
#define _S390X_SNIPPET_GUEST_EXIT_H_

#include <asm/arch_def.h>
#include <asm/barrier.h>

/*
 * Intercept with DIAGNOSE 0x44.  The barriers: the host reads what the
 * guest wrote before, and may change guest memory before it resumes.
 */
static inline void force_exit(void)
{
	mb();
	diag44();
	mb();
}

/* Intercept with DIAGNOSE 0x500, @val in r2 for the host to read. */
static inline void force_exit_value(uint64_t val)
{
	mb();
	diag500(val);
	mb();
}

#endif /* _S390X_SNIPPET_GUEST_EXIT_H_ */
