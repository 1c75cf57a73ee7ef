// SPDX-License-Identifier: MIT
/*
 * fpu.c - the FP/SIMD registers keep their values while the CPU does
 * other things: every CPU loads all of them (arm64: v0-v31 and FPCR;
 * arm: d0-d15 and FPSCR) with a pattern of its own, then takes
 * exceptions (svc), waits for timer interrupts in WFI and lets the
 * others run, and checks them after each round; under KVM each wait is
 * a chance for the host to switch the vCPU's FP state out and back.
 * Arguments: "context" [rounds=N]; arm64 "sve": the SVE vector lengths
 * ZCR_EL1.LEN offers (-cpu max) and the Z registers kept across rounds
 * too.
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/delay.h>
#include <asm/gic.h>
#include <asm/timer.h>

#ifdef __aarch64__
#define NR_FPREGS	32
typedef __uint128_t fpreg_t;

static void fp_load(const fpreg_t *r)
{
	asm volatile(".arch_extension fp\n\t.arch_extension simd\n\t"
		     "ldp q0, q1, [%0, #0]\n\t"   "ldp q2, q3, [%0, #32]\n\t"
		     "ldp q4, q5, [%0, #64]\n\t"  "ldp q6, q7, [%0, #96]\n\t"
		     "ldp q8, q9, [%0, #128]\n\t" "ldp q10, q11, [%0, #160]\n\t"
		     "ldp q12, q13, [%0, #192]\n\t" "ldp q14, q15, [%0, #224]\n\t"
		     "ldp q16, q17, [%0, #256]\n\t" "ldp q18, q19, [%0, #288]\n\t"
		     "ldp q20, q21, [%0, #320]\n\t" "ldp q22, q23, [%0, #352]\n\t"
		     "ldp q24, q25, [%0, #384]\n\t" "ldp q26, q27, [%0, #416]\n\t"
		     "ldp q28, q29, [%0, #448]\n\t" "ldp q30, q31, [%0, #480]"
		     : : "r"(r) : "memory");
}

static void fp_save(fpreg_t *r)
{
	asm volatile(".arch_extension fp\n\t.arch_extension simd\n\t"
		     "stp q0, q1, [%0, #0]\n\t"   "stp q2, q3, [%0, #32]\n\t"
		     "stp q4, q5, [%0, #64]\n\t"  "stp q6, q7, [%0, #96]\n\t"
		     "stp q8, q9, [%0, #128]\n\t" "stp q10, q11, [%0, #160]\n\t"
		     "stp q12, q13, [%0, #192]\n\t" "stp q14, q15, [%0, #224]\n\t"
		     "stp q16, q17, [%0, #256]\n\t" "stp q18, q19, [%0, #288]\n\t"
		     "stp q20, q21, [%0, #320]\n\t" "stp q22, q23, [%0, #352]\n\t"
		     "stp q24, q25, [%0, #384]\n\t" "stp q26, q27, [%0, #416]\n\t"
		     "stp q28, q29, [%0, #448]\n\t" "stp q30, q31, [%0, #480]"
		     : : "r"(r) : "memory");
}

/* FPCR's rounding mode: bits a test may set freely. */
#define FPCTL_MASK	(3U << 22)
static void fpctl_write(u32 v) { write_sysreg(v, fpcr); }
static u32 fpctl_read(void) { return read_sysreg(fpcr); }
#else
#define NR_FPREGS	16
typedef u64 fpreg_t;

static void fp_load(const fpreg_t *r)
{
	asm volatile("vldm %0, {d0-d15}" : : "r"(r) : "memory");
}

static void fp_save(fpreg_t *r)
{
	asm volatile("vstm %0, {d0-d15}" : : "r"(r) : "memory");
}

#define FPCTL_MASK	(3U << 22)
static void fpctl_write(u32 v) { asm volatile("vmsr fpscr, %0" : : "r"(v)); }
static u32 fpctl_read(void)
{
	u32 v;

	asm volatile("vmrs %0, fpscr" : "=r"(v));
	return v;
}
#endif

static int rounds = 20;
static volatile int bad_rounds[NR_CPUS], done_rounds[NR_CPUS];
static cpumask_t finished;

static void svc_handler(struct pt_regs *regs
#ifdef __aarch64__
			, unsigned int esr
#endif
			)
{
	(void)regs;
#ifdef __aarch64__
	(void)esr;
#endif
}

