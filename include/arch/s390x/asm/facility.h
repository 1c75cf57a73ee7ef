/* SPDX-License-Identifier: MIT */
/*
 * asm/facility.h - the facility list (STFL/STFLE): which optional
 * facilities the CPU has, by number as the Principles of Operation
 * numbers them (bit 0 is the most significant bit of the first word).
 * kut stores the list at boot, before main().
 */
#ifndef _ASMS390X_FACILITY_H_
#define _ASMS390X_FACILITY_H_

#include <libcflat.h>
#include <bitops.h>
#include <asm/arch_def.h>
#include <sclp.h>

#define NB_STFL_DOUBLEWORDS	32
extern uint64_t stfl_doublewords[];

static inline bool test_facility(int nr)
{
	return test_bit_inv(nr, stfl_doublewords);
}

/* STORE FACILITY LIST: the first 32 bits, to lowcore.stfl. */
static inline void stfl(void)
{
	asm volatile("stfl 0(0)" : : : "memory");
}

/*
 * STORE FACILITY LIST EXTENDED into @fac, @nb_doublewords of it; returns
 * how many doublewords the CPU has (which may be more).
 */
static inline unsigned int stfle(uint64_t *fac, unsigned int nb_doublewords)
{
	register unsigned long r0 asm("0") = nb_doublewords - 1;

	asm volatile(".insn s,0xb2b00000,0(%[fac])"
		     : "+d" (r0) : [fac] "a" (fac) : "memory", "cc");
	return r0 + 1;
}

static inline unsigned long stfle_size(void)
{
	uint64_t one;

	return stfle(&one, 1);
}

/* Fill stfl_doublewords (kut does it at boot). */
static inline void setup_facilities(void)
{
	stfl();
	/*
	 * Facility 7 is STFLE, whose first doubleword starts with STFL's
	 * word; without it that word is all there is.
	 */
	if (lowcore.stfl & (0x80000000U >> 7))
		stfle(stfl_doublewords, NB_STFL_DOUBLEWORDS);
	else
		memcpy(stfl_doublewords, &lowcore.stfl, sizeof(lowcore.stfl));
}

enum supp_on_prot_facility {
	SOP_NONE,
	SOP_BASIC,
	SOP_ENHANCED_1,
	SOP_ENHANCED_2,
};

/* Which suppression-on-protection the machine offers (SCLP and STFLE). */
static inline enum supp_on_prot_facility get_supp_on_prot_facility(void)
{
	if (sclp_facilities.has_esop)
		return test_facility(131) ? SOP_ENHANCED_2 : SOP_ENHANCED_1;
	if (sclp_facilities.has_sop)
		return SOP_BASIC;
	return SOP_NONE;
}

#endif /* _ASMS390X_FACILITY_H_ */
