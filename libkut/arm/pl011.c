// SPDX-License-Identifier: MIT
/*
 * pl011.c - the console: an Arm PL011 UART, the one /chosen/stdout-path
 * names (kut-run connects it to its standard output).  Until the device
 * tree is read it is the virt machine's, so early messages get out too.
 * QEMU needs no set-up of the UART; we only wait while its FIFO is full,
 * and read a byte when the receive FIFO is not empty.
 */
#include <libcflat.h>
#include <asm/io.h>

#include "../arch.h"
#include "arm.h"

#define VIRT_PL011_BASE		0x09000000UL
#define UARTDR			0x00
#define UARTFR			0x18
#define UARTFR_RXFE		(1U << 4)
#define UARTFR_TXFF		(1U << 5)

static void *uart = (void *)VIRT_PL011_BASE;

void pl011_set_base(void *base)
{
	uart = base;
}

void arch_console_write(const char *buf, size_t len)
{
	while (len--) {
		while (__raw_readl(uart + UARTFR) & UARTFR_TXFF)
			cpu_relax();
		__raw_writel((unsigned char)*buf++, uart + UARTDR);
	}
}

int arch_console_read(void)
{
	if (__raw_readl(uart + UARTFR) & UARTFR_RXFE)
		return -1;
	return __raw_readl(uart + UARTDR) & 0xff;
}
