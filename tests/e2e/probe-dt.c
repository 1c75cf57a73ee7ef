// SPDX-License-Identifier: MIT
/*
 * probe-dt.c - an out-of-tree arm/arm64 test that needs what the SDK
 * installs beside libkut: devicetree.h, Debian's libfdt (headers and
 * libfdt.a) and the arch's asm/ headers.  Run with -smp 2 -append probe.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <libfdt/libfdt.h>
#include <asm/setup.h>
#include <asm/psci.h>

int main(int argc, char **argv)
{
	const char *bootargs = NULL;
	struct dt_pbus_reg uart;

	report(dt_available(), "a valid device tree");
	report(dt_get_bootargs(&bootargs) == 0 && argc == 2 &&
	       !strcmp(bootargs, argv[1]), "bootargs '%s' are argv[1]",
	       bootargs ? bootargs : "");
	report(dt_pbus_get_base_compatible("arm,pl011", &uart) == 0 &&
	       uart.addr == 0x09000000, "libfdt finds the PL011 at %#llx",
	       (unsigned long long)uart.addr);
	report(nr_cpus == 2, "two CPUs in the device tree");
	report(psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0) > 0, "PSCI answers");
	return report_summary();
}
