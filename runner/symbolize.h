/* SPDX-License-Identifier: MIT */
/*
 * symbolize.h - turn the addresses of guest backtraces into function names.
 *
 * A crashing guest prints one frame per line, "\t#<n> 0x<hex>" (see
 * KUT_BACKTRACE_PREFIX), because it has no symbol table at run time.
 * kut-run has the image's ELF file, so it appends " <function>+0x<offset>"
 * to those lines as they stream by.  Works for ELF files of any class and
 * byte order, whatever the host.
 */
#ifndef KUT_RUNNER_SYMBOLIZE_H
#define KUT_RUNNER_SYMBOLIZE_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

struct symtab;

/* An empty table, to fill with symtab_add() (tests, other formats). */
struct symtab *symtab_new(void);
/* Add a function at @addr; @size 0 means "unknown, up to the next one". */
void symtab_add(struct symtab *tab, const char *name, uint64_t addr,
		uint64_t size);

/*
 * The function symbols of an ELF file's .symtab.  Returns NULL with the
 * problem in @err if the file is unreadable, not ELF, or has no .symtab.
 */
struct symtab *symtab_load(const char *path, char *err, size_t errsize);
struct symtab *symtab_load_mem(const void *data, size_t size,
			       char *err, size_t errsize);

void symtab_free(struct symtab *tab);

/* The first function whose name @match accepts, or NULL. */
const char *symtab_find(const struct symtab *tab,
			bool (*match)(const char *name));

/*
 * The function containing @addr and @addr's offset into it, or NULL.  A
 * function with a size only covers [start, start + size).
 */
const char *symtab_lookup(struct symtab *tab, uint64_t addr,
			  uint64_t *offset);

/*
 * If @line (@len bytes, with or without its newline) is a backtrace frame
 * whose address @tab knows, return a malloc'd copy with
 * " <function>+0x<offset>" added before the newline; otherwise NULL.
 * Frames hold return addresses, so the function is looked up at the
 * address minus one (a call at a function's very end returns past it).
 */
char *symbolize_line(struct symtab *tab, const char *line, size_t len);

/*
 * Which file holds @image's symbols: "x.elf" beside an "x.flat" when it
 * exists, else @image itself.  Returns a malloc'd path.
 */
char *symbolize_elf_for(const char *image);

#endif /* KUT_RUNNER_SYMBOLIZE_H */
