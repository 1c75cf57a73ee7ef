// SPDX-License-Identifier: MIT
/*
 * console.c - the console of a pseries guest: the hypervisor's virtual
 * terminal (QEMU's spapr-vty, "hvterm1"), written with H_PUT_TERM_CHAR
 * and read with H_GET_TERM_CHAR, up to 16 bytes per call packed into two
 * registers, first byte most significant whatever the guest's byte
 * order.  Before the device tree names the terminal, number 0 reaches
 * QEMU's first one.
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

/* What the last H_GET_TERM_CHAR gave and getchar() has not taken yet. */
static unsigned char inbuf[16];
static unsigned int in_len, in_pos;

/* H_GET_TERM_CHAR: the count in r4, the bytes in r5 and r6. */
static void fill_inbuf(void)
{
	register unsigned long r3 asm("r3") = H_GET_TERM_CHAR;
	register unsigned long r4 asm("r4") = vty;
	register unsigned long r5 asm("r5");
	register unsigned long r6 asm("r6");
	unsigned int i, n;

	asm volatile("sc 1" : "+r"(r3), "+r"(r4), "=r"(r5), "=r"(r6) : :
		     "r0", "r7", "r8", "r9", "r10", "r11", "r12",
		     "cr0", "ctr", "xer", "memory");
	n = r3 == 0 ? (r4 < 16 ? r4 : 16) : 0;
	for (i = 0; i < n; i++)
		inbuf[i] = (i < 8 ? r5 >> (56 - 8 * i) : r6 >> (56 - 8 * (i - 8))) & 0xff;
	in_len = n;
	in_pos = 0;
}

int arch_console_read(void)
{
	bool user;

	if (in_pos == in_len) {
		user = in_usermode();
		if (user)
			exit_usermode();
		fill_inbuf();
		if (user)
			enter_usermode();
	}
	return in_pos < in_len ? inbuf[in_pos++] : -1;
}
