/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h - what every libFuzzer target of kut-run's parsers shares: the
 * input as a NUL-terminated string (the parsers take C strings, as they
 * get them from files), and the entry point's declaration.
 */
#ifndef KUT_FUZZ_H
#define KUT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* @data as a malloc'd C string, cut at its first NUL byte. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif /* KUT_FUZZ_H */
