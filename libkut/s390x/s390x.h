/* SPDX-License-Identifier: MIT */
/*
 * s390x.h - what the s390x boot, interrupt and SMP files tell each other
 * (internal, not installed; the assembly files include it for the
 * constants).
 */
#ifndef KUT_S390X_S390X_H
#define KUT_S390X_S390X_H

/* Each CPU's stack; the boot CPU's is in the image's BSS. */
#define STACK_SIZE		(64 * 1024)

/*
 * The CR0 interrupt handlers run with: AFP on (all 16 FP registers, which
 * the entry code saves), every external subclass off, so that only what
 * the handler itself enables (the SCLP's service signal) can interrupt it.
 */
#define HANDLER_CR0		0x40000

/* IPL parameters QEMU's -kernel writes (head.S keeps room for them). */
#define IPL_INITRD_START	0x10408
#define IPL_INITRD_SIZE		0x10410
#define IPL_CMDLINE		0x10480
#define IPL_CMDLINE_END		0x11000

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <asm/arch_def.h>

/* entry.S: the first instruction of each interrupt class's handler. */
extern char pgm_int[], ext_int[], svc_int[], mcck_int[], io_int[];
/* entry.S: the start of a restarted CPU (SIGP RESTART), see smp.c. */
extern char restart_int[];

/* interrupt.c: point this CPU's new PSWs at entry.S. */
void s390x_setup_irq_psws(struct lowcore *lc);

/*
 * stack.c: the backtrace of an interrupted context: @psw_addr first,
 * then r14 and the frames from the interrupted stack pointer @r15 up.
 */
void s390x_dump_int_stack(uint64_t psw_addr, uint64_t r14, uint64_t r15);
/* stack.c: whether @addr is in the image's text. */
bool s390x_text_addr(uint64_t addr);

/* sclp.c: the ASCII console's write, and its set-up. */
void sclp_console_write(const char *buf, size_t len);

/* smp.c: every CPU's state, the boot CPU's at index 0. */
extern struct cpu s390x_cpus[];
/* smp.c: the boot CPU's state, first thing at boot (smp_setup() later). */
void s390x_boot_cpu_init(void);
/* smp.c: stop every other CPU (the end of the test). */
void s390x_smp_stop_others(void);
/* head.S: where a CPU whose code returned spins. */
extern char smp_cpu_spin[];

/* interrupt.c: the I/O, SVC and machine-check handlers entry.S calls. */
void kut_io_int(struct stack_frame_int *stack);
void kut_svc_int(struct stack_frame_int *stack);
void kut_mcck_int(struct stack_frame_int *stack);

/* C entry points of the assembly. */
void kut_s390x_setup(void) __attribute__((noreturn));
void kut_entry_fault(void) __attribute__((noreturn));
#else /* __ASSEMBLY__ */
/*
 * The floating-point state the interrupt entry and sie64a() keep aside:
 * the FPC at \fpc(\base) and the sixteen FPRs 8 bytes apart from
 * \fprs(\base); \cop is stfpc or lfpc and \fop std or ld.
 */
	.macro	fprs_each op, disp, base
	\op	%f0, \disp + 0(\base)
	\op	%f1, \disp + 8(\base)
	\op	%f2, \disp + 16(\base)
	\op	%f3, \disp + 24(\base)
	\op	%f4, \disp + 32(\base)
	\op	%f5, \disp + 40(\base)
	\op	%f6, \disp + 48(\base)
	\op	%f7, \disp + 56(\base)
	\op	%f8, \disp + 64(\base)
	\op	%f9, \disp + 72(\base)
	\op	%f10, \disp + 80(\base)
	\op	%f11, \disp + 88(\base)
	\op	%f12, \disp + 96(\base)
	\op	%f13, \disp + 104(\base)
	\op	%f14, \disp + 112(\base)
	\op	%f15, \disp + 120(\base)
	.endm

	.macro	fp_state fop, cop, fpc, fprs, base
	\cop	\fpc(\base)
	fprs_each \fop, \fprs, \base
	.endm
#endif /* __ASSEMBLY__ */

#endif /* KUT_S390X_S390X_H */
