/* SPDX-License-Identifier: MIT */
/*
 * asm/psci.h - calling PSCI firmware services (CPU_ON, SYSTEM_OFF, ...).
 *
 * The conduit, HVC or SMC, comes from the device tree's /psci "method"
 * and is set at boot: psci_invoke_fn points at arm_smccc_hvc or
 * arm_smccc_smc (asm/arm-smccc.h), and psci_invoke() calls through it.
 * Function IDs and return codes are in <linux/psci.h>.
 */
#ifndef _ASMARM_PSCI_H_
#define _ASMARM_PSCI_H_

#include <libcflat.h>
#include <linux/psci.h>
#include <asm/arm-smccc.h>

extern smccc_invoke_fn psci_invoke_fn;

/* PSCI function @function_id with three arguments; its return code. */
extern int psci_invoke(unsigned int function_id, unsigned long arg0,
		       unsigned long arg1, unsigned long arg2);
/* Pick the conduit from the device tree (HVC when it names none). */
extern void psci_set_conduit(void);
/* Start the CPU with MPIDR @cpuid at physical address @entry_point. */
extern int psci_cpu_on(unsigned long cpuid, unsigned long entry_point);
/* Turn the calling CPU off; returns only on failure. */
extern void cpu_psci_cpu_die(void);
/* Boot kut's secondary entry on CPU number @cpu (secondary_data set). */
extern int cpu_psci_cpu_boot(unsigned int cpu);
/* Reset or power off the machine; return only if PSCI refuses. */
extern void psci_system_reset(void);
extern void psci_system_off(void);

#endif /* _ASMARM_PSCI_H_ */
