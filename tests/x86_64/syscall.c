// SPDX-License-Identifier: MIT
/*
 * syscall.c - the fast system-call instructions as the Intel SDM (vol. 2
 * SYSCALL/SYSRET/SYSENTER/SYSEXIT) and AMD APM (vol. 3) define them, one
 * area per argument:
 *   syscall   (64-bit) SYSCALL and SYSRET raise #UD while EFER.SCE is
 *             clear; SYSCALL saves RIP in RCX and RFLAGS in R11, masks
 *             RFLAGS with FMASK, loads CS and SS from STAR[47:32] and
 *             jumps to LSTAR; with TF set before it, the single-step trap
 *             is taken at LSTAR's first instruction; SYSRET returns to
 *             CPL 3 with CS and SS from STAR[63:48], RFLAGS from R11, and
 *             SYSCALL from there comes back to CPL 0;
 *   sysenter  SYSENTER with IA32_SYSENTER_CS zero raises #GP(0); with it,
 *             SYSENTER enters CPL 0 at SYSENTER_EIP with the stack at
 *             SYSENTER_ESP, CS = SYSENTER_CS and SS = CS + 8, IF clear;
 *             in 64-bit mode an AMD CPU has no SYSENTER (#UD), and
 *             SYSEXIT at CPL 3 raises #GP.
 * The vendor comes from the CPU model (unittests.cfg runs both).  QEMU's
 * TCG (7.2) takes no single-step trap for a SYSCALL begun with TF set: a
 * known failure there (accel.h).
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/msr.h>
#include <x86/desc.h>
#include <x86/usermode.h>
#include "accel.h"

static const char *vn(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

#ifdef __x86_64__
/* What the SYSCALL entry saw: RCX, R11, RFLAGS, CS, SS. */
static volatile unsigned long seen_rcx, seen_r11, seen_rflags, seen_cs, seen_ss;
static volatile unsigned long entry_rsp __attribute__((used));
extern char syscall_entry[], syscall_entry_user[], syscall_ret[];

/*
 * The SYSCALL target: record what it got, then go back to the caller
 * without SYSRET (which would drop to CPL 3): the caller's RSP is in
 * entry_rsp and its return point in RCX.
 */
asm(".pushsection .text\n"
    "syscall_entry:\n\t"
    "mov %rcx, seen_rcx(%rip)\n\t"
    "mov %r11, seen_r11(%rip)\n\t"
    "pushf\n\t"
    "pop %rax\n\t"
    "mov %rax, seen_rflags(%rip)\n\t"
    "mov %cs, %eax\n\t"
    "mov %rax, seen_cs(%rip)\n\t"
    "mov %ss, %eax\n\t"
    "mov %rax, seen_ss(%rip)\n\t"
    "mov entry_rsp(%rip), %rsp\n\t"
    "and $~0x500, %r11\n\t"		/* back with TF and DF clear */
    "push %r11\n\t"
    "popf\n\t"
    "jmp *%rcx\n\t"
    /* From CPL 3: record CS, and go back with SYSRET. */
    "syscall_entry_user:\n\t"
    "mov %cs, %eax\n\t"
    "mov %rax, seen_cs(%rip)\n\t"
    "sysretq\n\t"
    ".popsection");

static volatile int db_count;
static volatile unsigned long db_rip;

static void db_handler(struct ex_regs *regs)
{
	if (!db_count++)
		db_rip = regs->rip;
	regs->rflags &= ~X86_EFLAGS_TF;
}

static int syscall_safe(void)
{
	asm volatile(ASM_TRY("1f") "syscall\n\t" "1:" : : : "rcx", "r11", "memory");
	return exception_vector();
}

static int sysret_safe(void)
{
	asm volatile(ASM_TRY("1f") "sysretq\n\t" "1:" : : "c"(0) : "r11", "memory");
	return exception_vector();
}

static noinline void do_syscall(unsigned long extra_flags)
{
	asm volatile("mov %%rsp, entry_rsp(%%rip)\n\t"
		     "pushf\n\t"
		     "orq %0, (%%rsp)\n\t"
		     "popf\n\t"
		     "syscall\n\t"
		     "syscall_ret:"
		     : : "r"(extra_flags) : "rax", "rcx", "r11", "memory", "cc");
}

