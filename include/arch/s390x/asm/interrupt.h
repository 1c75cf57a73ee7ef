/* SPDX-License-Identifier: MIT */
/*
 * asm/interrupt.h - interrupts on s390x, the way upstream kvm-unit-tests'
 * tests use them.
 *
 * kut installs a handler for every interrupt class at boot (program,
 * external, I/O, supervisor call, machine check).  A program interrupt a
 * test provokes is announced first with expect_pgm_int(); the handler
 * then records it and resumes after the instruction (for a nullifying
 * condition it steps over the instruction), and check_pgm_int_code() or
 * clear_pgm_int() reads the code.  One that was not expected ends the
 * test as failed with the PSW, the registers and a backtrace.  External
 * interrupts work the same with expect_ext_int(); I/O interrupts go to the
 * function register_io_int_func() installed.  The handlers change the
 * lowcore's old PSW to resume elsewhere, and the cleanup functions may
 * change the saved registers (struct stack_frame_int) too.
 */
#ifndef _ASMS390X_IRQ_H_
#define _ASMS390X_IRQ_H_

#include <asm/arch_def.h>

/* External-interruption codes (lowcore.ext_int_code). */
#define EXT_IRQ_EMERGENCY_SIG	0x1201
#define EXT_IRQ_EXTERNAL_CALL	0x1202
#define EXT_IRQ_SERVICE_SIG	0x2401
/* kut's names for the timer ones. */
#define EXT_IRQ_CLOCK_COMP	0x1004
#define EXT_IRQ_CPU_TIMER	0x1005

/* The translation-exception identification of a DAT or protection fault. */
union teid {
	unsigned long val;
	union {
		struct {	/* DAT and protection exceptions */
			uint64_t addr			: 52 -  0;
			uint64_t acc_exc_fetch_store	: 54 - 52;
			uint64_t side_effect_acc	: 55 - 54;
			uint64_t /* reserved */		: 62 - 55;
			uint64_t asce_id		: 64 - 62;
		};
		struct {	/* DAT exceptions */
			uint64_t /* pad */		: 61 -  0;
			uint64_t dat_move_page		: 62 - 61;
		};
		struct {	/* suppression on protection */
			uint64_t /* pad */		: 60 -  0;
			uint64_t sop_acc_list		: 61 - 60;
			uint64_t sop_teid_predictable	: 62 - 61;
		};
		struct {	/* enhanced suppression on protection 2 */
			uint64_t /* pad */		: 56 -  0;
			uint64_t esop2_prot_code_0	: 57 - 56;
			uint64_t /* pad */		: 60 - 57;
			uint64_t esop2_prot_code_1	: 61 - 60;
			uint64_t esop2_prot_code_2	: 62 - 61;
		};
	};
};

/* Why a protection exception happened, with ESOP-2. */
enum prot_code {
	PROT_KEY_OR_LAP,
	PROT_DAT,
	PROT_KEY,
	PROT_ACC_LIST,
	PROT_LAP,
	PROT_IEP,
	PROT_NUM_CODES
};

static inline enum prot_code teid_esop2_prot_code(union teid teid)
{
	int code = teid.esop2_prot_code_0 << 2 | teid.esop2_prot_code_1 << 1 |
		   teid.esop2_prot_code_2;

	assert(code < PROT_NUM_CODES);
	return (enum prot_code)code;
}

/*
 * Run @f after each program (external) interrupt on this CPU, instead of
 * kut's own resumption (for program interrupts) or after kut's handling
 * (external); NULL removes it.  @f gets the saved registers.
 */
void register_pgm_cleanup_func(void (*f)(struct stack_frame_int *));
void register_ext_cleanup_func(void (*f)(struct stack_frame_int *));

/* The C handlers the interrupt entry code calls. */
void handle_pgm_int(struct stack_frame_int *stack);
void handle_ext_int(struct stack_frame_int *stack);
void handle_mcck_int(void);
void handle_io_int(void);
void handle_svc_int(void);

/* The next program (external) interrupt on this CPU is intended. */
void expect_pgm_int(void);
void expect_ext_int(void);
/* The last program interrupt's code (0: none); forgets it. */
uint16_t clear_pgm_int(void);
/* report() whether the last program interrupt had code @code. */
void check_pgm_int_code(uint16_t code);

/*
 * Run the interrupt handlers (all but restart) with DAT on in address
 * space @as, or with DAT off.
 */
void irq_set_dat_mode(bool use_dat, enum address_space as);

/* Low-address protection on and off (CR0). */
static inline void low_prot_enable(void)
{
	ctl_set_bit(0, CTL0_LOW_ADDR_PROT);
}

static inline void low_prot_disable(void)
{
	ctl_clear_bit(0, CTL0_LOW_ADDR_PROT);
}

/* The last program interrupt's code on this CPU, kept (0: none). */
static inline uint16_t read_pgm_int_code(void)
{
	return lowcore.pgm_int_code;
}

#endif /* _ASMS390X_IRQ_H_ */
