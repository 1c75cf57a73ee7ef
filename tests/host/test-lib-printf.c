// SPDX-License-Identifier: MIT
/*
 * test-lib-printf.c - libkut's formatter against the host's glibc.
 *
 * Every guest message goes through kut_vsnprintf's core, and a test's
 * output is only trustworthy if it prints numbers exactly as a hosted
 * libc would, so most cases here run the same format and arguments
 * through glibc's snprintf and kut_snprintf and demand identical return
 * values and identical buffers, including the bytes after the end (which
 * must stay untouched).  The formats cover every conversion, flag, width,
 * precision and length modifier kut supports, with the extreme values of
 * each type, and truncation at every small buffer size.  The deliberate
 * differences (%p of NULL, unsupported conversions) are checked against
 * kut's documented output instead.  The console functions are checked
 * through the host's captured console.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

#define BUFSZ	512

static int compared;

/* Compare one result pair; on a mismatch, say which format failed. */
static void same(const char *file, int line, const char *fmt, size_t n,
		 int rw, const char *want, int rg, const char *got)
{
	compared++;
	if (rw == rg && !memcmp(want, got, BUFSZ))
		return;
	printf("#   %s:%d: format \"%s\" size %zu: glibc %d \"%.*s\", kut %d \"%.*s\"\n",
	       file, line, fmt, n, rw, (int)(n ? strnlen(want, n) : 0), want,
	       rg, (int)(n ? strnlen(got, n) : 0), got);
	harness_case_failed = 1;
}

/* Run @fmt through both with a buffer of @n bytes (NULL when 0). */
#define CMP_N(n, fmt, ...)						\
	do {								\
		char want_[BUFSZ], got_[BUFSZ];				\
		size_t n_ = (n);					\
		int rw_, rg_;						\
		memset(want_, 0x5a, sizeof(want_));			\
		memset(got_, 0x5a, sizeof(got_));			\
		rw_ = snprintf(n_ ? want_ : NULL, n_, fmt, __VA_ARGS__); \
		rg_ = kut_snprintf(n_ ? got_ : NULL, n_, fmt, __VA_ARGS__); \
		same(__FILE__, __LINE__, fmt, n_, rw_, want_, rg_, got_); \
	} while (0)

#define CMP(fmt, ...)	CMP_N(BUFSZ, fmt, __VA_ARGS__)

/*
 * Formats that the compiler's format checking rightly rejects (undefined
 * or GNU-only combinations, unsupported conversions) go through here so
 * that they reach both implementations unchecked.
 */
static __attribute__((noinline)) const char *unchecked(const char *fmt)
{
	return fmt;
}

/* Check kut's output of a format whose glibc output differs on purpose. */
#define KUT_IS(want, fmt, ...)						\
	do {								\
		char kbuf_[BUFSZ];					\
		int kret_ = kut_snprintf(kbuf_, sizeof(kbuf_), fmt, __VA_ARGS__); \
		CHECK_STR(kbuf_, want);					\
		CHECK_INT(kret_, strlen(want));				\
	} while (0)

static const char *const int_formats[] = {
	"%d", "%i", "%u", "%x", "%X", "%o", "%c",
	"%5d", "%-5d", "%05d", "%+d", "% d", "%+5d", "%-+5d", "% 5d",
	"%.3d", "%.0d", "%.d", "%8.3d", "%-8.3d", "%08.3d", "%+.0d",
	"% 05d", "%+-7d", "%0-7d", "%+012d", "% 012d", "%.12d", "%20.15i",
	"%#x", "%#X", "%#o", "%#5o", "%#08x", "%-#8x", "%#.0o", "%#.0x",
	"%#.3o", "%#.5x", "%#10.4X", "%.10x", "%08o", "%-8u", "%012u",
	"%+u", "% u", "%.0u", "%.0x", "%.0o", "%#-12o", "%#012o",
	"%hhd", "%hd", "%hhu", "%hu", "%hhx", "%hx", "%hho", "%#hhx",
	"%5hhd", "%-7hd", "%+hhd", "%.4hhu",
	"[%d|%x]x", "%d%%", "%3c", "%-3c",
};

static const int int_values[] = {
	0, 1, -1, 7, 8, 9, 10, 15, 16, 42, -42, 99, 100, 127, 128, 255, 256,
	-128, -129, 1000, 4095, 32767, -32768, 65535, 65536, 0x12345678,
	123456789, -987654321, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1,
};

TEST(int_conversions)
{
	size_t f, v;

	for (f = 0; f < sizeof(int_formats) / sizeof(int_formats[0]); f++) {
		for (v = 0; v < sizeof(int_values) / sizeof(int_values[0]); v++) {
			if (strstr(int_formats[f], "|"))
				CMP(int_formats[f], int_values[v], int_values[v]);
			else
				CMP(int_formats[f], int_values[v]);
		}
	}
}

