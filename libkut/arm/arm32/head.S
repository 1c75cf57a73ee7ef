/* SPDX-License-Identifier: MIT */
/*
 * head.S - arm (ARMv7-A) entry: from QEMU's Linux boot protocol to C.
 *
 * QEMU's -kernel loads the raw image 64 KiB into RAM (our link address)
 * and enters it in SVC mode, MMU off, with r2 pointing at the device
 * tree.  The zImage header at the start only lets tools (kut-run) tell
 * the image type.  From here: interrupts masked, the FPU on (Debian's
 * armhf libfdt.a uses the hard-float ABI), BSS cleared, CPU 0's stack
 * and the vector table set up, and kut_arm_setup(fdt) in C, which turns
 * the MMU on first.  Secondary CPUs enter at secondary_entry from PSCI
 * CPU_ON with the MMU off too.
 */
#include <asm/thread_info.h>
#include <asm/ptrace.h>

#define CPACR_CP10_CP11_FULL	(0xf << 20)
#define FPEXC_EN		(1 << 30)

	.syntax unified
	.arm
	.fpu	vfpv3-d16
	.section .text.head, "ax"
	.globl _head
_head:
	.rept	8
	mov	r0, r0
	.endr
	b	primary_entry		/* 0x20 */
	.word	0x016f2818		/* 0x24: zImage magic */
	.word	_head			/* 0x28: start */
	.word	__image_end		/* 0x2c: end */
	.word	0x04030201		/* 0x30: little endian */

primary_entry:
	mov	r11, r2
	bl	cpu_early_init
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
	mov	r3, #0
1:	cmp	r0, r1
	stmlo	r0!, {r2, r3}
	blo	1b
	ldr	sp, =cpu0_stack + THREAD_SIZE
	mov	r0, r11
	mov	r11, #0
	mov	lr, #0
	bl	kut_arm_setup
2:	wfi
	b	2b

	.text
	.globl secondary_entry
secondary_entry:
	bl	cpu_early_init
	ldr	r0, =secondary_data
	ldr	sp, [r0]
	mov	r11, #0
	mov	lr, #0
	bl	kut_arm_secondary_setup
3:	wfi
	b	3b

/* Interrupts masked, FPU on, our vectors; uses r0 only, no stack. */
cpu_early_init:
	cpsid	aif
	mrc	p15, 0, r0, c1, c0, 2		/* CPACR */
	orr	r0, r0, #CPACR_CP10_CP11_FULL
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #FPEXC_EN
	vmsr	fpexc, r0
	ldr	r0, =vector_table
	mcr	p15, 0, r0, c12, c0, 0		/* VBAR */
	mrc	p15, 0, r0, c1, c0, 0		/* SCTLR: low vectors, ARM state */
	bic	r0, r0, #(1 << 13)
	bic	r0, r0, #(1 << 30)
	mcr	p15, 0, r0, c1, c0, 0
	isb
	bx	lr
	.ltorg

	.bss
	.balign THREAD_SIZE
	.globl cpu0_stack
cpu0_stack:
	.skip	THREAD_SIZE

	.section .note.GNU-stack, "", %progbits
