/* SPDX-License-Identifier: MIT */
/*
 * sse.S - sbi_sse_entry, where the SBI firmware enters S-mode to deliver
 * a supervisor software event (SSE) registered with sbi_sse_register().
 *
 * The firmware saved the interrupted sepc, a6, a7 and status flags
 * itself, and enters with a7 = the event's struct sbi_sse_handler_arg
 * (asm/sbi.h), a6 = the hart id; every other register still holds the
 * interrupted code's value, so all of them are saved, in a struct
 * pt_regs below the handler's stack top, with sepc and sstatus (the
 * handler may trap).  After handler(handler_data, regs, hartid) they
 * come back, and SSE COMPLETE returns to the interrupted code (restoring
 * a6 and a7 on the way).
 */
#include <asm/asm-offsets.h>
#include "riscv.h"

#define REG(n)		((n) * 8)

	.text
	.balign	4
	.globl sbi_sse_entry
sbi_sse_entry:
	sd	sp, SBI_SSE_REG_TMP(a7)
	ld	sp, SBI_SSE_HANDLER_STACK(a7)
	addi	sp, sp, -TRAP_FRAME_SIZE
	.irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, \
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd	x\n, REG(\n)(sp)
	.endr
	ld	t0, SBI_SSE_REG_TMP(a7)
	sd	t0, REG(2)(sp)
	csrr	t0, sepc
	sd	t0, PT_EPC(sp)
	csrr	t1, sstatus
	sd	t1, PT_STATUS(sp)
	sd	zero, PT_BADADDR(sp)
	sd	zero, PT_CAUSE(sp)
	/* A frame record, so a backtrace walks on into the interrupted code. */
	sd	s0, TRAP_FRAME_RECORD(sp)
	sd	t0, TRAP_FRAME_RECORD + 8(sp)
	addi	s0, sp, TRAP_FRAME_SIZE

	ld	t0, SBI_SSE_HANDLER(a7)
	ld	a0, SBI_SSE_HANDLER_DATA(a7)
	mv	a1, sp
	mv	a2, a6
	jalr	t0

	ld	t0, PT_EPC(sp)
	csrw	sepc, t0
	ld	t0, PT_STATUS(sp)
	csrw	sstatus, t0
	/* All but a6 and a7 (x16, x17): COMPLETE restores those. */
	.irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19, 20, \
		21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	x\n, REG(\n)(sp)
	.endr
	ld	x2, REG(2)(sp)
	li	a7, ASM_SBI_EXT_SSE
	li	a6, ASM_SBI_EXT_SSE_COMPLETE
	ecall
	/* COMPLETE does not come back; if it did, stop here. */
1:	wfi
	j	1b

	.section .note.GNU-stack, "", %progbits
