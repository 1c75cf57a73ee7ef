// SPDX-License-Identifier: MIT
/*
 * console.c - the console of a pseries guest: the hypervisor's virtual
 * terminal (QEMU's spapr-vty, "hvterm1"), written with H_PUT_TERM_CHAR,
 * 16 bytes per call packed into two registers, first byte most
 * significant whatever the guest's byte order.  Before the device tree
 * names the terminal, number 0 reaches QEMU's first one.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/hcall.h>
#include <asm/processor.h>

#include "../arch.h"
#include "powerpc.h"

#define H_BUSY		1

static unsigned long vty;

void console_init(void)
{
	const void *fdt = dt_fdt();
	int node = fdt_node_offset_by_compatible(fdt, -1, "hvterm1");
	const fdt32_t *reg;

	if (node < 0)
		return;
	reg = fdt_getprop(fdt, node, "reg", NULL);
	if (reg)
		vty = fdt32_to_cpu(*reg);
}

static unsigned long pack(const char *buf, size_t len)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v = v << 8 | (i < len ? (unsigned char)buf[i] : 0);
	return v;
}

/* From user mode, "sc 1" is no hypercall: the output leaves it first. */
void arch_console_write(const char *buf, size_t len)
{
	bool user = in_usermode();

	if (user)
		exit_usermode();
	while (len) {
		size_t n = len < 16 ? len : 16;
		unsigned long hi = pack(buf, n);
		unsigned long lo = n > 8 ? pack(buf + 8, n - 8) : 0;

		while (hcall(H_PUT_TERM_CHAR, vty, n, hi, lo) == H_BUSY)
			;
		buf += n;
		len -= n;
	}
	if (user)
		enter_usermode();
}
