// SPDX-License-Identifier: MIT
/*
 * test-lib-string.c - libkut's string functions and strto* against the
 * host's glibc.
 *
 * These functions are also what a distro-built libfdt.a links against in
 * a guest, so they are held to the host libc's exact results: every
 * length and alignment the word-at-a-time copies special-case, overlap in
 * both directions for memmove, the sign of comparisons with bytes above
 * 0x7f, and for strto* the value, the end pointer and errno over a table
 * of strings (prefixes, signs, white space, every overflow boundary) in
 * every interesting base.
 */
#define _GNU_SOURCE	/* memrchr, strchrnul */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

#define SPAN	80

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 31 + i * 7 + (i >> 3));
}

TEST(memcpy_every_length_and_alignment)
{
	unsigned char src[SPAN + 16], want[SPAN + 16], got[SPAN + 16];
	size_t so, d_off, n;

	fill(src, sizeof(src), 1);
	for (so = 0; so < 8; so++) {
		for (d_off = 0; d_off < 8; d_off++) {
			for (n = 0; n <= SPAN; n++) {
				memset(want, 0xee, sizeof(want));
				memset(got, 0xee, sizeof(got));
				memcpy(want + d_off, src + so, n);
				CHECK(kut_memcpy(got + d_off, src + so, n) ==
				      got + d_off);
				CHECK(!memcmp(want, got, sizeof(want)));
			}
		}
	}
}

TEST(memmove_overlap_both_ways)
{
	unsigned char want[SPAN + 32], got[SPAN + 32];
	size_t from, to, n;

	for (from = 0; from < 24; from++) {
		for (to = 0; to < 24; to++) {
			for (n = 0; n <= SPAN; n += (n < 20 ? 1 : 7)) {
				fill(want, sizeof(want), 3);
				fill(got, sizeof(got), 3);
				memmove(want + to, want + from, n);
				CHECK(kut_memmove(got + to, got + from, n) ==
				      got + to);
				CHECK(!memcmp(want, got, sizeof(want)));
			}
		}
	}
}

TEST(memset_every_length_and_alignment)
{
	static const int values[] = { 0, 0x5a, 0xff, -1, 0x1ab };
	unsigned char want[SPAN + 16], got[SPAN + 16];
	size_t off, n, v;

	for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
		for (off = 0; off < 8; off++) {
			for (n = 0; n <= SPAN; n++) {
				fill(want, sizeof(want), 5);
				fill(got, sizeof(got), 5);
				memset(want + off, values[v], n);
				CHECK(kut_memset(got + off, values[v], n) ==
				      got + off);
				CHECK(!memcmp(want, got, sizeof(want)));
			}
		}
	}
}

TEST(memcmp_memchr_memrchr)
{
	unsigned char a[40], b[40];
	size_t i, n;

	fill(a, sizeof(a), 9);
	for (i = 0; i < sizeof(a); i++) {
		for (n = 0; n <= sizeof(a); n++) {
			memcpy(b, a, sizeof(b));
			b[i] ^= 0x80;
			CHECK_INT(sign(kut_memcmp(a, b, n)), sign(memcmp(a, b, n)));
			CHECK_INT(sign(kut_memcmp(b, a, n)), sign(memcmp(b, a, n)));
			CHECK(kut_memchr(a, a[i], n) == memchr(a, a[i], n));
			CHECK(kut_memchr(a, a[i] | 0x100, n) ==
			      memchr(a, a[i] | 0x100, n));
			CHECK(kut_memrchr(a, a[i], n) == memrchr(a, a[i], n));
		}
	}
	CHECK(kut_memchr(a, 0x100 + a[3], 0) == NULL);
	CHECK(kut_memcmp("\x80", "\x7f", 1) > 0);
}

static const char *const strs[] = {
	"", "a", "b", "ab", "abc", "abd", "ABC", "aBc", "hello world",
	"\x80", "\x7f", "\xff\x01", "a\xff", "abcabcabd", "xyzzy", "  lead",
	"trail  ", "a,b;c", "tab\tsep",
};
#define NSTRS	(sizeof(strs) / sizeof(strs[0]))

TEST(strlen_strnlen)
{
	char nonul[3] = { 'x', 'y', 'z' };
	size_t i, n;

	for (i = 0; i < NSTRS; i++) {
		CHECK_INT(kut_strlen(strs[i]), strlen(strs[i]));
		for (n = 0; n < 14; n++)
			CHECK_INT(kut_strnlen(strs[i], n), strnlen(strs[i], n));
	}
	CHECK_INT(kut_strnlen(nonul, 3), 3);
}

