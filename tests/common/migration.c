// SPDX-License-Identifier: MIT
/*
 * migration.c - a test that lives through live migrations (cfg group
 * "migration": the runner moves it to a new QEMU each time it asks).
 * Memory filled before each migration must read back the same after it,
 * on the destination, and the CPU must go on computing.
 *
 * Arguments: "[N]" migrations (default 2); "skip" says no migration will
 * come (migrate_skip()) and checks the test goes on all the same;
 * "continuous [ROUNDS]" keeps rewriting and checking memory for ROUNDS
 * rounds of about 100 ms (default 30) while the runner migrates it over
 * and over (migrate_begin_continuous()), so pages dirtied during each
 * migration must arrive too; memory filled before the chain must read
 * back after it.
 */
#include <libcflat.h>
#include <migrate.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86/delay.h>
#else
#include <asm/delay.h>
#endif

#define WORDS	(64 * 1024 / sizeof(unsigned long))

static unsigned long pattern[WORDS];

static unsigned long mix(unsigned long x)
{
	x ^= x >> 17;
	x *= 0x2545f491ul;
	return x ^ (x >> 11);
}

static void fill(unsigned long seed)
{
	unsigned long i;

	for (i = 0; i < WORDS; i++)
		pattern[i] = mix(seed + i);
}

static unsigned long wrong(unsigned long seed)
{
	unsigned long i, bad = 0;

	for (i = 0; i < WORDS; i++)
		bad += pattern[i] != mix(seed + i);
	return bad;
}

/* About 100 ms: x86 has no calibrated clock, its TSC runs at GHz. */
static void pause_a_little(void)
{
#if defined(__x86_64__) || defined(__i386__)
	delay(200000000ull);
#else
	mdelay(100);
#endif
}

static unsigned long still[WORDS];

static void continuous(long rounds)
{
	unsigned long i, bad = 0, still_bad = 0;
	long r;

	for (i = 0; i < WORDS; i++)
		still[i] = mix(~i);
	migrate_begin_continuous();
	for (r = 1; r <= rounds; r++) {
		fill((unsigned long)r * 7919);
		pause_a_little();
		bad += wrong((unsigned long)r * 7919);
	}
	migrate_end_continuous();
	for (i = 0; i < WORDS; i++)
		still_bad += still[i] != mix(~i);
	report(bad == 0, "continuous: %ld rounds of 64 KiB rewritten and "
	       "read back (%lu words wrong)", rounds, bad);
	report(still_bad == 0, "continuous: 64 KiB left alone read back "
	       "after the chain (%lu words wrong)", still_bad);
	report(wrong((unsigned long)rounds * 7919) == 0,
	       "continuous: the last round's 64 KiB read back after the chain");
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2;
	unsigned long bad;
	long i;

	report_prefix_push("migration");
	if (argc > 1 && !strcmp(argv[1], "skip")) {
		fill(7);
		migrate_skip();
		report(wrong(7) == 0, "goes on after a skipped migration");
		return report_summary();
	}
	if (argc > 1 && !strcmp(argv[1], "continuous")) {
		continuous(argc > 2 ? atol(argv[2]) : 30);
		report_prefix_pop();
		return report_summary();
	}
	for (i = 1; i <= n; i++) {
		fill((unsigned long)i * 1000);
		migrate();
		bad = wrong((unsigned long)i * 1000);
		report(bad == 0, "migration %ld: 64 KiB read back (%lu words "
		       "wrong)", i, bad);
	}
	report_prefix_pop();
	return report_summary();
}
