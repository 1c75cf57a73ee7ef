// SPDX-License-Identifier: MIT
/*
 * acpi.c - find_acpi_table_addr() and acpi_table_parse_madt()
 * (x86/acpi.h) against QEMU's tables, each checked here by its own
 * checksum and against the root table that lists it: the RSDP, the RSDT
 * or XSDT, the FADT (with its PM timer, which must tick), the FACS, and
 * the MADT, whose enabled CPUs must be the CPUs the test has.  On a
 * machine without ACPI (-machine acpi=off) the test skips.
 */
#include <libcflat.h>
#include <smp.h>
#include <asm/io.h>
#include <x86/acpi.h>
#include <x86/apic-defs.h>
#include <x86/delay.h>

#define PM_TIMER_MASK	0xffffff	/* 24 bits unless FADT flags say 32 */

static int nr_lapics, nr_x2apics, nr_ioapics;

static bool checksum_ok(const void *p, u32 len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

static bool table_ok(const struct acpi_table *t, u32 sig)
{
	return t && t->signature == sig && t->length >= sizeof(*t) &&
	       checksum_ok(t, t->length);
}

/* Whether the root table lists @t. */
static bool listed(const void *t)
{
	const struct acpi_table_xsdt *xsdt = find_acpi_table_addr(XSDT_SIGNATURE);
	const struct acpi_table_rsdt_rev1 *rsdt = find_acpi_table_addr(RSDT_SIGNATURE);
	u32 i, n;

	if (xsdt) {
		n = (xsdt->length - sizeof(struct acpi_table)) / 8;
		for (i = 0; i < n; i++)
			if (xsdt->table_offset_entry[i] == (ulong)t)
				return true;
	}
	if (rsdt) {
		n = (rsdt->length - sizeof(struct acpi_table)) / 4;
		for (i = 0; i < n; i++)
			if (rsdt->table_offset_entry[i] == (ulong)t)
				return true;
	}
	return false;
}

static void check_roots(struct acpi_table_rsdp *rsdp)
{
	struct acpi_table *rsdt = find_acpi_table_addr(RSDT_SIGNATURE);
	struct acpi_table *xsdt = find_acpi_table_addr(XSDT_SIGNATURE);

	report(rsdp->signature == RSDP_SIGNATURE_8BYTE &&
	       !memcmp(rsdp, "RSD PTR ", 8) && checksum_ok(rsdp, 20),
	       "RSDP: \"RSD PTR \", checksum of its 20 bytes");
	if (rsdp->revision >= 2)
		report(checksum_ok(rsdp, rsdp->length) && rsdp->length >= 36,
		       "RSDP revision %u: extended checksum", rsdp->revision);
	report(rsdt || xsdt, "a root table: RSDT %s, XSDT %s",
	       rsdt ? "found" : "none", xsdt ? "found" : "none");
	if (rsdt)
		report(table_ok(rsdt, RSDT_SIGNATURE) &&
		       (ulong)rsdt == rsdp->rsdt_physical_address,
		       "RSDT: where the RSDP says, checksum right");
	if (xsdt)
		report(table_ok(xsdt, XSDT_SIGNATURE) && rsdp->revision >= 2 &&
		       (ulong)xsdt == rsdp->xsdt_physical_address,
		       "XSDT: where the RSDP says, checksum right");
}

static void check_fadt(void)
{
	struct acpi_table_fadt *fadt = find_acpi_table_addr(FACP_SIGNATURE);
	struct acpi_table_facs_rev1 *facs;
	u32 t0, t1;

	report(table_ok((void *)fadt, FACP_SIGNATURE) && listed(fadt),
	       "FACP (FADT): found, checksum right, listed in the root");
	if (!fadt)
		return;
	facs = find_acpi_table_addr(FACS_SIGNATURE);
	if (fadt->firmware_ctrl)
		report(facs && (ulong)facs == fadt->firmware_ctrl &&
		       facs->signature == FACS_SIGNATURE && facs->length >= 64,
		       "FACS: where the FADT says, %u bytes",
		       facs ? facs->length : 0);
	else
		report(!facs || (ulong)facs == fadt->Xfacs,
		       "FACS: none, or at the FADT's 64-bit pointer");

	if (!fadt->pm_tmr_blk || fadt->pm_tmr_len != 4) {
		report_skip("PM timer: the FADT names none (hardware-reduced ACPI)");
		return;
	}
	t0 = inl(fadt->pm_tmr_blk) & PM_TIMER_MASK;
	delay(IPI_DELAY);
	t1 = inl(fadt->pm_tmr_blk) & PM_TIMER_MASK;
	report(t0 != t1, "PM timer at port %#x ticks: %#x then %#x",
	       fadt->pm_tmr_blk, t0, t1);
}

static int count_subtable(struct acpi_subtable_header *h)
{
	struct acpi_madt_local_apic *lapic = (void *)h;
	struct acpi_madt_local_x2apic *x2apic = (void *)h;

	switch (h->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		nr_lapics += !!(lapic->lapic_flags & ACPI_MADT_ENABLED);
		break;
	case ACPI_MADT_TYPE_LOCAL_X2APIC:
		nr_x2apics += !!(x2apic->lapic_flags & ACPI_MADT_ENABLED);
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		nr_ioapics++;
		break;
	}
	return 0;
}

static int stop_at_first(struct acpi_subtable_header *h)
{
	(void)h;
	return 1;
}

static void check_madt(void)
{
	struct acpi_table_madt *madt = find_acpi_table_addr(MADT_SIGNATURE);
	int n;

	report(table_ok((void *)madt, MADT_SIGNATURE) && listed(madt),
	       "APIC (MADT): found, checksum right, listed in the root");
	if (!madt)
		return;
	report(madt->address == APIC_DEFAULT_PHYS_BASE,
	       "MADT: local APIC at %#x", madt->address);
	n = acpi_table_parse_madt(ACPI_MADT_TYPE_LOCAL_APIC, count_subtable);
	acpi_table_parse_madt(ACPI_MADT_TYPE_LOCAL_X2APIC, count_subtable);
	acpi_table_parse_madt(ACPI_MADT_TYPE_IO_APIC, count_subtable);
	report(nr_lapics + nr_x2apics == cpu_count(),
	       "MADT: %d enabled CPUs (%d local APIC, %d x2APIC entries) "
	       "== cpu_count() %d", nr_lapics + nr_x2apics, n, nr_x2apics,
	       cpu_count());
	report(nr_ioapics >= 1, "MADT: %d I/O APIC", nr_ioapics);
	report(acpi_table_parse_madt(ACPI_MADT_TYPE_LOCAL_APIC, stop_at_first) == 1,
	       "acpi_table_parse_madt(): a non-zero return stops the walk");
}

int main(void)
{
	struct acpi_table_rsdp *rsdp = find_acpi_table_addr(RSDP_SIGNATURE);

	report_prefix_push("acpi");
	if (!rsdp) {
		report_skip("no ACPI tables on this machine");
		return report_summary();
	}
	check_roots(rsdp);
	check_fadt();
	check_madt();
	report(!find_acpi_table_addr(ACPI_SIGNATURE('N', 'O', 'N', 'E')),
	       "an unknown signature: NULL");
	return report_summary();
}
