// SPDX-License-Identifier: MIT
/*
 * rand.c - rand.h's generator: xoshiro256** (Blackman and Vigna), its
 * four 64-bit state words kept as eight 32-bit ones in prng_state, the
 * seed spread over them by splitmix64 so that no seed gives the all-zero
 * state xoshiro cannot leave.
 */
#include <rand.h>

static uint64_t rotl64(uint64_t x, unsigned int k)
{
	return x << k | x >> (64 - k);
}

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t word(const prng_state *st, int i)
{
	return (uint64_t)st->hash[2 * i] << 32 | st->hash[2 * i + 1];
}

static void set_word(prng_state *st, int i, uint64_t v)
{
	st->hash[2 * i] = (uint32_t)(v >> 32);
	st->hash[2 * i + 1] = (uint32_t)v;
}

prng_state prng_init(uint64_t seed)
{
	prng_state st = { .next_word = 0 };
	int i;

	for (i = 0; i < 4; i++)
		set_word(&st, i, splitmix64(&seed));
	return st;
}

uint64_t prng64(prng_state *st)
{
	uint64_t s0 = word(st, 0), s1 = word(st, 1);
	uint64_t s2 = word(st, 2), s3 = word(st, 3);
	uint64_t result = rotl64(s1 * 5, 7) * 9, t = s1 << 17;

	s2 ^= s0;
	s3 ^= s1;
	s1 ^= s2;
	s0 ^= s3;
	s2 ^= t;
	s3 = rotl64(s3, 45);
	set_word(st, 0, s0);
	set_word(st, 1, s1);
	set_word(st, 2, s2);
	set_word(st, 3, s3);
	return result;
}

uint32_t prng32(prng_state *st)
{
	/* The high half: xoshiro's low bits are its weakest. */
	return (uint32_t)(prng64(st) >> 32);
}