static const char *const long_formats[] = {
	"%ld", "%li", "%lu", "%lx", "%lX", "%lo", "%#lx", "%#lo", "%20ld",
	"%-20lu|", "%.15lx", "%+ld", "% ld", "%021ld", "%-+21ld|", "%.0ld",
	"%#.0lx", "%#25.20lo", "%025lX",
};

static const long long_values[] = {
	0, 1, -1, 10, -10, 0x7f, 1234567890L, -1234567890L, LONG_MAX, LONG_MIN,
	LONG_MAX - 7, LONG_MIN + 7, (long)0xdeadbeefcafebabeULL,
	(long)0x8000000000000001ULL,
};

TEST(long_conversions)
{
	size_t f, v;

	for (f = 0; f < sizeof(long_formats) / sizeof(long_formats[0]); f++)
		for (v = 0; v < sizeof(long_values) / sizeof(long_values[0]); v++)
			CMP(long_formats[f], long_values[v]);
}

static const char *const llong_formats[] = {
	"%lld", "%lli", "%llu", "%llx", "%llX", "%llo", "%#llo", "%#llx",
	"%+lld", "% lld", "%30lld", "%-30llu|", "%.25llu", "%030llx",
	"%-#30llX|", "%.0lld", "%#.0llo", "%+.30lld", "%35.30llo",
	"%jd", "%ju", "%jx", "%-5jd|", "%qd",
};

static const long long llong_values[] = {
	0, 1, -1, 1000000000000000000LL, -1000000000000000000LL,
	LLONG_MAX, LLONG_MIN, LLONG_MIN + 1, (long long)ULLONG_MAX,
	0x100000000LL, 0xffffffffLL, -0x100000001LL, 4294967296000LL,
	(long long)0xfedcba9876543210ULL, 9999999999999999LL,
};

TEST(long_long_conversions)
{
	size_t f, v;

	for (f = 0; f < sizeof(llong_formats) / sizeof(llong_formats[0]); f++) {
		/* %qd is BSD's %lld: kut does not know it, glibc does. */
		if (!strcmp(llong_formats[f], "%qd"))
			continue;
		for (v = 0; v < sizeof(llong_values) / sizeof(llong_values[0]); v++)
			CMP(llong_formats[f], llong_values[v]);
	}
}

TEST(size_and_ptrdiff_conversions)
{
	static const size_t sizes[] = {
		0, 1, 4096, SIZE_MAX, SIZE_MAX / 2, SIZE_MAX / 2 + 1, 123456,
	};
	static const char *const fmts[] = {
		"%zu", "%zx", "%zX", "%zo", "%zd", "%5zu", "%-12zx|", "%+zd",
		"%tu", "%tx", "%td", "%#zx", "%020zd", "%.0zu",
	};
	size_t f, v;

	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		for (v = 0; v < sizeof(sizes) / sizeof(sizes[0]); v++)
			CMP(fmts[f], sizes[v]);
}

TEST(strings)
{
	static const char *const strs[] = {
		"", "a", "hello", "hello, world", "0123456789abcdefghij",
		"tab\there", "\x80\xff high bytes",
	};
	static const char *const fmts[] = {
		"%s", "%10s", "%-10s|", "%.3s", "%.0s", "%10.3s", "%-10.3s|",
		"%.20s", "%1s", "%05s", "%-05s|", "%.s", "[%s]", "%s%s",
	};
	size_t f, v;

	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
		for (v = 0; v < sizeof(strs) / sizeof(strs[0]); v++) {
			if (!strcmp(fmts[f], "%s%s"))
				CMP(fmts[f], strs[v], strs[v]);
			else
				CMP(fmts[f], strs[v]);
		}
	}
}

TEST(null_string_like_glibc)
{
	const char *null = NULL;
	static const char *const fmts[] = {
		"%s", "%10s", "%-10s|", "%.3s", "%.5s", "%.6s", "%.7s",
		"%8.2s|", "%.0s",
	};
	size_t f;

	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		CMP(fmts[f], null);
}

TEST(precision_past_unterminated_array)
{
	/* With a precision, %s must read no further than it. */
	char nonul[4] = { 'a', 'b', 'c', 'd' };

	CMP("%.4s", nonul);
	CMP("%.2s", nonul);
}

TEST(chars)
{
	static const int chars[] = { 'a', 'Z', ' ', '%', 0x7f, 0xff, 0x141 };
	static const char *const fmts[] = {
		"%c", "%3c", "%-3c|", "%03c", "[%c]", "%c%c",
	};
	size_t f, v;

	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
		for (v = 0; v < sizeof(chars) / sizeof(chars[0]); v++) {
			if (!strcmp(fmts[f], "%c%c"))
				CMP(fmts[f], chars[v], chars[v]);
			else
				CMP(fmts[f], chars[v]);
		}
	}
	/* A NUL character is output too, and counted. */
	CMP("a%cb", 0);
}

