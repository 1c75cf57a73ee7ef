/* SPDX-License-Identifier: MIT */
/* asm/spinlock.h - s390x uses the generic spinlock (compare-and-swap). */
#ifndef _ASMS390X_SPINLOCK_H_
#define _ASMS390X_SPINLOCK_H_

#include <asm-generic/spinlock.h>

#endif /* _ASMS390X_SPINLOCK_H_ */
