/* SPDX-License-Identifier: MIT */
/*
 * long-mode.h - how a CPU gets from 32-bit protected mode into long mode,
 * written once for the boot CPU and the others (both in start64.S)
 * (internal, assembly only).
 *
 * The CPU must run flat 32-bit code with paging off; enter_long_mode
 * turns on PAE, loads CR3 with @pml4 (below 4 GiB: start64.S's identity
 * map), sets EFER.LME and then paging, with SSE usable as C code expects.
 * The caller far-jumps to a 64-bit code segment right after.  Clobbers
 * eax, ecx, edx.  Needs x86/desc.h's selectors.
 */
#ifndef KUT_X86_LONG_MODE_H
#define KUT_X86_LONG_MODE_H

#include "boot-asm.h"

#define MSR_EFER	0xc0000080
#define EFER_LME	0x00000100

.macro enter_long_mode pml4
	mov	%cr4, %eax
	or	$(X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT), %eax
	mov	%eax, %cr4
	mov	$\pml4, %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	set_cr0_paging
.endm

#endif /* KUT_X86_LONG_MODE_H */
