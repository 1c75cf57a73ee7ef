/* SPDX-License-Identifier: MIT */
/*
 * sie-icpt.h - reading a guest's interception (upstream kvm-unit-tests'
 * lib/s390x/sie-icpt.h): the intercepted instruction, from the state
 * description's ipa and ipb, taken apart as a DIAGNOSE.
 */
#ifndef _S390X_SIE_ICPT_H_
#define _S390X_SIE_ICPT_H_

#include <libcflat.h>
#include <sie.h>

/* DIAGNOSE (RS format, 0x83): the fields, first byte first. */
struct diag_itext {
	uint64_t opcode   :  8;
	uint64_t r_1      :  4;
	uint64_t r_2      :  4;
	uint64_t r_base   :  4;
	uint64_t displace : 12;
	uint64_t zero     : 16;
	uint64_t          : 16;
};

/* The intercepted instruction of @sblk, read as a DIAGNOSE. */
struct diag_itext sblk_ip_as_diag(struct kvm_s390_sie_block *sblk);

/*
 * Whether the guest's last interception is DIAGNOSE @diag (0x44, 0x9c,
 * 0x288, 0x308 or 0x500; another aborts the test): an instruction
 * interception, or for a protected guest the notification or
 * instruction interception the Ultravisor gives for that code, with the
 * register use the Ultravisor requires.
 */
bool sie_is_diag_icpt(struct vm *vm, unsigned int diag);

#endif /* _S390X_SIE_ICPT_H_ */
