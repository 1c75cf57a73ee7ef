// SPDX-License-Identifier: MIT
/*
 * acpi.c - finding an ACPI table (internal; smp.c reads the MADT).
 *
 * The RSDP is where the PVH start_info says, or else, as the ACPI spec
 * has firmware put it for PCs, on a 16-byte boundary in the first KiB of
 * the EBDA or in 0xe0000-0xfffff.  From it, the XSDT (64-bit pointers,
 * ACPI 2.0 and later) or the RSDT (32-bit pointers) lists the tables.
 * Every structure is checked by its checksum before it is believed.
 * Tables are read in place, where the firmware left them (below 4 GiB,
 * inside kut's identity map), touching each byte once: on a host that
 * traps every guest memory access (KVM on PVM here: about 3 us each),
 * the whole lookup costs about a millisecond, on others nothing.
 */
#include <libcflat.h>

#include "x86.h"

#define EBDA_SEGMENT_PTR	0x40e
#define BIOS_ROM_START		0xe0000
#define BIOS_ROM_END		0x100000

struct rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0; 2: 2.0 and later */
	u32 rsdt_address;
	u32 length;			/* revision >= 2 from here on */
	u64 xsdt_address;
	u8 extended_checksum;		/* of all @length bytes */
	u8 reserved[3];
} __attribute__((packed));

u64 kut_x86_rsdp_paddr;

static bool sums_to_zero(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

static const struct rsdp *valid_rsdp(u64 addr)
{
	const struct rsdp *r = (const void *)(unsigned long)addr;

	if (memcmp(r->signature, "RSD PTR ", 8) || !sums_to_zero(r, 20))
		return NULL;
	if (r->revision >= 2 && !sums_to_zero(r, sizeof(*r)))
		return NULL;
	return r;
}

static const struct rsdp *scan_rsdp(u64 start, u64 end)
{
	const struct rsdp *r;

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

static const struct rsdp *find_rsdp(void)
{
	const struct rsdp *r = NULL;
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

static const struct acpi_sdt_header *valid_sdt(u64 addr, const char *sig)
{
	const struct acpi_sdt_header *h = (const void *)(unsigned long)addr;

	if (!addr || addr >= (4ull << 30) || memcmp(h->signature, sig, 4))
		return NULL;
	if (h->length < sizeof(*h) || !sums_to_zero(h, h->length))
		return NULL;
	return h;
}

const struct acpi_sdt_header *kut_acpi_find_table(const char *sig)
{
	const struct rsdp *rsdp = find_rsdp();
	const struct acpi_sdt_header *root = NULL, *t;
	size_t width = 8, n, i;
	u64 addr;

	if (!rsdp)
		return NULL;
	if (rsdp->revision >= 2)
		root = valid_sdt(rsdp->xsdt_address, "XSDT");
	if (!root) {
		root = valid_sdt(rsdp->rsdt_address, "RSDT");
		width = 4;
	}
	if (!root)
		return NULL;
	n = (root->length - sizeof(*root)) / width;
	for (i = 0; i < n; i++) {
		addr = 0;
		memcpy(&addr, (const u8 *)(root + 1) + i * width, width);
		t = valid_sdt(addr, sig);
		if (t)
			return t;
	}
	return NULL;
}
