/* SPDX-License-Identifier: MIT */
/*
 * setjmp.h - non-local jumps, used by tests to recover from an expected
 * exception (see set_exception_jmpbuf in x86/desc.h).  Only the
 * callee-saved registers, stack and return address are kept; signal masks
 * do not exist here.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

/* Room for the callee-saved state of every supported arch. */
typedef struct jmp_buf_tag {
	unsigned long regs[24];
} jmp_buf[1];

extern int setjmp(jmp_buf env) __attribute__((returns_twice));
extern void longjmp(jmp_buf env, int val) __attribute__((noreturn));

#endif /* _SETJMP_H_ */
