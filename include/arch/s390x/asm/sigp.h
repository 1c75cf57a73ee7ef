/* SPDX-License-Identifier: MIT */
/*
 * asm/sigp.h - SIGNAL PROCESSOR: order codes, condition codes and status
 * bits (upstream kvm-unit-tests' and Linux's names), and the instruction.
 * Usable from assembly for the constants.
 */
#ifndef _ASMS390X_SIGP_H_
#define _ASMS390X_SIGP_H_

/* Orders. */
#define SIGP_SENSE			1
#define SIGP_EXTERNAL_CALL		2
#define SIGP_EMERGENCY_SIGNAL		3
#define SIGP_START			4
#define SIGP_STOP			5
#define SIGP_RESTART			6
#define SIGP_STOP_AND_STORE_STATUS	9
#define SIGP_INITIAL_CPU_RESET		11
#define SIGP_CPU_RESET			12
#define SIGP_SET_PREFIX			13
#define SIGP_STORE_STATUS_AT_ADDRESS	14
#define SIGP_SET_ARCHITECTURE		18
#define SIGP_COND_EMERGENCY_SIGNAL	19
#define SIGP_SENSE_RUNNING		21
#define SIGP_SET_MULTI_THREADING	22
#define SIGP_STORE_ADDITIONAL_STATUS	23

/* Condition codes. */
#define SIGP_CC_ORDER_CODE_ACCEPTED	0
#define SIGP_CC_STATUS_STORED		1
#define SIGP_CC_BUSY			2
#define SIGP_CC_NOT_OPERATIONAL		3

/* Status bits (the low word of the status register, with cc 1). */
#define SIGP_STATUS_INVALID_ORDER	0x00000002UL
#define SIGP_STATUS_CHECK_STOP		0x00000010UL
#define SIGP_STATUS_STOPPED		0x00000040UL
#define SIGP_STATUS_EXT_CALL_PENDING	0x00000080UL
#define SIGP_STATUS_INVALID_PARAMETER	0x00000100UL
#define SIGP_STATUS_INCORRECT_STATE	0x00000200UL
#define SIGP_STATUS_NOT_RUNNING		0x00000400UL

#ifndef __ASSEMBLY__
#include <stdint.h>

/*
 * Send @order with parameter @parm to the CPU at address @addr; returns
 * the condition code and, if @status is not NULL, stores the status
 * register's low word (meaningful with cc 1).  The condition code is
 * preset to 3 so that an intercepting hypervisor that forgets to set it
 * is noticed.
 */
static inline int sigp(uint16_t addr, uint8_t order, unsigned long parm,
		       uint32_t *status)
{
	register unsigned long r1 asm("1") = parm;
	uint64_t preset = SIGP_CC_NOT_OPERATIONAL;
	int cc;

	asm volatile("tmll %[preset],3\n"
		     "sigp %[r1],%[addr],0(%[order])\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [cc] "=d" (cc), [r1] "+d" (r1)
		     : [addr] "d" (addr), [order] "a" (order),
		       [preset] "d" (preset)
		     : "cc");
	if (status)
		*status = r1;
	return cc;
}

/* sigp() again for as long as the target says busy (cc 2). */
static inline int sigp_retry(uint16_t addr, uint8_t order, unsigned long parm,
			     uint32_t *status)
{
	int cc;

	do
		cc = sigp(addr, order, parm, status);
	while (cc == SIGP_CC_BUSY);
	return cc;
}

#endif /* !__ASSEMBLY__ */
#endif /* _ASMS390X_SIGP_H_ */
