/* SPDX-License-Identifier: MIT */
/*
 * trampoline.S - where an application processor (AP) starts, and its way
 * to the mode's own entry (both modes).
 *
 * A STARTUP IPI starts an AP in real mode at a 4 KiB page below 1 MiB
 * (CS = page >> 4, IP = 0), so ap_trampoline is position-independent
 * 16-bit code that smp.c copies to such a page.  It loads kut's GDT
 * and enters 32-bit protected mode at ap_start32, in the image, which
 * finds the AP's CPU number by looking its APIC ID up in id_map[] and
 * takes the stack smp.c left for it in ap_stack_tops[]; then
 * kut_x86_ap_enter (start64.S: long mode; start32.S: paging) calls
 * kut_x86_ap_start(cpu).  An AP whose APIC ID is not in the table (not
 * in the MADT, or beyond MAX_TEST_CPUS) halts for good.
 */
#include <x86/desc.h>
#include <asm/smp.h>		/* MAX_TEST_CPUS */

#include "boot-asm.h"

	.section .rodata.ap_trampoline, "a"
	.code16
	.globl ap_trampoline
ap_trampoline:
	cli
	cld
	mov	%cs, %ax
	mov	%ax, %ds
	/* 32-bit operand size: the GDT's base is a full 32-bit address. */
	lgdtl	ap_gdt_descr - ap_trampoline
	mov	%cr0, %eax
	or	$X86_CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$KERNEL_CS32, $ap_start32

	.balign 4
ap_gdt_descr:				/* the GDT of start64.S / start32.S */
	.word	TSS_MAIN + 16 * MAX_TEST_CPUS - 1
	.long	gdt
	.globl ap_trampoline_end
ap_trampoline_end:

	.text
	.code32
ap_start32:
	load_data_segments

	/* CPUID.1:EBX[31:24] is this CPU's initial APIC ID. */
	mov	$1, %eax
	cpuid
	shr	$24, %ebx
	mov	kut_nr_cpus, %edx
	xor	%ecx, %ecx
1:	cmp	%edx, %ecx
	jae	3f
	movzbl	id_map(%ecx), %eax
	cmp	%ebx, %eax
	je	2f
	inc	%ecx
	jmp	1b

	/* The stack's low half: smp.c allocates it below 4 GiB. */
2:	mov	ap_stack_tops(, %ecx, 8), %esp
	mov	%ecx, %esi		/* the CPU number, for kut_x86_ap_enter */
	jmp	kut_x86_ap_enter

3:	cli
	hlt
	jmp	3b

	.section .note.GNU-stack, "", @progbits
