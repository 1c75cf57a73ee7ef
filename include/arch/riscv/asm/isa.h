/* SPDX-License-Identifier: MIT */
/*
 * asm/isa.h - which ISA extensions a hart has, from its device-tree
 * "riscv,isa" string (upstream kvm-unit-tests' names).  Only extensions
 * kut may use without assuming them get an ISA_* number; tests ask for
 * any other by name.
 */
#ifndef _ASMRISCV_ISA_H_
#define _ASMRISCV_ISA_H_

#include <bitops.h>
#include <asm/setup.h>

enum {
	ISA_SSTC,
	ISA_MAX,
};

/* Whether CPU @cpu has extension @ext (ISA_*). */
static inline bool cpu_has_extension(int cpu, int ext)
{
	return test_bit(ext, cpus[cpu].isa);
}

/*
 * Whether CPU @cpu's riscv,isa names extension @ext: a single letter
 * ("v") among the base ones, or a multi-letter name ("zicboz", "sstc").
 */
extern bool cpu_has_extension_name(int cpu, const char *ext);

/* cpu_has_extension_name() for the calling CPU. */
static inline bool has_ext(const char *ext)
{
	return cpu_has_extension_name(current_thread_info()->cpu, ext);
}

#endif /* _ASMRISCV_ISA_H_ */
