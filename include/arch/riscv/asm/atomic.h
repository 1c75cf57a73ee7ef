/* SPDX-License-Identifier: MIT */
/* asm/atomic.h - riscv's atomic_t is the generic one (AMOs, LR/SC). */
#ifndef _ASMRISCV_ATOMIC_H_
#define _ASMRISCV_ATOMIC_H_

#include <asm-generic/atomic.h>

#endif /* _ASMRISCV_ATOMIC_H_ */
