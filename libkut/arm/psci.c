// SPDX-License-Identifier: MIT
/*
 * psci.c - PSCI calls through HVC or SMC, whichever the device tree's
 * /psci node names as its "method" (QEMU without EL2/EL3 firmware
 * emulates PSCI behind HVC).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/psci.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/io.h>

/*
 * SMCCC: the function ID and 11 arguments in x0/r0 up, 10 results back
 * in the same registers.  On arm64 the callee may change x0-x17 (SMCCC
 * 1.2); on arm, r0-r11 here, the rest being preserved.
 */
#ifdef __aarch64__
#define SMCCC_CALL(insn)						\
	register unsigned long r0 asm("x0") = function_id;		\
	register unsigned long r1 asm("x1") = arg0;			\
	register unsigned long r2 asm("x2") = arg1;			\
	register unsigned long r3 asm("x3") = arg2;			\
	register unsigned long r4 asm("x4") = arg3;			\
	register unsigned long r5 asm("x5") = arg4;			\
	register unsigned long r6 asm("x6") = arg5;			\
	register unsigned long r7 asm("x7") = arg6;			\
	register unsigned long r8 asm("x8") = arg7;			\
	register unsigned long r9 asm("x9") = arg8;			\
	register unsigned long r10 asm("x10") = arg9;			\
	register unsigned long r11 asm("x11") = arg10;			\
	asm volatile(insn " #0"						\
		     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4),	\
		       "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8), "+r"(r9),	\
		       "+r"(r10), "+r"(r11)				\
		     : : "memory", "x12", "x13", "x14", "x15", "x16",	\
		       "x17");						\
	smccc_store(result, r0, r1, r2, r3, r4, r5, r6, r7, r8, r9);	\
	return (int)r0
#else
#define SMCCC_CALL(insn)						\
	register unsigned long r0 asm("r0") = function_id;		\
	register unsigned long r1 asm("r1") = arg0;			\
	register unsigned long r2 asm("r2") = arg1;			\
	register unsigned long r3 asm("r3") = arg2;			\
	register unsigned long r4 asm("r4") = arg3;			\
	register unsigned long r5 asm("r5") = arg4;			\
	register unsigned long r6 asm("r6") = arg5;			\
	register unsigned long r7 asm("r7") = arg6;			\
	register unsigned long r8 asm("r8") = arg7;			\
	register unsigned long r9 asm("r9") = arg8;			\
	register unsigned long r10 asm("r10") = arg9;			\
	unsigned long a10 = arg10;					\
	/* r11 is the frame pointer: pass arg10 around it. */		\
	asm volatile(".arch_extension virt\n\t"				\
		     ".arch_extension sec\n\t"				\
		     "push {r11}\n\t"					\
		     "mov r11, %[a10]\n\t"				\
		     insn " #0\n\t"					\
		     "pop {r11}"					\
		     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4),	\
		       "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8), "+r"(r9),	\
		       "+r"(r10)					\
		     : [a10] "r"(a10) : "memory");			\
	smccc_store(result, r0, r1, r2, r3, r4, r5, r6, r7, r8, r9);	\
	return (int)r0
#endif

static inline void smccc_store(struct smccc_result *res, unsigned long r0,
			       unsigned long r1, unsigned long r2,
			       unsigned long r3, unsigned long r4,
			       unsigned long r5, unsigned long r6,
			       unsigned long r7, unsigned long r8,
			       unsigned long r9)
{
	if (!res)
		return;
	*res = (struct smccc_result){ r0, r1, r2, r3, r4, r5, r6, r7, r8, r9 };
}

int arm_smccc_hvc(unsigned int function_id, unsigned long arg0,
		  unsigned long arg1, unsigned long arg2, unsigned long arg3,
		  unsigned long arg4, unsigned long arg5, unsigned long arg6,
		  unsigned long arg7, unsigned long arg8, unsigned long arg9,
		  unsigned long arg10, struct smccc_result *result)
{
	SMCCC_CALL("hvc");
}

int arm_smccc_smc(unsigned int function_id, unsigned long arg0,
		  unsigned long arg1, unsigned long arg2, unsigned long arg3,
		  unsigned long arg4, unsigned long arg5, unsigned long arg6,
		  unsigned long arg7, unsigned long arg8, unsigned long arg9,
		  unsigned long arg10, struct smccc_result *result)
{
	SMCCC_CALL("smc");
}

smccc_invoke_fn psci_invoke_fn = arm_smccc_hvc;

int psci_invoke(unsigned int function_id, unsigned long arg0,
		unsigned long arg1, unsigned long arg2)
{
	return psci_invoke_fn(function_id, arg0, arg1, arg2, 0, 0, 0, 0, 0,
			      0, 0, 0, NULL);
}

void psci_set_conduit(void)
{
	const void *fdt = dt_fdt();
	const char *method;
	int node;

	if (!fdt)
		return;
	node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci");
	if (node < 0)
		return;
	method = fdt_getprop(fdt, node, "method", NULL);
	if (method && !strcmp(method, "smc"))
		psci_invoke_fn = arm_smccc_smc;
	else
		psci_invoke_fn = arm_smccc_hvc;
}

int psci_cpu_on(unsigned long cpuid, unsigned long entry_point)
{
#ifdef __aarch64__
	return psci_invoke(PSCI_0_2_FN64_CPU_ON, cpuid, entry_point, 0);
#else
	return psci_invoke(PSCI_0_2_FN_CPU_ON, cpuid, entry_point, 0);
#endif
}

extern char secondary_entry[];

int cpu_psci_cpu_boot(unsigned int cpu)
{
	int ret = psci_cpu_on(cpus[cpu], virt_to_phys(secondary_entry));

	if (ret)
		printf("kut: PSCI CPU_ON of CPU %u (MPIDR %#lx) failed: %d\n",
		       cpu, (unsigned long)cpus[cpu], ret);
	return ret;
}

void cpu_psci_cpu_die(void)
{
	int ret = psci_invoke(PSCI_0_2_FN_CPU_OFF, 0, 0, 0);

	printf("kut: PSCI CPU_OFF failed: %d\n", ret);
}

void psci_system_reset(void)
{
	psci_invoke(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
}

void psci_system_off(void)
{
	psci_invoke(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}
