// SPDX-License-Identifier: MIT
/*
 * div64.c - 64-bit integer division for 32-bit guests, which would
 * otherwise come from libgcc or compiler-rt (kut links neither).
 *
 * Why here: a 32-bit compiler turns every u64 / and % into a call, and
 * the same shift-and-subtract serves every such arch: arm's EABI helpers
 * (libkut/arm/arm32/) wrap kut_udivmod64(), and the libgcc names below
 * are what GCC and Clang call on i386.  Tests divide rarely and little,
 * so the simple loop is enough.  On 64-bit arches nothing calls these
 * and --gc-sections drops them.  Dividing by zero gives a quotient of 0
 * and leaves the dividend as the remainder (C leaves it undefined).
 */
#include <libcflat.h>

#include "div64.h"

u64 kut_udivmod64(u64 n, u64 d, u64 *rem)
{
	u64 q = 0, bit = 1;

	if (!d) {
		*rem = n;
		return 0;
	}
	while (d <= n && !(d & (1ULL << 63))) {
		d <<= 1;
		bit <<= 1;
	}
	while (bit) {
		if (n >= d) {
			n -= d;
			q |= bit;
		}
		d >>= 1;
		bit >>= 1;
	}
	*rem = n;
	return q;
}

s64 kut_sdivmod64(s64 n, s64 d, s64 *rem)
{
	u64 un = n < 0 ? -(u64)n : (u64)n;
	u64 ud = d < 0 ? -(u64)d : (u64)d;
	u64 q, r;

	q = kut_udivmod64(un, ud, &r);
	/* C rounds toward zero: the remainder takes the dividend's sign. */
	*rem = n < 0 ? -(s64)r : (s64)r;
	return (n < 0) != (d < 0) ? -(s64)q : (s64)q;
}

/* The libgcc names (and signatures) 32-bit x86 compilers call. */
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);
s64 __divmoddi4(s64 n, s64 d, s64 *rem);

u64 __udivdi3(u64 n, u64 d)
{
	u64 r;

	return kut_udivmod64(n, d, &r);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	kut_udivmod64(n, d, &r);
	return r;
}

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u64 r;
	u64 q = kut_udivmod64(n, d, &r);

	if (rem)
		*rem = r;
	return q;
}

s64 __divdi3(s64 n, s64 d)
{
	s64 r;

	return kut_sdivmod64(n, d, &r);
}

s64 __moddi3(s64 n, s64 d)
{
	s64 r;

	kut_sdivmod64(n, d, &r);
	return r;
}

s64 __divmoddi4(s64 n, s64 d, s64 *rem)
{
	s64 r;
	s64 q = kut_sdivmod64(n, d, &r);

	if (rem)
		*rem = r;
	return q;
}
