/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for asm/smp.h: only the names every arch shares; the
 * CPUs are tests/host/arch-stubs.c's pretend ones.
 */
#ifndef KUT_HOST_ASM_SMP_H
#define KUT_HOST_ASM_SMP_H

#include <asm-generic/smp.h>

#endif
