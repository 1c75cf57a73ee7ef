// SPDX-License-Identifier: MIT
/*
 * x86-firmware-user.c - "usermode.h", "acpi.h" and "delay.h" as upstream's
 * x86 tests use them, included bare as they are there: run_in_user() the
 * way cet.c and emulator64.c call it (a function at CPL 3, a #GP it
 * raises caught through raised_vector and exception_vector()), the FADT
 * and FACS the way s3.c and vmexit.c find them (under upstream's older
 * and newer structure names), and io_delay() and delay() between two
 * reads of the PM timer.
 */
#include "libcflat.h"
#include "processor.h"
#include "desc.h"
#include "vm.h"
#include "usermode.h"
#include "acpi.h"
#include "delay.h"

static uint64_t usr_cpl(void)
{
	return read_cs() & 3;
}

static uint64_t usr_cli(void)
{
	asm volatile("cli");
	return 42;
}

int main(int ac, char **av)
{
	struct fadt_descriptor_rev1 *fadt = find_acpi_table_addr(FACP_SIGNATURE);
	struct acpi_table_fadt *fadt_new = find_acpi_table_addr(FACP_SIGNATURE);
	struct acpi_table_facs_rev1 *facs = find_acpi_table_addr(FACS_SIGNATURE);
	struct rsdp_descriptor *rsdp = find_acpi_table_addr(RSDP_SIGNATURE);
	bool raised_vector;
	uint64_t val;
	u32 pm0, pm1;

	(void)ac;
	(void)av;
	setup_vm();

	val = run_in_user(usr_cpl, GP_VECTOR, 0, 0, 0, 0, &raised_vector);
	report(val == 3 && !raised_vector, "run_in_user: CPL 3");
	val = run_in_user(usr_cli, GP_VECTOR, 0, 0, 0, 0, &raised_vector);
	report(val == 0 && raised_vector && exception_vector() == GP_VECTOR,
	       "run_in_user: cli raised #GP");

	report(rsdp && rsdp->signature == RSDP_SIGNATURE_8BYTE, "RSDP found");
	report(fadt && fadt == (void *)fadt_new && facs &&
	       facs->signature == FACS_SIGNATURE, "FADT and FACS found");
	if (!fadt)
		return report_summary();
	printf("PM timer port is %x\n", fadt->pm_tmr_blk);
	pm0 = inl(fadt->pm_tmr_blk);
	io_delay();
	delay(IPI_DELAY);
	pm1 = inl(fadt->pm_tmr_blk);
	report(pm0 != pm1, "the PM timer moved across io_delay()");
	return report_summary();
}
