/* SPDX-License-Identifier: MIT */
/* asm/spinlock.h - arm uses the generic spinlock (cpu_relax is "yield"). */
#ifndef _ASMARM_SPINLOCK_H_
#define _ASMARM_SPINLOCK_H_

#include <asm-generic/spinlock.h>

#endif /* _ASMARM_SPINLOCK_H_ */
