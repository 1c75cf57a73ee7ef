/* SPDX-License-Identifier: MIT */
/*
 * util.h - small helpers tests share: "key=value" arguments and
 * equality checks that print both sides.
 */
#ifndef _UTIL_H_
#define _UTIL_H_

#include <libcflat.h>

/*
 * static_assert(expr) or static_assert(expr, "message"): the C11
 * _Static_assert with an optional message (the expression when none).
 */
#ifndef static_assert
#define static_assert(expr, ...)	__kut_static_assert(expr, ##__VA_ARGS__, #expr)
#define __kut_static_assert(expr, msg, ...)	_Static_assert(expr, msg)
#endif

/*
 * For an argument like "mem=256" (from -append 'mem=256'): store the
 * number after the '=' (decimal, or 0x.. hex, or 0.. octal) in *@val and
 * return the offset of the '=' in @s, so that s[ret] = '\0' leaves the
 * key.  Returns -1, leaving *@val alone, when @s holds no '='.
 */
extern int parse_keyval(char *s, long *val);

/*
 * TEST_EXPECT_EQ(a, b): a failed check (not an abort) when a != b, which
 * prints both expressions and their values in hex, binary and decimal,
 * and a backtrace; when they are equal it only counts a passed check
 * (report_passed()), printing nothing.  _MSG adds a printf message.
 */
#define __TEST_EQ(a, b, a_str, b_str, assertion, do_abort, fmt, args...)	\
do {										\
	typeof(a) __a = (a);							\
	typeof(b) __b = (b);							\
	if (__a != __b) {							\
		char __bin_a[BINSTR_SZ], __bin_b[BINSTR_SZ];			\
		binstr((unsigned long)__a, __bin_a);				\
		binstr((unsigned long)__b, __bin_b);				\
		report_fail("%s:%d: %s failed: (%s) == (%s)\n"			\
			    "\tLHS: %#018lx - %s - %lu\n"			\
			    "\tRHS: %#018lx - %s - %lu%s" fmt,			\
			    __FILE__, __LINE__,					\
			    (assertion) ? "Assertion" : "Expectation",		\
			    a_str, b_str,					\
			    (unsigned long)__a, __bin_a, (unsigned long)__a,	\
			    (unsigned long)__b, __bin_b, (unsigned long)__b,	\
			    fmt[0] ? "\n" : "", ##args);			\
		dump_stack();							\
		if (assertion) {						\
			do_abort;						\
		}								\
	} else {								\
		report_passed();						\
	}									\
} while (0)

#define TEST_EXPECT_EQ(a, b)	__TEST_EQ(a, b, #a, #b, 0, , "")
#define TEST_EXPECT_EQ_MSG(a, b, fmt, args...) \
	__TEST_EQ(a, b, #a, #b, 0, , fmt, ##args)

#endif /* _UTIL_H_ */
