/* SPDX-License-Identifier: MIT */
/*
 * start64.S - x86_64 entry: from QEMU's PVH hand-over to C.
 *
 * QEMU's -kernel loads an ELF that carries a Xen PVH entry note and jumps
 * to the note's 32-bit entry in flat protected mode, paging off, with EBX
 * pointing at a struct hvm_start_info (command line, initrd as module 0,
 * memory map).  We chose PVH over multiboot because it boots the linked
 * ELF64 as it is (no conversion to ELF32) and was the fastest path we
 * measured (docs/x86-boot.md).  From here: our GDT, a cleared BSS, a
 * stack, an identity map of the first 4 GiB in 2 MiB pages (user-
 * accessible, as upstream's), long mode,
 * SSE enabled, and kut_x86_start(start_info) in C.
 */
#include <x86/desc.h>
#include <asm/smp.h>		/* MAX_TEST_CPUS */

#include "long-mode.h"

/*
 * Present, writable and user-accessible, as upstream's boot map is:
 * upstream's tests run code at CPL 3 on it without setup_vm() (umip).
 */
#define PTE_P_RW_U	0x007
#define PDE_P_RW_U_PS	0x087

	pvh_note pvh_start32

	.section .text.boot, "ax"
	.code32
	.globl pvh_start32
	/*
	 * upstream's name for the entry, which tests use as "the code's
	 * address"; weak, as a test of its own (realmode) may define it
	 */
	.weak start
pvh_start32:
start:
	cli
	cld
	mov	%ebx, %ebp		/* start_info survives the BSS clear */

	lgdt	gdt32_descr
	ljmp	$KERNEL_CS32, $1f
1:	load_data_segments

	/* The stack and the page tables live in the BSS: clear it first. */
	clear_bss
	mov	$boot_stack_top, %esp

	/* PML4[0] -> PDPT, PDPT[0..3] -> four page directories. */
	movl	$(pt_pdpt + PTE_P_RW_U), pt_pml4
	mov	$pt_pd + PTE_P_RW_U, %eax
	xor	%ecx, %ecx
2:	mov	%eax, pt_pdpt(, %ecx, 8)
	add	$4096, %eax
	inc	%ecx
	cmp	$4, %ecx
	jb	2b

	/* 2048 2 MiB pages: 0 .. 4 GiB, write-back, user-accessible. */
	xor	%ecx, %ecx
3:	mov	%ecx, %eax
	shl	$21, %eax
	or	$PDE_P_RW_U_PS, %eax
	mov	%eax, pt_pd(, %ecx, 8)
	inc	%ecx
	cmp	$2048, %ecx
	jb	3b

	enter_long_mode pt_pml4
	ljmp	$KERNEL_CS, $start64

	.code64
start64:
	load_data_segments
	lea	boot_stack_top(%rip), %rsp
	mov	%ebp, %edi		/* zero-extends: start_info's address */
	xor	%ebp, %ebp		/* ends the frame-pointer chain */
	call	kut_x86_start
4:	cli
	hlt
	jmp	4b

/*
 * An AP, from trampoline.S: flat 32-bit code, paging off, its stack in
 * esp and its CPU number in esi.
 */
	.code32
	.globl kut_x86_ap_enter
kut_x86_ap_enter:
	enter_long_mode pt_pml4
	ljmp	$KERNEL_CS, $ap_start64

	.code64
ap_start64:
	load_data_segments
	mov	%esp, %esp		/* zero-extends: the upper half is undefined */
	mov	%esi, %edi
	xor	%ebp, %ebp		/* ends the frame-pointer chain */
	call	kut_x86_ap_start
5:	cli
	hlt
	jmp	5b

/*
 * kut_x86_la57_switch(root): 4-level to 5-level paging on this CPU, for
 * setup_5level_page_table() (vm.c), which passes the PML5 table's
 * address (below 4 GiB) with interrupts off.  CR4.LA57 changes only
 * with paging off, and paging goes off only outside 64-bit mode: so a
 * far return to the 32-bit code segment, paging off (IA-32e mode ends,
 * EFER.LME stays), LA57 on, the new root, paging on (IA-32e again) and
 * a far jump back to 64-bit code.  The 32-bit leg touches no stack, and
 * as the upper halves of the registers do not survive it, RSP (and with
 * it the callee-saved registers) is kept in memory.
 */
#define X86_CR4_LA57	0x00001000

	.text
	.code64
	.globl kut_x86_la57_switch
kut_x86_la57_switch:
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, la57_saved_rsp(%rip)
	pushq	$KERNEL_CS32
	lea	1f(%rip), %rax
	push	%rax
	lretq

	.code32
1:	mov	$KERNEL_DS, %eax
	mov	%eax, %ss
	mov	%cr0, %eax
	and	$~X86_CR0_PG, %eax
	mov	%eax, %cr0
	mov	%cr4, %eax
	or	$X86_CR4_LA57, %eax
	mov	%eax, %cr4
	mov	%edi, %cr3
	mov	%cr0, %eax
	or	$X86_CR0_PG, %eax
	mov	%eax, %cr0
	ljmp	$KERNEL_CS, $2f

	.code64
2:	mov	la57_saved_rsp(%rip), %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret

	.section .rodata.boot, "a"
	.balign 8
gdt32_descr:
	.word	gdt_end - gdt - 1
	.long	gdt

/*
 * The GDT, laid out as x86/desc.h documents.  TSS slots (0x80 + 16 * cpu)
 * are filled in by desc.c.
 */
	.data
	.balign 16
	.globl gdt
gdt:
	.quad	0			/* 0x00 null */
	.quad	0x00af9b000000ffff	/* 0x08 ring-0 code, 64-bit */
	.quad	0x00cf93000000ffff	/* 0x10 ring-0 data */
	.quad	0x00af1b000000ffff	/* 0x18 ring-0 code, 64-bit, not present */
	.quad	0x00cf9b000000ffff	/* 0x20 ring-0 code, 32-bit */
	.quad	0x008f9b000000ffff	/* 0x28 ring-0 code, 16-bit */
	.quad	0x008f93000000ffff	/* 0x30 ring-0 data, 16-bit */
	.quad	0x00cffb000000ffff	/* 0x38 ring-3 code, 32-bit */
	.quad	0x00cff3000000ffff	/* 0x40 ring-3 data */
	.quad	0x00affb000000ffff	/* 0x48 ring-3 code, 64-bit */
	.fill	6, 8, 0			/* 0x50 - 0x78 free for tests */
	.fill	2 * MAX_TEST_CPUS, 8, 0	/* 0x80 TSS descriptors */
	.globl gdt_end
gdt_end:

	.bss
	.balign 4096
	.globl pt_pml4
pt_pml4:
	.skip	4096
pt_pdpt:
	.skip	4096
pt_pd:
	.skip	4 * 4096
	.globl boot_stack
boot_stack:
	.skip	16384
	.globl boot_stack_top
boot_stack_top:
la57_saved_rsp:
	.skip	8

	.section .note.GNU-stack, "", @progbits
