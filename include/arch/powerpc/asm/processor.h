/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h - SPR and MSR access, interrupt masking and interrupt
 * handlers on 64-bit Power (upstream kvm-unit-tests' powerpc names).
 *
 * Every interrupt lands in kut's vectors (copied to real address 0 at
 * boot), which save a struct pt_regs and call the handler installed for
 * that vector with handle_exception(), on whichever CPU took it.  With no
 * handler the vector, SRR0/SRR1, DAR, DSISR, LR, CTR, every GPR and a
 * backtrace are printed and the test ends as failed.  A handler returns
 * to regs->nip with regs->msr: one that should skip the interrupting
 * instruction calls regs_advance_insn().  Interrupts are taken in the
 * guest's byte order (little-endian guests ask the hypervisor for that at
 * boot, H_SET_MODE), with the MMU off.
 */
#ifndef _ASMPOWERPC_PROCESSOR_H_
#define _ASMPOWERPC_PROCESSOR_H_

#include <asm/ptrace.h>
#include <asm/reg.h>

#ifndef __ASSEMBLY__
#include <libcflat.h>

/*
 * Call @func(regs, @data) for interrupts through vector @trap (0x300,
 * 0x700, 0x900, ...; 0x100 to 0xf80); NULL removes it.  Installing over
 * an installed handler ends the test: remove it first.
 */
void handle_exception(int trap, void (*func)(struct pt_regs *, void *), void *data);

/* The C side of every interrupt (called by the vectors). */
void do_handle_exception(struct pt_regs *regs);

/*
 * Problem state (user mode): enter_usermode() goes on at the next
 * instruction with MSR[PR] and MSR[EE] set, and needs the MMU on
 * (setup_vm(); all of kut's mapping is user-accessible) and interrupts
 * off; exit_usermode() comes back with both clear, through "sc 0" and a
 * handler for vector 0xc00 it installs meanwhile (so a test's own 0xc00
 * handler cannot be in place).  Interrupts from user mode are handled
 * privileged and return to it; console output leaves user mode while it
 * writes.  in_usermode(): whether this CPU is in user mode.
 */
bool in_usermode(void);
void enter_usermode(void);
void exit_usermode(void);

/* What the machine is: set at boot from the PVR, MSR and device tree. */
extern bool host_is_tcg;	/* QEMU emulates the CPU */
extern bool host_is_kvm;	/* KVM runs it (a "hypervisor" node says so) */
extern bool cpu_has_hv;		/* running in hypervisor state (powernv) */
extern bool cpu_has_power_mce;	/* POWER8 and later machine checks */
extern bool cpu_has_siar;	/* the SIAR performance register */
extern bool cpu_has_heai;	/* HEIR, hypervisor state only */
extern bool cpu_has_radix;	/* POWER9 and later: the radix MMU */
extern bool cpu_has_prefix;	/* POWER10 prefixed instructions */
extern bool cpu_has_sc_lev;	/* sc's LEV field reaches SRR1 */
extern bool cpu_has_pause_short;

/* Read and write SPR @nr (a constant). */
#define mfspr(nr) ({							\
	uint64_t __v;							\
	asm volatile("mfspr %0,%1" : "=r"(__v) : "i"(nr) : "memory");	\
	__v;								\
})
#define mtspr(nr, val)							\
	asm volatile("mtspr %0,%1" : : "i"(nr), "r"((uint64_t)(val)) : "memory")

static inline uint64_t mfmsr(void)
{
	uint64_t msr;

	asm volatile("mfmsr %0" : "=r"(msr) : : "memory");
	return msr;
}

static inline void mtmsr(uint64_t msr)
{
	asm volatile("mtmsrd %0" : : "r"(msr) : "memory");
}

/*
 * External and decrementer interrupts on or off for this CPU (MSR[EE];
 * mtmsrd with L=1 changes only EE and RI).  Not from user mode, where
 * mfmsr and mtmsrd are privileged: the test stops with a message.
 */
static inline void local_irq_enable(void)
{
	unsigned long msr;

	assert_msg(!in_usermode(), "local_irq_enable() in user mode");
	asm volatile("mfmsr %0\n\tori %0,%0,%1\n\tmtmsrd %0,1"
		     : "=&r"(msr) : "i"(MSR_EE) : "memory");
}

static inline void local_irq_disable(void)
{
	unsigned long msr;

	assert_msg(!in_usermode(), "local_irq_disable() in user mode");
	asm volatile("mfmsr %0\n\tandc %0,%0,%1\n\tmtmsrd %0,1"
		     : "=&r"(msr) : "r"(MSR_EE) : "memory");
}

/*
 * powernv (OPAL, hypervisor state) or pseries (PAPR, a guest of QEMU or
 * KVM).  kut runs on pseries.
 */
static inline bool machine_is_powernv(void)
{
	return cpu_has_hv;
}

static inline bool machine_is_pseries(void)
{
	return !machine_is_powernv();
}

/* Machine checks taken (MSR[ME]) or not, on this CPU. */
void enable_mcheck(void);
void disable_mcheck(void);

#endif /* !__ASSEMBLY__ */

#endif /* _ASMPOWERPC_PROCESSOR_H_ */
