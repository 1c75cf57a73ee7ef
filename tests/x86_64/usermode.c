// SPDX-License-Identifier: MIT
/*
 * usermode.c - run_in_user() (x86/usermode.h): the function really runs
 * at CPL 3 with its arguments, its result comes back, the awaited fault
 * ends it early with the right vector and error code, other exceptions
 * and interrupts in ring 3 are handled and return to it, the kernel's
 * state is the same afterwards, and CPUs run user code at once.
 * With the argument "exit", user code reports and ends the test itself
 * (the exit device's port is open to ring 3).  User code runs on the
 * boot page tables too, before setup_vm(), as on upstream's (whose umip
 * test relies on it).  With "supervisor-function" it makes the
 * function's page supervisor-only, which must end the test as failed,
 * saying why (make check checks both from outside).
 * Built for x86_64 and i386; what the modes do differently (arguments
 * of 32 bits on i386, FS/GS bases against i386's per-CPU segment, SS in
 * the frame) is checked each its own way.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <smp.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/apic.h>
#include <x86/apic-defs.h>
#include <x86/desc.h>
#include <x86/isr.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include <x86/vm.h>

#define PF_ERR_P	(1u << 0)
#define PF_ERR_W	(1u << 1)
#define PF_ERR_U	(1u << 2)
#define TIMER_VEC	0xe0
#define MAGIC		0x0123456789abcdefull
#define OTHER_GS_BASE	0x400000ul

static unsigned long seen_args[4];
static volatile u8 *kernel_page;
static volatile bool ticked;
static volatile unsigned long tick_cs;
static unsigned int handler_vector, handler_cs, handler_ss;

/* Arguments are unsigned long: 32 bits on i386 (x86/usermode.h). */
static u64 user_args(unsigned long a, unsigned long b, unsigned long c,
		     unsigned long d)
{
	seen_args[0] = a;
	seen_args[1] = b;
	seen_args[2] = c;
	seen_args[3] = d;
	return MAGIC;
}

/*
 * The CPL, as ring 3 reads it from CS.  Only its low bits: on the host
 * this was written on (KVM on PVM), a MOV from a segment register in
 * ring 3 shows the host's own user selectors (0x33, 0x2b), so the
 * selectors are checked in an exception frame instead.
 */
static u64 user_cpl(void)
{
	return read_cs() & 3;
}

static u64 user_cli(void)
{
	cli();
	return 1;
}

static u64 user_wrmsr(void)
{
	wrmsr(MSR_IA32_TSC, 0);
	return 1;
}

static u64 user_ud2(void)
{
	asm volatile("ud2");
	return 1;
}

static u64 user_write_kernel_page(void)
{
	*kernel_page = 1;
	return 1;
}

/* A #UD caught by ASM_TRY in ring 3 while #GP is awaited. */
static u64 user_asm_try(void)
{
	asm volatile(ASM_TRY("1f") "ud2\n\t" "1:" : : : "memory");
	return exception_vector();
}

static u64 user_print(void)
{
	printf("usermode: this line was printed at CPL %d\n", read_cs() & 3);
	return smp_id() + 100;
}

static u64 user_exit(void)
{
	report((read_cs() & 3) == 3, "exit: report() at CPL 3, then exit()");
	exit(report_summary());
}

static u64 user_outb(void)
{
	outb(0, 0x80);
	return 1;
}

static u64 user_wait_tick(void)
{
	u64 start = rdtsc();

	while (!ticked && rdtsc() - start < 10000000000ull)
		pause();
	return ticked ? (u64)smp_id() + 200 : 0;
}

static u64 user_gs_read(unsigned long offset)
{
	unsigned long v;

	asm volatile("mov %%gs:(%1), %0" : "=r"(v) : "r"(offset));
	return v;
}

/* SS of a frame from ring 3: i386 pushes ESP and SS above EFLAGS. */
static unsigned long frame_ss(const struct ex_regs *regs)
{
#ifdef __x86_64__
	return regs->ss;
#else
	return (&regs->rflags)[2];
#endif
}

static void note_handler(struct ex_regs *regs)
{
	handler_vector = regs->vector;
	handler_cs = regs->cs;
	handler_ss = frame_ss(regs);
}

static void timer_isr(isr_regs_t *regs)
{
	tick_cs = regs->cs;
	ticked = true;
	eoi();
}

/*
 * A function with arguments goes through void (*)(void), the type GCC's
 * -Wcast-function-type lets any function pointer be cast to and from.
 */
#define USER_FN(fn)	((usermode_func)(void (*)(void))(fn))

static u64 run(u64 (*fn)(void), unsigned int vector, bool *raised)
{
	return run_in_user(fn, vector, 0, 0, 0, 0, raised);
}

