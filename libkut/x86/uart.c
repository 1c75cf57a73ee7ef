// SPDX-License-Identifier: MIT
/*
 * uart.c - the x86 console: the 16550 UART at I/O port 0x3f8 (COM1),
 * which kut-run connects to its standard output.
 *
 * Each write is one "rep outsb": under KVM that is a single exit to QEMU
 * for the whole buffer instead of one per byte, which matters a lot when
 * KVM is nested.  QEMU's UART accepts bytes as fast as they come, so we
 * do not poll the line status register.
 */
#include <stddef.h>

#include "../arch.h"

#define COM1	0x3f8

void arch_console_write(const char *buf, size_t len)
{
	asm volatile("rep outsb"
		     : "+S"(buf), "+c"(len)
		     : "d"(COM1)
		     : "memory");
}
