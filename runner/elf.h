/* SPDX-License-Identifier: MIT */
/*
 * elf.h - a bounds-checked reader for ELF files held in memory.
 *
 * kut-run reads ELF files of every arch on any host: 32- and 64-bit, little
 * and big endian, so it cannot use the host's <elf.h> structs directly.
 * Image detection (program headers, notes) and symbolization (section
 * headers, .symtab) share this one reader.  elf_parse() checks that every
 * header table, segment and section lies inside the file, so callers only
 * ever index memory that exists; hostile files end in a clean error.
 */
#ifndef KUT_RUNNER_ELF_H
#define KUT_RUNNER_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The few ELF constants kut-run needs, independent of the host's headers. */
#define ELF_ET_REL		1
#define ELF_ET_EXEC		2
#define ELF_ET_DYN		3
#define ELF_PT_LOAD		1
#define ELF_PT_NOTE		4
#define ELF_SHT_SYMTAB		2
#define ELF_SHT_NOTE		7
#define ELF_SHT_NOBITS		8
#define ELF_SHF_EXECINSTR	0x4
#define ELF_STT_NOTYPE		0
#define ELF_STT_FUNC		2

#define ELF_EM_386		3
#define ELF_EM_PPC64		21
#define ELF_EM_S390		22
#define ELF_EM_ARM		40
#define ELF_EM_X86_64		62
#define ELF_EM_AARCH64		183
#define ELF_EM_RISCV		243

struct elf {
	const unsigned char *data;
	size_t size;
	bool is64;
	bool big_endian;
	uint16_t type;		/* ELF_ET_* */
	uint16_t machine;
	uint64_t phoff, shoff;
	uint16_t phnum, phentsize;
	uint16_t shnum, shentsize;
};

struct elf_segment {
	uint32_t type;
	uint64_t offset, filesz, align;
	uint64_t paddr;
};

struct elf_section {
	uint32_t type;
	uint64_t flags, offset, size, entsize;
	uint32_t link;
};

struct elf_note {
	const char *name;	/* namesz bytes, normally NUL-terminated */
	uint32_t namesz;
	uint32_t type;
	const unsigned char *desc;
	uint32_t descsz;
};

struct elf_sym {
	uint32_t name;
	unsigned char type;	/* ELF_STT_* */
	uint16_t shndx;
	uint64_t value, size;
};

/*
 * Returns 1 if @data is not an ELF file at all, 0 if it is one whose
 * tables all lie within @size bytes, -1 with the problem in @err otherwise.
 */
int elf_parse(struct elf *elf, const void *data, size_t size,
	      char *err, size_t errsize);

/* Header @i (below phnum/shnum) of a parsed file. */
void elf_segment(const struct elf *elf, unsigned int i,
		 struct elf_segment *seg);
void elf_section(const struct elf *elf, unsigned int i,
		 struct elf_section *sec);

/*
 * Walk the notes in [*pos, end) of the file, @align being 4 or 8 (the
 * note table's alignment).  Returns 1 and advances *pos past a note, 0 at
 * the end, -1 if a note runs past @end.
 */
int elf_note_next(const struct elf *elf, uint64_t *pos, uint64_t end,
		  uint64_t align, struct elf_note *note);

/* Size of one symbol-table entry of this file's class. */
size_t elf_sym_size(const struct elf *elf);
/* Decode the symbol at file offset @off (caller checked the bounds). */
void elf_symbol(const struct elf *elf, uint64_t off, struct elf_sym *sym);

/* Whether [off, off + len) lies inside the file. */
bool elf_in_file(const struct elf *elf, uint64_t off, uint64_t len);

#endif /* KUT_RUNNER_ELF_H */
