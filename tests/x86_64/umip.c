// SPDX-License-Identifier: MIT
/*
 * umip.c - user-mode instruction prevention as the Intel SDM (vol. 3
 * 2.5, CR4.UMIP) defines it: with CR4.UMIP set, SGDT, SIDT, SLDT, SMSW
 * and STR raise #GP(0) at CPL 3 and still run at CPL 0; with it clear
 * CPL 3 may run them; without CPUID.7:ECX.UMIP, setting CR4.UMIP raises
 * #GP.  KVM emulates UMIP on hosts without it (descriptor-table exits),
 * so this checks that emulation too.
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include "accel.h"

enum insn { SGDT, SIDT, SLDT, SMSW, STR, NR_INSNS };

static const char *const names[NR_INSNS] = { "SGDT", "SIDT", "SLDT", "SMSW", "STR" };

static unsigned long which;

static u64 run_insn(void)
{
	struct descriptor_table_ptr dt;
	unsigned long v = 0;

	switch (which) {
	case SGDT:
		asm volatile("sgdt %0" : "=m"(dt));
		break;
	case SIDT:
		asm volatile("sidt %0" : "=m"(dt));
		break;
	case SLDT:
		asm volatile("sldt %0" : "=r"(v));
		break;
	case SMSW:
		asm volatile("smsw %0" : "=r"(v));
		break;
	case STR:
		asm volatile("str %0" : "=r"(v));
		break;
	}
	return 1;
}

static void check_user(bool umip)
{
	bool raised;
	int i;

	for (i = 0; i < NR_INSNS; i++) {
		which = i;
		run_in_user(run_insn, GP_VECTOR, 0, 0, 0, 0, &raised);
		if (umip)
			report(raised && exception_error_code() == 0,
			       "CR4.UMIP set: %s at CPL 3 -> #GP(0)", names[i]);
		else
			report(!raised, "CR4.UMIP clear: %s at CPL 3 runs", names[i]);
	}
}

int main(void)
{
	ulong cr4 = read_cr4();
	int i, r;

	setup_vm();
	if (!this_cpu_has(X86_FEATURE_UMIP)) {
		/* QEMU 7.2's TCG spins on this MOV to CR4 instead of raising #GP. */
		if (accel_is_tcg()) {
			report_skip("no UMIP: setting CR4.UMIP hangs QEMU's TCG");
		} else {
			r = write_cr4_safe(cr4 | X86_CR4_UMIP);
			report(r == GP_VECTOR,
			       "no UMIP in CPUID: setting CR4.UMIP -> #GP (got %s)",
			       r ? exception_mnemonic(r) : "no fault");
		}
		check_user(false);
		return report_summary();
	}
	check_user(false);
	which = 0;
	r = write_cr4_safe(cr4 | X86_CR4_UMIP);
	report(r == 0, "CR4.UMIP set");
	for (i = 0; i < NR_INSNS; i++, which = i)
		report(run_insn() == 1, "CR4.UMIP set: %s at CPL 0 runs", names[i]);
	check_user(true);
	write_cr4(cr4);
	check_user(false);
	return report_summary();
}