TEST(comparisons)
{
	size_t i, j, n;

	for (i = 0; i < NSTRS; i++) {
		for (j = 0; j < NSTRS; j++) {
			const char *a = strs[i], *b = strs[j];

			CHECK_INT(sign(kut_strcmp(a, b)), sign(strcmp(a, b)));
			CHECK_INT(sign(kut_strcasecmp(a, b)),
				  sign(strcasecmp(a, b)));
			for (n = 0; n < 6; n++) {
				CHECK_INT(sign(kut_strncmp(a, b, n)),
					  sign(strncmp(a, b, n)));
				CHECK_INT(sign(kut_strncasecmp(a, b, n)),
					  sign(strncasecmp(a, b, n)));
			}
		}
	}
	CHECK_INT(kut_strcasecmp("HeLLo", "hello"), 0);
	CHECK(kut_strncmp("abc", "abd", (size_t)-1) < 0);
	/* Equal strings are equal whatever follows their NULs. */
	CHECK_INT(kut_strncmp("ab\0x", "ab\0y", 5), 0);
	CHECK_INT(kut_strncasecmp("ab\0x", "AB\0y", 5), 0);
}

/* Fill both buffers with 'X' and start them with the string @prefix. */
static void reset(char *want, char *got, size_t size, const char *prefix)
{
	memset(want, 'X', size);
	memset(got, 'X', size);
	strcpy(want, prefix);
	strcpy(got, prefix);
}

TEST(copies_and_concatenation)
{
	char want[64], got[64];
	size_t i, n;

	for (i = 0; i < NSTRS; i++) {
		reset(want, got, sizeof(want), "");
		CHECK(kut_strcpy(got, strs[i]) == got);
		strcpy(want, strs[i]);
		CHECK(!memcmp(want, got, sizeof(want)));
		for (n = 0; n < 16; n++) {
			reset(want, got, sizeof(want), "");
			CHECK(kut_strncpy(got, strs[i], n) == got);
			strncpy(want, strs[i], n);
			CHECK(!memcmp(want, got, sizeof(want)));

			reset(want, got, sizeof(want), "pre-");
			CHECK(kut_strncat(got, strs[i], n) == got);
			strncat(want, strs[i], n);
			CHECK(!memcmp(want, got, sizeof(want)));
		}
		reset(want, got, sizeof(want), "pre-");
		CHECK(kut_strcat(got, strs[i]) == got);
		strcat(want, strs[i]);
		CHECK(!memcmp(want, got, sizeof(want)));
	}
}

TEST(searches)
{
	static const int chars[] = { 'a', 'b', 'c', 'z', ' ', '\0', 0x80,
				     0xff, 0x161, -1 };
	static const char *const sets[] = { "", "a", "ba", " ,;", "xyz",
					     "\xff", "abcdefgh" };
	size_t i, c, j;

	for (i = 0; i < NSTRS; i++) {
		const char *s = strs[i];

		for (c = 0; c < sizeof(chars) / sizeof(chars[0]); c++) {
			CHECK(kut_strchr(s, chars[c]) == strchr(s, chars[c]));
			CHECK(kut_strrchr(s, chars[c]) == strrchr(s, chars[c]));
			CHECK(kut_strchrnul(s, chars[c]) ==
			      strchrnul(s, chars[c]));
		}
		for (j = 0; j < NSTRS; j++)
			CHECK(kut_strstr(s, strs[j]) == strstr(s, strs[j]));
		for (j = 0; j < sizeof(sets) / sizeof(sets[0]); j++) {
			CHECK_INT(kut_strspn(s, sets[j]), strspn(s, sets[j]));
			CHECK_INT(kut_strcspn(s, sets[j]), strcspn(s, sets[j]));
			CHECK(kut_strpbrk(s, sets[j]) == strpbrk(s, sets[j]));
		}
	}
}

static void *arena;

/* strdup needs malloc: give the page allocator 1 MiB of host memory. */
static void heap_setup(void)
{
	size_t size = 1 << 20;

	if (arena)
		return;
	arena = aligned_alloc(size, size);
	kut_page_alloc_init_area(KUT_AREA_ANY_NUMBER,
				 (uintptr_t)arena >> 12,
				 ((uintptr_t)arena + size) >> 12);
	kut_page_alloc_ops_enable();
}

TEST(strdup_strndup)
{
	char *p;
	size_t i, n;

	heap_setup();
	for (i = 0; i < NSTRS; i++) {
		p = kut_strdup(strs[i]);
		CHECK_STR(p, strs[i]);
		CHECK(p != strs[i]);
		kut_free(p);
		for (n = 0; n < 8; n++) {
			char *want = strndup(strs[i], n);

			p = kut_strndup(strs[i], n);
			CHECK_STR(p, want);
			kut_free(p);
			free(want);
		}
	}
}

