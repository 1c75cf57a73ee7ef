// SPDX-License-Identifier: MIT
/*
 * processor.c - interrupt vectors and handlers on ppc64 (asm/processor.h).
 *
 * exceptions_init() fills real addresses [0x100, 0x1000) with a copy of
 * exceptions.S's six-instruction stub every 0x20 bytes (the spacing of
 * the densest vectors), each patched with its own address and an
 * absolute branch to exception_entry, then makes the copies visible to
 * instruction fetch.  Handlers are one table for all CPUs, by vector, as
 * upstream has them.  With no handler, the interrupt is reported with
 * every register and a backtrace, and the test ends as failed.
 */
#include <libcflat.h>
#include <asm/hcall.h>
#include <asm/processor.h>
#include <asm/smp.h>

#include "powerpc.h"

#define NR_VECTORS	(VECTORS_END / VECTOR_SPACING)
#define BRANCH_ABS	0x48000002u	/* ba 0 */
#define BRANCH_REACH	(1u << 25)	/* ba reaches the low 32 MiB */

static struct {
	void (*func)(struct pt_regs *, void *);
	void *data;
} handlers[NR_VECTORS];

static void flush_icache(uintptr_t start, uintptr_t end)
{
	uintptr_t a;

	for (a = start; a < end; a += 32)
		asm volatile("dcbst 0,%0" : : "r"(a) : "memory");
	asm volatile("sync" : : : "memory");
	for (a = start; a < end; a += 32)
		asm volatile("icbi 0,%0" : : "r"(a) : "memory");
	asm volatile("sync; isync" : : : "memory");
}

void exceptions_init(void)
{
	size_t len = ppc_vector_template_end - ppc_vector_template;
	uintptr_t target = (uintptr_t)exception_entry;
	uintptr_t vec;
	u32 *stub;

	if (target >= BRANCH_REACH || len != 24) {
		/* No console yet to say so: stop where a debugger sees it. */
		for (;;)
			;
	}
	for (vec = VECTORS_START; vec < VECTORS_END; vec += VECTOR_SPACING) {
		stub = (u32 *)vec;
		memcpy(stub, ppc_vector_template, len);
		stub[3] |= vec;			/* li 3, vec */
		stub[5] = BRANCH_ABS | target;	/* ba exception_entry */
	}
	flush_icache(VECTORS_START, VECTORS_END);
}

void handle_exception(int trap, void (*func)(struct pt_regs *, void *), void *data)
{
	int i = trap / VECTOR_SPACING;

	assert_msg(trap >= VECTORS_START && trap < VECTORS_END &&
		   !(trap % VECTOR_SPACING), "no interrupt vector %#x", trap);
	assert_msg(!func || !handlers[i].func,
		   "a handler for vector %#x is installed already", trap);
	handlers[i].data = data;
	handlers[i].func = func;
}

static const char *vector_name(unsigned long trap)
{
	switch (trap) {
	case 0x100: return "system reset";
	case 0x200: return "machine check";
	case 0x300: return "data storage";
	case 0x380: return "data segment";
	case 0x400: return "instruction storage";
	case 0x480: return "instruction segment";
	case 0x500: return "external";
	case 0x600: return "alignment";
	case 0x700: return "program";
	case 0x800: return "floating-point unavailable";
	case 0x900: return "decrementer";
	case 0x980: return "hypervisor decrementer";
	case 0xa00: return "directed privileged doorbell";
	case 0xc00: return "system call";
	case 0xd00: return "trace";
	case 0xe00: return "hypervisor data storage";
	case 0xe20: return "hypervisor instruction storage";
	case 0xe40: return "hypervisor emulation assistance";
	case 0xe60: return "hypervisor maintenance";
	case 0xe80: return "directed hypervisor doorbell";
	case 0xea0: return "hypervisor virtualization";
	case 0xf00: return "performance monitor";
	case 0xf20: return "vector unavailable";
	case 0xf40: return "VSX unavailable";
	case 0xf60: return "facility unavailable";
	case 0xf80: return "hypervisor facility unavailable";
	default: return "unknown";
	}
}

