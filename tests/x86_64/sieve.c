// SPDX-License-Identifier: MIT
/*
 * sieve.c - a stress of memory, the allocators and paging: the sieve of
 * Eratosthenes, whose count of primes below N is known exactly, run in a
 * static array, in memory from the page allocator, in malloc() memory,
 * and after setup_vm() in vmalloc() memory (4 KiB pages built one by
 * one, so KVM shadows or nests a fresh table for each), freed and taken
 * again several times so that the same guest pages come back at other
 * addresses.  Any lost write, stale translation or allocator overlap
 * changes a count.
 */
#include <libcflat.h>
#include <alloc.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>

/*
 * Sizes that keep the test short where kut's code runs a thousand times
 * slower than natively (KVM on PVM, see tests/x86_64/expected.kvm): a
 * second under TCG, some ten seconds there when the host is idle.
 */
#define SMALL_N		(1ul << 16)	/* 6542 primes below it */
#define SMALL_PRIMES	6542
#define BIG_N		(1ul << 18)	/* 23000 primes below it */
#define BIG_PRIMES	23000
#define ROUNDS		2

static u8 static_buf[SMALL_N];

/* The number of primes below @n, with @buf (n bytes) as the sieve. */
static unsigned long sieve(u8 *buf, unsigned long n)
{
	unsigned long i, j, count = 0;

	memset(buf, 1, n);
	buf[0] = buf[1] = 0;
	for (i = 2; i * i < n; i++)
		if (buf[i])
			for (j = i * i; j < n; j += i)
				buf[j] = 0;
	for (i = 0; i < n; i++)
		count += buf[i];
	return count;
}

static void run(const char *where, u8 *buf, unsigned long n, unsigned long want)
{
	unsigned long got;

	if (!buf) {
		report_fail("%s: no memory for %lu bytes", where, n);
		return;
	}
	got = sieve(buf, n);
	report(got == want, "%s: %lu primes below %lu (want %lu)", where, got, n, want);
}

static void *pages_get(size_t n)
{
	return alloc_pages(get_order(n) - PAGE_SHIFT);
}

static void *vmalloc_get(size_t n)
{
	return vmalloc(n);
}

/* ROUNDS sieves of @n bytes in memory from @get, given back to @put. */
static void rounds(const char *where, void *(*get)(size_t), void (*put)(void *),
		   unsigned long n, unsigned long want)
{
	int i;
	u8 *p;

	for (i = 0; i < ROUNDS; i++) {
		p = get(n);
		run(where, p, n, want);
		put(p);
	}
}

int main(void)
{
	run("static array", static_buf, SMALL_N, SMALL_PRIMES);
	rounds("alloc_pages", pages_get, free_pages, SMALL_N, SMALL_PRIMES);
	rounds("malloc", malloc, free, SMALL_N, SMALL_PRIMES);
	setup_vm();
	rounds("vmalloc", vmalloc_get, vfree, BIG_N, BIG_PRIMES);
	rounds("malloc after setup_vm", malloc, free, SMALL_N, SMALL_PRIMES);
	return report_summary();
}
