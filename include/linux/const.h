/* SPDX-License-Identifier: MIT */
/*
 * linux/const.h - constants usable from both C and assembly: _AC(1, UL)
 * is "1UL" in C and plain "1" in a .S file; _AT(type, x) is a cast in C
 * only; UL(x) and ULL(x) are _AC(x, UL) and _AC(x, ULL); _BITUL(n) and
 * _BITULL(n) are bit n as unsigned long and unsigned long long.
 */
#ifndef _LINUX_CONST_H_
#define _LINUX_CONST_H_

#ifdef __ASSEMBLY__
#define _AC(x, y)	x
#define _AT(t, x)	x
#else
#define __AC(x, y)	(x##y)
#define _AC(x, y)	__AC(x, y)
#define _AT(t, x)	((t)(x))
#endif

#define _UL(x)		(_AC(x, UL))
#define _ULL(x)		(_AC(x, ULL))
#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))

#define _BITUL(x)	(_AC(1, UL) << (x))
#define _BITULL(x)	(_AC(1, ULL) << (x))

#define BIT(nr)		(_AC(1, UL) << (nr))
#define BIT_ULL(nr)	(_AC(1, ULL) << (nr))

#endif
