/* SPDX-License-Identifier: MIT */
/*
 * div64.h - 64-bit division in C for 32-bit arches (internal): div64.c
 * has it once, and arm32's EABI helpers wrap it.
 */
#ifndef KUT_LIBKUT_DIV64_H
#define KUT_LIBKUT_DIV64_H

#include <stdint.h>

/* @n / @d, with @n % @d in *@rem; by zero: 0, and *@rem = @n. */
uint64_t kut_udivmod64(uint64_t n, uint64_t d, uint64_t *rem);
/* The same, signed, rounding toward zero as C does. */
int64_t kut_sdivmod64(int64_t n, int64_t d, int64_t *rem);

#endif /* KUT_LIBKUT_DIV64_H */