static void take_svc(void)
{
#ifdef __aarch64__
	asm volatile("svc #1" : : : "memory");
#else
	asm volatile("svc #1" : : : "memory", "lr");
#endif
}

static void fill(fpreg_t *r, int cpu)
{
	int i;

	for (i = 0; i < NR_FPREGS; i++)
		r[i] = ((fpreg_t)0x5a5a0000 + cpu * 0x100 + i) *
		       ((fpreg_t)0x0101010101010101ULL + 1);
}

#ifdef __aarch64__
static void vtimer_ctl(u32 v) { write_sysreg(v, cntv_ctl_el0); isb(); }
static u32 vtimer_read_ctl(void) { return read_sysreg(cntv_ctl_el0); }
static void vtimer_cval(u64 v) { write_sysreg(v, cntv_cval_el0); isb(); }
#else
static void vtimer_ctl(u32 v) { write_sysreg(v, CNTV_CTL); isb(); }
static u32 vtimer_read_ctl(void) { return read_sysreg(CNTV_CTL); }
static void vtimer_cval(u64 v) { write_sysreg(v, CNTV_CVAL); isb(); }
#endif

/*
 * Wait in WFI for about 1 ms: the virtual timer's interrupt, pending at
 * the GIC with PSTATE.I masked, wakes the CPU without being taken.
 */
static void nap(void)
{
	vtimer_cval(get_cntvct() + get_cntfrq() / 1000);
	vtimer_ctl(ARCH_TIMER_CTL_ENABLE);
	while (!(vtimer_read_ctl() & ARCH_TIMER_CTL_ISTATUS))
		wfi();
	vtimer_ctl(0);
}

static void context(void *data)
{
	int cpu = smp_processor_id(), round, i;
	fpreg_t want[NR_FPREGS], got[NR_FPREGS];
	u32 ctl = (cpu % 4) << 22;

	(void)data;
	gic_enable_defaults();
	gic_enable_irq(TIMER_VTIMER_IRQ);
#ifdef __aarch64__
	install_exception_handler(EL1H_SYNC, ESR_ELx_EC_SVC64, svc_handler);
#else
	install_exception_handler(EXCPTN_SVC, svc_handler);
#endif
	fill(want, cpu);
	fpctl_write((fpctl_read() & ~FPCTL_MASK) | ctl);
	fp_load(want);
	for (round = 0; round < rounds; round++) {
		take_svc();
		nap();
		fp_save(got);
		for (i = 0; i < NR_FPREGS; i++)
			if (got[i] != want[i])
				break;
		if (i < NR_FPREGS || (fpctl_read() & FPCTL_MASK) != ctl)
			bad_rounds[cpu]++;
		done_rounds[cpu]++;
	}
	smp_wmb();
	cpumask_set_cpu(cpu, &finished);
}

static void check_context(void)
{
	int cpu, bad = 0, done = 0;

	report_prefix_push("context");
	cpumask_clear(&finished);
	on_cpus(context, NULL);
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		bad += bad_rounds[cpu];
		done += done_rounds[cpu];
	}
	report(done == rounds * nr_cpus, "%d CPUs ran %d rounds each", nr_cpus, rounds);
	report(!bad, "every register and the control register kept its value (%d bad rounds)",
	       bad);
	report_prefix_pop();
}

#ifdef __aarch64__
/* The vector length ZCR_EL1.LEN = @len gives, in bits (sve_vl()). */
static unsigned long sve_vl_for(unsigned int len)
{
	write_sysreg((read_sysreg(ZCR_EL1) & ~ZCR_EL1_LEN) | len, ZCR_EL1);
	isb();
	return sve_vl();
}

#define ZREG_BYTES_MAX	256

static u8 zwant[32][ZREG_BYTES_MAX] __attribute__((aligned(16)));
static u8 zgot[32][ZREG_BYTES_MAX] __attribute__((aligned(16)));

