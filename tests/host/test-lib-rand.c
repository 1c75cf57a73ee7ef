// SPDX-License-Identifier: MIT
/*
 * test-lib-rand.c - rand.h's generator (libkut/rand.c) on the host: the
 * first outputs for a seed are xoshiro256**'s from a splitmix64-spread
 * state (values from an independent implementation), the same seed
 * repeats its sequence, another seed gives another, and prng32() is the
 * high half of the 64-bit output.
 */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

#include "../../include/rand.h"

prng_state kut_prng_init(uint64_t seed);
uint32_t kut_prng32(prng_state *state);
uint64_t kut_prng64(prng_state *state);

TEST(known_answers)
{
	prng_state st = kut_prng_init(0xdeadbeef);

	CHECK(kut_prng64(&st) == 0xc5555444a74d7e83ull);
	CHECK(kut_prng64(&st) == 0x65c30d37b4b16e38ull);
	CHECK(kut_prng64(&st) == 0x54f773200a4efa23ull);
}

TEST(same_seed_same_sequence)
{
	prng_state a = kut_prng_init(42), b = kut_prng_init(42);
	prng_state c = kut_prng_init(43);
	int i, same = 1, differ = 0;

	for (i = 0; i < 100; i++) {
		uint64_t x = kut_prng64(&a), y = kut_prng64(&b), z = kut_prng64(&c);

		same &= x == y;
		differ += x != z;
	}
	CHECK(same);
	CHECK(differ == 100);
}

TEST(prng32_is_the_high_half)
{
	prng_state a = kut_prng_init(7), b = kut_prng_init(7);
	int i, ok = 1;

	for (i = 0; i < 10; i++)
		ok &= kut_prng32(&a) == (uint32_t)(kut_prng64(&b) >> 32);
	CHECK(ok);
}

TEST(seed_zero_is_not_stuck)
{
	prng_state st = kut_prng_init(0);

	CHECK(kut_prng64(&st) != kut_prng64(&st));
}
