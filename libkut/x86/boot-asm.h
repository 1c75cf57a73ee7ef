/* SPDX-License-Identifier: MIT */
/*
 * boot-asm.h - what the 32-bit boot code of both modes shares: the
 * boot CPU's entry (start32.S, start64.S) and the APs' (trampoline.S)
 * (internal, assembly only).  Needs x86/desc.h's selectors.
 *
 * pvh_note names the entry QEMU's -kernel jumps to (docs/x86-boot.md);
 * clear_bss zeroes the BSS, which holds the boot stack and page tables.
 *
 * enable_paging32 is i386's way from flat protected mode with paging off
 * to paging on (long-mode.h is x86_64's): 2-level 32-bit paging with
 * 4 MiB pages (CR4.PSE), as upstream's i386, with SSE usable as on
 * x86_64.  Clobbers eax.
 */
#ifndef KUT_X86_BOOT_ASM_H
#define KUT_X86_BOOT_ASM_H

#define X86_CR0_PE	0x00000001
#define X86_CR0_MP	0x00000002
#define X86_CR0_EM	0x00000004
#define X86_CR0_TS	0x00000008
#define X86_CR0_NE	0x00000020
#define X86_CR0_WP	0x00010000
#define X86_CR0_PG	0x80000000
#define X86_CR4_PSE	0x00000010
#define X86_CR4_PAE	0x00000020
#define X86_CR4_OSFXSR	0x00000200
#define X86_CR4_OSXMMEXCPT 0x00000400

/* The Xen PVH entry note: QEMU enters @entry in flat 32-bit mode. */
.macro pvh_note entry
	.pushsection .note.Xen, "a", @note
	.balign 4
	.long 4				/* name size: "Xen\0" */
	.long 4				/* descriptor size */
	.long 18			/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.long \entry
	.balign 4
	.popsection
.endm

/* Zero the BSS with the data segments loaded.  Clobbers eax, ecx, edi. */
.macro clear_bss
	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	shr	$2, %ecx
	xor	%eax, %eax
	rep stosl
.endm

/* Load kut's flat data segment into every data segment register. */
.macro load_data_segments
	mov	$KERNEL_DS, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%eax, %fs
	mov	%eax, %gs
.endm

/* CR0 with paging, write protection, native FPU errors, no FPU traps. */
.macro set_cr0_paging
	mov	%cr0, %eax
	and	$~(X86_CR0_EM | X86_CR0_TS), %eax
	or	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_MP | X86_CR0_PE), %eax
	mov	%eax, %cr0
.endm

.macro enable_paging32 pgdir
	mov	%cr4, %eax
	or	$(X86_CR4_PSE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT), %eax
	mov	%eax, %cr4
	mov	$\pgdir, %eax
	mov	%eax, %cr3
	set_cr0_paging
.endm

#endif /* KUT_X86_BOOT_ASM_H */
