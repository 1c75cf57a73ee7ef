/* SPDX-License-Identifier: MIT */
/*
 * long-mode.h - how a CPU gets from 32-bit protected mode into long mode,
 * written once for the boot CPU (start64.S) and the others (trampoline.S)
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

#define X86_CR0_PE	0x00000001
#define X86_CR0_MP	0x00000002
#define X86_CR0_EM	0x00000004
#define X86_CR0_TS	0x00000008
#define X86_CR0_NE	0x00000020
#define X86_CR0_WP	0x00010000
#define X86_CR0_PG	0x80000000
#define X86_CR4_PAE	0x00000020
#define X86_CR4_OSFXSR	0x00000200
#define X86_CR4_OSXMMEXCPT 0x00000400
#define MSR_EFER	0xc0000080
#define EFER_LME	0x00000100

/* Load kut's flat data segment into every data segment register. */
.macro load_data_segments
	mov	$KERNEL_DS, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%eax, %fs
	mov	%eax, %gs
.endm

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
	mov	%cr0, %eax
	and	$~(X86_CR0_EM | X86_CR0_TS), %eax
	or	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_MP | X86_CR0_PE), %eax
	mov	%eax, %cr0
.endm

#endif /* KUT_X86_LONG_MODE_H */
