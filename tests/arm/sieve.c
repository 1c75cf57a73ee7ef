// SPDX-License-Identifier: MIT
/*
 * sieve.c - a CPU and memory workout with a known answer: the sieve of
 * Eratosthenes counts the primes below 10^6 in a static array, then,
 * after setup_vm(), below 4 * 10^6 in memory from malloc() (vmalloc's
 * scattered pages), three times, freeing it each time.  pi(10^6) is
 * 78498, pi(4 * 10^6) is 283146.
 */
#include <libcflat.h>
#include <vmalloc.h>

#define STATIC_N	1000000
#define HEAP_N		4000000

static char static_data[STATIC_N];

static int sieve(char *data, int n)
{
	int i, j, primes = 0;

	memset(data, 1, n);
	data[0] = data[1] = 0;
	for (i = 2; i < n; i++) {
		if (!data[i])
			continue;
		primes++;
		for (j = 2 * i; j < n; j += i)
			data[j] = 0;
	}
	return primes;
}

int main(void)
{
	int i, primes;
	char *p;

	primes = sieve(static_data, STATIC_N);
	report(primes == 78498, "static: %d primes below %d", primes, STATIC_N);
	if (!vm_available())
		return report_skip("no virtual memory"), report_summary();
	setup_vm();
	for (i = 0; i < 3; i++) {
		p = malloc(HEAP_N);
		if (!p) {
			report_fail("malloc(%d) failed", HEAP_N);
			break;
		}
		primes = sieve(p, HEAP_N);
		report(primes == 283146, "vmalloc'ed, round %d: %d primes below %d",
		       i + 1, primes, HEAP_N);
		free(p);
	}
	return report_summary();
}
