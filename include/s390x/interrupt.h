/* SPDX-License-Identifier: MIT */
/*
 * interrupt.h - I/O interrupt functions, on top of <asm/interrupt.h>
 * (upstream kvm-unit-tests' lib/s390x/interrupt.h).
 */
#ifndef _S390X_INTERRUPT_H_
#define _S390X_INTERRUPT_H_

#include <asm/interrupt.h>

/*
 * Call @f for every I/O interrupt (it reads lowcore.subsys_id_word and
 * friends); one function at a time: -1 if one is registered already.
 */
int register_io_int_func(void (*f)(void));
/* Remove @f again; -1 if @f is not the registered one. */
int unregister_io_int_func(void (*f)(void));

#endif /* _S390X_INTERRUPT_H_ */
