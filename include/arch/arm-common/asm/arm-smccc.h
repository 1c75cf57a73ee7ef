/* SPDX-License-Identifier: MIT */
/*
 * asm/arm-smccc.h - calls through the SMC Calling Convention (SMCCC,
 * Arm DEN0028): a function ID and up to 11 arguments go to the firmware
 * or hypervisor in registers (x1/r1 up), through HVC or SMC; x0/r0 comes
 * back as the return code, and the first ten result registers into
 * *@result when it is not NULL.  PSCI (asm/psci.h) is one such service.
 */
#ifndef _ASMARM_ARM_SMCCC_H_
#define _ASMARM_ARM_SMCCC_H_

struct smccc_result {
	unsigned long r0;
	unsigned long r1;
	unsigned long r2;
	unsigned long r3;
	unsigned long r4;
	unsigned long r5;
	unsigned long r6;
	unsigned long r7;
	unsigned long r8;
	unsigned long r9;
};

typedef int (*smccc_invoke_fn)(unsigned int function_id, unsigned long arg0,
			       unsigned long arg1, unsigned long arg2,
			       unsigned long arg3, unsigned long arg4,
			       unsigned long arg5, unsigned long arg6,
			       unsigned long arg7, unsigned long arg8,
			       unsigned long arg9, unsigned long arg10,
			       struct smccc_result *result);
/* The call through HVC (to a hypervisor: QEMU's PSCI) or SMC (to EL3). */
extern int arm_smccc_hvc(unsigned int function_id, unsigned long arg0,
			 unsigned long arg1, unsigned long arg2,
			 unsigned long arg3, unsigned long arg4,
			 unsigned long arg5, unsigned long arg6,
			 unsigned long arg7, unsigned long arg8,
			 unsigned long arg9, unsigned long arg10,
			 struct smccc_result *result);
extern int arm_smccc_smc(unsigned int function_id, unsigned long arg0,
			 unsigned long arg1, unsigned long arg2,
			 unsigned long arg3, unsigned long arg4,
			 unsigned long arg5, unsigned long arg6,
			 unsigned long arg7, unsigned long arg8,
			 unsigned long arg9, unsigned long arg10,
			 struct smccc_result *result);

#endif /* _ASMARM_ARM_SMCCC_H_ */