TEST(star_width_and_precision)
{
	static const int widths[] = { INT_MIN + 1, -30, -10, -1, 0, 1, 5, 20 };
	static const int precs[] = { INT_MIN, -5, -1, 0, 1, 3, 12 };
	size_t w, p;

	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		/* INT_MIN + 1 as a width is too large an output to compare. */
		if (w == 0)
			continue;
		CMP("%*d|", widths[w], 42);
		CMP("%-*d|", widths[w], -42);
		CMP("%0*d|", widths[w], -42);
		CMP("%*s|", widths[w], "str");
		CMP("%*c|", widths[w], 'c');
		CMP("%*x|", widths[w], 0xabc);
		for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
			CMP("%*.*d|", widths[w], precs[p], 1234);
			CMP("%*.*d|", widths[w], precs[p], 0);
			CMP(unchecked("%0*.*x|"), widths[w], precs[p], 0xbeef);
			CMP("%*.*s|", widths[w], precs[p], "precision");
			CMP("%-*.*lld|", widths[w], precs[p], LLONG_MIN);
		}
	}
	CMP("%.*s|", 3, "abcdef");
	CMP("%.*s|", -3, "abcdef");
}

TEST(pointers)
{
	static const uintptr_t ptrs[] = {
		1, 0x10, 0xdeadbeef, 0x7fffffffffffULL, UINTPTR_MAX,
		0xffff800000001000ULL,
	};
	static const char *const fmts[] = {
		"%p", "%20p", "%-20p|", "%020p", "%.20p", "%+p", "% p",
		"[%p]", "%5p",
	};
	size_t f, v;

	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		for (v = 0; v < sizeof(ptrs) / sizeof(ptrs[0]); v++)
			CMP(fmts[f], (void *)ptrs[v]);
}

TEST(null_pointer_like_upstream)
{
	/* Deliberately not glibc's "(nil)": upstream prints 0x0. */
	KUT_IS("0x0", "%p", (void *)NULL);
	KUT_IS("  0x0", "%5p", (void *)NULL);
	KUT_IS("0x0  |", "%-5p|", (void *)NULL);
}

