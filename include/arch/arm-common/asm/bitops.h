/* SPDX-License-Identifier: MIT */
/*
 * asm/bitops.h - arm's atomic bit operations are the generic ones (the
 * compiler's atomics: exclusive loads and stores, or LSE on arm64).
 */
#ifndef _ASMARM_BITOPS_H_
#define _ASMARM_BITOPS_H_

#include <asm-generic/bitops.h>

#endif /* _ASMARM_BITOPS_H_ */
