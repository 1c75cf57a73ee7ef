/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for asm/io.h: MMIO accessors as functions, so that a host
 * test can put a simulated device behind them (they get the "kut_" prefix
 * like everything libkut calls; test-lib-pci.c defines kut_readb, ...).
 */
#ifndef KUT_HOST_ASM_IO_H
#define KUT_HOST_ASM_IO_H

#include <stddef.h>
#include <stdint.h>

uint8_t readb(const volatile void *addr);
uint16_t readw(const volatile void *addr);
uint32_t readl(const volatile void *addr);
uint64_t readq(const volatile void *addr);
void writeb(uint8_t v, volatile void *addr);
void writew(uint16_t v, volatile void *addr);
void writel(uint32_t v, volatile void *addr);
void writeq(uint64_t v, volatile void *addr);
void *ioremap(uint64_t phys_addr, size_t size);

#endif
