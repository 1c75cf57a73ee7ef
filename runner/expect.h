/* SPDX-License-Identifier: MIT */
/*
 * expect.h - known failures: the --expect FILE a CI keeps per host or per
 * accelerator, so a run tells a regression from a failure it knew about.
 *
 * One entry per line, "NAME: FAIL reason" or "NAME: SKIP reason"; NAME may
 * be a glob; '#' starts a comment line.  FAIL: the test runs, and failing
 * (or timing out, or crashing) is reported as XFAIL and does not fail the
 * run, while passing is XPASS, which does.  SKIP: the test is not run and
 * is reported as SKIP with the reason (a test that hangs this host).  The
 * first entry naming a test exactly wins, else the first glob matching it.
 */
#ifndef KUT_RUNNER_EXPECT_H
#define KUT_RUNNER_EXPECT_H

#include <stdbool.h>
#include <stddef.h>

enum expect_kind {
	EXPECT_FAIL,
	EXPECT_SKIP,
};

struct expect_entry {
	char *pattern;
	enum expect_kind kind;
	char *reason;		/* never NULL; a default when none given */
	char *where;		/* "file:line", for messages */
};

struct expect {
	struct expect_entry *e;
	size_t n;
};

/*
 * Add the entries of @text (read from @path) to @ex.  Returns 0, or -1
 * with "path:line: problem" in @err.
 */
int expect_parse(struct expect *ex, const char *path, const char *text,
		 char *err, size_t errsize);

/* The same, reading the file. */
int expect_load(struct expect *ex, const char *path, char *err,
		size_t errsize);

/* The entry for test @name, or NULL. */
const struct expect_entry *expect_find(const struct expect *ex,
				       const char *name);

/* Whether @entry's pattern names @name (exactly or as a glob). */
bool expect_matches(const struct expect_entry *entry, const char *name);

void expect_free(struct expect *ex);

#endif /* KUT_RUNNER_EXPECT_H */
