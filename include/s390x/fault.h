/* SPDX-License-Identifier: MIT */
/*
 * fault.h - decoding storage exceptions (upstream kvm-unit-tests'
 * lib/s390x/fault.h): what the translation-exception identification of
 * a DAT or protection exception says.
 */
#ifndef _S390X_FAULT_H_
#define _S390X_FAULT_H_

#include <bitops.h>
#include <asm/facility.h>
#include <asm/interrupt.h>

/* Whether a protection exception came from instruction-execution protection. */
static inline bool prot_is_iep(union teid teid)
{
	/* Facility 130 is IEP, which brings ESOP-2's protection codes. */
	if (!test_facility(130))
		return false;
	return teid_esop2_prot_code(teid) == PROT_IEP;
}

/* Print the last program interrupt's TEID @raw_teid, decoded. */
void print_decode_teid(uint64_t raw_teid);

#endif /* _S390X_FAULT_H_ */
