/* SPDX-License-Identifier: MIT */
/*
 * probe-asm.S - a riscv assembly file as upstream's tests write them,
 * built against the installed SDK: <asm/asm.h>, the installed
 * <asm/asm-offsets.h>, and a header the installed asm-offsets made from
 * probe-asm-offsets.c, which must agree with it.
 */
#include <asm/asm.h>
#include <asm/asm-offsets.h>
#include <generated/probe-asm-offsets.h>

#if PROBE_PT_CAUSE != PT_CAUSE || PROBE_PT_SIZE != PT_SIZE
#error "asm-offsets: the installed header and a test's own disagree"
#endif
#if PROBE_ANSWER != 42 || PT_SIZE != 36 * SZREG
#error "asm-offsets: wrong values"
#endif

	.text
	.globl	probe_cause
probe_cause:
	pause
	REG_L	a0, PT_CAUSE(a0)
	ret
