// SPDX-License-Identifier: MIT
/*
 * debug.c - the debug registers and #DB as the Intel SDM (vol. 3 ch. 17)
 * and AMD APM (vol. 2 ch. 13) define them:
 *   - DR6 and DR7 read back their fixed bits (DR6 0xffff0ff0 with RTM's
 *     bit 16 set, DR7 bit 10); their upper 32 bits are reserved (#GP);
 *     DR4/DR5 alias DR6/DR7 while CR4.DE is clear and raise #UD while it
 *     is set; MOV to or from a DR at CPL 3 raises #GP;
 *   - an instruction breakpoint (DR0) is a fault before the instruction,
 *     with DR6.B0; RF lets the instruction run on resume;
 *   - a data write breakpoint (DR1, 4 bytes) traps after the write with
 *     DR6.B1; a read/write one (DR2, 8 bytes) also traps on a read; a
 *     breakpoint whose L bit is clear does not fire;
 *   - an I/O breakpoint (DR3, CR4.DE) traps after IN/OUT to its port;
 *   - single-step (TF) traps after each instruction with DR6.BS, but not
 *     after the instruction following MOV SS (the interrupt shadow);
 *   - general detect (DR7.GD): the next MOV to a DR faults with DR6.BD,
 *     and GD is clear in the handler;
 *   - ICEBP (INT1, 0xf1) traps without setting B0-B3 or BS.
 * DR6 is sticky (the CPU never clears it): the test clears it itself.
 * QEMU's TCG (7.2) has no general detect and raises #UD for ICEBP: known
 * failures there (accel.h).
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include "accel.h"

#define DR6_FIXED	0xffff0ff0ul
#define DR6_B(n)	(1ul << (n))
#define DR6_BD		(1ul << 13)
#define DR6_BS		(1ul << 14)
#define DR6_RTM		(1ul << 16)
#define DR7_FIXED	0x00000400ul
#define DR7_L(n)	(1ul << (2 * (n)))
#define DR7_GD		(1ul << 13)
#define DR7_RW(n, rw)	((unsigned long)(rw) << (16 + 4 * (n)))
#define DR7_LEN(n, len)	((unsigned long)(len) << (18 + 4 * (n)))
#define RW_EXEC		0
#define RW_WRITE	1
#define RW_IO		2
#define RW_RW		3
#define LEN_1		0
#define LEN_4		3
#define LEN_8		2

static void set_dr(int n, unsigned long v)
{
	switch (n) {
	case 0: asm volatile("mov %0, %%dr0" : : "r"(v)); break;
	case 1: asm volatile("mov %0, %%dr1" : : "r"(v)); break;
	case 2: asm volatile("mov %0, %%dr2" : : "r"(v)); break;
	case 3: asm volatile("mov %0, %%dr3" : : "r"(v)); break;
	case 6: asm volatile("mov %0, %%dr6" : : "r"(v)); break;
	case 7: asm volatile("mov %0, %%dr7" : : "r"(v)); break;
	}
}

static unsigned long get_dr(int n)
{
	unsigned long v = 0;

	switch (n) {
	case 6: asm volatile("mov %%dr6, %0" : "=r"(v)); break;
	case 7: asm volatile("mov %%dr7, %0" : "=r"(v)); break;
	}
	return v;
}

/* What the #DB handler saw. */
static volatile int db_count;
static volatile unsigned long db_dr6, db_rip, db_dr7;
static volatile unsigned long db_rips[16];

static void db_handler(struct ex_regs *regs)
{
	if (db_count < 16)
		db_rips[db_count] = regs->rip;
	db_count++;
	db_dr6 = get_dr(6);
	db_dr7 = get_dr(7);
	db_rip = regs->rip;
	set_dr(6, DR6_FIXED);
	/* A fault (instruction breakpoint) would recur without RF. */
	regs->rflags |= X86_EFLAGS_RF;
}

static void db_reset(void)
{
	db_count = 0;
	db_dr6 = db_rip = 0;
	set_dr(6, DR6_FIXED);
}

static int mov_dr_safe(int n, unsigned long v, bool write)
{
	unsigned long r = 0;

	if (write) {
		if (n == 4)
			asm volatile(ASM_TRY("1f") "mov %0, %%dr4\n\t" "1:" : : "r"(v));
		else if (n == 6)
			asm volatile(ASM_TRY("1f") "mov %0, %%dr6\n\t" "1:" : : "r"(v));
		else
			asm volatile(ASM_TRY("1f") "mov %0, %%dr7\n\t" "1:" : : "r"(v));
	} else {
		if (n == 5)
			asm volatile(ASM_TRY("1f") "mov %%dr5, %0\n\t" "1:" : "+r"(r));
		else
			asm volatile(ASM_TRY("1f") "mov %%dr4, %0\n\t" "1:" : "+r"(r));
	}
	return exception_vector();
}