TEST(percent_and_plain_text)
{
	CMP("100%%%s", "");
	CMP(unchecked("%5%%s"), "");
	CMP(unchecked("%-5%|%s"), "");
	CMP("%s", "no conversions at all");
	CMP("a%%b%%c%d", 1);
	CMP("%d%d%d%d%d%d%d%d%d%d", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	CMP("%s=%d, %s=%#lx, %c%%\n", "alpha", -5, "beta", 0xabcdefUL, '!');
}

TEST(mixed_lengths_in_one_format)
{
	CMP("%hhd %hd %d %ld %lld %zd %jd %td", (signed char)-1, (short)-2,
	    -3, -4L, -5LL, (ssize_t)-6, (intmax_t)-7, (ptrdiff_t)-8);
	CMP("%hhx %hx %x %lx %llx %zx %jx %tx", (unsigned char)0xff,
	    (unsigned short)0xffff, 0xffffffffu, ULONG_MAX, ULLONG_MAX,
	    SIZE_MAX, UINTMAX_MAX, (ptrdiff_t)-1);
	/* Values wider than the length modifier are truncated to it. */
	CMP(unchecked("%hhd %hhu %hd %hu"), 0x1ff, 0x1ff, 0x18000, 0x18000);
}

TEST(truncation_and_return_value)
{
	static const char *const fmts[] = {
		"%s", "%d", "%10d", "%-10s|", "abc%sdef", "%#llx", "%c%c%c",
	};
	size_t n;

	for (n = 0; n < 24; n++) {
		CMP_N(n, fmts[0], "hello, world");
		CMP_N(n, fmts[1], -123456789);
		CMP_N(n, fmts[2], 42);
		CMP_N(n, fmts[3], "xyz");
		CMP_N(n, fmts[4], "123");
		CMP_N(n, fmts[5], ULLONG_MAX);
		CMP_N(n, fmts[6], 'a', 'b', 'c');
		CMP_N(n, "%s", "");
	}
}

TEST(size_zero_writes_nothing)
{
	char buf[4] = { 'x', 'x', 'x', 'x' };

	CHECK_INT(kut_snprintf(buf, 0, "%s", "abc"), 3);
	CHECK(buf[0] == 'x');
	CHECK_INT(kut_snprintf(NULL, 0, "%d-%s", 12345, "six"), 9);
	CHECK_INT(kut_snprintf(buf, 1, "%s", "abc"), 3);
	CHECK(buf[0] == '\0' && buf[1] == 'x');
}

TEST(long_output_is_not_limited)
{
	static char want[100000], got[100000];
	int rw, rg;

	rw = snprintf(want, sizeof(want), "<%70000d>", -7);
	rg = kut_snprintf(got, sizeof(got), "<%70000d>", -7);
	CHECK_INT(rg, rw);
	CHECK(!strcmp(want, got));
	rg = kut_snprintf(got, 10, "%.90000d", 1);
	CHECK_INT(rg, 90000);
	CHECK_STR(got, "000000000");
}

TEST(unsupported_conversions_print_as_written)
{
	/* No floating point in a guest: copied out, no argument used. */
	KUT_IS("%f 5", unchecked("%f %d"), 5);
	KUT_IS("x%5.2fy", unchecked("x%5.2fy%s"), "");
	KUT_IS("%y%k5", unchecked("%y%k%d"), 5);
	KUT_IS("%lc", unchecked("%lc%s"), "");
	KUT_IS("end %", "end %%%s", "");
	CHECK_INT(kut_snprintf(NULL, 0, unchecked("abc%"), 0), 4);
	CHECK_INT(kut_snprintf(NULL, 0, unchecked("abc%-5"), 0), 6);
}

TEST(u16_strings_like_upstream)
{
	static const uint16_t wide[] = { 'E', 'F', 'I', 0x263a, '!', 0 };

	KUT_IS("EFI?!", unchecked("%ls"), wide);
	KUT_IS("  EF", unchecked("%4.2ls"), wide);
	KUT_IS("(null)", unchecked("%ls"), (uint16_t *)NULL);
}

static void print_long_line(void)
{
	char s[1001];
	int r;

	memset(s, 'q', 1000);
	s[1000] = '\0';
	r = kut_printf("[%s|%d]", s, 77);
	kut_exit(r);
}

TEST(console_printf_is_chunked_not_cut)
{
	char want[1100];

	host_console_reset();
	CHECK_INT(host_run(print_long_line), 1005);
	memset(want, 0, sizeof(want));
	want[0] = '[';
	memset(want + 1, 'q', 1000);
	/* exit()'s line goes on a line of its own: (1005 << 1 | 1) & 0xff */
	strcpy(want + 1001, "|77]\nEXIT: STATUS=219\n");
	CHECK_STR(host_console, want);
	CHECK_INT(host_console_len, 1023);
}

static void print_then_pass(void)
{
	kut_printf("figures: 42\n");
	kut_exit(0);
}

static void print_then_skip(void)
{
	kut_puts("no newline");
	kut_exit(77);
}

/* exit() says its status, on a line of its own and with no blank line. */
TEST(exit_prints_the_exit_line)
{
	host_console_reset();
	CHECK_INT(host_run(print_then_pass), 0);
	CHECK_STR(host_console, "figures: 42\nEXIT: STATUS=1\n");
	host_console_reset();
	CHECK_INT(host_run(print_then_skip), 77);
	CHECK_STR(host_console, "no newline\nEXIT: STATUS=77\n");
}

TEST(console_functions)
{
	host_console_reset();
	kut_puts("no newline");
	CHECK_STR(host_console, "no newline");
	CHECK_INT(kut_putchar('!'), '!');
	CHECK_INT(kut_putchar(0x1ff), 0xff);
	CHECK_INT(kut_printf("%d-%s\n", 5, "x"), 4);
	CHECK_STR(host_console, "no newline!\xff" "5-x\n");
	host_console_input = "ab";
	CHECK_INT(kut___getchar(), 'a');
	CHECK_INT(kut_getchar(), 'b');
	CHECK_INT(kut___getchar(), -1);
	host_console_input = NULL;
}

TEST(binstr)
{
	char out[sizeof(long) * 8 + sizeof(long) * 2];

	kut_binstr(0x5, out);
	CHECK_INT(strlen(out), sizeof(out) - 1);
	CHECK(!strncmp(out, "0000'0000'", 10));
	CHECK(!strcmp(out + strlen(out) - 9, "0000'0101"));
	kut_binstr(~0ul, out);
	CHECK(!strncmp(out, "1111'1111'1111", 14));
	CHECK(!strchr(out, '0'));
	host_console_reset();
	kut_print_binstr(0x80000000ul);
	CHECK(!strcmp(host_console + host_console_len - 9, "0000'0000"));
	CHECK(strstr(host_console, "'1000'") != NULL);
}

TEST(zz_count)
{
	printf("#   %d formatted results compared with glibc\n", compared);
	CHECK(compared > 3000);
}
