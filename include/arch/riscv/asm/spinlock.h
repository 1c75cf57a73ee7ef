/* SPDX-License-Identifier: MIT */
/* asm/spinlock.h - riscv uses the generic spinlock (AMOSWAP, PAUSE). */
#ifndef _ASMRISCV_SPINLOCK_H_
#define _ASMRISCV_SPINLOCK_H_

#include <asm-generic/spinlock.h>

#endif /* _ASMRISCV_SPINLOCK_H_ */
