/* SPDX-License-Identifier: MIT */
/*
 * asm/vector.h - the vector facility's register file (upstream
 * kvm-unit-tests' names): 32 registers of 16 bytes, usable with CR0's
 * CTL0_VECTOR bit on.  kut's interrupt entry does not save them (the
 * compiler emits no vector instructions for zEC12).
 */
#ifndef _ASMS390X_VECTOR_H_
#define _ASMS390X_VECTOR_H_

#define VEC_REGISTER_NUM	32
#define VEC_REGISTER_SIZE	16

#endif /* _ASMS390X_VECTOR_H_ */
