/* SPDX-License-Identifier: MIT */
/* asm/bitops.h - riscv's atomic bit operations are the generic ones (AMOs). */
#ifndef _ASMRISCV_BITOPS_H_
#define _ASMRISCV_BITOPS_H_

#include <asm-generic/bitops.h>

#endif /* _ASMRISCV_BITOPS_H_ */
