/* SPDX-License-Identifier: MIT */
/*
 * result.h - what suite mode knows about one test once it is over, and
 * the writers that report it: text lines like upstream's run_tests.sh,
 * TAP version 13 and JUnit XML.
 *
 * The writers are pure functions of these structures and a FILE, so the
 * host tests feed them hand-made results (names with quotes, guest lines
 * with control bytes) and parse what comes out.
 */
#ifndef KUT_RUNNER_RESULT_H
#define KUT_RUNNER_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "util.h"

enum verdict {
	VERDICT_PASS,
	VERDICT_FAIL,
	VERDICT_SKIP,
	VERDICT_XFAIL,		/* failed, as the --expect file said it would */
	VERDICT_XPASS,		/* passed, though expected to fail */
	VERDICT_TIMEOUT,
	VERDICT_ERROR,		/* could not be run: bad cfg line, QEMU refused */
	VERDICT_COUNT,
};

/* One line a guest printed with report(): "PASS: msg", "FAIL: msg", ... */
enum check_kind {
	CHECK_PASS,
	CHECK_FAIL,
	CHECK_SKIP,
	CHECK_XFAIL,
	CHECK_XPASS,
	CHECK_KFAIL,
	CHECK_INFO,
	CHECK_ABORT,
};

struct check {
	enum check_kind kind;
	char *text;		/* after "TAG: " */
};

struct result {
	char *name;
	enum verdict verdict;
	char *detail;		/* what happened: "4 tests, 1 skipped", a reason */
	char *known;		/* the --expect reason, or NULL */
	long long ms;		/* wall time; 0 if it did not run */
	char *log;		/* its log file, or NULL */
	char *command;		/* the QEMU command, shell-quoted, or NULL */
	struct check *checks;
	size_t nchecks;
	struct strvec tail;	/* the last lines of output, for failures */
};

/*
 * Parse @line (no newline) as a report line.  Returns true and fills @kind
 * and *@text (pointing into @line) if it is one.  SUMMARY lines are not
 * checks: see result_summary_of().
 */
bool result_parse_check(const char *line, enum check_kind *kind,
			const char **text);

/* "N tests, ..." from a "SUMMARY: N tests, ..." line, else NULL. */
const char *result_summary_of(const char *line);

void result_add_check(struct result *r, enum check_kind kind,
		      const char *text);
void result_free(struct result *r);

/* Whether @v makes a suite run exit 1. */
bool verdict_is_failure(enum verdict v);

/* The word upstream's result lines use: PASS, FAIL, SKIP, XFAIL, XPASS. */
const char *verdict_word(enum verdict v);

struct totals {
	unsigned int n[VERDICT_COUNT];
	unsigned int total;
	long long ms;		/* wall time of the whole run */
};

void totals_add(struct totals *t, const struct result *r);

/* ---- text: one line per test, as upstream's run_tests.sh prints ---- */

/* "PASS name (4 tests, 1 skipped)"; @color adds ANSI colour. */
void text_result(FILE *f, const struct result *r, bool color);
/* "Total 7: 4 passed, 1 failed, ..." */
void text_totals(FILE *f, const struct totals *t);

/* ---- TAP version 13 ---- */

void tap_begin(FILE *f, size_t planned);
/* Test @num, with the guest's checks as an indented subtest. */
void tap_result(FILE *f, unsigned int num, const struct result *r);
void tap_end(FILE *f, const struct totals *t);

/* ---- JUnit XML, as Jenkins and GitLab read it ---- */

struct junit_suite {
	const char *name;	/* the testsuite's name */
	const char *classname;	/* every testcase's classname */
	const char *hostname;
	time_t started;
	const char *const *properties;	/* name, value, ...; NULL-terminated */
};

void junit_write(FILE *f, const struct junit_suite *s,
		 struct result *const *results, size_t n,
		 const struct totals *t);

#endif /* KUT_RUNNER_RESULT_H */
