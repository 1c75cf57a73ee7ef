// SPDX-License-Identifier: MIT
/*
 * test-runner-symbolize.c - host tests of backtrace symbolization: symbol
 * lookup in a hand-made table, which lines get annotated and how, the
 * .flat -> .elf rule, and the .symtab of a real ELF file built by the host
 * compiler (this test program itself).
 */
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "harness.h"
#include "symbolize.h"
#include "util.h"

static struct symtab *small_table(void)
{
	struct symtab *tab = symtab_new();

	/* Added out of order on purpose: lookup must sort. */
	symtab_add(tab, "report", 0x2000, 0x80);
	symtab_add(tab, "main", 0x1000, 0x100);
	symtab_add(tab, "entry", 0x400, 0);
	symtab_add(tab, "main_alias", 0x1000, 0x100);
	return tab;
}

TEST(lookup)
{
	struct symtab *tab = small_table();
	uint64_t off = 0;

	CHECK(symtab_lookup(tab, 0x3ff, &off) == NULL);
	CHECK_STR(symtab_lookup(tab, 0x400, &off), "entry");
	CHECK_INT(off, 0);
	/* No size: it reaches up to the next symbol. */
	CHECK_STR(symtab_lookup(tab, 0xfff, &off), "entry");
	CHECK_INT(off, 0xbff);
	CHECK_STR(symtab_lookup(tab, 0x10ff, &off), "main");
	CHECK_INT(off, 0xff);
	/* Past main's size, before report: nobody's. */
	CHECK(symtab_lookup(tab, 0x1100, &off) == NULL);
	CHECK(symtab_lookup(tab, 0x1fff, &off) == NULL);
	CHECK_STR(symtab_lookup(tab, 0x2010, &off), "report");
	CHECK(symtab_lookup(tab, 0x2080, &off) == NULL);
	CHECK(symtab_lookup(tab, UINT64_MAX, &off) == NULL);
	symtab_free(tab);
}

TEST(lookup_in_an_empty_table)
{
	struct symtab *tab = symtab_new();
	uint64_t off;

	CHECK(symtab_lookup(tab, 0x1000, &off) == NULL);
	symtab_free(tab);
	symtab_free(NULL);
}

TEST(lookup_survives_a_sort_after_adding_more)
{
	struct symtab *tab = small_table();
	uint64_t off;

	CHECK_STR(symtab_lookup(tab, 0x2000, &off), "report");
	symtab_add(tab, "late", 0x1800, 0x10);
	CHECK_STR(symtab_lookup(tab, 0x1804, &off), "late");
	CHECK_STR(symtab_lookup(tab, 0x2004, &off), "report");
	symtab_free(tab);
}

static char *annotate(const char *line)
{
	static char buf[256];
	struct symtab *tab = small_table();
	char *out = symbolize_line(tab, line, strlen(line));

	snprintf(buf, sizeof(buf), "%s", out ? out : "(unchanged)");
	free(out);
	symtab_free(tab);
	return buf;
}

TEST(backtrace_lines_are_annotated)
{
	CHECK_STR(annotate("\t#0 0x1010\n"), "\t#0 0x1010 main+0x10\n");
	CHECK_STR(annotate("\t#12 0x00000000000020f0\n"),
		  "(unchanged)");
	CHECK_STR(annotate("\t#12 0x000000000000207f\n"),
		  "\t#12 0x000000000000207f report+0x7f\n");
	CHECK_STR(annotate("\t#1 0x1010"), "\t#1 0x1010 main+0x10");
	CHECK_STR(annotate("\t#1 0x1010\r\n"), "\t#1 0x1010 main+0x10\r\n");
	CHECK_STR(annotate("\t#1 0X1010\n"), "(unchanged)");
	CHECK_STR(annotate("\t#1 0xABC\n"), "\t#1 0xABC entry+0x6bc\n");
}

