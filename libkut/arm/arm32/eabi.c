// SPDX-License-Identifier: MIT
/*
 * eabi.c - the run-time helpers the ARM EABI lets compilers call, which
 * would otherwise come from libgcc or compiler-rt: integer division
 * (ARMv7-A has no divide instruction) and the __aeabi_mem* aliases.
 * Division is plain shift-and-subtract: tests divide rarely and little.
 * Dividing by zero gives a quotient of 0 (the EABI leaves it to us).
 */
#include <libcflat.h>

u64 kut_udivmod64(u64 n, u64 d, u64 *rem);
s64 kut_sdivmod64(s64 n, s64 d, s64 *rem);
u32 __aeabi_uidiv(u32 n, u32 d);
int __aeabi_idiv(int n, int d);

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

u32 __aeabi_uidiv(u32 n, u32 d)
{
	u64 r;

	return (u32)kut_udivmod64(n, d, &r);
}

int __aeabi_idiv(int n, int d)
{
	s64 r;

	return (int)kut_sdivmod64(n, d, &r);
}

void __aeabi_memcpy(void *dest, const void *src, size_t n);
void __aeabi_memcpy4(void *dest, const void *src, size_t n);
void __aeabi_memcpy8(void *dest, const void *src, size_t n);
void __aeabi_memmove(void *dest, const void *src, size_t n);
void __aeabi_memmove4(void *dest, const void *src, size_t n);
void __aeabi_memmove8(void *dest, const void *src, size_t n);
void __aeabi_memset(void *dest, size_t n, int c);
void __aeabi_memset4(void *dest, size_t n, int c);
void __aeabi_memset8(void *dest, size_t n, int c);
void __aeabi_memclr(void *dest, size_t n);
void __aeabi_memclr4(void *dest, size_t n);
void __aeabi_memclr8(void *dest, size_t n);

void __aeabi_memcpy(void *dest, const void *src, size_t n)
{
	memcpy(dest, src, n);
}

void __aeabi_memmove(void *dest, const void *src, size_t n)
{
	memmove(dest, src, n);
}

/* Note the EABI's argument order: length before value. */
void __aeabi_memset(void *dest, size_t n, int c)
{
	memset(dest, c, n);
}

void __aeabi_memclr(void *dest, size_t n)
{
	memset(dest, 0, n);
}

void __aeabi_memcpy4(void *, const void *, size_t) __attribute__((alias("__aeabi_memcpy")));
void __aeabi_memcpy8(void *, const void *, size_t) __attribute__((alias("__aeabi_memcpy")));
void __aeabi_memmove4(void *, const void *, size_t) __attribute__((alias("__aeabi_memmove")));
void __aeabi_memmove8(void *, const void *, size_t) __attribute__((alias("__aeabi_memmove")));
void __aeabi_memset4(void *, size_t, int) __attribute__((alias("__aeabi_memset")));
void __aeabi_memset8(void *, size_t, int) __attribute__((alias("__aeabi_memset")));
void __aeabi_memclr4(void *, size_t) __attribute__((alias("__aeabi_memclr")));
void __aeabi_memclr8(void *, size_t) __attribute__((alias("__aeabi_memclr")));
