/* SPDX-License-Identifier: MIT */
/*
 * entry.S - the trap vector (stvec, direct mode): save a struct pt_regs
 * (asm/ptrace.h) on the current stack, call do_handle_exception(regs) in
 * processor.c, restore whatever the handler left in regs, sret.
 *
 * kut runs in S-mode only, so a trap never changes stacks.  Above the
 * registers sits a frame record {interrupted s0, epc} with s0 pointing
 * past it, so a backtrace taken in a handler walks on into the
 * interrupted code.
 */
#include <asm/asm-offsets.h>
#include "riscv.h"

#define REG(n)		((n) * 8)

	.text
	.balign	4
	.globl trap_entry
trap_entry:
	addi	sp, sp, -TRAP_FRAME_SIZE
	.irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, \
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd	x\n, REG(\n)(sp)
	.endr
	addi	t0, sp, TRAP_FRAME_SIZE
	sd	t0, REG(2)(sp)
	csrr	t0, sepc
	sd	t0, PT_EPC(sp)
	csrr	t1, sstatus
	sd	t1, PT_STATUS(sp)
	csrr	t1, stval
	sd	t1, PT_BADADDR(sp)
	csrr	t1, scause
	sd	t1, PT_CAUSE(sp)
	sd	s0, TRAP_FRAME_RECORD(sp)
	sd	t0, TRAP_FRAME_RECORD + 8(sp)
	addi	s0, sp, TRAP_FRAME_SIZE
	mv	a0, sp
	call	do_handle_exception

	ld	t0, PT_EPC(sp)
	csrw	sepc, t0
	ld	t0, PT_STATUS(sp)
	csrw	sstatus, t0
	.irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, \
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	x\n, REG(\n)(sp)
	.endr
	ld	x2, REG(2)(sp)		/* sp last: it may have been changed */
	sret

	.section .note.GNU-stack, "", %progbits
