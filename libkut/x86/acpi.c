// SPDX-License-Identifier: MIT
/*
 * acpi.c - finding ACPI tables (x86/acpi.h), for tests and for smp.c,
 * which learns the CPUs from the MADT.
 *
 * Nothing is cached: a test may change a table (s3 writes the FACS) and
 * look it up again.  Each lookup reads the RSDP, the root table and the
 * candidate tables once each, in place, where the firmware left them
 * (below 4 GiB, inside kut's identity map): on a host that traps guest
 * memory accesses (KVM on PVM here: about 3 us each) the whole lookup
 * costs about a millisecond, on others nothing.
 */
#include <libcflat.h>
#include <x86/acpi.h>

#include "x86.h"

#define EBDA_SEGMENT_PTR	0x40e
#define BIOS_ROM_START		0xe0000
#define BIOS_ROM_END		0x100000
#define RSDP_V1_LENGTH		20
#define FACS_MIN_LENGTH		64
#define MAPPED_LIMIT		(4ull << 30)

/* The layouts are the specification's: check the offsets it gives. */
_Static_assert(sizeof(struct acpi_table_rsdp) == 36, "RSDP");
_Static_assert(sizeof(struct acpi_table) == 36, "table header");
_Static_assert(__builtin_offsetof(struct acpi_table_fadt, pm_tmr_blk) == 76,
	       "FADT PM timer");
_Static_assert(__builtin_offsetof(struct acpi_table_fadt, boot_flags) == 109,
	       "FADT ACPI 2.0 part");
_Static_assert(__builtin_offsetof(struct acpi_table_fadt, Xfacs) == 132,
	       "FADT X_FIRMWARE_CTRL");
_Static_assert(sizeof(struct acpi_table_fadt) == 276, "FADT, ACPI 6");
_Static_assert(sizeof(struct acpi_table_facs_rev1) == 64, "FACS");
_Static_assert(sizeof(struct acpi_table_madt) == 44, "MADT");
_Static_assert(sizeof(struct acpi_madt_local_x2apic) == 16, "x2APIC entry");

u64 kut_x86_rsdp_paddr;

static bool sums_to_zero(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

static void *mapped(u64 addr, u64 len)
{
	if (!addr || addr >= MAPPED_LIMIT || len > MAPPED_LIMIT - addr)
		return NULL;
	return (void *)(unsigned long)addr;
}

static struct acpi_table_rsdp *valid_rsdp(u64 addr)
{
	struct acpi_table_rsdp *r = mapped(addr, sizeof(*r));

	if (!r || r->signature != RSDP_SIGNATURE_8BYTE ||
	    !sums_to_zero(r, RSDP_V1_LENGTH))
		return NULL;
	if (r->revision >= 2 && !sums_to_zero(r, sizeof(*r)))
		return NULL;
	return r;
}

static struct acpi_table_rsdp *scan_rsdp(u64 start, u64 end)
{
	struct acpi_table_rsdp *r;

	for (start = ALIGN(start, 16); start + sizeof(*r) <= end; start += 16) {
		r = valid_rsdp(start);
		if (r)
			return r;
	}
	return NULL;
}

/*
 * The EBDA's segment, from the BIOS data area.  The address goes through
 * an asm so that the compiler does not take it for a null pointer plus
 * an offset.
 */
static u64 ebda_address(void)
{
	const u16 *p;

	asm("" : "=r"(p) : "0"(EBDA_SEGMENT_PTR));
	return (u64)*p << 4;
}

static struct acpi_table_rsdp *find_rsdp(void)
{
	struct acpi_table_rsdp *r = NULL;
	u64 ebda;

	if (kut_x86_rsdp_paddr)
		r = valid_rsdp(kut_x86_rsdp_paddr);
	if (r)
		return r;
	ebda = ebda_address();
	if (ebda >= 0x400 && ebda < BIOS_ROM_START)
		r = scan_rsdp(ebda, ebda + 1024);
	return r ? r : scan_rsdp(BIOS_ROM_START, BIOS_ROM_END);
}

/* The table at @addr if it has signature @sig and a right checksum. */
static struct acpi_table *valid_table(u64 addr, u32 sig)
{
	struct acpi_table *t = mapped(addr, sizeof(*t));

	if (!t || t->signature != sig || t->length < sizeof(*t) ||
	    !mapped(addr, t->length) || !sums_to_zero(t, t->length))
		return NULL;
	return t;
}

static struct acpi_table *root_table(struct acpi_table_rsdp *rsdp, u32 sig)
{
	if (sig == XSDT_SIGNATURE)
		return rsdp->revision >= 2 ?
		       valid_table(rsdp->xsdt_physical_address, sig) : NULL;
	return valid_table(rsdp->rsdt_physical_address, sig);
}

/* The first table the XSDT, or failing it the RSDT, lists as @sig. */
static struct acpi_table *listed_table(struct acpi_table_rsdp *rsdp, u32 sig)
{
	struct acpi_table *root = root_table(rsdp, XSDT_SIGNATURE), *t;
	size_t width = 8, n, i;
	u64 addr;

	if (!root) {
		root = root_table(rsdp, RSDT_SIGNATURE);
		width = 4;
	}
	if (!root)
		return NULL;
	n = (root->length - sizeof(*root)) / width;
	for (i = 0; i < n; i++) {
		addr = 0;
		memcpy(&addr, root->data + i * width, width);
		t = valid_table(addr, sig);
		if (t)
			return t;
	}
	return NULL;
}

/* Through the FADT: its 64-bit pointer when the 32-bit one is 0. */
static struct acpi_table_facs_rev1 *find_facs(void)
{
	struct acpi_table_fadt *fadt = find_acpi_table_addr(FACP_SIGNATURE);
	struct acpi_table_facs_rev1 *facs;
	u64 addr;

	if (!fadt)
		return NULL;
	addr = fadt->firmware_ctrl;
	if (!addr && fadt->length >= __builtin_offsetof(struct acpi_table_fadt,
							  Xdsdt))
		addr = fadt->Xfacs;
	facs = mapped(addr, FACS_MIN_LENGTH);
	if (!facs || facs->signature != FACS_SIGNATURE ||
	    facs->length < FACS_MIN_LENGTH)
		return NULL;
	return facs;
}

void *find_acpi_table_addr(u32 sig)
{
	struct acpi_table_rsdp *rsdp;

	if (sig == FACS_SIGNATURE)
		return find_facs();
	rsdp = find_rsdp();
	if (!rsdp || sig == RSDP_SIGNATURE)
		return rsdp;
	if (sig == XSDT_SIGNATURE || sig == RSDT_SIGNATURE)
		return root_table(rsdp, sig);
	return listed_table(rsdp, sig);
}

int kut_acpi_walk_madt(int type, acpi_table_handler handler)
{
	struct acpi_table_madt *madt = find_acpi_table_addr(MADT_SIGNATURE);
	u8 *p, *end;
	int n = 0;

	if (!madt)
		return -1;
	p = (u8 *)(madt + 1);
	end = (u8 *)madt + madt->length;
	while (p + sizeof(struct acpi_subtable_header) <= end) {
		struct acpi_subtable_header *h = (void *)p;

		/* A zero or overlong length would loop or overrun. */
		if (h->length < sizeof(*h) || h->length > end - p)
			break;
		p += h->length;
		if (type >= 0 && h->type != type)
			continue;
		n++;
		if (handler(h))
			break;
	}
	return n;
}

int acpi_table_parse_madt(enum acpi_madt_type mtype, acpi_table_handler handler)
{
	return kut_acpi_walk_madt(mtype, handler);
}
