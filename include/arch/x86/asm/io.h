/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h - port I/O, MMIO accessors and address conversion on x86.
 *
 * Argument order follows Linux: outb(value, port), writel(value, addr).
 * Memory is identity mapped, so virt_to_phys() and phys_to_virt() are
 * casts, and ioremap() returns the physical address itself.
 */
#ifndef _ASM_X86_IO_H_
#define _ASM_X86_IO_H_

#include <stdint.h>
#include <stddef.h>

static inline uint8_t inb(unsigned long port)
{
	uint8_t v;

	asm volatile("inb %w1, %0" : "=a"(v) : "Nd"((uint16_t)port));
	return v;
}

static inline uint16_t inw(unsigned long port)
{
	uint16_t v;

	asm volatile("inw %w1, %0" : "=a"(v) : "Nd"((uint16_t)port));
	return v;
}

static inline uint32_t inl(unsigned long port)
{
	uint32_t v;

	asm volatile("inl %w1, %0" : "=a"(v) : "Nd"((uint16_t)port));
	return v;
}

static inline void outb(uint8_t v, unsigned long port)
{
	asm volatile("outb %0, %w1" : : "a"(v), "Nd"((uint16_t)port));
}

static inline void outw(uint16_t v, unsigned long port)
{
	asm volatile("outw %0, %w1" : : "a"(v), "Nd"((uint16_t)port));
}

static inline void outl(uint32_t v, unsigned long port)
{
	asm volatile("outl %0, %w1" : : "a"(v), "Nd"((uint16_t)port));
}

/* MMIO: one access of exactly the named width, never merged or split. */
static inline uint8_t readb(const volatile void *addr)
{
	return *(const volatile uint8_t *)addr;
}

static inline uint16_t readw(const volatile void *addr)
{
	return *(const volatile uint16_t *)addr;
}

static inline uint32_t readl(const volatile void *addr)
{
	return *(const volatile uint32_t *)addr;
}

static inline uint64_t readq(const volatile void *addr)
{
	return *(const volatile uint64_t *)addr;
}

static inline void writeb(uint8_t v, volatile void *addr)
{
	*(volatile uint8_t *)addr = v;
}

static inline void writew(uint16_t v, volatile void *addr)
{
	*(volatile uint16_t *)addr = v;
}

static inline void writel(uint32_t v, volatile void *addr)
{
	*(volatile uint32_t *)addr = v;
}

static inline void writeq(uint64_t v, volatile void *addr)
{
	*(volatile uint64_t *)addr = v;
}

static inline unsigned long virt_to_phys(const void *virt)
{
	return (unsigned long)virt;
}

static inline void *phys_to_virt(unsigned long phys)
{
	return (void *)phys;
}

static inline void *ioremap(uint64_t phys_addr, size_t size)
{
	(void)size;
	return (void *)(unsigned long)phys_addr;
}

#endif /* _ASM_X86_IO_H_ */
