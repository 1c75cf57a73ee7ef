// SPDX-License-Identifier: MIT
/*
 * microvm.c - whether an x86 image kut did not build (upstream's) boots
 * on QEMU's microvm machine as it would on pc (microvm.h).
 *
 * microvm has no PCI bus, no ACPI tables a guest could walk for its
 * devices (no FADT, no PM timer), no HPET, no vmport, and its firmware
 * (qboot) keeps its data below 1 MiB; pc with SeaBIOS has all of them.
 * Under TCG it starts a guest in half the CPU time.  An image fits when
 * nothing in it may need what microvm lacks: it loads at or above 1 MiB
 * (upstream's realmode test loads below, and needs the BIOS there), and
 * none of its functions is a PCI or ACPI helper (upstream's library names
 * them pci_* and *acpi*, as pci_find_dev(), find_acpi_table_addr()) or
 * talks to an HPET.  An image without a symbol table cannot say, so it
 * does not fit.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "elf.h"
#include "microvm.h"
#include "symbolize.h"
#include "util.h"

#define LOW_MEMORY_END	0x100000ULL

static bool has_word(const char *name, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = name; *p; p++)
		if (!strncasecmp(p, word, n))
			return true;
	return false;
}

/* A function that may need PCI, ACPI tables or the HPET. */
static bool needs_pc(const char *name)
{
	return !strncmp(name, "pci_", 4) || has_word(name, "acpi") ||
	       has_word(name, "hpet");
}

bool microvm_fits_image(const char *path, char *why, size_t whysize)
{
	struct elf_segment seg;
	struct file_map map;
	struct symtab *tab;
	const char *name;
	struct elf elf;
	char err[256];
	unsigned int i;

	if (map_file(path, &map, err, sizeof(err)) < 0) {
		snprintf(why, whysize, "%s", err);
		return false;
	}
	if (elf_parse(&elf, map.data, map.size, err, sizeof(err))) {
		unmap_file(&map);
		snprintf(why, whysize, "not an ELF file");
		return false;
	}
	for (i = 0; i < elf.phnum; i++) {
		elf_segment(&elf, i, &seg);
		if (seg.type == ELF_PT_LOAD && seg.paddr < LOW_MEMORY_END) {
			unmap_file(&map);
			snprintf(why, whysize, "it loads below 1 MiB");
			return false;
		}
	}
	tab = symtab_load_mem(map.data, map.size, err, sizeof(err));
	unmap_file(&map);
	if (!tab) {
		snprintf(why, whysize, "%s", err);
		return false;
	}
	name = symtab_find(tab, needs_pc);
	if (name)
		snprintf(why, whysize, "it has %s()", name);
	symtab_free(tab);
	return !name;
}
