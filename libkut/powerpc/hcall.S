/* SPDX-License-Identifier: MIT */
/*
 * hcall.S - hcall(nr, ...): the PAPR hypervisor call, "sc 1" with the
 * call number in r3 and its arguments in r4-r10, as the ELFv2 ABI passes
 * them to a variadic function; the status comes back in r3.  Everything
 * the hypervisor may change (r0, r4-r12, CR, CTR, XER) is volatile in
 * the ABI anyway.
 */
	.text
	.globl hcall
	.balign 4
hcall:
	sc	1
	blr

	.section .note.GNU-stack, "", %progbits
