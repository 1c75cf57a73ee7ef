/* SPDX-License-Identifier: MIT */
/* asm/spinlock.h - x86 uses the generic spinlock (cpu_relax is "pause"). */
#ifndef _ASM_X86_SPINLOCK_H_
#define _ASM_X86_SPINLOCK_H_

#include <asm-generic/spinlock.h>

#endif /* _ASM_X86_SPINLOCK_H_ */
