/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h - byte order, MMIO accessors and address conversion on
 * 64-bit Power, in either byte order.
 *
 * readX()/writeX() access little-endian devices (PCI), as in Linux:
 * byte-reversed on a big-endian guest; the __raw_ forms access memory as
 * it is.  readX() is the access, then a barrier ordering it before later
 * reads; writeX() a barrier ordering earlier stores before it, then the
 * access.  cpu_to_be32() and friends convert for big-endian structures
 * (the device tree, RTAS).  kut runs identity mapped (virtual address =
 * physical address) with the MMU off, and keeps that map when setup_vm()
 * turns it on, so ioremap() returns the address it is given.
 */
#ifndef _ASMPPC64_IO_H_
#define _ASMPPC64_IO_H_

#include <stdint.h>
#include <stddef.h>
#include <asm/barrier.h>

#define __iomem

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define __cpu_is_be()	1
#else
#define __cpu_is_be()	0
#endif

#define __BYTE_ORDER_CONV(bits, name, swap_if_be)			\
static inline uint##bits##_t name(uint##bits##_t x)			\
{									\
	return (__cpu_is_be() == swap_if_be) ? __builtin_bswap##bits(x) : x; \
}
__BYTE_ORDER_CONV(16, le16_to_cpu, 1)
__BYTE_ORDER_CONV(32, le32_to_cpu, 1)
__BYTE_ORDER_CONV(64, le64_to_cpu, 1)
__BYTE_ORDER_CONV(16, be16_to_cpu, 0)
__BYTE_ORDER_CONV(32, be32_to_cpu, 0)
__BYTE_ORDER_CONV(64, be64_to_cpu, 0)
#undef __BYTE_ORDER_CONV
#define cpu_to_le16	le16_to_cpu
#define cpu_to_le32	le32_to_cpu
#define cpu_to_le64	le64_to_cpu
#define cpu_to_be16	be16_to_cpu
#define cpu_to_be32	be32_to_cpu
#define cpu_to_be64	be64_to_cpu

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

static inline uint64_t __raw_readq(const volatile void *addr)
{
	return *(const volatile uint64_t *)addr;
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
	*(volatile uint64_t *)addr = v;
}

#define readb(a)	({ uint8_t __v = __raw_readb(a); rmb(); __v; })
#define readw(a)	({ uint16_t __v = le16_to_cpu(__raw_readw(a)); rmb(); __v; })
#define readl(a)	({ uint32_t __v = le32_to_cpu(__raw_readl(a)); rmb(); __v; })
#define readq(a)	({ uint64_t __v = le64_to_cpu(__raw_readq(a)); rmb(); __v; })
#define writeb(v, a)	({ wmb(); __raw_writeb(v, a); })
#define writew(v, a)	({ wmb(); __raw_writew(cpu_to_le16(v), a); })
#define writel(v, a)	({ wmb(); __raw_writel(cpu_to_le32(v), a); })
#define writeq(v, a)	({ wmb(); __raw_writeq(cpu_to_le64(v), a); })

/*
 * The physical address of @virt: the address itself outside vmalloc's
 * window, else what the current page tables translate it to (0 if they
 * map nothing there).
 */
extern unsigned long virt_to_phys(const volatile void *virt);

/* Physical to virtual: the identity (RAM and devices are identity mapped). */
static inline void *phys_to_virt(unsigned long phys)
{
	return (void *)phys;
}

/*
 * Make [@phys_addr, +@size) accessible as a device; returns @phys_addr
 * itself.  Once translation is on (asm/mmu.h), the range is mapped there
 * cache inhibited, now or when the identity map is built.
 */
extern void *ioremap(uint64_t phys_addr, size_t size);

#endif /* _ASMPPC64_IO_H_ */