TEST(simple_glob)
{
	CHECK(kut_simple_glob("", ""));
	CHECK(kut_simple_glob("", "*"));
	CHECK(kut_simple_glob("abc", "*"));
	CHECK(kut_simple_glob("abc", "abc"));
	CHECK(!kut_simple_glob("abc", "ab"));
	CHECK(!kut_simple_glob("ab", "abc"));
	CHECK(kut_simple_glob("abc", "a*"));
	CHECK(kut_simple_glob("abc", "*c"));
	CHECK(kut_simple_glob("abc", "a*c"));
	CHECK(kut_simple_glob("abc", "a?c"));
	CHECK(!kut_simple_glob("ac", "a?c"));
	CHECK(kut_simple_glob("pmu-event-counter", "pmu-*-counter"));
	CHECK(kut_simple_glob("aaaab", "*a*b"));
	CHECK(!kut_simple_glob("aaaa", "*a*b"));
	CHECK(kut_simple_glob("mississippi", "m*iss*ppi"));
	CHECK(kut_simple_glob("mississippi", "*s*s*s*s*"));
	CHECK(!kut_simple_glob("mississippi", "*s*s*s*s*s*"));
	CHECK(kut_simple_glob("x86/vmx", "*/*"));
	CHECK(kut_simple_glob("abc", "***"));
	CHECK(!kut_simple_glob("", "?"));
}

static const char *const numbers[] = {
	"0", "1", "-1", "+1", "123", "-123", "+7", "  \t\n\v\f\r42", " -",
	" +", "-", "+", "", "   ", "0x", "0X", "0x1f", "0X1F", "0xg", "-0x10",
	"+0x10", "0x-1", "077", "08", "09", "0", "00", "-0", "1010", "zz",
	"Zz", "z", "10", "1e5", " +0x", "12abc", "--1", "+-1", "- 1", "0b101",
	"2147483647", "2147483648", "-2147483648", "-2147483649",
	"4294967295", "4294967296", "-4294967295", "-4294967296",
	"9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616",
	"-18446744073709551615", "-18446744073709551616",
	"99999999999999999999999", "-99999999999999999999999",
	"0x7fffffffffffffff", "0x8000000000000000", "-0x8000000000000000",
	"-0x8000000000000001", "0xffffffffffffffff", "0x10000000000000000",
	"01777777777777777777777", "02000000000000000000000",
	"1111111111111111111111111111111111111111111111111111111111111111",
	"11111111111111111111111111111111111111111111111111111111111111111",
	"3w5e11264sgsf", "3w5e11264sgsg", "-1y2p0ij32e8e8",
	("\xff" "12"),
};

static const int bases[] = { 0, 2, 8, 10, 16, 36 };

/* Compare one strto* function with glibc's over all numbers and bases. */
#define CMP_STRTO(fn)							\
	do {								\
		size_t i_, b_;						\
		for (i_ = 0; i_ < sizeof(numbers) / sizeof(numbers[0]); i_++) \
		for (b_ = 0; b_ < sizeof(bases) / sizeof(bases[0]); b_++) { \
			const char *s_ = numbers[i_];			\
			char *ew_, *eg_;				\
			int errw_, errg_;				\
			errno = 0;					\
			kut_errno = 0;					\
			__typeof__(fn(s_, &ew_, 0)) w_ =		\
				fn(s_, &ew_, bases[b_]);		\
			errw_ = errno;					\
			__typeof__(w_) g_ = kut_##fn(s_, &eg_, bases[b_]); \
			errg_ = kut_errno;				\
			if (w_ != g_ || ew_ != eg_ || errw_ != errg_) {	\
				printf("#   %s(\"%s\", %d): glibc %llx end+%d errno %d, kut %llx end+%d errno %d\n", \
				       #fn, s_, bases[b_],		\
				       (unsigned long long)w_, (int)(ew_ - s_), \
				       errw_, (unsigned long long)g_,	\
				       (int)(eg_ - s_), errg_);		\
				harness_case_failed = 1;		\
			}						\
		}							\
	} while (0)

TEST(strtol_like_glibc)
{
	CMP_STRTO(strtol);
}

TEST(strtoul_like_glibc)
{
	CMP_STRTO(strtoul);
}

TEST(strtoll_like_glibc)
{
	CMP_STRTO(strtoll);
}

TEST(strtoull_like_glibc)
{
	CMP_STRTO(strtoull);
}

TEST(strto_null_endptr_and_errno_untouched)
{
	kut_errno = 12345;
	CHECK_INT(kut_strtol("  -77xyz", NULL, 10), -77);
	CHECK_INT(kut_strtoul("ff", NULL, 16), 255);
	CHECK_INT(kut_errno, 12345);
	CHECK_INT(kut_strtoll("99999999999999999999", NULL, 10), LLONG_MAX);
	CHECK_INT(kut_errno, ERANGE);
}

TEST(strto_bad_base)
{
	static const int bad[] = { -1, 1, 37, 100 };
	const char *s = " 12";
	char *end = NULL;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		kut_errno = 0;
		CHECK_INT(kut_strtol(s, &end, bad[i]), 0);
		CHECK(end == s);
		CHECK_INT(kut_errno, EINVAL);
	}
}

TEST(atoi_atol)
{
	CHECK_INT(kut_atoi("42"), 42);
	CHECK_INT(kut_atoi("  -17 apples"), -17);
	CHECK_INT(kut_atoi("0x10"), 0);
	CHECK_INT(kut_atoi("010"), 10);
	CHECK_INT(kut_atol("-9223372036854775808"), LONG_MIN);
	CHECK_INT(kut_atol("junk"), 0);
}
