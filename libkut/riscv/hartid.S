/* SPDX-License-Identifier: MIT */
/*
 * hartid.S - hartid_to_cpu() (asm/setup.h) in assembly: without a stack
 * and with only temporaries, so that a hart SBI HSM just started (no
 * stack, translation off: the image is identity mapped, so its
 * addresses hold) may call it.  Compiled C would set up a frame record
 * on whatever sp the firmware left.
 */
#include <asm/asm-offsets.h>

	.text
	.balign	4
	.globl	hartid_to_cpu
	.type	hartid_to_cpu, @function
hartid_to_cpu:
	lla	t0, cpus
	lla	t1, nr_cpus
	lw	t1, 0(t1)
	li	t2, 0
1:	bge	t2, t1, 2f
	ld	t3, THREAD_INFO_HARTID(t0)
	beq	t3, a0, 3f
	addi	t0, t0, THREAD_INFO_SIZE
	addi	t2, t2, 1
	j	1b
2:	li	a0, -1
	ret
3:	mv	a0, t2
	ret
	.size	hartid_to_cpu, . - hartid_to_cpu
