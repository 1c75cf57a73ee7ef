/* SPDX-License-Identifier: MIT */
/*
 * libcflat.h - the core API of a kut test.
 *
 * Types, the libc subset, the report API and assertions, under the header
 * name and function names of upstream kvm-unit-tests so that its tests
 * build against kut unchanged.  A test's main(argc, argv) gets argv from
 * the kernel command line (-append) and its environment (getenv) from the
 * initrd, then ends with "return report_summary();".
 */
#ifndef _LIBCFLAT_H_
#define _LIBCFLAT_H_

#ifndef __ASSEMBLY__

#include <linux/compiler.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <alloc.h>

#define xstr(s...) xxstr(s)
#define xxstr(s...) #s

#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define __ALIGN(x, a)		__ALIGN_MASK(x, (typeof(x))(a) - 1)
#define ALIGN(x, a)		__ALIGN((x), (a))
#define ALIGN_DOWN(x, a)	__ALIGN((x) - ((a) - 1), (a))
#define IS_ALIGNED(x, a)	(((x) & ((typeof(x))(a) - 1)) == 0)

#define MIN(a, b)		((a) < (b) ? (a) : (b))
#define MAX(a, b)		((a) > (b) ? (a) : (b))

typedef uint8_t		u8;
typedef int8_t		s8;
typedef uint16_t	u16;
typedef int16_t		s16;
typedef uint32_t	u32;
typedef int32_t		s32;
typedef uint64_t	u64;
typedef int64_t		s64;
typedef unsigned long	ulong;

/* printf length prefixes for the fixed-width types on this arch. */
#if __SIZEOF_LONG__ == 8
#  define __PRI32_PREFIX
#  define __PRI64_PREFIX	"l"
#  define __PRIPTR_PREFIX	"l"
#else
#  define __PRI32_PREFIX
#  define __PRI64_PREFIX	"ll"
#  define __PRIPTR_PREFIX
#endif
#define PRId32	__PRI32_PREFIX	"d"
#define PRIu32	__PRI32_PREFIX	"u"
#define PRIx32	__PRI32_PREFIX	"x"
#define PRId64	__PRI64_PREFIX	"d"
#define PRIu64	__PRI64_PREFIX	"u"
#define PRIx64	__PRI64_PREFIX	"x"
#define PRIxPTR	__PRIPTR_PREFIX	"x"

typedef u64 phys_addr_t;
#define INVALID_PHYS_ADDR	(~(phys_addr_t)0)

/*
 * Console output.  Unlike ISO C, puts() writes the string as it is, with
 * no newline appended (upstream's behaviour, which tests rely on).  Output
 * of one call is never interleaved with another CPU's.
 */
extern int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int vprintf(const char *fmt, va_list va)
	__attribute__((format(printf, 1, 0)));
extern int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
extern int vsnprintf(char *buf, size_t size, const char *fmt, va_list va)
	__attribute__((format(printf, 3, 0)));
extern void puts(const char *s);
extern int putchar(int c);

/*
 * Console input: __getchar() is the next byte waiting on the console's
 * UART, or -1 if none is; getchar() waits for one.  Nothing types on a
 * test's console: the byte comes from a harness (migrate.h).
 */
extern int __getchar(void);
extern int getchar(void);

/*
 * End the test with @code: 0 pass, 77 skip, anything else fail.  exit()
 * prints the exit line "EXIT: STATUS=<(code << 1) | 1>" first, as
 * upstream's arm, powerpc, riscv and s390x libraries do (kut-run takes
 * it as the guest's word), and runs nothing else (no atexit); abort()
 * ends the test as failed with code 64 (assert() and report_abort()
 * print why before calling it).
 */
extern void exit(int code) __attribute__((noreturn));
extern void abort(void) __attribute__((noreturn));

/* The environment given by "kut-run -e KEY=VAL" (an initrd of lines). */
extern char *getenv(const char *name);

/*
 * The report API.  Each call prints one line "PASS: <prefixes><message>"
 * (or FAIL, SKIP, XFAIL, XPASS, KFAIL) and counts it; report_summary()
 * prints "SUMMARY: N tests, M unexpected failures, ..." and returns the
 * test's exit code: 1 if anything failed unexpectedly, 77 if every check
 * was skipped, else 0.  report(), report_xfail() and report_kfail() also
 * return whether the check went as wanted (passed, or failed as expected).
 *
 * report(pass, fmt, ...) is the current form.  The 2017 form
 * report(fmt, pass, ...) still compiles and works: the form is chosen from
 * the type of the first argument (a char pointer means the old form), so a
 * condition that is itself a char pointer must be written "ptr != NULL".
 */
