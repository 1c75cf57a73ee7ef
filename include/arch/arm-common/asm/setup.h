/* SPDX-License-Identifier: MIT */
/*
 * asm/setup.h - what boot learnt from the device tree: the CPUs (their
 * MPIDRs, in device-tree order) and the physical address map
 * (<memregions.h>: the RAM, the image's code as MR_F_CODE, and the virt
 * machine's device windows as MR_F_IO).
 */
#ifndef _ASMARM_SETUP_H_
#define _ASMARM_SETUP_H_

#include <libcflat.h>
#include <asm/page.h>
#include <asm/pgtable-hwdef.h>
#include <asm/cpumask.h>
#include <memregions.h>

extern u64 cpus[NR_CPUS];	/* MPIDR of each CPU */
extern int nr_cpus;

/* The lowest and highest RAM addresses (RAM is one range on virt). */
extern phys_addr_t __phys_offset, __phys_end;

#define PHYS_OFFSET		(__phys_offset)
#define PHYS_END		(__phys_end)
/* The virt machine's first GiB is devices, RAM starts at 1 GiB. */
#define PHYS_IO_OFFSET		(0UL)
#define PHYS_IO_END		(1UL << 30)

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

/* The MPIDR of CPU @cpu and back (-1: not one of ours). */
extern int mpidr_to_cpu(uint64_t mpidr);

#endif /* _ASMARM_SETUP_H_ */
