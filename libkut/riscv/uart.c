// SPDX-License-Identifier: MIT
/*
 * uart.c - the console: the ns16550-compatible UART that the device
 * tree's /chosen/stdout-path names (kut-run connects it to its standard
 * output).  Until the device tree is read it is the virt machine's, at
 * 0x10000000, so early messages get out too.  QEMU needs no set-up of
 * the UART; we only wait until the transmit holding register is empty.
 * Why not the SBI debug console: it costs a trap into M-mode per call,
 * and Debian 12's OpenSBI (v1.1) has no DBCN extension, only the
 * deprecated legacy putchar.
 */
#include <libcflat.h>
#include <asm/io.h>

#include "../arch.h"
#include "riscv.h"

#define VIRT_UART_BASE		0x10000000UL
#define UART_THR		0	/* transmit holding register */
#define UART_RBR		0	/* receive buffer register */
#define UART_LSR		5	/* line status register */
#define UART_LSR_DR		0x01	/* a byte is in RBR */
#define UART_LSR_THRE		0x20	/* THR empty */

static volatile u8 *uart = (volatile u8 *)VIRT_UART_BASE;

void uart_set_base(void *base)
{
	uart = base;
}

void arch_console_write(const char *buf, size_t len)
{
	while (len--) {
		while (!(__raw_readb(uart + UART_LSR) & UART_LSR_THRE))
			cpu_relax();
		__raw_writeb((u8)*buf++, uart + UART_THR);
	}
}

int arch_console_read(void)
{
	if (!(__raw_readb(uart + UART_LSR) & UART_LSR_DR))
		return -1;
	return __raw_readb(uart + UART_RBR);
}
