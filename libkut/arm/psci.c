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

#ifdef __aarch64__
#define PSCI_CALL(insn)							\
	register unsigned long x0 asm("x0") = function_id;		\
	register unsigned long x1 asm("x1") = arg0;			\
	register unsigned long x2 asm("x2") = arg1;			\
	register unsigned long x3 asm("x3") = arg2;			\
	asm volatile(insn " #0"						\
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)		\
		     : : "memory", "x4", "x5", "x6", "x7", "x8", "x9",	\
		       "x10", "x11", "x12", "x13", "x14", "x15", "x16",	\
		       "x17");						\
	return (int)x0
#else
#define PSCI_CALL(insn)							\
	register unsigned long r0 asm("r0") = function_id;		\
	register unsigned long r1 asm("r1") = arg0;			\
	register unsigned long r2 asm("r2") = arg1;			\
	register unsigned long r3 asm("r3") = arg2;			\
	asm volatile(".arch_extension virt\n\t"				\
		     ".arch_extension sec\n\t"				\
		     insn " #0"						\
		     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)		\
		     : : "memory");					\
	return (int)r0
#endif

int psci_invoke_hvc(unsigned int function_id, unsigned long arg0,
		    unsigned long arg1, unsigned long arg2)
{
	PSCI_CALL("hvc");
}

int psci_invoke_smc(unsigned int function_id, unsigned long arg0,
		    unsigned long arg1, unsigned long arg2)
{
	PSCI_CALL("smc");
}

psci_invoke_fn psci_invoke = psci_invoke_hvc;

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
		psci_invoke = psci_invoke_smc;
	else
		psci_invoke = psci_invoke_hvc;
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
