/* SPDX-License-Identifier: MIT */
/*
 * linux/const.h - constants usable from both C and assembly: _AC(1, UL)
 * is "1UL" in C and plain "1" in a .S file.
 */
#ifndef _LINUX_CONST_H_
#define _LINUX_CONST_H_

#ifdef __ASSEMBLY__
#define _AC(x, y)	x
#else
#define __AC(x, y)	(x##y)
#define _AC(x, y)	__AC(x, y)
#endif

#define BIT(nr)		(_AC(1, UL) << (nr))
#define BIT_ULL(nr)	(_AC(1, ULL) << (nr))

#endif
