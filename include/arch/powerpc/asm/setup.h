/* SPDX-License-Identifier: MIT */
/*
 * asm/setup.h - what boot learnt from the device tree on pseries
 * (upstream kvm-unit-tests' powerpc names): RAM (the memory nodes in
 * <memregions.h>'s mem_regions, the image's text as MR_F_CODE), the
 * timebase frequency, the cache line sizes.
 */
#ifndef _ASMPOWERPC_SETUP_H_
#define _ASMPOWERPC_SETUP_H_

#include <libcflat.h>
#include <cpumask.h>
#include <memregions.h>

/* Timebase ticks per second (/cpus/<cpu>/timebase-frequency). */
extern uint64_t tb_hz;

/* The bounds of the RAM region the image is in. */
extern phys_addr_t __physical_start, __physical_end;
#define PHYSICAL_START		(__physical_start)
#define PHYSICAL_END		(__physical_end)

/* The L1 cache block sizes (i-cache-block-size, d-cache-block-size). */
extern unsigned __icache_bytes, __dcache_bytes;

#endif /* _ASMPOWERPC_SETUP_H_ */
