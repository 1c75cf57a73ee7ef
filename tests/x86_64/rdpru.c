// SPDX-License-Identifier: MIT
/*
 * rdpru.c - RDPRU (read processor register at user level) as the AMD APM
 * (vol. 3) defines it.  Where CPUID.80000008:EBX.RDPRU reports it, ECX 0
 * reads MPERF and ECX 1 APERF, both advancing, with CF set; a register
 * number above the largest CPUID.80000008:EDX[31:16] names returns 0
 * with CF clear; and CPL 3 may use it unless CR4.TSD is set (#UD).  KVM
 * does not offer RDPRU to guests, and Intel CPUs have none: there the
 * instruction must raise #UD, which is what this checks.
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/usermode.h>

static int rdpru_safe(u32 reg, u64 *val, bool *cf)
{
	u32 a = 0, d = 0;
	u8 c = 0;

	asm volatile(ASM_TRY("1f") ".byte 0x0f, 0x01, 0xfd\n\t" "1: setc %2"
		     : "+a"(a), "+d"(d), "=q"(c) : "c"(reg) : "memory", "cc");
	*val = a | ((u64)d << 32);
	*cf = c;
	return exception_vector();
}

static u64 user_rdpru(void)
{
	u64 v;
	bool cf;

	return rdpru_safe(1, &v, &cf);
}

int main(void)
{
	u64 m1, m2, a1, a2, v;
	bool cf, raised;
	u32 max;
	int r;
	ulong cr4 = read_cr4();

	if (!this_cpu_has(X86_FEATURE_RDPRU)) {
		r = rdpru_safe(0, &v, &cf);
		report(r == UD_VECTOR, "RDPRU not in CPUID: RDPRU -> #UD (got %s)",
		       r ? exception_mnemonic(r) : "no fault");
		return report_summary();
	}
	max = raw_cpuid(0x80000008, 0).d >> 16;
	report_info("RDPRU registers 0 .. %u", max);
	rdpru_safe(0, &m1, &cf);
	rdpru_safe(1, &a1, &cf);
	rdpru_safe(0, &m2, &cf);
	r = rdpru_safe(1, &a2, &cf);
	report(!r && cf && m2 > m1 && a2 > a1, "MPERF and APERF advance, CF set");
	r = rdpru_safe(max + 1, &v, &cf);
	report(!r && !cf && v == 0, "register %u (past the last): 0, CF clear", max + 1);

	setup_vm();
	r = run_in_user(user_rdpru, UD_VECTOR, 0, 0, 0, 0, &raised);
	report(!raised && r == 0, "CR4.TSD clear: RDPRU at CPL 3 runs");
	write_cr4(cr4 | X86_CR4_TSD);
	run_in_user(user_rdpru, UD_VECTOR, 0, 0, 0, 0, &raised);
	report(raised, "CR4.TSD set: RDPRU at CPL 3 -> #UD");
	write_cr4(cr4);
	return report_summary();
}