static void test_registers(void)
{
	ulong cr4 = read_cr4();
	unsigned long v;
	int r;

	set_dr(6, 0);
	v = get_dr(6);
	report((v & 0xffff0ff0ul) == 0xfffe0ff0ul || (v & 0xffff0ff0ul) == DR6_FIXED,
	       "DR6 written 0 reads its fixed bits (%#lx)", v);
	set_dr(7, 0);
	report(get_dr(7) == DR7_FIXED, "DR7 written 0 reads 0x400 (%#lx)", get_dr(7));
#ifdef __x86_64__
	r = mov_dr_safe(6, 1ul << 32, true);
	report(r == GP_VECTOR, "DR6 bit 32 -> #GP (got %s)", r ? exception_mnemonic(r) : "none");
	r = mov_dr_safe(7, 1ul << 32, true);
	report(r == GP_VECTOR, "DR7 bit 32 -> #GP (got %s)", r ? exception_mnemonic(r) : "none");
#endif
	write_cr4(cr4 & ~X86_CR4_DE);
	set_dr(7, DR7_FIXED | DR7_L(0));
	r = mov_dr_safe(5, 0, false);
	report(!r, "CR4.DE clear: DR5 reads (aliases DR7)");
	set_dr(7, DR7_FIXED);
	write_cr4(cr4 | X86_CR4_DE);
	r = mov_dr_safe(4, 0, false);
	report(r == UD_VECTOR, "CR4.DE set: MOV from DR4 -> #UD (got %s)",
	       r ? exception_mnemonic(r) : "none");
	r = mov_dr_safe(4, 0, true);
	report(r == UD_VECTOR, "CR4.DE set: MOV to DR4 -> #UD (got %s)",
	       r ? exception_mnemonic(r) : "none");
	write_cr4(cr4);
}

static u64 user_read_dr7(void)
{
	return get_dr(7);
}