/* CPL 3 code: SYSCALL to the kernel, which SYSRETs back. */
static u64 user_syscall(void)
{
	asm volatile("syscall" : : : "rax", "rcx", "r11", "memory");
	return read_cs() & 3;
}

static void test_syscall(void)
{
	u64 efer = rdmsr(MSR_EFER);
	u64 star = ((u64)(USER_CS32 & ~3) << 48) | ((u64)KERNEL_CS << 32);
	unsigned long fl;
	bool raised;
	int v;

	wrmsr(MSR_EFER, efer & ~EFER_SCE);
	v = syscall_safe();
	report(v == UD_VECTOR, "EFER.SCE clear: SYSCALL -> #UD (got %s)", vn(v));
	v = sysret_safe();
	report(v == UD_VECTOR, "EFER.SCE clear: SYSRET -> #UD (got %s)", vn(v));

	wrmsr(MSR_EFER, efer | EFER_SCE);
	wrmsr(MSR_STAR, star);
	wrmsr(MSR_LSTAR, (u64)syscall_entry);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC);

	fl = read_rflags();
	do_syscall(X86_EFLAGS_DF);
	report(seen_rcx == (unsigned long)syscall_ret, "SYSCALL: RCX holds the return RIP");
	/* (The arithmetic flags are whatever the code before left.) */
	report((seen_r11 & ~X86_EFLAGS_ALU) ==
	       ((fl | X86_EFLAGS_DF) & ~(X86_EFLAGS_RF | X86_EFLAGS_ALU)),
	       "SYSCALL: R11 holds RFLAGS (%#lx, want %#lx)", seen_r11 & ~X86_EFLAGS_ALU,
	       (fl | X86_EFLAGS_DF) & ~(X86_EFLAGS_RF | X86_EFLAGS_ALU));
	report(!(seen_rflags & X86_EFLAGS_DF), "SYSCALL: FMASK cleared DF");
	report(seen_cs == KERNEL_CS && seen_ss == KERNEL_DS,
	       "SYSCALL: CS %#lx, SS %#lx from STAR[47:32]", seen_cs, seen_ss);

	/* TF set before SYSCALL: the trap comes at the entry's first insn. */
	db_count = 0;
	handle_exception(DB_VECTOR, db_handler);
	do_syscall(X86_EFLAGS_TF);
	handle_exception(DB_VECTOR, NULL);
	report_tcg_gap(db_count == 1 && db_rip == (unsigned long)syscall_entry,
	       "SYSCALL with TF: one #DB, at the LSTAR target (%d, rip %#lx)",
	       db_count, db_rip);

	/* Ring 3, SYSCALL to ring 0, SYSRET back to ring 3. */
	setup_vm();
	wrmsr(MSR_LSTAR, (u64)syscall_entry_user);
	seen_cs = 0;
	v = run_in_user(user_syscall, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(!raised && seen_cs == KERNEL_CS,
	       "SYSCALL from CPL 3 enters CPL 0 (CS %#lx)", seen_cs);
	report(!raised && v == 3, "SYSRET returns to CPL 3 (CPL %d)", v);

	wrmsr(MSR_EFER, efer);
}
#endif

static volatile unsigned long se_cs, se_ss, se_sp, se_flags;
static volatile unsigned long se_back_sp;
extern char sysenter_entry[];
static u8 se_stack[4096] __attribute__((aligned(16)));

asm(".pushsection .text\n"
    "sysenter_entry:\n\t"
#ifdef __x86_64__
    "mov %rsp, se_sp(%rip)\n\t"
    "pushf\n\t"
    "pop %rax\n\t"
    "mov %rax, se_flags(%rip)\n\t"
    "mov %cs, %eax\n\t"
    "mov %rax, se_cs(%rip)\n\t"
    "mov %ss, %eax\n\t"
    "mov %rax, se_ss(%rip)\n\t"
    "mov se_back_sp(%rip), %rsp\n\t"
    "ret\n\t"
#else
    "mov %esp, se_sp\n\t"
    "pushf\n\t"
    "pop %eax\n\t"
    "mov %eax, se_flags\n\t"
    "mov %cs, %eax\n\t"
    "mov %eax, se_cs\n\t"
    "mov %ss, %eax\n\t"
    "mov %eax, se_ss\n\t"
    "mov se_back_sp, %esp\n\t"
    "ret\n\t"
#endif
    ".popsection");

