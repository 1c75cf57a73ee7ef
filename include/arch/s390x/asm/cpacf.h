/* SPDX-License-Identifier: MIT */
/*
 * asm/cpacf.h - the CP Assist for Cryptographic Functions: the opcodes of
 * the message-security-assist instructions, their function codes, and
 * the query function, function code 0, which every one of them has: it
 * stores a 128-bit mask of the functions the CPU offers (bit n, counted
 * from the most significant bit, for function code n).  Names are
 * upstream kvm-unit-tests' (after Linux); kut has the query functions,
 * not the cipher operations.
 */
#ifndef _ASMS390X_CPACF_H_
#define _ASMS390X_CPACF_H_

#include <asm/facility.h>
#include <linux/compiler.h>

/* Opcodes, and the facility (message-security assist) they need. */
#define CPACF_KMAC		0xb91e	/* MSA, facility 17 */
#define CPACF_KM		0xb92e	/* MSA */
#define CPACF_KMC		0xb92f	/* MSA */
#define CPACF_KIMD		0xb93e	/* MSA */
#define CPACF_KLMD		0xb93f	/* MSA */
#define CPACF_PCKMO		0xb928	/* MSA 3, facility 76 */
#define CPACF_KMF		0xb92a	/* MSA 4, facility 77 */
#define CPACF_KMO		0xb92b	/* MSA 4 */
#define CPACF_PCC		0xb92c	/* MSA 4 */
#define CPACF_KMCTR		0xb92d	/* MSA 4 */
#define CPACF_PRNO		0xb93c	/* MSA 5, facility 57 */
#define CPACF_KMA		0xb929	/* MSA 8, facility 146 */

/* The modifier bit of the function code. */
#define CPACF_ENCRYPT		0x00
#define CPACF_DECRYPT		0x80

#define CPACF_KM_QUERY		0x00
#define CPACF_KM_DEA		0x01
#define CPACF_KM_TDEA_128	0x02
#define CPACF_KM_TDEA_192	0x03
#define CPACF_KM_AES_128	0x12
#define CPACF_KM_AES_192	0x13
#define CPACF_KM_AES_256	0x14
#define CPACF_KM_PAES_128	0x1a
#define CPACF_KM_PAES_192	0x1b
#define CPACF_KM_PAES_256	0x1c
#define CPACF_KM_XTS_128	0x32
#define CPACF_KM_XTS_256	0x34
#define CPACF_KM_PXTS_128	0x3a
#define CPACF_KM_PXTS_256	0x3c

#define CPACF_KMC_QUERY		0x00
#define CPACF_KMC_DEA		0x01
#define CPACF_KMC_TDEA_128	0x02
#define CPACF_KMC_TDEA_192	0x03
#define CPACF_KMC_AES_128	0x12
#define CPACF_KMC_AES_192	0x13
#define CPACF_KMC_AES_256	0x14
#define CPACF_KMC_PAES_128	0x1a
#define CPACF_KMC_PAES_192	0x1b
#define CPACF_KMC_PAES_256	0x1c
#define CPACF_KMC_PRNG		0x43

#define CPACF_KMCTR_QUERY	0x00
#define CPACF_KMCTR_DEA		0x01
#define CPACF_KMCTR_TDEA_128	0x02
#define CPACF_KMCTR_TDEA_192	0x03
#define CPACF_KMCTR_AES_128	0x12
#define CPACF_KMCTR_AES_192	0x13
#define CPACF_KMCTR_AES_256	0x14
#define CPACF_KMCTR_PAES_128	0x1a
#define CPACF_KMCTR_PAES_192	0x1b
#define CPACF_KMCTR_PAES_256	0x1c

#define CPACF_KIMD_QUERY	0x00
#define CPACF_KIMD_SHA_1	0x01
#define CPACF_KIMD_SHA_256	0x02
#define CPACF_KIMD_SHA_512	0x03
#define CPACF_KIMD_GHASH	0x41

#define CPACF_KLMD_QUERY	0x00
#define CPACF_KLMD_SHA_1	0x01
#define CPACF_KLMD_SHA_256	0x02
#define CPACF_KLMD_SHA_512	0x03

#define CPACF_KMAC_QUERY	0x00
#define CPACF_KMAC_DEA		0x01
#define CPACF_KMAC_TDEA_128	0x02
#define CPACF_KMAC_TDEA_192	0x03

#define CPACF_PCKMO_QUERY		0x00
#define CPACF_PCKMO_ENC_DES_KEY		0x01
#define CPACF_PCKMO_ENC_TDES_128_KEY	0x02
#define CPACF_PCKMO_ENC_TDES_192_KEY	0x03
#define CPACF_PCKMO_ENC_AES_128_KEY	0x12
#define CPACF_PCKMO_ENC_AES_192_KEY	0x13
#define CPACF_PCKMO_ENC_AES_256_KEY	0x14

