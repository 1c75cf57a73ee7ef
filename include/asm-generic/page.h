/* SPDX-License-Identifier: MIT */
/*
 * asm-generic/page.h - 4 KiB pages over identity-mapped RAM: the page
 * constants and the address conversions that follow from them
 * (upstream kvm-unit-tests' asm-generic/page.h names).  s390x's
 * asm/page.h is built on it; on another arch, whatever its asm/page.h
 * defined first stays (each name is defined only if it is not yet), so
 * a test may include both.
 */
#ifndef _ASM_GENERIC_PAGE_H_
#define _ASM_GENERIC_PAGE_H_

#include <linux/const.h>

#ifndef PAGE_SHIFT
#define PAGE_SHIFT		12
#endif
#ifndef PAGE_SIZE
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#endif
#ifndef PAGE_MASK
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#endif

#ifndef __ASSEMBLY__
#ifndef PAGE_ALIGN
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#endif
/* The offset of @p inside its page. */
#ifndef offset_in_page
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)
#endif
#ifndef __va
#define __va(x)			((void *)(unsigned long)(x))
#endif
#ifndef __pa
#define __pa(x)			((unsigned long)(x))
#endif
#ifndef virt_to_pfn
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#endif
#ifndef pfn_to_virt
#define pfn_to_virt(pfn)	__va((unsigned long)(pfn) << PAGE_SHIFT)
#endif
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_GENERIC_PAGE_H_ */
