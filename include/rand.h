/* SPDX-License-Identifier: MIT */
/*
 * rand.h - a seeded pseudo-random number generator, for tests that want
 * varied but reproducible choices (upstream kvm-unit-tests' names and
 * types).  Not for cryptography.  The numbers are kut's own generator's
 * (xoshiro256**, seeded through splitmix64), not the sequence upstream's
 * SHA-256 construction gives for the same seed.
 */
#ifndef _RAND_H_
#define _RAND_H_

#include <stdint.h>

typedef struct {
	uint32_t hash[8];	/* the generator's 256-bit state */
	uint8_t next_word;	/* kept for upstream's layout; unused */
} prng_state;

/* A generator whose sequence @seed determines. */
prng_state prng_init(uint64_t seed);
/* The next 32 or 64 random bits. */
uint32_t prng32(prng_state *state);
uint64_t prng64(prng_state *state);

#endif /* _RAND_H_ */
