// SPDX-License-Identifier: MIT
/*
 * symbolize.c - a sorted table of function symbols read from an ELF
 * .symtab, and the annotation of guest backtrace lines with it.
 *
 * Assembly entry points often lack a type and a size, so untyped symbols
 * in executable sections count too, ranked below real functions at the
 * same address; ARM mapping symbols ("$a", "$x") and local labels (".L")
 * are not names anyone wants to read.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kut_abi.h"
#include "elf.h"
#include "symbolize.h"
#include "util.h"

/* Special section indexes start here (SHN_LORESERVE). */
#define SHN_LORESERVE	0xff00

struct sym {
	uint64_t addr, size;
	int rank;		/* higher wins among symbols at one address */
	char *name;
};

struct symtab {
	struct sym *syms;
	size_t n, cap;
	bool sorted;
};

struct symtab *symtab_new(void)
{
	struct symtab *tab = xmalloc(sizeof(*tab));

	memset(tab, 0, sizeof(*tab));
	return tab;
}

static void add_ranked(struct symtab *tab, const char *name, size_t len,
		       uint64_t addr, uint64_t size, int rank)
{
	struct sym *s;

	if (tab->n == tab->cap) {
		tab->cap = tab->cap ? tab->cap * 2 : 64;
		tab->syms = xrealloc(tab->syms, tab->cap * sizeof(*tab->syms));
	}
	s = &tab->syms[tab->n++];
	s->addr = addr;
	s->size = size;
	s->rank = rank;
	s->name = xmalloc(len + 1);
	memcpy(s->name, name, len);
	s->name[len] = '\0';
	tab->sorted = false;
}

void symtab_add(struct symtab *tab, const char *name, uint64_t addr,
		uint64_t size)
{
	add_ranked(tab, name, strlen(name), addr, size, 1);
}

void symtab_free(struct symtab *tab)
{
	size_t i;

	if (!tab)
		return;
	for (i = 0; i < tab->n; i++)
		free(tab->syms[i].name);
	free(tab->syms);
	free(tab);
}

static int fail(char *err, size_t errsize, const char *msg)
{
	snprintf(err, errsize, "%s", msg);
	return -1;
}

/* Whether section @shndx holds code. */
static bool in_code(const struct elf *elf, uint16_t shndx)
{
	struct elf_section sec;

	if (shndx == 0 || shndx >= elf->shnum)
		return false;
	elf_section(elf, shndx, &sec);
	return sec.flags & ELF_SHF_EXECINSTR;
}

static void add_elf_symbol(struct symtab *tab, const struct elf *elf,
			   const struct elf_sym *sym, const char *name,
			   size_t len)
{
	uint64_t addr = sym->value;
	int rank;

	if (!len || sym->shndx == 0 || sym->shndx >= SHN_LORESERVE)
		return;
	if (sym->type == ELF_STT_FUNC)
		rank = 1;
	else if (sym->type == ELF_STT_NOTYPE && in_code(elf, sym->shndx) &&
		 name[0] != '$' && strncmp(name, ".L", 2))
		rank = 0;
	else
		return;
	/* Thumb functions have bit 0 set in their value. */
	if (elf->machine == ELF_EM_ARM)
		addr &= ~(uint64_t)1;
	add_ranked(tab, name, len, addr, sym->size, rank);
}

static int load_symbols(struct symtab *tab, const struct elf *elf,
			const struct elf_section *symsec, char *err,
			size_t errsize)
{
	struct elf_section strsec;
	size_t entsize = elf_sym_size(elf);
	struct elf_sym sym;
	uint64_t off;

	if (symsec->link >= elf->shnum)
		return fail(err, errsize, "corrupt ELF: bad .symtab string table");
	elf_section(elf, symsec->link, &strsec);
	if (strsec.type == ELF_SHT_NOBITS)
		return fail(err, errsize, "corrupt ELF: bad .symtab string table");
	if (symsec->entsize && symsec->entsize < entsize)
		return fail(err, errsize, "corrupt ELF: bad .symtab entry size");
	if (symsec->entsize)
		entsize = symsec->entsize;
	for (off = 0; off + entsize <= symsec->size; off += entsize) {
		const char *name;

		elf_symbol(elf, symsec->offset + off, &sym);
		if (sym.name >= strsec.size)
			continue;
		name = (const char *)elf->data + strsec.offset + sym.name;
		add_elf_symbol(tab, elf, &sym, name,
			       strnlen(name, strsec.size - sym.name));
	}
	return 0;
}