TEST(return_address_at_a_function_end_names_the_caller)
{
	/* A call as main's last instruction returns to main + size. */
	CHECK_STR(annotate("\t#2 0x1100\n"), "\t#2 0x1100 main+0x100\n");
	/* The first byte of a function is no return address into it. */
	CHECK_STR(annotate("\t#2 0x2000\n"), "(unchanged)");
	CHECK_STR(annotate("\t#2 0x2001\n"), "\t#2 0x2001 report+0x1\n");
}

TEST(other_lines_are_left_alone)
{
	CHECK_STR(annotate("PASS: something 0x1010\n"), "(unchanged)");
	CHECK_STR(annotate("#0 0x1010\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 1010\n"), "(unchanged)");
	CHECK_STR(annotate("\t# 0x1010\n"), "(unchanged)");
	CHECK_STR(annotate("\t#a 0x1010\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0  0x1010\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 0x\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 0x1010 main+0x10\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 0x1010zz\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 0x0\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 0x10000000000001010\n"), "(unchanged)");
	CHECK_STR(annotate("\t#0 0x300\n"), "(unchanged)");
	CHECK_STR(annotate(""), "(unchanged)");
	CHECK_STR(annotate("\t#"), "(unchanged)");
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f)
		fclose(f);
}

TEST(flat_image_takes_symbols_from_the_elf_beside_it)
{
	char dir[] = "/tmp/kut-test-sym.XXXXXX";
	char *flat, *elf, *other, *got;

	CHECK(mkdtemp(dir) != NULL);
	flat = xasprintf("%s/t.flat", dir);
	elf = xasprintf("%s/t.elf", dir);
	other = xasprintf("%s/u.flat", dir);
	touch(flat);
	touch(elf);
	touch(other);
	got = symbolize_elf_for(flat);
	CHECK_STR(got, elf);
	free(got);
	got = symbolize_elf_for(other);
	CHECK_STR(got, other);
	free(got);
	got = symbolize_elf_for(elf);
	CHECK_STR(got, elf);
	free(got);
	got = symbolize_elf_for(".flat");
	CHECK_STR(got, ".flat");
	free(got);
	unlink(flat);
	unlink(elf);
	unlink(other);
	rmdir(dir);
	free(flat);
	free(elf);
	free(other);
}

/* A function of this very program, looked up through its own .symtab. */
__attribute__((noinline, used)) int symbolize_marker_function(int x)
{
	volatile int acc = x;
	int i;

	for (i = 0; i < x; i++)
		acc += i * x;
	return acc;
}

/* Where the program was loaded, minus where it was linked (PIE). */
static uintptr_t load_bias(void)
{
	const ElfW(Phdr) *ph = (const void *)getauxval(AT_PHDR);
	size_t i, n = getauxval(AT_PHNUM);

	for (i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_PHDR)
			return (uintptr_t)ph - ph[i].p_vaddr;
	return 0;
}

TEST(real_elf_from_the_host_compiler)
{
	uintptr_t addr = (uintptr_t)symbolize_marker_function - load_bias();
	struct symtab *tab;
	char err[256], line[64], *out;

	tab = symtab_load("/proc/self/exe", err, sizeof(err));
	CHECK(tab != NULL);
	if (!tab) {
		printf("#   %s\n", err);
		return;
	}
	snprintf(line, sizeof(line), "\t#3 %#lx\n", (unsigned long)addr + 5);
	out = symbolize_line(tab, line, strlen(line));
	CHECK(out != NULL);
	if (out)
		CHECK(strstr(out, " symbolize_marker_function+0x5\n") != NULL);
	free(out);
	symtab_free(tab);
}

TEST(load_errors)
{
	char err[256];

	CHECK(symtab_load("/nonexistent", err, sizeof(err)) == NULL);
	CHECK_STR(err, "No such file or directory");
	CHECK(symtab_load("/etc/passwd", err, sizeof(err)) == NULL);
	CHECK_STR(err, "not an ELF file");
}