static void check_call(void)
{
	bool raised = true;
	u64 r;

	r = run_in_user(USER_FN(user_args), GP_VECTOR, 1, 0xffffffff00000002ull,
			3ull << 40 | 3, ~4ull, &raised);
	report(r == MAGIC && !raised, "a 64-bit result comes back, no fault");
	report(seen_args[0] == 1 &&
	       seen_args[1] == (unsigned long)0xffffffff00000002ull &&
	       seen_args[2] == (unsigned long)(3ull << 40 | 3) &&
	       seen_args[3] == (unsigned long)~4ull,
	       "four arguments arrive in order");
	r = run(user_cpl, GP_VECTOR, &raised);
	report(r == 3 && !raised, "CS.RPL read in ring 3 is 3");
	run_in_user_ex(user_ud2, UD_VECTOR, 0, 0, 0, 0, &raised, note_handler);
	report(raised && handler_cs == USER_CS && handler_ss == USER_DS,
	       "an exception frame from ring 3: CS %#x, SS %#x", handler_cs,
	       handler_ss);
}

static void check_faults(void)
{
	pgd_t *cr3 = current_page_table();
	pteval_t *pte;
	bool raised = false;
	u64 r;

	r = run(user_cli, GP_VECTOR, &raised);
	report(raised && r == 0 && exception_vector() == GP_VECTOR &&
	       exception_error_code() == 0, "cli at CPL 3: #GP(0), early return");
	r = run(user_wrmsr, GP_VECTOR, &raised);
	report(raised && r == 0 && exception_vector() == GP_VECTOR,
	       "wrmsr at CPL 3: #GP");
	r = run(user_ud2, UD_VECTOR, &raised);
	report(raised && r == 0 && exception_vector() == UD_VECTOR, "ud2: #UD");

	kernel_page = alloc_page();
	force_4k_page((void *)kernel_page);
	pte = get_pte(cr3, (void *)kernel_page);
	*pte &= ~PT_USER_MASK;
	invlpg((void *)kernel_page);
	r = run(user_write_kernel_page, PF_VECTOR, &raised);
	report(raised && exception_vector() == PF_VECTOR &&
	       exception_error_code() == (PF_ERR_P | PF_ERR_W | PF_ERR_U) &&
	       read_cr2() == (ulong)kernel_page,
	       "write to a supervisor page: #PF, error code %#x (P W U), CR2",
	       exception_error_code());
	*pte |= PT_USER_MASK;
	invlpg((void *)kernel_page);
	r = run(user_write_kernel_page, PF_VECTOR, &raised);
	report(!raised && r == 1 && *kernel_page == 1,
	       "the same write once the page is a user page");

	r = run(user_cpl, GP_VECTOR, &raised);
	report(!raised && r == 3, "runs again after a fault");

	r = run_in_user_ex(user_ud2, UD_VECTOR, 0, 0, 0, 0,
			   &raised, note_handler);
	report(raised && handler_vector == UD_VECTOR && (handler_cs & 3) == 3,
	       "run_in_user_ex(): the handler sees the fault, from CS %#x",
	       handler_cs);

	r = run(user_asm_try, GP_VECTOR, &raised);
	report(!raised && r == UD_VECTOR,
	       "another vector: ASM_TRY in ring 3 catches it, the function goes on");
	r = run(user_outb, GP_VECTOR, &raised);
	report(raised && exception_vector() == GP_VECTOR,
	       "outb to port 0x80 at CPL 3: #GP");
	r = run(user_print, GP_VECTOR, &raised);
	report(!raised && r == 100, "printf() at CPL 3 (console port allowed)");
}

