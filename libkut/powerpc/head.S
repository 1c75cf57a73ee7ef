/* SPDX-License-Identifier: MIT */
/*
 * head.S - ppc64 entry, either byte order: from the boot ROM (or RTAS
 * start-cpu) to C.
 *
 * The boot ROM jumps to the image's first byte, where QEMU's -kernel
 * loader put it (4 MiB into RAM), with the device tree's address in r3,
 * the MMU off, and the CPU in big-endian 32-bit mode: the entry first
 * switches to the image's byte order (FIXUP_ENDIAN) and to 64-bit mode
 * with machine checks on.  Then, before any C: the TOC pointer (r2), the
 * image's own relocation (it is linked at 0), a cleared BSS, CPU 0's
 * stack and per-CPU pointer (r13), and kut_ppc_setup(fdt).  The image
 * was linked at IMAGE_LINK_BASE; it may run elsewhere.  Secondary
 * CPUs enter at secondary_start from RTAS start-cpu with their struct
 * cpu in r3.
 */
#include <asm/ppc_asm.h>
#include "powerpc.h"

#define R_PPC64_RELATIVE	22
#define ELF64_RELA_SIZE		24

/* 64-bit mode, machine checks on, in the current byte order. Uses r10-r12. */
.macro to_64bit
	bl	0f
0:	mflr	12
	addi	11, 12, 1f - 0b
	mtsrr0	11
	mfmsr	11
	li	10, 1
	sldi	10, 10, MSR_SF_BIT
	ori	10, 10, MSR_ME
	or	11, 11, 10
	mtsrr1	11
	rfid
1:
.endm

/* r2 = this image's TOC, wherever it runs.  Uses r12 and LR. */
.macro load_toc
	bl	0f
0:	mflr	12
	addis	2, 12, (.TOC. - 0b)@ha
	addi	2, 2, (.TOC. - 0b)@l
.endm

	.section .text.head, "ax"
	.globl _start
_start:
	FIXUP_ENDIAN
	to_64bit
	mr	31, 3			/* the device tree */
	/* r30 = where _start runs less where it was linked: the shift. */
	bl	9f
9:	mflr	30
	addi	30, 30, _start - 9b
	lis	29, IMAGE_LINK_BASE@h
	ori	29, 29, IMAGE_LINK_BASE@l
	sub	30, 30, 29
	load_toc

	/* *(r_offset + shift) = r_addend + shift, for each RELATIVE entry. */
	addis	3, 2, __rela_start@toc@ha
	addi	3, 3, __rela_start@toc@l
	addis	4, 2, __rela_end@toc@ha
	addi	4, 4, __rela_end@toc@l
2:	cmpld	3, 4
	bge	4f
	ld	5, 8(3)			/* r_info: the type, no symbol */
	cmpdi	5, R_PPC64_RELATIVE
	bne	3f
	ld	6, 0(3)
	ld	7, 16(3)
	add	7, 7, 30
	stdx	7, 30, 6
3:	addi	3, 3, ELF64_RELA_SIZE
	b	2b
4:
	addis	3, 2, __bss_start@toc@ha
	addi	3, 3, __bss_start@toc@l
	addis	4, 2, __bss_end@toc@ha
	addi	4, 4, __bss_end@toc@l
	li	0, 0
5:	cmpld	3, 4
	bge	6f
	std	0, 0(3)
	addi	3, 3, 8
	b	5b
6:
	addis	1, 2, (boot_stack + STACK_SIZE)@toc@ha
	addi	1, 1, (boot_stack + STACK_SIZE)@toc@l
	li	0, 0
	stdu	0, -STACK_FRAME_OVERHEAD(1)	/* a NULL back chain ends backtraces */
	/* CPU 0's struct cpu, with its stack protector guard. */
	addis	13, 2, cpus@toc@ha
	ld	13, cpus@toc@l(13)
	mtspr	272, 13			/* SPRG0: the interrupt entry's */
	bl	smp_boot_cpu_init
	nop
	mr	3, 31
	bl	kut_ppc_setup
	nop
7:	b	7b

/*
 * RTAS start-cpu entry: r3 = the CPU's struct cpu, MMU off, in whichever
 * byte order the hypervisor starts CPUs in.
 */
	.text
	.globl secondary_start
	.balign 4
secondary_start:
	FIXUP_ENDIAN
	to_64bit
	mr	13, 3
	mtspr	272, 13			/* SPRG0: the interrupt entry's */
	load_toc
	ld	1, CPU_STACK(13)
	li	0, 0
	stdu	0, -STACK_FRAME_OVERHEAD(1)
	mr	3, 13
	bl	kut_ppc_secondary_setup
	nop
8:	b	8b

	.bss
	.balign 16
	.globl boot_stack
boot_stack:
	.skip	STACK_SIZE

	.section .note.GNU-stack, "", %progbits