static void test_cpl3(void)
{
	bool raised;

	setup_vm();
	run_in_user(user_read_dr7, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(raised && exception_error_code() == 0, "MOV from DR7 at CPL 3 -> #GP(0)");
}

static void target_fn(void)
{
	asm volatile("nop");
}

static void test_insn_breakpoint(void)
{
	void (*volatile fn)(void) = target_fn;

	db_reset();
	set_dr(0, (unsigned long)target_fn);
	set_dr(7, DR7_FIXED | DR7_L(0) | DR7_RW(0, RW_EXEC) | DR7_LEN(0, LEN_1));
	fn();
	set_dr(7, DR7_FIXED);
	report(db_count == 1 && db_rip == (unsigned long)target_fn && (db_dr6 & DR6_B(0)),
	       "instruction breakpoint: one #DB at the instruction, DR6.B0 (%d, DR6 %#lx)",
	       db_count, db_dr6);
	db_reset();
	set_dr(7, DR7_FIXED | DR7_RW(0, RW_EXEC));	/* L0 clear */
	fn();
	set_dr(7, DR7_FIXED);
	report(db_count == 0, "a breakpoint whose L0 is clear does not fire");
}

static volatile u32 wvar;
static volatile unsigned long rwvar;
#ifdef __x86_64__
#define LEN_LONG	LEN_8
#else
#define LEN_LONG	LEN_4
#endif

static noinline void test_data_breakpoints(void)
{
	extern char after_write[], after_read[];
	unsigned long v;

	db_reset();
	set_dr(1, (unsigned long)&wvar);
	set_dr(7, DR7_FIXED | DR7_L(1) | DR7_RW(1, RW_WRITE) | DR7_LEN(1, LEN_4));
	asm volatile("movl $1, %0\n\t" "after_write:" : "=m"(wvar) : : "memory");
	v = wvar;			/* a read: no trap for a write breakpoint */
	set_dr(7, DR7_FIXED);
	report(db_count == 1 && db_rip == (unsigned long)after_write && (db_dr6 & DR6_B(1)),
	       "write breakpoint: one trap after the write, DR6.B1 (%d, DR6 %#lx)",
	       db_count, db_dr6);

	db_reset();
	set_dr(2, (unsigned long)&rwvar);
	set_dr(7, DR7_FIXED | DR7_L(2) | DR7_RW(2, RW_RW) | DR7_LEN(2, LEN_LONG));
	asm volatile("mov %1, %0\n\t" "after_read:" : "=r"(v) : "m"(rwvar) : "memory");
	set_dr(7, DR7_FIXED);
	report(db_count == 1 && db_rip == (unsigned long)after_read && (db_dr6 & DR6_B(2)),
	       "read/write breakpoint: a read traps after it, DR6.B2 (%d, DR6 %#lx)",
	       db_count, db_dr6);
	(void)v;
}

static noinline void test_io_breakpoint(void)
{
	extern char after_out[];
	ulong cr4 = read_cr4();

	db_reset();
	write_cr4(cr4 | X86_CR4_DE);
	set_dr(3, 0x80);
	set_dr(7, DR7_FIXED | DR7_L(3) | DR7_RW(3, RW_IO) | DR7_LEN(3, LEN_1));
	asm volatile("outb %%al, $0x80\n\t" "after_out:" : : "a"(0) : "memory");
	set_dr(7, DR7_FIXED);
	write_cr4(cr4);
	report(db_count == 1 && db_rip == (unsigned long)after_out && (db_dr6 & DR6_B(3)),
	       "I/O breakpoint on port 0x80: a trap after OUT, DR6.B3 (%d, DR6 %#lx)",
	       db_count, db_dr6);
}

static noinline void test_single_step(void)
{
	extern char ss_1[], ss_2[], ss_3[], ss_4[], mss_1[], mss_3[];

	db_reset();
	/* POPF sets TF: the first trap follows the instruction after it. */
	asm volatile("pushf\n\t"
		     "orl $0x100, (%%" R "sp)\n\t"
		     "popf\n\t"
		     "ss_1: nop\n\t"
		     "ss_2: nop\n\t"
		     "ss_3: pushf\n\t"
		     "ss_4: andl $~0x100, (%%" R "sp)\n\t"
		     "popf\n\t"
		     : : : "memory", "cc");
	report(db_count == 5 && db_rips[0] == (unsigned long)ss_2 &&
	       db_rips[1] == (unsigned long)ss_3 && db_rips[2] == (unsigned long)ss_4 &&
	       (db_dr6 & DR6_BS),
	       "single-step: a trap after each instruction, DR6.BS (%d traps)", db_count);
	(void)ss_1;

	db_reset();
	asm volatile("pushf\n\t"
		     "orl $0x100, (%%" R "sp)\n\t"
		     "popf\n\t"
		     "mss_1: mov %%ss, %%ax\n\t"
		     "mov %%ax, %%ss\n\t"
		     "nop\n\t"
		     "mss_3: pushf\n\t"
		     "andl $~0x100, (%%" R "sp)\n\t"
		     "popf\n\t"
		     : : : "ax", "memory", "cc");
	report(db_count >= 2 && db_rips[0] == (unsigned long)mss_1 + 3 &&
	       db_rips[1] == (unsigned long)mss_3,
	       "single-step: none between MOV SS and the next instruction "
	       "(%d traps, at +%ld, +%ld)", db_count,
	       (long)(db_rips[0] - (unsigned long)mss_1),
	       (long)(db_rips[1] - (unsigned long)mss_1));
	(void)mss_1;
}

static void test_general_detect(void)
{
	db_reset();
	set_dr(7, DR7_FIXED | DR7_GD);
	set_dr(0, 0);			/* faults: the handler sees GD clear */
	set_dr(7, DR7_FIXED);
	report_tcg_gap(db_count == 1 && (db_dr6 & DR6_BD) && !(db_dr7 & DR7_GD),
	       "DR7.GD: MOV to DR0 faults with DR6.BD, GD clear in the handler "
	       "(%d, DR6 %#lx, DR7 %#lx)", db_count, db_dr6, db_dr7);
}

static volatile bool icebp_ud;

static void icebp_ud_handler(struct ex_regs *regs)
{
	icebp_ud = true;
	regs->rip += 1;
}

static noinline void test_icebp(void)
{
	extern char after_icebp[];

	db_reset();
	icebp_ud = false;
	handle_exception(UD_VECTOR, icebp_ud_handler);
	asm volatile(".byte 0xf1\n\t" "after_icebp:" : : : "memory");
	handle_exception(UD_VECTOR, NULL);
	/* QEMU's TCG (7.2) raises #UD for ICEBP. */
	report_tcg_gap(!icebp_ud && db_count == 1 && db_rip == (unsigned long)after_icebp &&
	       !(db_dr6 & (DR6_B(0) | DR6_B(1) | DR6_B(2) | DR6_B(3) | DR6_BS)),
	       "ICEBP: a trap after it, no B0-B3 or BS in DR6 (%d, DR6 %#lx)", db_count,
	       db_dr6);
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "all";
	bool all = !strcmp(what, "all");

	handle_exception(DB_VECTOR, db_handler);
	if (all || !strcmp(what, "regs"))
		test_registers();
	if (all || !strcmp(what, "breakpoints")) {
		test_insn_breakpoint();
		test_data_breakpoints();
		test_io_breakpoint();
		test_general_detect();
	}
	if (all || !strcmp(what, "single-step"))
		test_single_step();
	if (all || !strcmp(what, "icebp"))
		test_icebp();
	if (all || !strcmp(what, "regs"))
		test_cpl3();
	return report_summary();
}
