/* SPDX-License-Identifier: MIT */
/*
 * reset.S - kut_diag308_reset(subcode): DIAGNOSE 0x308 subcode 0 (load
 * modified clear) or 1 (load normal), and coming back from it.
 *
 * Both reset the machine (every CPU, the channel subsystem) and then
 * have the IPL CPU load the short PSW at absolute address 0, leaving
 * memory as it is.  So that PSW, in the boot CPU's lowcore (prefix 0,
 * absolute 0), points at our continuation, which brings back the control
 * registers, the callee-saved registers, the FPC and the PSW mask the
 * reset threw away.  Returns 1 after the reset, 0 if no reset came
 * within a second of DIAGNOSE.  Must run on the boot CPU, in the first
 * 2 GiB.
 */
	.text
	.globl kut_diag308_reset
kut_diag308_reset:
	stmg	%r6, %r15, 48(%r15)
	larl	%r1, save
	stctg	%c0, %c15, 0(%r1)
	std	%f8, 128(%r1)
	std	%f9, 136(%r1)
	std	%f10, 144(%r1)
	std	%f11, 152(%r1)
	std	%f12, 160(%r1)
	std	%f13, 168(%r1)
	std	%f14, 176(%r1)
	std	%f15, 184(%r1)
	stfpc	192(%r1)
	stg	%r15, 200(%r1)
	epsw	%r4, %r5
	st	%r4, 208(%r1)
	st	%r5, 212(%r1)
	/* Short PSW: 64-bit z/Architecture, continuing at 1f. */
	larl	%r3, 1f
	lg	%r4, reset_psw
	ogr	%r4, %r3
	stg	%r4, 0
	diag	%r0, %r2, 0x308
	/*
	 * QEMU resets asynchronously: this CPU may go on for a while before
	 * the reset takes it.  Wait here, touching no stack, for a second
	 * (TOD units: 2^12 per microsecond) before calling it a failure.
	 */
	larl	%r1, save
	stck	224(%r1)
	lg	%r3, 224(%r1)
	llilf	%r4, 1000000
	sllg	%r4, %r4, 12
	algr	%r3, %r4
0:	stck	224(%r1)
	clg	%r3, 224(%r1)
	jh	0b
	xc	0(8, 0), 0(0)
	lghi	%r2, 0
	lmg	%r6, %r15, 48(%r15)
	br	%r14

1:	larl	%r1, save
	lctlg	%c0, %c15, 0(%r1)
	ld	%f8, 128(%r1)
	ld	%f9, 136(%r1)
	ld	%f10, 144(%r1)
	ld	%f11, 152(%r1)
	ld	%f12, 160(%r1)
	ld	%f13, 168(%r1)
	ld	%f14, 176(%r1)
	ld	%f15, 184(%r1)
	lfpc	192(%r1)
	lg	%r15, 200(%r1)
	lmg	%r6, %r15, 48(%r15)
	/* No stale continuation for a reset nobody asked for. */
	xc	0(8, 0), 0(0)
	/* The old PSW mask, continuing at 2f. */
	larl	%r3, 2f
	larl	%r1, save
	stg	%r3, 216(%r1)
	lpswe	208(%r1)
2:	lghi	%r2, 1
	br	%r14

	.section .rodata
	.balign	8
reset_psw:
	.quad	0x0008000180000000

	.bss
	.balign	8
save:
	.skip	232

	.section .note.GNU-stack, "", %progbits
