/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h - address conversion on s390x.  The machine has no
 * memory-mapped I/O (devices are reached through the channel subsystem,
 * css.h), so the accessors are plain loads and stores, kept for code
 * shared with other arches.
 */
#ifndef _ASMS390X_IO_H_
#define _ASMS390X_IO_H_

#include <stdint.h>
#include <asm/barrier.h>
#include <asm/page.h>

#define __iomem

#define __raw_readb(a)		(*(const volatile uint8_t *)(a))
#define __raw_readw(a)		(*(const volatile uint16_t *)(a))
#define __raw_readl(a)		(*(const volatile uint32_t *)(a))
#define __raw_readq(a)		(*(const volatile uint64_t *)(a))
#define __raw_writeb(v, a)	(*(volatile uint8_t *)(a) = (v))
#define __raw_writew(v, a)	(*(volatile uint16_t *)(a) = (v))
#define __raw_writel(v, a)	(*(volatile uint32_t *)(a) = (v))
#define __raw_writeq(v, a)	(*(volatile uint64_t *)(a) = (v))
#define readb(a)		__raw_readb(a)
#define readw(a)		__raw_readw(a)
#define readl(a)		__raw_readl(a)
#define readq(a)		__raw_readq(a)
#define writeb(v, a)		__raw_writeb(v, a)
#define writew(v, a)		__raw_writew(v, a)
#define writel(v, a)		__raw_writel(v, a)
#define writeq(v, a)		__raw_writeq(v, a)

/*
 * The real address of @virt: the address itself with DAT off, else what
 * the current tables translate it to (so vmalloc() memory works too); 0
 * if they map nothing there.
 */
extern unsigned long virt_to_phys(const volatile void *virt);

/* Real to virtual: the identity (RAM is identity mapped). */
static inline void *phys_to_virt(unsigned long phys)
{
	return (void *)phys;
}

#endif /* _ASMS390X_IO_H_ */
