// SPDX-License-Identifier: MIT
/*
 * probe-dt.c - an out-of-tree test for the device-tree arches (arm,
 * arm64, riscv64, ppc64le, ppc64) that needs what the SDK installs beside
 * libkut: devicetree.h, libfdt (headers and libfdt.a: Debian's, or on
 * riscv64 and ppc64 built from source) and the arch's asm/ headers.  Run
 * with -smp 2 -append probe.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <libfdt/libfdt.h>
#include <asm/setup.h>
#if defined(__powerpc64__)
#include <asm/rtas.h>
#include <asm/smp.h>
/* pseries' console: the hypervisor's terminal, at a "reg" of its own. */
#define UART		"hvterm1"
#define UART_NAME	"hvterm1 vty"
#define UART_BASE	0x71000000
#elif defined(__riscv)
#include <asm/sbi.h>
#define UART		"ns16550a"
#define UART_NAME	"ns16550a"
#define UART_BASE	0x10000000
#else
#include <asm/psci.h>
#define UART		"arm,pl011"
#define UART_NAME	"PL011"
#define UART_BASE	0x09000000
#endif

int main(int argc, char **argv)
{
	const char *bootargs = NULL;
	struct dt_pbus_reg uart;

	report(dt_available(), "a valid device tree");
	report(dt_get_bootargs(&bootargs) == 0 && argc == 2 &&
	       !strcmp(bootargs, argv[1]), "bootargs '%s' are argv[1]",
	       bootargs ? bootargs : "");
#ifdef __powerpc64__
	{
		int node = fdt_node_offset_by_compatible(dt_fdt(), -1, UART);
		const fdt32_t *reg = node < 0 ? NULL :
			fdt_getprop(dt_fdt(), node, "reg", NULL);

		uart.addr = reg ? fdt32_to_cpu(*reg) : 0;
		report(reg && uart.addr == UART_BASE, "libfdt finds the " UART_NAME
		       " at %#llx", (unsigned long long)uart.addr);
	}
#else
	report(dt_pbus_get_base_compatible(UART, &uart) == 0 &&
	       uart.addr == UART_BASE, "libfdt finds the " UART_NAME " at %#llx",
	       (unsigned long long)uart.addr);
#endif
	report(nr_cpus == 2, "two CPUs in the device tree");
#if defined(__powerpc64__)
	{
		uint32_t token;

		report(rtas_token("get-time-of-day", &token) == 0, "RTAS answers");
	}
#elif defined(__riscv)
	report(sbi_probe(SBI_EXT_HSM) != 0, "SBI answers");
#else
	report(psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0) > 0, "PSCI answers");
#endif
	return report_summary();
}
