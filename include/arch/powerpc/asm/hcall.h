/* SPDX-License-Identifier: MIT */
/*
 * asm/hcall.h - PAPR hypervisor calls (sc 1) on pseries, under upstream
 * kvm-unit-tests' names: the call numbers and return codes of the LoPAPR
 * specification, and QEMU's/KVM's private KVMPPC_H_RTAS.
 */
#ifndef _ASMPOWERPC_HCALL_H_
#define _ASMPOWERPC_HCALL_H_

/* sc 1, and what some hosts patch it to (see hcall_have_broken_sc1()). */
#define SC1			0x44000022
#define SC1_REPLACEMENT		0x7c000268

#define H_SUCCESS		0
#define H_HARDWARE		-1
#define H_FUNCTION		-2
#define H_PRIVILEGE		-3
#define H_PARAMETER		-4

#define H_SET_SPRG0		0x24
#define H_SET_DABR		0x28
#define H_PAGE_INIT		0x2c
#define H_EOI			0x64
#define H_CPPR			0x68
#define H_IPI			0x6c
#define H_XIRR			0x74
#define H_REGISTER_VPA		0xdc
#define H_CEDE			0xe0
#define H_CONFER		0xe4
#define H_PROD			0xe8
#define H_GET_TERM_CHAR		0x54
#define H_PUT_TERM_CHAR		0x58
#define H_RANDOM		0x300
#define H_SET_MODE		0x31c
#define H_REGISTER_PROCESS_TABLE 0x37c

/* H_SET_MODE resources; interrupts in little-endian: mflags 1. */
#define H_SET_MODE_RESOURCE_LE	4

/* H_REGISTER_PROCESS_TABLE flags. */
#define PTBL_NEW		0x18
#define PTBL_UNREGISTER		0x10
#define PTBL_RADIX		0x04
#define PTBL_GTSE		0x01

#define KVMPPC_HCALL_BASE	0xf000
#define KVMPPC_H_RTAS		(KVMPPC_HCALL_BASE + 0x0)

#ifndef __ASSEMBLY__
/*
 * Hypercall @nr with up to 7 more arguments (r4-r10); returns r3, the
 * H_* status.  Values the call returns in r4 and up are lost: read them
 * with your own "sc 1" when you need them.
 */
extern unsigned long hcall(unsigned long nr, ...);

/*
 * Non-zero on a host whose sc 1 does not work (some KVM-PR hosts, which
 * patch it): probed with a harmless H_SET_DABR, which such a host
 * answers H_PRIVILEGE.  QEMU's pseries and KVM-HV take sc 1.
 */
extern int hcall_have_broken_sc1(void);
#endif /* !__ASSEMBLY__ */

#endif /* _ASMPOWERPC_HCALL_H_ */
