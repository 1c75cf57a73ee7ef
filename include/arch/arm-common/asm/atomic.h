/* SPDX-License-Identifier: MIT */
/* asm/atomic.h - arm's atomic_t is the generic one (compiler atomics). */
#ifndef _ASMARM_ATOMIC_H_
#define _ASMARM_ATOMIC_H_

#include <asm-generic/atomic.h>

#endif /* _ASMARM_ATOMIC_H_ */