extern bool report(bool pass, const char *msg_fmt, ...)
	__attribute__((format(printf, 2, 3), nonnull(2)));
extern bool report_xfail(bool xfail, bool pass, const char *msg_fmt, ...)
	__attribute__((format(printf, 3, 4), nonnull(3)));
/* A known failure (KFAIL): a bug in the host that is being worked on. */
extern bool report_kfail(bool kfail, bool pass, const char *msg_fmt, ...)
	__attribute__((format(printf, 3, 4), nonnull(3)));
extern void report_pass(const char *msg_fmt, ...)
	__attribute__((format(printf, 1, 2), nonnull(1)));
extern void report_fail(const char *msg_fmt, ...)
	__attribute__((format(printf, 1, 2), nonnull(1)));
extern void report_skip(const char *msg_fmt, ...)
	__attribute__((format(printf, 1, 2), nonnull(1)));
/* Prints "INFO: ..." and counts nothing. */
extern void report_info(const char *msg_fmt, ...)
	__attribute__((format(printf, 1, 2), nonnull(1)));
/* Prints "ABORT: ...", the summary, and ends the test as failed. */
extern void report_abort(const char *msg_fmt, ...)
	__attribute__((format(printf, 1, 2), nonnull(1), noreturn));
extern int report_summary(void);
/* Count a passed check without printing a line (util.h's TEST_EXPECT_EQ). */
extern void report_passed(void);

/*
 * Prefixes: every report line carries the pushed prefixes, "a: b: msg".
 * A prefix must not itself contain ": ".
 */
extern void report_prefix_push(const char *prefix);
extern void report_prefix_pushf(const char *prefix_fmt, ...)
	__attribute__((format(printf, 1, 2)));
extern void report_prefix_pop(void);
extern void report_prefix_popn(int n);

/*
 * The 2017 argument orders, selected by the macros below (int, not bool,
 * before the "...": va_start after a promoted type is undefined).
 */
extern bool kut_report_legacy(const char *msg_fmt, int pass, ...)
	__attribute__((format(printf, 1, 3)));
extern bool kut_report_xfail_legacy(const char *msg_fmt, int xfail,
				    int pass, ...)
	__attribute__((format(printf, 1, 4)));

#define report(first, ...)						\
	_Generic((first),						\
		 char *: kut_report_legacy,				\
		 const char *: kut_report_legacy,			\
		 default: report)(first, __VA_ARGS__)

#define report_xfail(first, ...)					\
	_Generic((first),						\
		 char *: kut_report_xfail_legacy,			\
		 const char *: kut_report_xfail_legacy,		\
		 default: report_xfail)(first, __VA_ARGS__)

/* A simple glob: '*' matches any run of characters, '?' any one. */
extern bool simple_glob(const char *text, const char *pattern);

/* Print the call chain of the caller (or from @frame) as a backtrace. */
extern void dump_stack(void);
extern void dump_frame_stack(const void *instruction, const void *frame);

#define ARRAY_SIZE(_a)	(sizeof(_a) / sizeof((_a)[0]))

#define container_of(ptr, type, member) ({				\
	const typeof(((type *)0)->member) *__mptr = (ptr);		\
	(type *)((char *)__mptr - offsetof(type, member)); })

#define assert(cond)							\
do {									\
	if (!(cond)) {							\
		printf("%s:%d: assert failed: %s\n",			\
		       __FILE__, __LINE__, #cond);			\
		dump_stack();						\
		abort();						\
	}								\
} while (0)

#define assert_msg(cond, fmt, args...)					\
do {									\
	if (!(cond)) {							\
		printf("%s:%d: assert failed: %s: " fmt "\n",		\
		       __FILE__, __LINE__, #cond, ## args);		\
		dump_stack();						\
		abort();						\
	}								\
} while (0)

/* @x in binary, a ' between groups of four bits. */
#define BINSTR_SZ (sizeof(unsigned long) * 8 + sizeof(unsigned long) * 2)
extern void binstr(unsigned long x, char out[BINSTR_SZ]);
extern void print_binstr(unsigned long x);

/*
 * Full virtual memory, malloc() from vmalloc: see vmalloc.h, which has
 * the rest of that API (declared here too, as upstream does).
 */
extern void setup_vm(void);

#endif /* !__ASSEMBLY__ */

#define SZ_256		(1 << 8)
#define SZ_4K		(1 << 12)
#define SZ_8K		(1 << 13)
#define SZ_16K		(1 << 14)
#define SZ_64K		(1 << 16)
#define SZ_1M		(1 << 20)
#define SZ_2M		(1 << 21)
#define SZ_1G		(1 << 30)
#define SZ_2G		(1ul << 31)

#endif /* _LIBCFLAT_H_ */
