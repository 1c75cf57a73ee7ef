/* SPDX-License-Identifier: MIT */
/*
 * head.S - s390x entry: from QEMU's -kernel IPL to C.
 *
 * The CPU starts at 0x10000 (see linker-scripts/s390x.lds) in 64-bit
 * mode, DAT and interrupts off, with nothing else set up.  The first
 * instruction jumps over the IPL parameter area QEMU fills in, then the
 * BSS is cleared, the boot CPU gets its stack with a zero back chain
 * (where backtraces stop), CR0 turns on the additional FP registers, and
 * kut_s390x_setup() continues in C.
 */
#include <asm/asm-offsets.h>
#include "s390x.h"

	.section .head.text, "ax"
	.globl start
start:
	jg	boot_entry
	/* 0x10400 - 0x10fff: IPL parameters (initrd at 0x408/0x410, the
	 * command line from 0x480), zero unless QEMU writes them. */
	.org	0x1000

	.text
boot_entry:
	/* Clear the BSS: MVCLE with an empty source pads with zeros. */
	larl	%r2, __bss_start
	larl	%r3, __bss_end
	sgr	%r3, %r2
	lghi	%r4, 0
	lghi	%r5, 0
0:	mvcle	%r2, %r4, 0
	jo	0b

	larl	%r15, cpu0_stack + STACK_SIZE - 160
	xc	0(160, %r15), 0(%r15)
	larl	%r1, handler_cr0
	lctlg	%c0, %c0, 0(%r1)
	brasl	%r14, kut_s390x_setup
	/* Not reached: stop with a disabled wait. */
	larl	%r1, stop_psw
	lpswe	0(%r1)

/*
 * SIGP RESTART of a CPU smp_cpu_setup() prepared lands here, with the
 * CPU's own lowcore: its registers (stack, return address) and control
 * registers from the lowcore's save areas, then the PSW it is to run,
 * which also becomes its restart PSW (only the address: the mask stays
 * 64-bit, DAT off), so that a later restart re-runs it directly.
 */
	.globl restart_int
restart_int:
	lmg	%r0, %r15, GEN_LC_SW_INT_GRS
	lctlg	%c0, %c15, GEN_LC_SW_INT_CRS
	mvc	GEN_LC_RESTART_NEW_PSW + 8(8), GEN_LC_SW_INT_PSW + 8
	lpswe	GEN_LC_SW_INT_PSW

/* A started CPU whose code returned keeps running here (upstream's way). */
	.globl smp_cpu_spin
smp_cpu_spin:
	j	smp_cpu_spin

	.section .rodata
	.balign	8
	.globl handler_cr0
handler_cr0:
	.quad	HANDLER_CR0
stop_psw:
	.quad	0x0002000180000000, 0xdead

	.bss
	.balign	4096
	.globl cpu0_stack
cpu0_stack:
	.skip	STACK_SIZE

	.section .note.GNU-stack, "", %progbits
