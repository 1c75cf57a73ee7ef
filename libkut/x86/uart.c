// SPDX-License-Identifier: MIT
/*
 * uart.c - the x86 console: the 16550 UART at I/O port 0x3f8 (COM1),
 * which kut-run connects to its standard output.
 *
 * Each write is one "rep outsb": under KVM that is a single exit to QEMU
 * for the whole buffer instead of one per byte, which matters a lot when
 * KVM is nested.  QEMU's UART accepts bytes as fast as they come, so we
 * do not poll the line status register (only to read: getchar()).
 */
#include <stddef.h>

#include "../arch.h"

#define COM1	0x3f8
#define COM1_LSR	(COM1 + 5)	/* line status register */
#define LSR_DR		0x01		/* a byte waits in the receive buffer */

void arch_console_write(const char *buf, size_t len)
{
	asm volatile("rep outsb"
		     : "+S"(buf), "+c"(len)
		     : "d"(COM1)
		     : "memory");
}

static unsigned char inb_port(unsigned short port)
{
	unsigned char v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

int arch_console_read(void)
{
	if (!(inb_port(COM1_LSR) & LSR_DR))
		return -1;
	return inb_port(COM1);
}
