// SPDX-License-Identifier: MIT
/*
 * strtol.c - strtol(), strtoul(), strtoll(), strtoull(), atol(), atoi(),
 * and errno, which only they set.
 *
 * Tests parse their command line (-append) and environment with these,
 * and libfdt needs strtoul(), so they follow ISO C to the letter: leading
 * white space, a sign, the "0x" and "0" prefixes of base 0 and 16, the
 * endptr rules, and clamping with ERANGE on overflow (stdlib.h tells the
 * details).  All four share one parser that works in unsigned long long
 * and checks the result against the limits of the type asked for.
 */
#include <libcflat.h>
#include <ctype.h>
#include <errno.h>

int errno;

/* What parse() found, before the limits of the result type apply. */
struct parsed {
	unsigned long long mag;	/* magnitude, saturated at the limit */
	bool negative;
	bool overflow;		/* the magnitude exceeded the limit */
};

static int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (islower(c))
		return c - 'a' + 10;
	if (isupper(c))
		return c - 'A' + 10;
	return 36;
}

/*
 * Skip the "0x" of a hex number, if a hex digit follows it: otherwise
 * the "0" alone is the number and *endptr must point at the 'x'.
 */
static const char *skip_prefix(const char *s, int *base)
{
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		   digit_value(s[2]) < 16;

	if ((*base == 0 || *base == 16) && hex) {
		*base = 16;
		return s + 2;
	}
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/*
 * *@acc = *@acc * @base + @d, unless that exceeds @max (then false and
 * *@acc unchanged).  Shift-and-add with a bound check at every step, so
 * that on a 32-bit arch these functions (strtoul is in libfdt's path)
 * need no 64-bit division helper from libgcc.
 */
static bool mul_add(unsigned long long *acc, unsigned int base,
		    unsigned int d, unsigned long long max)
{
	unsigned long long sum = d, m = *acc;

	for (; base; base >>= 1) {
		if (base & 1) {
			if (sum > max - m)
				return false;
			sum += m;
		}
		/* Another bit of base is set: 2m will be added, or more. */
		if (base > 1 && m > max >> 1)
			return false;
		m <<= 1;
	}
	*acc = sum;
	return true;
}

/*
 * Parse @nptr in @base with a magnitude of at most @limit (the positive
 * limit; a '-' allows @neg_limit).  Sets *@endptr as ISO C says.
 */
static struct parsed parse(const char *nptr, char **endptr, int base,
			   unsigned long long limit,
			   unsigned long long neg_limit)
{
	struct parsed r = { 0, false, false };
	unsigned long long max;
	const char *s = nptr, *digits;
	int d;

	if (endptr)
		*endptr = (char *)nptr;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return r;
	}
	while (isspace(*s))
		s++;
	if (*s == '-' || *s == '+')
		r.negative = *s++ == '-';
	digits = s = skip_prefix(s, &base);

	max = r.negative ? neg_limit : limit;
	for (; (d = digit_value(*s)) < base; s++) {
		if (!r.overflow && !mul_add(&r.mag, base, d, max))
			r.overflow = true;
	}
	if (s == digits)
		return r;
	if (endptr)
		*endptr = (char *)s;
	if (r.overflow) {
		r.mag = max;
		errno = ERANGE;
	}
	return r;
}

#define ULLONG_LIMIT	(~0ull)
#define ULONG_LIMIT	((unsigned long)~0ul)
#define LLONG_LIMIT	((unsigned long long)__LONG_LONG_MAX__)
#define LONG_LIMIT	((unsigned long)__LONG_MAX__)

long long strtoll(const char *nptr, char **endptr, int base)
{
	struct parsed r = parse(nptr, endptr, base, LLONG_LIMIT,
				LLONG_LIMIT + 1);

	/* -(mag - 1) - 1 reaches LLONG_MIN without overflowing. */
	if (r.negative && r.mag)
		return -(long long)(r.mag - 1) - 1;
	return r.mag;
}

long strtol(const char *nptr, char **endptr, int base)
{
	struct parsed r = parse(nptr, endptr, base, LONG_LIMIT,
				(unsigned long long)LONG_LIMIT + 1);

	if (r.negative && r.mag)
		return -(long)(r.mag - 1) - 1;
	return r.mag;
}

unsigned long long strtoull(const char *nptr, char **endptr, int base)
{
	struct parsed r = parse(nptr, endptr, base, ULLONG_LIMIT,
				ULLONG_LIMIT);

	return r.negative && !r.overflow ? -r.mag : r.mag;
}

unsigned long strtoul(const char *nptr, char **endptr, int base)
{
	struct parsed r = parse(nptr, endptr, base, ULONG_LIMIT, ULONG_LIMIT);
	unsigned long v = r.mag;

	return r.negative && !r.overflow ? -v : v;
}

long atol(const char *nptr)
{
	return strtol(nptr, NULL, 10);
}

int atoi(const char *nptr)
{
	return (int)strtol(nptr, NULL, 10);
}
