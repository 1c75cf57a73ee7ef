// SPDX-License-Identifier: MIT
/*
 * elf.c - the bounds-checked, endian- and class-neutral ELF reader used by
 * image detection and symbolization.
 *
 * Offsets below are the ELF specification's field offsets for the 32- and
 * 64-bit layouts; every read goes through rd() so the byte order of the
 * file, not of the host, decides.
 */
#include <stdio.h>
#include <string.h>

#include "elf.h"

#define EI_CLASS	4
#define EI_DATA		5
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2

static uint64_t rd(const struct elf *elf, uint64_t off, unsigned int len)
{
	const unsigned char *p = elf->data + off;
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < len; i++) {
		unsigned int shift = elf->big_endian ? (len - 1 - i) * 8 : i * 8;

		v |= (uint64_t)p[i] << shift;
	}
	return v;
}

/* A field whose width is 4 bytes in ELF32 and 8 in ELF64. */
static uint64_t rd_word(const struct elf *elf, uint64_t off32, uint64_t off64)
{
	return elf->is64 ? rd(elf, off64, 8) : rd(elf, off32, 4);
}

bool elf_in_file(const struct elf *elf, uint64_t off, uint64_t len)
{
	return off <= elf->size && len <= elf->size - off;
}

static int fail(char *err, size_t errsize, const char *msg)
{
	snprintf(err, errsize, "%s", msg);
	return -1;
}

static bool table_in_file(const struct elf *elf, uint64_t off,
			  uint64_t num, uint64_t entsize)
{
	/* num < 2^16 and entsize < 2^16, so the product cannot overflow. */
	return elf_in_file(elf, off, num * entsize);
}

static int check_contents(const struct elf *elf, char *err, size_t errsize)
{
	struct elf_segment seg;
	struct elf_section sec;
	unsigned int i;

	for (i = 0; i < elf->phnum; i++) {
		elf_segment(elf, i, &seg);
		if (!elf_in_file(elf, seg.offset, seg.filesz))
			return fail(err, errsize,
				    "corrupt ELF: a segment lies past the end of the file");
	}
	for (i = 0; i < elf->shnum; i++) {
		elf_section(elf, i, &sec);
		if (sec.type != ELF_SHT_NOBITS &&
		    !elf_in_file(elf, sec.offset, sec.size))
			return fail(err, errsize,
				    "corrupt ELF: a section lies past the end of the file");
	}
	return 0;
}

int elf_parse(struct elf *elf, const void *data, size_t size,
	      char *err, size_t errsize)
{
	const unsigned char *id = data;
	size_t ehsize;

	memset(elf, 0, sizeof(*elf));
	if (size < 4 || memcmp(id, "\177ELF", 4))
		return 1;
	if (size < 6)
		return fail(err, errsize, "truncated ELF header");
	if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64)
		return fail(err, errsize, "corrupt ELF: unknown class");
	if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)
		return fail(err, errsize, "corrupt ELF: unknown byte order");
	elf->data = data;
	elf->size = size;
	elf->is64 = id[EI_CLASS] == ELFCLASS64;
	elf->big_endian = id[EI_DATA] == ELFDATA2MSB;
	ehsize = elf->is64 ? 64 : 52;
	if (size < ehsize)
		return fail(err, errsize, "truncated ELF header");
	elf->type = (uint16_t)rd(elf, 16, 2);
	elf->machine = (uint16_t)rd(elf, 18, 2);
	elf->phoff = rd_word(elf, 28, 32);
	elf->shoff = rd_word(elf, 32, 40);
	elf->phentsize = (uint16_t)rd(elf, elf->is64 ? 54 : 42, 2);
	elf->phnum = (uint16_t)rd(elf, elf->is64 ? 56 : 44, 2);
	elf->shentsize = (uint16_t)rd(elf, elf->is64 ? 58 : 46, 2);
	elf->shnum = (uint16_t)rd(elf, elf->is64 ? 60 : 48, 2);
	if (!elf->phoff)
		elf->phnum = 0;
	if (!elf->shoff)
		elf->shnum = 0;
	if (elf->phnum && elf->phentsize < (elf->is64 ? 56 : 32))
		return fail(err, errsize, "corrupt ELF: bad program header size");
	if (elf->shnum && elf->shentsize < (elf->is64 ? 64 : 40))
		return fail(err, errsize, "corrupt ELF: bad section header size");
	if (!table_in_file(elf, elf->phoff, elf->phnum, elf->phentsize))
		return fail(err, errsize,
			    "corrupt ELF: program headers lie past the end of the file");
	if (!table_in_file(elf, elf->shoff, elf->shnum, elf->shentsize))
		return fail(err, errsize,
			    "corrupt ELF: section headers lie past the end of the file");
	return check_contents(elf, err, errsize);
}

