// SPDX-License-Identifier: MIT
/*
 * eabi.c - the run-time helpers the ARM EABI lets compilers call, which
 * would otherwise come from libgcc or compiler-rt: integer division
 * (ARMv7-A has no divide instruction) and the __aeabi_mem* aliases.
 * Division is libkut/div64.c's shift-and-subtract, shared with i386.
 * Dividing by zero gives a quotient of 0 (the EABI leaves it to us).
 */
#include <libcflat.h>

#include "../../div64.h"

u32 __aeabi_uidiv(u32 n, u32 d);
int __aeabi_idiv(int n, int d);

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
