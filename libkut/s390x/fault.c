// SPDX-License-Identifier: MIT
/*
 * fault.c - print_decode_teid() (fault.h): the address space, the kind of
 * protection and the address a DAT or protection exception reports.
 */
#include <libcflat.h>
#include <fault.h>
#include <asm/page.h>

static const char *const as_names[] = {
	[AS_PRIM] = "primary",
	[AS_ACCR] = "access register",
	[AS_SECN] = "secondary",
	[AS_HOME] = "home",
};

static const char *const prot_names[PROT_NUM_CODES] = {
	[PROT_KEY_OR_LAP] = "key or low-address",
	[PROT_DAT] = "DAT",
	[PROT_KEY] = "key",
	[PROT_ACC_LIST] = "access list",
	[PROT_LAP] = "low-address",
	[PROT_IEP] = "instruction execution",
};

static const char *prot_kind(union teid teid)
{
	switch (get_supp_on_prot_facility()) {
	case SOP_ENHANCED_2:
		return prot_names[teid_esop2_prot_code(teid)];
	case SOP_ENHANCED_1:
		if (!teid.sop_teid_predictable)
			return "key or low-address";
		return teid.sop_acc_list ? "access list" : "DAT";
	default:
		return "unknown (no ESOP)";
	}
}

void print_decode_teid(uint64_t raw_teid)
{
	union teid teid = { .val = raw_teid };
	uint16_t code = lowcore.pgm_int_code;

	printf("Storage exception: DAT %s, %s space",
	       lowcore.pgm_old_psw.mask & PSW_MASK_DAT ? "on" : "off",
	       as_names[teid.asce_id]);
	if (code == PGM_INT_CODE_PROTECTION)
		printf(", %s protection", prot_kind(teid));
	if ((code == PGM_INT_CODE_SECURE_STOR_ACCESS ||
	     code == PGM_INT_CODE_SECURE_STOR_VIOLATION) &&
	    !teid.sop_teid_predictable)
		printf(", address unpredictable\n");
	else
		printf(", address %#lx (TEID %#lx)\n", raw_teid & PAGE_MASK,
		       raw_teid);
}
