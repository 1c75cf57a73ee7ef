/* SPDX-License-Identifier: MIT */
/* asm/bitops.h - powerpc's atomic bit operations are the generic ones. */
#ifndef _ASMPPC64_BITOPS_H_
#define _ASMPPC64_BITOPS_H_

#include <asm-generic/bitops.h>

#endif /* _ASMPPC64_BITOPS_H_ */
