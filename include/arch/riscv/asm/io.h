/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h - MMIO accessors and address conversion on riscv.
 *
 * readX() is the access then a fence ordering it before later reads of
 * memory, writeX() a fence ordering earlier writes of memory before it,
 * then the access, as in Linux; the __raw_ forms have no fences.
 * Everything kut maps at boot is identity mapped (asm/mmu.h), devices
 * included, so ioremap() returns the address it is given.
 */
#ifndef _ASMRISCV_IO_H_
#define _ASMRISCV_IO_H_

#include <stdint.h>
#include <stddef.h>
#include <asm/barrier.h>

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

#define __io_ar()	RISCV_FENCE(i, r)
#define __io_bw()	RISCV_FENCE(w, o)

#define readb(a)	({ uint8_t __v = __raw_readb(a); __io_ar(); __v; })
#define readw(a)	({ uint16_t __v = __raw_readw(a); __io_ar(); __v; })
#define readl(a)	({ uint32_t __v = __raw_readl(a); __io_ar(); __v; })
#define readq(a)	({ uint64_t __v = __raw_readq(a); __io_ar(); __v; })
#define writeb(v, a)	({ __io_bw(); __raw_writeb(v, a); })
#define writew(v, a)	({ __io_bw(); __raw_writew(v, a); })
#define writel(v, a)	({ __io_bw(); __raw_writel(v, a); })
#define writeq(v, a)	({ __io_bw(); __raw_writeq(v, a); })

/*
 * The physical address of @virt: the address itself with the MMU off,
 * else what the current tables translate it to (so vmalloc() memory
 * works too); 0 if they map nothing there.
 */
extern unsigned long virt_to_phys(const volatile void *virt);

/* Physical to virtual: the identity (only identity-mapped memory has one). */
static inline void *phys_to_virt(unsigned long phys)
{
	return (void *)phys;
}

/*
 * Make [@phys_addr, +@size) accessible and return its address, which is
 * @phys_addr itself: the boot map covers all of the low 256 GiB.
 * Caveat: addresses from 256 GiB up are beyond Sv39's identity map.
 */
extern void *ioremap(uint64_t phys_addr, size_t size);

#endif /* _ASMRISCV_IO_H_ */
