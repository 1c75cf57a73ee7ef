// SPDX-License-Identifier: MIT
/*
 * mmu.c - address translation on s390x.
 *
 * virt_to_phys() asks the CPU (LOAD REAL ADDRESS) rather than walking
 * the tables, so it is right for whatever tables and address space the
 * test runs with.
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/io.h>

unsigned long virt_to_phys(const volatile void *virt)
{
	unsigned long addr = (unsigned long)virt, real;
	int cc;

	if (!(extract_psw_mask() & PSW_MASK_DAT))
		return addr;
	asm volatile("lrag %[real],0(%[addr])\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [real] "=d" (real), [cc] "=d" (cc)
		     : [addr] "a" (addr)
		     : "cc");
	return cc ? 0 : real;
}