#ifdef __x86_64__
/* The kernel's state is what it was: selectors, FS and GS bases, rsp0. */
static void check_state(void)
{
	u64 fs_base = rdmsr(MSR_FS_BASE), gs_base = rdmsr(MSR_GS_BASE);
	u64 rsp0 = tss[0].rsp0;
	u16 ds = read_ds(), es = read_es(), fs = read_fs(), gs = read_gs();
	bool raised;
	u64 r;

	wrmsr(MSR_FS_BASE, 0x1234000);
	run(user_ud2, UD_VECTOR, &raised);
	run(user_cpl, GP_VECTOR, &raised);
	report(read_ds() == ds && read_es() == es && read_fs() == fs &&
	       read_gs() == gs && read_cs() == KERNEL_CS &&
	       read_ss() == KERNEL_DS && rdmsr(MSR_GS_BASE) == gs_base &&
	       rdmsr(MSR_FS_BASE) == 0x1234000 && tss[0].rsp0 == rsp0 &&
	       smp_id() == 0,
	       "selectors, FS and GS bases and TSS rsp0 are back");
	wrmsr(MSR_FS_BASE, fs_base);

	/*
	 * Upstream's emulator test: ring 3 uses a GS base the test set, so
	 * the way back must not depend on GS.
	 */
	wrmsr(MSR_GS_BASE, OTHER_GS_BASE);
	seen_args[0] = MAGIC;
	r = run_in_user(USER_FN(user_gs_read), GP_VECTOR,
			(u64)&seen_args[0] - OTHER_GS_BASE, 0, 0, 0, &raised);
	wrmsr(MSR_GS_BASE, gs_base);
	report(!raised && r == MAGIC, "ring 3 reads through the test's GS base");
}
#else
/* The kernel's state is what it was: selectors, TSS esp0. */
static void check_state(void)
{
	u32 esp0 = tss[0].esp0;
	u16 ds = read_ds(), es = read_es(), fs = read_fs(), gs = read_gs();
	bool raised;
	u64 r;

	run(user_ud2, UD_VECTOR, &raised);
	run(user_cpl, GP_VECTOR, &raised);
	report(read_ds() == ds && read_es() == es && read_fs() == fs &&
	       read_gs() == gs && read_cs() == KERNEL_CS &&
	       read_ss() == KERNEL_DS && tss[0].esp0 == esp0 && smp_id() == 0,
	       "selectors and TSS esp0 are back");

	/* kut's per-CPU segment stays in GS in ring 3: smp_id() at %gs:0. */
	r = run_in_user(USER_FN(user_gs_read), GP_VECTOR, 0, 0, 0, 0, &raised);
	report(!raised && r == 0, "ring 3 reads per-CPU data through GS");
}
#endif

/*
 * An interrupt in ring 3 returns there, GS still usable.  The timer is
 * armed before the way down, so a vCPU the host stops for longer than
 * the timer's 1 ms can take the tick in ring 0: then try again.
 */
static void check_interrupt(void)
{
	bool raised = false;
	int tries;
	u64 r = 0;

	handle_irq(TIMER_VEC, timer_isr);
	for (tries = 0; tries < 5; tries++) {
		ticked = false;
		tick_cs = 0;
		apic_setup_timer(TIMER_VEC, APIC_LVT_TIMER_ONESHOT);
		apic_start_timer(1000000);
		sti();
		r = run(user_wait_tick, GP_VECTOR, &raised);
		cli();
		apic_cleanup_timer();
		if (raised || (tick_cs & 3) == 3)
			break;
	}
	report(!raised && r == 200 && (tick_cs & 3) == 3,
	       "the APIC timer interrupts ring 3 (CS %#lx), which goes on",
	       tick_cs);
}

static volatile int smp_ok[MAX_TEST_CPUS];

static void user_on_this_cpu(void *data)
{
	bool raised_cli, raised;
	u64 cpl, who;

	(void)data;
	run(user_cli, GP_VECTOR, &raised_cli);
	cpl = run(user_cpl, GP_VECTOR, &raised);
	who = run(user_print, GP_VECTOR, &raised);
	smp_ok[smp_id()] = raised_cli && cpl == 3 &&
			   who == (u64)smp_id() + 100;
}

static void check_smp(void)
{
	int cpu, n = cpu_count(), good = 0;

	if (n < 2) {
		report_skip("smp: one CPU (run with -smp 2)");
		return;
	}
	on_cpu(1, user_on_this_cpu, NULL);
	report(smp_ok[1], "smp: CPU 1 runs user code, faults and prints");
	for (cpu = 0; cpu < n; cpu++)
		smp_ok[cpu] = 0;
	on_cpus(user_on_this_cpu, NULL);
	for (cpu = 0; cpu < n; cpu++)
		good += smp_ok[cpu];
	report(good == n, "smp: all %d CPUs at once (on_cpus)", n);
}

int main(int argc, char **argv)
{
	bool raised;

	report_prefix_push("usermode");
	report(run(user_cpl, GP_VECTOR, &raised) == 3 && !raised,
	       "CPL 3 on the boot page tables, before setup_vm()");
	setup_vm();
	if (argc > 1 && !strcmp(argv[1], "supervisor-function")) {
		force_4k_page((void *)user_cpl);
		*get_pte(current_page_table(), (void *)user_cpl) &= ~PT_USER_MASK;
		invlpg((void *)user_cpl);
		run(user_cpl, GP_VECTOR, &raised);
		report_fail("run_in_user() ran a supervisor-only function");
		return report_summary();
	}
	if (argc > 1 && !strcmp(argv[1], "exit")) {
		run(user_exit, GP_VECTOR, &raised);
		report_fail("exit: run_in_user() came back");
		return report_summary();
	}
	check_call();
	check_faults();
	check_state();
	check_interrupt();
	check_smp();
	return report_summary();
}
