/* SPDX-License-Identifier: MIT */
/*
 * arm.h - what the arm and arm64 boot files tell each other (internal,
 * not installed).
 */
#ifndef KUT_ARM_ARM_H
#define KUT_ARM_ARM_H

#include <libcflat.h>

/* mmu.c: per-CPU registers, the boot identity map, MMU and caches on. */
void mmu_boot_setup(void);

/* pl011.c: use the PL011 at @base for the console. */
void pl011_set_base(void *base);

/* smp.c: CPU 0's per-CPU data, once the device tree is read. */
void smp_boot_cpu_init(void);

/* C entry points called by head.S. */
void kut_arm_setup(const void *fdt) __attribute__((noreturn));
void kut_arm_secondary_setup(void) __attribute__((noreturn));

#endif /* KUT_ARM_ARM_H */
