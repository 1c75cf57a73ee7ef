// SPDX-License-Identifier: MIT
/*
 * isa.c - a hart's extensions by name (asm/isa.h), from its device-tree
 * node: the "riscv,isa-extensions" string list where the tree has one,
 * else the "riscv,isa" string, "rv64" then single-letter extensions,
 * then multi-letter ones separated by underscores
 * ("rv64imafdch_zicsr_zifencei_sstc").  Names compare without case.
 */
#include <libcflat.h>
#include <ctype.h>
#include <devicetree.h>
#include <asm/isa.h>

#include "riscv.h"

/* Whether [s, s + n) is @name, ignoring case. */
static bool name_is(const char *s, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!name[i] || tolower(s[i]) != tolower(name[i]))
			return false;
	return !name[n];
}

static bool in_isa_string(const char *isa, const char *ext)
{
	const char *p, *end;

	if (strncasecmp(isa, "rv64", 4) && strncasecmp(isa, "rv32", 4))
		return false;
	p = isa + 4;
	end = strchr(p, '_');
	if (!end)
		end = p + strlen(p);
	if (strlen(ext) == 1) {
		for (; p < end; p++)
			if (tolower(*p) == tolower(*ext))
				return true;
		return false;
	}
	while (*end == '_') {
		p = end + 1;
		end = strchr(p, '_');
		if (!end)
			end = p + strlen(p);
		if (name_is(p, end - p, ext))
			return true;
	}
	return false;
}

bool cpu_has_extension_name(int cpu, const char *ext)
{
	const void *fdt = dt_fdt();
	int node = cpu_fdt_node(cpu), len, off;
	const char *s;

	if (!fdt || node < 0 || !*ext)
		return false;
	s = fdt_getprop(fdt, node, "riscv,isa-extensions", &len);
	if (s) {
		for (off = 0; off < len; off += strlen(s + off) + 1)
			if (name_is(s + off, strlen(s + off), ext))
				return true;
		return false;
	}
	s = fdt_getprop(fdt, node, "riscv,isa", NULL);
	return s && in_isa_string(s, ext);
}
