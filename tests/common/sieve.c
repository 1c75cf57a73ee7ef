// SPDX-License-Identifier: MIT
/*
 * sieve.c - a sieve of Eratosthenes as a memory and CPU workout, on
 * every arch: the count of primes below each limit is known, so a wrong
 * result means memory or arithmetic went wrong.  It runs on a static
 * buffer, on malloc() memory, then (with "vm" as argument, on arches
 * with vmalloc) on vmalloc() memory after setup_vm(), where every access
 * is translated.
 */
#include <libcflat.h>
#include <vmalloc.h>

static const struct {
	unsigned long limit;
	unsigned long primes;
} known[] = {
	{ 1000, 168 },
	{ 100000, 9592 },
	{ 1000000, 78498 },
};

static unsigned long sieve(unsigned char *composite, unsigned long limit)
{
	unsigned long i, j, n = 0;

	memset(composite, 0, limit);
	for (i = 2; i < limit; i++) {
		if (composite[i])
			continue;
		n++;
		for (j = i * i; j < limit; j += i)
			composite[j] = 1;
	}
	return n;
}

static unsigned char buf[1000000];

static void run(const char *where, unsigned char *(*get)(unsigned long),
		void (*put)(unsigned char *))
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known); i++) {
		unsigned char *mem = get(known[i].limit);
		unsigned long n;

		if (!mem) {
			report_fail("%s: no memory for %lu bytes", where, known[i].limit);
			continue;
		}
		n = sieve(mem, known[i].limit);
		report(n == known[i].primes, "%s: %lu primes below %lu", where, n,
		       known[i].limit);
		put(mem);
	}
}

static unsigned char *get_static(unsigned long size)
{
	return size <= sizeof(buf) ? buf : NULL;
}

static void put_nothing(unsigned char *mem)
{
	(void)mem;
}

static unsigned char *get_malloc(unsigned long size)
{
	return malloc(size);
}

static void put_malloc(unsigned char *mem)
{
	free(mem);
}

static unsigned char *get_vmalloc(unsigned long size)
{
	return vmalloc(size);
}

static void put_vmalloc(unsigned char *mem)
{
	vfree(mem);
}

int main(int argc, char **argv)
{
	run("static", get_static, put_nothing);
	run("malloc", get_malloc, put_malloc);
	if (argc > 1 && !strcmp(argv[1], "vm")) {
		setup_vm();
		run("vmalloc", get_vmalloc, put_vmalloc);
		run("malloc after setup_vm", get_malloc, put_malloc);
	}
	return report_summary();
}
