/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h - the registers an exception saved (upstream kvm-unit-tests'
 * and Linux's struct pt_regs).  Slot n holds register xn, but slot 0 (x0
 * is always zero) holds the trapping pc; the trap CSRs follow.  A handler
 * may change any of them: they are restored on return, epc included.
 */
#ifndef _ASMRISCV_PTRACE_H_
#define _ASMRISCV_PTRACE_H_

/*
 * For assembly, <asm/asm-offsets.h> has each member's offset (PT_EPC,
 * PT_RA, ... PT_CAUSE) and the size, PT_SIZE: the build works them out
 * from this structure.
 */
#ifndef __ASSEMBLY__

struct pt_regs {
	unsigned long epc;	/* sepc: where the trap hit */
	unsigned long ra;
	unsigned long sp;
	unsigned long gp;
	unsigned long tp;
	unsigned long t0;
	unsigned long t1;
	unsigned long t2;
	unsigned long s0;	/* the frame pointer */
	unsigned long s1;
	unsigned long a0;
	unsigned long a1;
	unsigned long a2;
	unsigned long a3;
	unsigned long a4;
	unsigned long a5;
	unsigned long a6;
	unsigned long a7;
	unsigned long s2;
	unsigned long s3;
	unsigned long s4;
	unsigned long s5;
	unsigned long s6;
	unsigned long s7;
	unsigned long s8;
	unsigned long s9;
	unsigned long s10;
	unsigned long s11;
	unsigned long t3;
	unsigned long t4;
	unsigned long t5;
	unsigned long t6;
	unsigned long status;	/* sstatus */
	unsigned long badaddr;	/* stval */
	unsigned long cause;	/* scause */
	unsigned long orig_a0;	/* unused: kept for upstream's layout */
};

#endif /* !__ASSEMBLY__ */
#endif /* _ASMRISCV_PTRACE_H_ */
