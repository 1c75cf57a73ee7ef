// SPDX-License-Identifier: MIT
/*
 * rdrand.c - RDRAND and RDSEED as the Intel SDM (vol. 2) defines them:
 * with their CPUID bits (1:ECX.RDRAND, 7:EBX.RDSEED) they set CF when
 * they return a random value (a caller retries while CF is clear), in
 * 16-, 32- and, on x86_64, 64-bit operand sizes, clear OF, SF, ZF, AF
 * and PF, and do not return the same value every time; without their
 * bits they raise #UD (QEMU's TCG runs RDSEED whatever CPUID says: a
 * known failure there, accel.h).
 */
#include <libcflat.h>
#include <x86/processor.h>
#include "accel.h"

#define RETRIES		1000
#define DRAWS		8

/* One draw of @insn ("rdrand" or "rdseed") into a register of @size bits. */
#define DRAW(insn, size, val, flags, vec)					\
do {									\
	unsigned long __v = 0, __f = 0;					\
	asm volatile(ASM_TRY("1f")						\
		     insn " %" size "0\n\t"				\
		     "1: pushf\n\t"					\
		     "pop %1"						\
		     : "+r"(__v), "=r"(__f) : : "memory", "cc");		\
	vec = exception_vector();					\
	val = __v;							\
	flags = __f;							\
} while (0)

#define ALU_FLAGS_BUT_CF	(X86_EFLAGS_OF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
				 X86_EFLAGS_AF | X86_EFLAGS_PF)

static void check(const char *name, bool present, int width)
{
	unsigned long vals[DRAWS], v, f, mask;
	int vec, i, tries, good = 0, distinct = 0;
	bool flags_ok = true;

	mask = width == 8 * sizeof(long) ? ~0ul : (1ul << width) - 1;
	for (i = 0; i < DRAWS; i++) {
		for (tries = 0; tries < RETRIES; tries++) {
			if (!strcmp(name, "RDRAND")) {
				if (width == 16)
					DRAW("rdrand", "w", v, f, vec);
				else if (width == 32)
					DRAW("rdrand", "k", v, f, vec);
				else
					DRAW("rdrand", "", v, f, vec);
			} else {
				if (width == 16)
					DRAW("rdseed", "w", v, f, vec);
				else if (width == 32)
					DRAW("rdseed", "k", v, f, vec);
				else
					DRAW("rdseed", "", v, f, vec);
			}
			if (vec || (f & X86_EFLAGS_CF))
				break;
		}
		if (!present) {
			report_tcg_gap(vec == UD_VECTOR, "%s not in CPUID: %d-bit %s -> #UD (got %s)",
			       name, width, name, vec ? exception_mnemonic(vec) : "no fault");
			return;
		}
		if (vec) {
			report_fail("%d-bit %s raised %s", width, name,
				    exception_mnemonic(vec));
			return;
		}
		if (!(f & X86_EFLAGS_CF))
			continue;
		if (f & ALU_FLAGS_BUT_CF)
			flags_ok = false;
		vals[good++] = v & mask;
	}
	report(good == DRAWS, "%d-bit %s: CF set within %d tries, %d of %d draws",
	       width, name, RETRIES, good, DRAWS);
	report(flags_ok, "%d-bit %s clears OF, SF, ZF, AF, PF", width, name);
	for (i = 1; i < good; i++)
		if (vals[i] != vals[0])
			distinct++;
	report(good > 1 && distinct > 0, "%d-bit %s: the %d values are not all the same",
	       width, name, good);
}

int main(void)
{
	bool rdrand = this_cpu_has(X86_FEATURE_RDRAND);
	bool rdseed = raw_cpuid(7, 0).b & (1u << 18);	/* CPUID.7:EBX.RDSEED */

	report_info("RDRAND %s, RDSEED %s", rdrand ? "present" : "absent",
		    rdseed ? "present" : "absent");
	check("RDRAND", rdrand, 16);
	check("RDRAND", rdrand, 32);
	check("RDSEED", rdseed, 16);
	check("RDSEED", rdseed, 32);
#ifdef __x86_64__
	check("RDRAND", rdrand, 64);
	check("RDSEED", rdseed, 64);
#endif
	return report_summary();
}
