/* SPDX-License-Identifier: MIT */
/*
 * kbuild.h - constants for assembly, worked out by the compiler: a C
 * file (conventionally NAME-asm-offsets.c) lists them in a function,
 *
 *	OFFSET(PT_EPC, pt_regs, epc);
 *	DEFINE(PT_SIZE, sizeof(struct pt_regs));
 *
 * and asm-offsets (kut's build; pkg-config --variable=asm_offsets
 * kut-<arch> for a test's own) compiles it with -S and makes each entry
 * a #define of a header.  Each macro plants an .ascii line in the
 * assembly output, never code that runs: the file is not linked.
 */
#ifndef _KBUILD_H_
#define _KBUILD_H_

#include <stddef.h>

/* #define @sym as the integer constant expression @val. */
#define DEFINE(sym, val) \
	asm volatile("\n\t.ascii \"<kut-define> " #sym " %0\"" : : "i" (val))
/* #define @sym as the offset of @mem in struct @str. */
#define OFFSET(sym, str, mem)	DEFINE(sym, offsetof(struct str, mem))
/* A comment line, and a blank line, in the header. */
#define COMMENT(text)	asm volatile("\n\t.ascii \"<kut-comment> " text "\"")
#define BLANK()		asm volatile("\n\t.ascii \"<kut-blank>\"")

#endif /* _KBUILD_H_ */