static int sysenter_safe(void)
{
	/*
	 * SYSENTER comes back through sysenter_entry's RET, with the stack
	 * pointer saved here; "call" pushes the return address it uses.
	 */
	asm volatile("movl $0, %%gs:4\n\t"
		     "call 1f\n\t"
		     "jmp 2f\n\t"
		     "1: mov %%" R "sp, %0\n\t"
		     ASM_TRY("3f")
		     "sysenter\n\t"
		     /* It faulted: drop the return address "call" pushed. */
		     "3: add $" S ", %%" R "sp\n\t"
		     "2:"
		     : "=m"(se_back_sp) : : R "ax", R "cx", R "dx", "memory", "cc");
	return exception_vector();
}

static u64 user_sysexit(void)
{
	asm volatile(ASM_TRY("1f") ".byte 0x0f, 0x35\n\t" "1:" : : : "memory");	/* SYSEXIT */
	return exception_vector();
}

static void sysenter_works(void);

static void test_sysenter(void)
{
	u64 cs = rdmsr(MSR_IA32_SYSENTER_CS), esp = rdmsr(MSR_IA32_SYSENTER_ESP);
	u64 eip = rdmsr(MSR_IA32_SYSENTER_EIP);
	unsigned long stack_top = (unsigned long)se_stack + sizeof(se_stack);
#ifdef __x86_64__
	int v;
#endif

	wrmsr(MSR_IA32_SYSENTER_EIP, (unsigned long)sysenter_entry);
	wrmsr(MSR_IA32_SYSENTER_ESP, stack_top);
#ifdef __x86_64__
	if (is_amd()) {
		wrmsr(MSR_IA32_SYSENTER_CS, KERNEL_CS);
		v = sysenter_safe();
		report(v == UD_VECTOR, "AMD, 64-bit mode: SYSENTER -> #UD (got %s)", vn(v));
	} else
#endif
	{
		sysenter_works();
	}
	wrmsr(MSR_IA32_SYSENTER_CS, cs);
	wrmsr(MSR_IA32_SYSENTER_ESP, esp);
	wrmsr(MSR_IA32_SYSENTER_EIP, eip);
}

static void sysenter_works(void)
{
	unsigned long stack_top = (unsigned long)se_stack + sizeof(se_stack);
	bool raised;
	int v;

	wrmsr(MSR_IA32_SYSENTER_CS, 0);
	v = sysenter_safe();
	report(v == GP_VECTOR && exception_error_code() == 0,
	       "IA32_SYSENTER_CS 0: SYSENTER -> #GP(0) (got %s)", vn(v));

	wrmsr(MSR_IA32_SYSENTER_CS, KERNEL_CS);
	irq_enable();
	v = sysenter_safe();
	irq_disable();
	report(!v, "SYSENTER runs (got %s)", vn(v));
	report(se_cs == KERNEL_CS && se_ss == KERNEL_CS + 8,
	       "SYSENTER: CS %#lx from IA32_SYSENTER_CS, SS %#lx = CS + 8", se_cs, se_ss);
	report(se_sp == stack_top, "SYSENTER: the stack at IA32_SYSENTER_ESP");
	report(!(se_flags & X86_EFLAGS_IF), "SYSENTER: IF cleared");

	setup_vm();
	v = run_in_user(user_sysexit, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(raised || v == GP_VECTOR, "SYSEXIT at CPL 3 -> #GP");
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "all";
	bool all = !strcmp(what, "all");

	report_info("vendor %s", is_intel() ? "Intel" : is_amd() ? "AMD" : "other");
	if (all || !strcmp(what, "syscall")) {
#ifdef __x86_64__
		test_syscall();
#else
		report_skip("syscall: kut tests SYSCALL in 64-bit mode");
#endif
	}
	if (all || !strcmp(what, "sysenter"))
		test_sysenter();
	return report_summary();
}
