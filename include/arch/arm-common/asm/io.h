/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h - MMIO accessors and address conversion on arm and arm64.
 *
 * readX() is the access then a read barrier, writeX() a write barrier
 * then the access, so that device accesses are ordered against the
 * memory accesses around them, as in Linux; the __raw_ forms have no
 * barriers.  RAM and devices are identity mapped, so virt_to_phys() and
 * phys_to_virt() are casts; ioremap() makes sure the range is mapped as
 * device memory and returns the same address.
 */
#ifndef _ASMARM_IO_H_
#define _ASMARM_IO_H_

#include <stdint.h>
#include <stddef.h>
#include <asm/barrier.h>

/* Marks pointers to device memory (a checker's annotation; nothing here). */
#define __iomem

static inline uint8_t __raw_readb(const volatile void *addr)
{
	return *(const volatile uint8_t *)addr;
}

static inline uint16_t __raw_readw(const volatile void *addr)
{
	return *(const volatile uint16_t *)addr;
}

static inline uint32_t __raw_readl(const volatile void *addr)
{
	return *(const volatile uint32_t *)addr;
}

/* On arm, two 32-bit accesses, low word first. */
static inline uint64_t __raw_readq(const volatile void *addr)
{
#ifdef __aarch64__
	return *(const volatile uint64_t *)addr;
#else
	const volatile uint32_t *p = addr;
	uint64_t lo = p[0];

	return lo | (uint64_t)p[1] << 32;
#endif
}

static inline void __raw_writeb(uint8_t v, volatile void *addr)
{
	*(volatile uint8_t *)addr = v;
}

static inline void __raw_writew(uint16_t v, volatile void *addr)
{
	*(volatile uint16_t *)addr = v;
}

static inline void __raw_writel(uint32_t v, volatile void *addr)
{
	*(volatile uint32_t *)addr = v;
}

static inline void __raw_writeq(uint64_t v, volatile void *addr)
{
#ifdef __aarch64__
	*(volatile uint64_t *)addr = v;
#else
	volatile uint32_t *p = addr;

	p[0] = (uint32_t)v;
	p[1] = (uint32_t)(v >> 32);
#endif
}

#define readb(a)	({ uint8_t __v = __raw_readb(a); rmb(); __v; })
#define readw(a)	({ uint16_t __v = __raw_readw(a); rmb(); __v; })
#define readl(a)	({ uint32_t __v = __raw_readl(a); rmb(); __v; })
#define readq(a)	({ uint64_t __v = __raw_readq(a); rmb(); __v; })
#define writeb(v, a)	({ wmb(); __raw_writeb(v, a); })
#define writew(v, a)	({ wmb(); __raw_writew(v, a); })
#define writel(v, a)	({ wmb(); __raw_writel(v, a); })
#define writeq(v, a)	({ wmb(); __raw_writeq(v, a); })

static inline unsigned long virt_to_phys(const volatile void *virt)
{
	return (unsigned long)virt;
}

static inline void *phys_to_virt(unsigned long phys)
{
	return (void *)phys;
}

/*
 * Map [@phys_addr, +@size) as device memory (nGnRE) and return its
 * address, which is @phys_addr itself.  Caveat: on arm the address must be
 * below 4 GiB.
 */
extern void *ioremap(uint64_t phys_addr, size_t size);

#endif /* _ASMARM_IO_H_ */
