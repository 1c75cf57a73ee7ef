// SPDX-License-Identifier: MIT
/*
 * figures.c - a program in the way of upstream's vmexit and i386 sieve:
 * it prints what it measured and returns 0, with no report() and no
 * report_summary().  Its word to the runner is the exit line exit()
 * prints, so kut-run must call it a PASS (tests/e2e/sdk.sh).
 */
#include "libcflat.h"

int main(void)
{
	unsigned long long a = 0, b = 1, t;
	int i;

	for (i = 0; i < 90; i++) {
		t = a + b;
		a = b;
		b = t;
	}
	printf("fibonacci 90: %llu\n", a);
	return 0;
}
