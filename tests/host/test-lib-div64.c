// SPDX-License-Identifier: MIT
/*
 * test-lib-div64.c - libkut's 64-bit division (libkut/div64.c), which
 * 32-bit guests (i386 through libgcc's names, arm through its EABI
 * helpers) get instead of libgcc, against the host's own division: every
 * quotient and remainder over values at the edges (0, 1, powers of two
 * and their neighbours, the signed extremes) and a spread of others.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

static uint64_t values[160];
static int nvalues;

static void fill_values(void)
{
	uint64_t x = 0x9e3779b97f4a7c15ull;
	int i;

	if (nvalues)
		return;
	values[nvalues++] = 0;
	values[nvalues++] = 1;
	values[nvalues++] = ~0ull;
	values[nvalues++] = ~0ull >> 1;
	for (i = 1; i < 64; i += 3) {
		values[nvalues++] = 1ull << i;
		values[nvalues++] = (1ull << i) - 1;
		values[nvalues++] = (1ull << i) + 1;
	}
	while (nvalues < (int)(sizeof(values) / sizeof(values[0]))) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		values[nvalues++] = x >> (x & 63);
	}
}

TEST(unsigned_matches_the_host)
{
	int i, j, bad = 0;
	uint64_t r, r4;

	fill_values();
	for (i = 0; i < nvalues; i++)
		for (j = 0; j < nvalues; j++) {
			uint64_t n = values[i], d = values[j];

			if (!d)
				continue;
			if (kut_kut_udivmod64(n, d, &r) != n / d || r != n % d ||
			    kut___udivdi3(n, d) != n / d ||
			    kut___umoddi3(n, d) != n % d ||
			    kut___udivmoddi4(n, d, &r4) != n / d || r4 != n % d)
				bad++;
		}
	CHECK_INT(bad, 0);
}

TEST(signed_rounds_toward_zero)
{
	int i, j, bad = 0;
	int64_t r, r4;

	fill_values();
	for (i = 0; i < nvalues; i++)
		for (j = 0; j < nvalues; j++) {
			int64_t n = (int64_t)values[i], d = (int64_t)values[j];

			/* C leaves these undefined: no reference to compare. */
			if (!d || (n == INT64_MIN && d == -1))
				continue;
			if (kut_kut_sdivmod64(n, d, &r) != n / d || r != n % d ||
			    kut___divdi3(n, d) != n / d ||
			    kut___moddi3(n, d) != n % d ||
			    kut___divmoddi4(n, d, &r4) != n / d || r4 != n % d)
				bad++;
		}
	CHECK_INT(bad, 0);
	CHECK_INT(kut___divdi3(-7, 2), -3);
	CHECK_INT(kut___moddi3(-7, 2), -1);
	CHECK_INT(kut___moddi3(7, -2), 1);
}

TEST(by_zero_gives_zero_and_keeps_the_dividend)
{
	uint64_t r = 0;
	int64_t sr = 0;

	CHECK_INT(kut_kut_udivmod64(12345, 0, &r), 0);
	CHECK_INT(r, 12345);
	CHECK_INT(kut_kut_sdivmod64(-5, 0, &sr), 0);
	CHECK_INT(sr, -5);
	CHECK(kut___udivmoddi4(9, 3, NULL) == 3);
}
