/* SPDX-License-Identifier: MIT */
/*
 * harness.h - a minimal unit-test harness for the project's host tests.
 *
 * A test file defines cases with TEST(name) { ... CHECK(...); ... } and
 * includes this header once; main() runs every case in file order and
 * prints one "ok - name" / "not ok - name" line per case, then the closing
 * line "N passed, N failed".  The exit status is 1 when anything failed.
 */
#ifndef KUT_HOST_HARNESS_H
#define KUT_HOST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct harness_case {
	const char *name;
	void (*fn)(void);
	struct harness_case *next;
};

static struct harness_case *harness_head, **harness_tail = &harness_head;
static int harness_case_failed;

static inline void harness_register(struct harness_case *c)
{
	*harness_tail = c;
	harness_tail = &c->next;
}

#define TEST(name)							\
	static void test_##name(void);					\
	static struct harness_case case_##name = { #name, test_##name, NULL }; \
	__attribute__((constructor)) static void register_##name(void)	\
	{								\
		harness_register(&case_##name);				\
	}								\
	static void test_##name(void)

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			printf("#   %s:%d: check failed: %s\n",		\
			       __FILE__, __LINE__, #cond);		\
			harness_case_failed = 1;			\
		}							\
	} while (0)

#define CHECK_STR(got, want)						\
	do {								\
		const char *got_ = (got), *want_ = (want);		\
		if (!got_ || strcmp(got_, want_) != 0) {		\
			printf("#   %s:%d: got \"%s\", want \"%s\"\n",	\
			       __FILE__, __LINE__, got_ ? got_ : "(null)", \
			       want_);					\
			harness_case_failed = 1;			\
		}							\
	} while (0)

#define CHECK_INT(got, want)						\
	do {								\
		long long got_ = (long long)(got);			\
		long long want_ = (long long)(want);			\
		if (got_ != want_) {					\
			printf("#   %s:%d: %s is %lld, want %lld\n",	\
			       __FILE__, __LINE__, #got, got_, want_);	\
			harness_case_failed = 1;			\
		}							\
	} while (0)

int main(void)
{
	struct harness_case *c;
	int passed = 0, failed = 0;

	/* Lines out as they happen: a case that crashes keeps the ones before. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (c = harness_head; c; c = c->next) {
		harness_case_failed = 0;
		c->fn();
		printf("%s - %s\n", harness_case_failed ? "not ok" : "ok",
		       c->name);
		if (harness_case_failed)
			failed++;
		else
			passed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

#endif /* KUT_HOST_HARNESS_H */
