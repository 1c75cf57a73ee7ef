/* SPDX-License-Identifier: MIT */
/*
 * head.S - riscv64 entry: from OpenSBI to C.
 *
 * The image starts with a RISC-V Linux Image header, so QEMU's -kernel
 * loads it like a kernel, 2 MiB into RAM (our link address), and OpenSBI
 * jumps to its first byte in S-mode, translation off, with the hart id in
 * a0 and the device tree's address in a1.  From here: interrupts off, BSS
 * cleared, CPU 0's stack, per-CPU pointer (sscratch) and trap vector set
 * up, FP usable, and kut_riscv_setup(hartid, fdt) in C.  Secondary harts
 * enter at secondary_entry from SBI HART_START, with a1 pointing at their
 * struct secondary_data (riscv.h), or stray into _head (stray_entry).
 */
#include <asm/csr.h>
#include "riscv.h"

	.section .text.head, "ax"
	.option push
	.option norvc			/* code0 must be one 4-byte jump */
	.globl _head
_head:
	j	primary_entry		/* code0 */
	.word	0			/* code1 */
	.dword	0x200000		/* text_offset: RAM + 2 MiB (riscv64.lds) */
	.dword	__image_size		/* image size, BSS included */
	.dword	0			/* flags: little endian */
	.word	0x2			/* header version 0.2 */
	.word	0			/* res1 */
	.dword	0			/* res2 */
	.ascii	"RISCV\0\0\0"		/* magic (deprecated) */
	.ascii	"RSC\x05"		/* magic2 */
	.word	0			/* res3 */
	.option pop

primary_entry:
	csrw	sie, zero
	csrci	sstatus, SR_SIE
	/* The first hart here boots; any later one strayed (see below). */
	la	t0, boot_claimed
	li	t1, 1
	amoswap.w t1, t1, (t0)
	beqz	t1, 1f
	j	stray_entry
1:
	mv	s1, a0
	mv	s2, a1

	la	t0, __bss_start
	la	t1, __bss_end
2:	bgeu	t0, t1, 3f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	2b
3:
	la	sp, cpu0_stack + STACK_SIZE
	la	t0, cpus			/* cpus[0]: the boot hart */
	csrw	sscratch, t0
	call	hart_early_init
	mv	a0, s1
	mv	a1, s2
	call	kut_riscv_setup
3:	wfi
	j	3b

	.text
/*
 * A secondary hart that HART_START sent to the image's first byte with
 * the cold boot's a1: older OpenSBI (1.1, QEMU 7.2's, among them) marks
 * a hart START_PENDING before it stores the start address and a1, so a
 * hart that sees the state in between leaves with the old ones.  It waits here for the
 * secondary_data smp.c publishes for its hart id, then goes on as if
 * started properly.
 */
stray_entry:
	la	t0, riscv_starting
1:	ld	a1, 0(t0)
	beqz	a1, 2f
	ld	t1, SD_HARTID(a1)
	li	s2, 1
	beq	t1, a0, secondary_common
2:	.4byte	0x0100000f		/* pause */
	j	1b

/* SBI HART_START entry: a0 = hart id, a1 = struct secondary_data. */
	.globl secondary_entry
	.balign 4
secondary_entry:
	li	s2, 0
secondary_common:
	csrw	sie, zero
	csrci	sstatus, SR_SIE
	ld	sp, SD_SP(a1)
	ld	t0, SD_INFO(a1)
	csrw	sscratch, t0
	mv	s1, a1
	call	hart_early_init
	ld	t0, SD_SATP(s1)
	sfence.vma
	csrw	satp, t0
	sfence.vma
	mv	a0, s1
	mv	a1, s2
	call	kut_riscv_secondary_setup
4:	wfi
	j	4b

/*
 * The trap vector, FP on (state Initial, so tests may compute in floating
 * point; trap entry does not save FP registers, kut's own code uses
 * none), and a clean frame chain.  Uses t0 only.
 */
hart_early_init:
	la	t0, trap_entry
	csrw	stvec, t0
	li	t0, SR_FS_INITIAL
	csrs	sstatus, t0
	li	s0, 0
	ret

	.data
	.balign 8
boot_claimed:
	.word	0
	.balign 8
	.globl riscv_starting
riscv_starting:
	.dword	0

	.bss
	.balign 16
	.globl cpu0_stack
cpu0_stack:
	.skip	STACK_SIZE

	.section .note.GNU-stack, "", %progbits