#define CPACF_PRNO_QUERY		0x00
#define CPACF_PRNO_SHA512_DRNG_GEN	0x03
#define CPACF_PRNO_SHA512_DRNG_SEED	0x83
#define CPACF_PRNO_TRNG_Q_R2C_RATIO	0x70
#define CPACF_PRNO_TRNG			0x72

/* The query function's answer. */
typedef struct { unsigned char bytes[16]; } cpacf_mask_t;

/*
 * The query, function code 0 in r0, the mask's address in r1, with the
 * register operands the instruction format wants (even-odd pairs).
 */
#define __CPACF_QUERY(insn, mask)					\
	asm volatile("la %%r1,%[m]\n"					\
		     "xgr %%r0,%%r0\n"					\
		     insn "\n"						\
		     : [m] "=R" (*(mask)) : : "cc", "r0", "r1", "memory")

static __always_inline void __cpacf_query(unsigned int opcode,
					  cpacf_mask_t *mask)
{
	switch (opcode) {
	case CPACF_KIMD:
		__CPACF_QUERY(".insn rre,0xb93e0000,0,2", mask);
		break;
	case CPACF_KLMD:
		__CPACF_QUERY(".insn rre,0xb93f0000,0,2", mask);
		break;
	case CPACF_KM:
		__CPACF_QUERY(".insn rre,0xb92e0000,2,4", mask);
		break;
	case CPACF_KMA:
		__CPACF_QUERY(".insn rrf,0xb9290000,2,4,6,0", mask);
		break;
	case CPACF_KMAC:
		__CPACF_QUERY(".insn rre,0xb91e0000,0,2", mask);
		break;
	case CPACF_KMC:
		__CPACF_QUERY(".insn rre,0xb92f0000,2,4", mask);
		break;
	case CPACF_KMCTR:
		__CPACF_QUERY(".insn rrf,0xb92d0000,2,4,6,0", mask);
		break;
	case CPACF_KMF:
		__CPACF_QUERY(".insn rre,0xb92a0000,2,4", mask);
		break;
	case CPACF_KMO:
		__CPACF_QUERY(".insn rre,0xb92b0000,2,4", mask);
		break;
	case CPACF_PCC:
		__CPACF_QUERY(".insn rre,0xb92c0000,0,0", mask);
		break;
	case CPACF_PCKMO:
		__CPACF_QUERY(".insn rre,0xb9280000,0,0", mask);
		break;
	case CPACF_PRNO:
		__CPACF_QUERY(".insn rre,0xb93c0000,2,4", mask);
		break;
	}
}

/*
 * The message-security-assist facility that introduced instruction
 * @opcode: MSA (17), MSA 3 (76), MSA 4 (77), MSA 5 (57), MSA 8 (146);
 * 0 for an opcode this header does not know.
 */
static inline int __cpacf_facility_of(unsigned int opcode)
{
	static const struct {
		unsigned int opcode;
		int facility;
	} introduced[] = {
		{ CPACF_KM, 17 }, { CPACF_KMC, 17 }, { CPACF_KIMD, 17 },
		{ CPACF_KLMD, 17 }, { CPACF_KMAC, 17 },
		{ CPACF_PCKMO, 76 },
		{ CPACF_KMCTR, 77 }, { CPACF_KMF, 77 }, { CPACF_KMO, 77 },
		{ CPACF_PCC, 77 },
		{ CPACF_PRNO, 57 },
		{ CPACF_KMA, 146 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(introduced); i++)
		if (introduced[i].opcode == opcode)
			return introduced[i].facility;
	return 0;
}

/* Whether the CPU has the facility instruction @opcode needs. */
static inline int __cpacf_check_opcode(unsigned int opcode)
{
	int facility = __cpacf_facility_of(opcode);

	return facility && test_facility(facility);
}

/* Query @opcode into @mask; 0 (and @mask untouched) if it is absent. */
static __always_inline int cpacf_query(unsigned int opcode, cpacf_mask_t *mask)
{
	if (!__cpacf_check_opcode(opcode))
		return 0;
	__cpacf_query(opcode, mask);
	return 1;
}

/* Whether @mask has function code @func (the modifier bit ignored). */
static inline int cpacf_test_func(cpacf_mask_t *mask, unsigned int func)
{
	unsigned int code = func & 0x7f;

	/* Bit 0 is the leftmost of byte 0. */
	return (mask->bytes[code / 8] >> (7 - code % 8)) & 1;
}

/* Whether the CPU offers function @func of instruction @opcode. */
static __always_inline int cpacf_query_func(unsigned int opcode, unsigned int func)
{
	cpacf_mask_t mask;

	if (!cpacf_query(opcode, &mask))
		return 0;
	return cpacf_test_func(&mask, func);
}

#endif /* _ASMS390X_CPACF_H_ */
