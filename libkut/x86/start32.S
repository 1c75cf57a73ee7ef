/* SPDX-License-Identifier: MIT */
/*
 * start32.S - i386 entry: from QEMU's PVH hand-over to C, and the APs'
 * last step before C.
 *
 * The boot protocol is x86_64's (docs/x86-boot.md): QEMU's -kernel jumps
 * to the PVH note's entry in flat 32-bit protected mode, paging off, EBX
 * pointing at struct hvm_start_info.  An i386 guest simply stays in that
 * mode: our GDT (upstream's 32-bit layout, x86/desc.h), a cleared BSS, a
 * stack, and paging as upstream's i386 has it, 2-level with 4 MiB pages
 * (no PAE): [0, 2 GiB) and [3 GiB, 4 GiB) identity mapped, user-
 * accessible as upstream's, and [2 GiB, 3 GiB) left for vmalloc's window (vm.c).  Then
 * kut_x86_start(start_info) in C.
 */
#include <x86/desc.h>
#include <asm/smp.h>		/* MAX_TEST_CPUS */

#include "boot-asm.h"

#define PDE_P_RW_U_PS	0x087	/* user-accessible, as upstream's (start64.S) */
#define PDE_SHIFT	22		/* 4 MiB per page-directory entry */
#define HOLE_FIRST	512		/* PDEs of [2 GiB, 3 GiB): not mapped */
#define HOLE_END	768

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
	mov	%ebx, %esi		/* start_info survives the BSS clear */

	lgdt	gdt32_descr
	ljmp	$KERNEL_CS, $1f
1:	load_data_segments

	/* The stack and the page directory live in the BSS: clear it first. */
	clear_bss
	mov	$boot_stack_top, %esp

	xor	%ecx, %ecx
2:	cmp	$HOLE_FIRST, %ecx
	jb	3f
	cmp	$HOLE_END, %ecx
	jb	4f
3:	mov	%ecx, %eax
	shl	$PDE_SHIFT, %eax
	or	$PDE_P_RW_U_PS, %eax
	mov	%eax, pt_pgdir(, %ecx, 4)
4:	inc	%ecx
	cmp	$1024, %ecx
	jb	2b

	enable_paging32 pt_pgdir
	xor	%ebp, %ebp		/* ends the frame-pointer chain */
	sub	$12, %esp		/* 16-byte aligned at the call */
	push	%esi
	call	kut_x86_start
5:	cli
	hlt
	jmp	5b

/*
 * An AP, from trampoline.S: flat 32-bit code, paging off, its stack in
 * esp and its CPU number in esi.  It starts on the boot page directory;
 * kut_x86_ap_start() loads the boot CPU's current CR3.
 */
	.globl kut_x86_ap_enter
kut_x86_ap_enter:
	enable_paging32 pt_pgdir
	xor	%ebp, %ebp
	sub	$12, %esp
	push	%esi
	call	kut_x86_ap_start
6:	cli
	hlt
	jmp	6b

	.section .rodata.boot, "a"
	.balign 8
gdt32_descr:
	.word	gdt_end - gdt - 1
	.long	gdt

/*
 * The GDT, laid out as x86/desc.h documents for i386.  desc.c fills in
 * the TSS slots (0x80 + 16 * cpu), desc32.c the per-CPU data segments
 * after them (0x88 + 16 * cpu), TSS_DF and TSS_INTR.
 */
	.data
	.balign 16
	.globl gdt
gdt:
	.quad	0			/* 0x00 null */
	.quad	0x00cf9b000000ffff	/* 0x08 ring-0 code, 32-bit */
	.quad	0x00cf93000000ffff	/* 0x10 ring-0 data */
	.quad	0x00cf1b000000ffff	/* 0x18 ring-0 code, 32-bit, not present */
	.quad	0			/* 0x20 TSS_INTR */
	.quad	0x008f9b000000ffff	/* 0x28 ring-0 code, 16-bit */
	.quad	0x008f93000000ffff	/* 0x30 ring-0 data, 16-bit */
	.quad	0x00cffb000000ffff	/* 0x38 ring-3 code, 32-bit */
	.quad	0x00cff3000000ffff	/* 0x40 ring-3 data */
	.quad	0			/* 0x48 TSS_DF */
	.fill	6, 8, 0			/* 0x50 - 0x78 free for tests */
	.fill	2 * MAX_TEST_CPUS, 8, 0	/* 0x80 TSS and per-CPU data per CPU */
	.globl gdt_end
gdt_end:

	.bss
	.balign 4096
	.globl pt_pgdir
pt_pgdir:
	.skip	4096
	.globl boot_stack
boot_stack:
	.skip	16384
	.globl boot_stack_top
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