/* z0-z31 from/to 32 consecutive vectors of the current length at @p. */
#define SVE_ZREGS(insn, p) asm volatile(".arch_extension sve\n\t"		\
	insn " z0, [%0, #0, mul vl]\n\t" insn " z1, [%0, #1, mul vl]\n\t"	\
	insn " z2, [%0, #2, mul vl]\n\t" insn " z3, [%0, #3, mul vl]\n\t"	\
	insn " z4, [%0, #4, mul vl]\n\t" insn " z5, [%0, #5, mul vl]\n\t"	\
	insn " z6, [%0, #6, mul vl]\n\t" insn " z7, [%0, #7, mul vl]\n\t"	\
	insn " z8, [%0, #8, mul vl]\n\t" insn " z9, [%0, #9, mul vl]\n\t"	\
	insn " z10, [%0, #10, mul vl]\n\t" insn " z11, [%0, #11, mul vl]\n\t"	\
	insn " z12, [%0, #12, mul vl]\n\t" insn " z13, [%0, #13, mul vl]\n\t"	\
	insn " z14, [%0, #14, mul vl]\n\t" insn " z15, [%0, #15, mul vl]\n\t"	\
	insn " z16, [%0, #16, mul vl]\n\t" insn " z17, [%0, #17, mul vl]\n\t"	\
	insn " z18, [%0, #18, mul vl]\n\t" insn " z19, [%0, #19, mul vl]\n\t"	\
	insn " z20, [%0, #20, mul vl]\n\t" insn " z21, [%0, #21, mul vl]\n\t"	\
	insn " z22, [%0, #22, mul vl]\n\t" insn " z23, [%0, #23, mul vl]\n\t"	\
	insn " z24, [%0, #24, mul vl]\n\t" insn " z25, [%0, #25, mul vl]\n\t"	\
	insn " z26, [%0, #26, mul vl]\n\t" insn " z27, [%0, #27, mul vl]\n\t"	\
	insn " z28, [%0, #28, mul vl]\n\t" insn " z29, [%0, #29, mul vl]\n\t"	\
	insn " z30, [%0, #30, mul vl]\n\t" insn " z31, [%0, #31, mul vl]"		\
	: : "r"(p) : "memory")

static void check_sve(void)
{
	unsigned long vl, prev = 0, max = 0;
	unsigned int len, lengths = 0, i, round;
	bool monotonic = true, legal = true, kept = true;

	report_prefix_push("sve");
	if (!system_supports_sve()) {
		report_skip("no SVE on this CPU (QEMU: -cpu max)");
		return report_prefix_pop();
	}
	for (len = 0; len < 16; len++) {
		vl = sve_vl_for(len);
		/* A length the CPU lacks gives the next smaller one it has. */
		legal &= vl >= 128 && vl % 128 == 0 && vl <= (len + 1) * 128UL;
		monotonic &= vl >= prev;
		lengths += vl != prev;
		prev = vl;
		if (vl > max)
			max = vl;
	}
	report(legal, "each LEN gives a multiple of 128 bits, at most (LEN + 1) * 128");
	report(monotonic, "a larger LEN never gives a shorter vector");
	report_info("%u vector lengths, up to %lu bits", lengths, max);
	report(sve_vl_for(0) == 128, "LEN 0: 128 bits");

	vl = sve_vl_for(15) / 8;	/* bytes from here */
	for (i = 0; i < 32; i++)
		memset(zwant[i], 0x11 * (i % 15 + 1), vl);
	/* The registers are consecutive vectors of vl bytes in memory. */
	{
		static u8 flat[32 * ZREG_BYTES_MAX] __attribute__((aligned(16)));

		for (i = 0; i < 32; i++)
			memcpy(flat + i * vl, zwant[i], vl);
		SVE_ZREGS("ldr", flat);
		for (round = 0; round < 10; round++) {
			take_svc();
			nap();
		}
		memset(flat, 0, sizeof(flat));
		SVE_ZREGS("str", flat);
		for (i = 0; i < 32; i++) {
			memcpy(zgot[i], flat + i * vl, vl);
			kept &= !memcmp(zgot[i], zwant[i], vl);
		}
	}
	report(kept, "z0-z31 (%lu bits) kept across exceptions and waits", vl * 8);
	report_prefix_pop();
}
#endif

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "context";
	int i;

	for (i = 2; i < argc; i++)
		if (!strncmp(argv[i], "rounds=", 7))
			rounds = atol(argv[i] + 7);
	if (!strcmp(what, "context")) {
		check_context();
#ifdef __aarch64__
	} else if (!strcmp(what, "sve")) {
		install_exception_handler(EL1H_SYNC, ESR_ELx_EC_SVC64, svc_handler);
		gic_enable_defaults();
		gic_enable_irq(TIMER_VTIMER_IRQ);
		check_sve();
#endif
	} else {
		report_abort("unknown area '%s'", what);
	}
	return report_summary();
}
