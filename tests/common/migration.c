// SPDX-License-Identifier: MIT
/*
 * migration.c - a test that lives through live migrations (cfg group
 * "migration": the runner moves it to a new QEMU each time it asks).
 * Memory filled before each migration must read back the same after it,
 * on the destination, and the CPU must go on computing.
 *
 * Arguments: "[N]" migrations (default 2); "skip" says no migration will
 * come (migrate_skip()) and checks the test goes on all the same.
 */
#include <libcflat.h>
#include <migrate.h>

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