void elf_segment(const struct elf *elf, unsigned int i, struct elf_segment *seg)
{
	uint64_t p = elf->phoff + (uint64_t)i * elf->phentsize;

	seg->type = (uint32_t)rd(elf, p, 4);
	if (elf->is64) {
		seg->offset = rd(elf, p + 8, 8);
		seg->paddr = rd(elf, p + 24, 8);
		seg->filesz = rd(elf, p + 32, 8);
		seg->align = rd(elf, p + 48, 8);
	} else {
		seg->offset = rd(elf, p + 4, 4);
		seg->paddr = rd(elf, p + 12, 4);
		seg->filesz = rd(elf, p + 16, 4);
		seg->align = rd(elf, p + 28, 4);
	}
}

void elf_section(const struct elf *elf, unsigned int i, struct elf_section *sec)
{
	uint64_t p = elf->shoff + (uint64_t)i * elf->shentsize;

	sec->type = (uint32_t)rd(elf, p + 4, 4);
	sec->flags = rd_word(elf, p + 8, p + 8);
	sec->offset = rd_word(elf, p + 16, p + 24);
	sec->size = rd_word(elf, p + 20, p + 32);
	sec->link = (uint32_t)rd(elf, elf->is64 ? p + 40 : p + 24, 4);
	sec->entsize = rd_word(elf, p + 36, p + 56);
}

static uint64_t align_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) & ~(align - 1);
}

int elf_note_next(const struct elf *elf, uint64_t *pos, uint64_t end,
		  uint64_t align, struct elf_note *note)
{
	uint64_t p = *pos, name_off, desc_off;

	if (p >= end)
		return 0;
	if (end - p < 12)
		return -1;
	note->namesz = (uint32_t)rd(elf, p, 4);
	note->descsz = (uint32_t)rd(elf, p + 4, 4);
	note->type = (uint32_t)rd(elf, p + 8, 4);
	name_off = p + 12;
	desc_off = align_up(name_off + note->namesz, align);
	if (desc_off > end || note->descsz > end - desc_off)
		return -1;
	note->name = (const char *)elf->data + name_off;
	note->desc = elf->data + desc_off;
	*pos = align_up(desc_off + note->descsz, align);
	return 1;
}

size_t elf_sym_size(const struct elf *elf)
{
	return elf->is64 ? 24 : 16;
}

void elf_symbol(const struct elf *elf, uint64_t off, struct elf_sym *sym)
{
	unsigned char info;

	sym->name = (uint32_t)rd(elf, off, 4);
	if (elf->is64) {
		info = elf->data[off + 4];
		sym->shndx = (uint16_t)rd(elf, off + 6, 2);
		sym->value = rd(elf, off + 8, 8);
		sym->size = rd(elf, off + 16, 8);
	} else {
		sym->value = rd(elf, off + 4, 4);
		sym->size = rd(elf, off + 8, 4);
		info = elf->data[off + 12];
		sym->shndx = (uint16_t)rd(elf, off + 14, 2);
	}
	sym->type = info & 0xf;
}