struct symtab *symtab_load_mem(const void *data, size_t size,
			       char *err, size_t errsize)
{
	struct elf_section sec;
	struct symtab *tab;
	struct elf elf;
	unsigned int i;
	int r = elf_parse(&elf, data, size, err, errsize);

	if (r > 0)
		snprintf(err, errsize, "not an ELF file");
	if (r)
		return NULL;
	for (i = 0; i < elf.shnum; i++) {
		elf_section(&elf, i, &sec);
		if (sec.type != ELF_SHT_SYMTAB)
			continue;
		tab = symtab_new();
		if (load_symbols(tab, &elf, &sec, err, errsize) == 0)
			return tab;
		symtab_free(tab);
		return NULL;
	}
	snprintf(err, errsize, "no .symtab (stripped?)");
	return NULL;
}

struct symtab *symtab_load(const char *path, char *err, size_t errsize)
{
	struct symtab *tab;
	struct file_map map;

	if (map_file(path, &map, err, errsize) < 0)
		return NULL;
	tab = symtab_load_mem(map.data, map.size, err, errsize);
	unmap_file(&map);
	return tab;
}

const char *symtab_find(const struct symtab *tab,
			bool (*match)(const char *name))
{
	size_t i;

	for (i = 0; i < tab->n; i++)
		if (match(tab->syms[i].name))
			return tab->syms[i].name;
	return NULL;
}

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return y->rank - x->rank;
}

const char *symtab_lookup(struct symtab *tab, uint64_t addr,
			  uint64_t *offset)
{
	size_t lo = 0, hi = tab->n;
	const struct sym *s;

	if (!tab->sorted && tab->n) {
		qsort(tab->syms, tab->n, sizeof(*tab->syms), sym_cmp);
		tab->sorted = true;
	}
	/* Find the first symbol above addr; the one before it is ours. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tab->syms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	s = &tab->syms[lo - 1];
	/* Several names at one address: the first is the best ranked. */
	while (s > tab->syms && s[-1].addr == s->addr)
		s--;
	if (s->size && addr - s->addr >= s->size)
		return NULL;
	*offset = addr - s->addr;
	return s->name;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Parse "\t#<n> 0x<hex>" followed only by the line ending.  Returns the
 * length of the frame text (where the annotation goes), or 0.
 */
static size_t parse_frame(const char *line, size_t len, uint64_t *addr)
{
	size_t plen = strlen(KUT_BACKTRACE_PREFIX), i = plen, digits;
	size_t end = len;

	while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r'))
		end--;
	if (end < plen || memcmp(line, KUT_BACKTRACE_PREFIX, plen))
		return 0;
	for (digits = 0; i < end && line[i] >= '0' && line[i] <= '9'; i++)
		digits++;
	if (!digits || end - i < 3 || memcmp(line + i, " 0x", 3))
		return 0;
	*addr = 0;
	for (i += 3, digits = 0; i < end && hexval(line[i]) >= 0; i++) {
		*addr = *addr << 4 | (uint64_t)hexval(line[i]);
		digits++;
	}
	if (!digits || digits > 16 || i != end)
		return 0;
	return end;
}

char *symbolize_line(struct symtab *tab, const char *line, size_t len)
{
	uint64_t addr, offset;
	const char *name;
	size_t end = parse_frame(line, len, &addr);
	char *out;

	if (!end || !addr)
		return NULL;
	name = symtab_lookup(tab, addr - 1, &offset);
	if (!name)
		return NULL;
	offset++;
	out = xasprintf("%.*s %s+0x%llx%.*s", (int)end, line, name,
			(unsigned long long)offset, (int)(len - end),
			line + end);
	return out;
}

char *symbolize_elf_for(const char *image)
{
	size_t len = strlen(image);
	struct stat st;
	char *elf;

	if (len > 5 && !strcmp(image + len - 5, ".flat")) {
		elf = xasprintf("%.*s.elf", (int)(len - 5), image);
		if (stat(elf, &st) == 0 && S_ISREG(st.st_mode))
			return elf;
		free(elf);
	}
	return xstrdup(image);
}
