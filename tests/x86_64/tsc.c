// SPDX-License-Identifier: MIT
/*
 * tsc.c - the time-stamp counter's instructions as the Intel SDM (vol. 2
 * RDTSC/RDTSCP/RDPID, vol. 3 17.17) and AMD APM define them:
 *   - RDTSC never goes backwards on a CPU, and advances;
 *   - RDTSCP returns the TSC and IA32_TSC_AUX in ECX, each CPU its own
 *     (-smp 2); without CPUID.80000001:EDX.RDTSCP it raises #UD;
 *   - RDPID returns IA32_TSC_AUX; without CPUID.7:ECX.RDPID, #UD;
 *   - CR4.TSD: RDTSC and RDTSCP at CPL 3 raise #GP(0); at CPL 0 they
 *     still run; with TSD clear CPL 3 may read the counter.
 */
#include <libcflat.h>
#include <smp.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/msr.h>
#include <x86/usermode.h>

static int rdtscp_safe(u64 *tsc, u32 *aux)
{
	u32 a = 0, d = 0, c = 0;

	asm volatile(ASM_TRY("1f") "rdtscp\n\t" "1:"
		     : "+a"(a), "+d"(d), "+c"(c) : : "memory");
	*tsc = a | ((u64)d << 32);
	*aux = c;
	return exception_vector();
}

static int rdpid_safe(unsigned long *val)
{
	unsigned long v = 0;

	/* RDPID r64 (r32 on i386): F3 0F C7 /7. */
	asm volatile(ASM_TRY("1f") ".byte 0xf3, 0x0f, 0xc7, 0xf8\n\t" "1:"
		     : "+a"(v) : : "memory");
	*val = v;
	return exception_vector();
}

static void test_monotonic(void)
{
	u64 prev = rdtsc(), now, start = prev;
	bool ok = true;
	int i;

	for (i = 0; i < 100000; i++) {
		now = rdtsc();
		if (now < prev)
			ok = false;
		prev = now;
	}
	report(ok, "RDTSC never goes backwards (100000 reads)");
	report(prev > start, "RDTSC advances (%" PRIu64 " cycles)", prev - start);
}

static volatile u32 aux_seen[2];
static volatile bool aux_ok[2];

static void per_cpu_aux(void *unused)
{
	int cpu = smp_id();
	u64 t1, t2;
	u32 aux;

	(void)unused;
	if (cpu >= 2)
		return;
	wrmsr(MSR_TSC_AUX, 0x100 + cpu);
	t1 = rdtsc();
	rdtscp_safe(&t2, &aux);
	aux_seen[cpu] = aux;
	aux_ok[cpu] = t2 >= t1;
}

static void test_rdtscp(void)
{
	u64 t;
	u32 aux;
	int v, i, n = cpu_count() < 2 ? cpu_count() : 2;

	if (!this_cpu_has(X86_FEATURE_RDTSCP)) {
		v = rdtscp_safe(&t, &aux);
		report(v == UD_VECTOR, "no RDTSCP in CPUID: RDTSCP -> #UD (got %s)",
		       v ? exception_mnemonic(v) : "no fault");
		return;
	}
	on_cpus(per_cpu_aux, NULL);
	for (i = 0; i < n; i++)
		report(aux_seen[i] == 0x100u + i && aux_ok[i],
		       "CPU %d: RDTSCP returns its IA32_TSC_AUX (%#x) and a TSC after RDTSC's",
		       i, aux_seen[i]);
	wrmsr(MSR_TSC_AUX, 0);
}

static void test_rdpid(void)
{
	unsigned long val;
	int v;

	v = rdpid_safe(&val);
	if (!this_cpu_has(X86_FEATURE_RDPID)) {
		report(v == UD_VECTOR, "no RDPID in CPUID: RDPID -> #UD (got %s)",
		       v ? exception_mnemonic(v) : "no fault");
		return;
	}
	wrmsr(MSR_TSC_AUX, 0x5a5a);
	v = rdpid_safe(&val);
	report(!v && val == 0x5a5a, "RDPID returns IA32_TSC_AUX (%#lx)", val);
	wrmsr(MSR_TSC_AUX, 0);
}

static u64 user_rdtsc(void)
{
	return rdtsc() != 0;
}

static u64 user_rdtscp(void)
{
	u32 aux;

	return rdtscp(&aux) != 0;
}

static void test_tsd(void)
{
	ulong cr4 = read_cr4();
	bool raised;
	u64 r;

	setup_vm();
	write_cr4(cr4 | X86_CR4_TSD);
	report(rdtsc() != 0, "CR4.TSD set: RDTSC at CPL 0 runs");
	run_in_user(user_rdtsc, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(raised && exception_error_code() == 0,
	       "CR4.TSD set: RDTSC at CPL 3 -> #GP(0)");
	if (this_cpu_has(X86_FEATURE_RDTSCP)) {
		run_in_user(user_rdtscp, GP_VECTOR, 0, 0, 0, 0, &raised);
		report(raised, "CR4.TSD set: RDTSCP at CPL 3 -> #GP");
	}
	write_cr4(cr4 & ~X86_CR4_TSD);
	r = run_in_user(user_rdtsc, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(!raised && r == 1, "CR4.TSD clear: RDTSC at CPL 3 runs");
	write_cr4(cr4);
}

int main(void)
{
	test_monotonic();
	test_rdtscp();
	test_rdpid();
	test_tsd();
	return report_summary();
}