static void dump_regs(const struct pt_regs *regs)
{
	int i;

	printf("SRR0 (NIP): %016lx  SRR1 (MSR): %016lx\n", regs->nip, regs->msr);
	printf("DAR:        %016lx  DSISR:      %08lx\n", regs->dar, regs->dsisr);
	printf("LR:         %016lx  CTR:        %016lx\n", regs->link, regs->ctr);
	printf("CR:         %08lx          XER:        %016lx\n", regs->ccr, regs->xer);
	for (i = 0; i < 32; i++)
		printf("r%-2d %016lx%s", i, regs->gpr[i], i % 4 == 3 ? "\n" : "  ");
}

void do_handle_exception(struct pt_regs *regs)
{
	int i = regs->trap / VECTOR_SPACING;

	/* Handlers run privileged; in_user follows where rfid returns. */
	current_cpu()->in_user = false;
	if (regs->trap < VECTORS_END && handlers[i].func) {
		handlers[i].func(regs, handlers[i].data);
		current_cpu()->in_user = !!(regs->msr & MSR_PR);
		return;
	}
	printf("\nUnhandled interrupt %#lx (%s) on CPU %d\n", regs->trap,
	       vector_name(regs->trap), smp_processor_id());
	dump_regs(regs);
	ppc_dump_stack(regs);
	abort();
}

void enable_mcheck(void)
{
	mtmsr(mfmsr() | MSR_ME);
}

void disable_mcheck(void)
{
	mtmsr(mfmsr() & ~MSR_ME);
}

int hcall_have_broken_sc1(void)
{
	/*
	 * Ask for something harmless (clear the data breakpoint): a host
	 * that mishandles sc 1 from the guest kernel refuses even that as
	 * a privilege violation.
	 */
	return hcall(H_SET_DABR, 0UL) == (unsigned long)H_PRIVILEGE;
}

/* ---- problem state (user mode) ---- */

bool in_usermode(void)
{
	return current_cpu()->in_user;
}

/* Continue at the next instruction with MSR @msr (rfid). */
static void rfid_to_next(uint64_t msr)
{
	uint64_t next;

	asm volatile("mtsrr1	%1\n\t"
		     "bcl	20, 31, 1f\n"
		     "1:	mflr	%0\n\t"
		     "addi	%0, %0, 2f - 1b\n\t"
		     "mtsrr0	%0\n\t"
		     "rfid\n"
		     "2:"
		     : "=&r"(next) : "r"(msr) : "lr", "memory");
}

/* exit_usermode()'s "sc 0": privileged again, interrupts off. */
static void usermode_sc_handler(struct pt_regs *regs, void *data)
{
	(void)data;
	regs->msr &= ~(MSR_PR | MSR_EE);
}

void enter_usermode(void)
{
	uint64_t msr;

	assert_msg(!in_usermode(), "enter_usermode() in user mode already");
	msr = mfmsr();
	assert_msg(!(msr & MSR_EE), "enter_usermode() with interrupts on");
	assert_msg((msr & (MSR_IR | MSR_DR)) == (MSR_IR | MSR_DR),
		   "enter_usermode() with the MMU off (call setup_vm() first)");
	handle_exception(0xc00, usermode_sc_handler, NULL);
	current_cpu()->in_user = true;
	rfid_to_next(msr | MSR_PR | MSR_EE);
}

void exit_usermode(void)
{
	assert_msg(in_usermode(), "exit_usermode() outside user mode");
	asm volatile("sc 0" : : : "memory");
	handle_exception(0xc00, NULL, NULL);
	assert_msg(!in_usermode() && !(mfmsr() & MSR_PR),
		   "exit_usermode(): still in user mode");
}
