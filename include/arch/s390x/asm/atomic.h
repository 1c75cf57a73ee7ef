/* SPDX-License-Identifier: MIT */
/* asm/atomic.h - s390x's atomic_t is the generic one (CS, LAA). */
#ifndef _ASMS390X_ATOMIC_H_
#define _ASMS390X_ATOMIC_H_

#include <asm-generic/atomic.h>

#endif /* _ASMS390X_ATOMIC_H_ */
