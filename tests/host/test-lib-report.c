// SPDX-License-Identifier: MIT
/*
 * test-lib-report.c - the report API's output lines, counters, prefixes
 * and summary exit codes, on the host (libkut/report.c).
 */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch-stubs.h"
#include "harness.h"
#include "kut-host.h"

bool kut_report(bool pass, const char *fmt, ...);
void kut_report_pass(const char *fmt, ...);
void kut_report_fail(const char *fmt, ...);
void kut_report_skip(const char *fmt, ...);
void kut_report_info(const char *fmt, ...);
bool kut_report_xfail(bool xfail, bool pass, const char *fmt, ...);
bool kut_report_kfail(bool kfail, bool pass, const char *fmt, ...);
void kut_report_abort(const char *fmt, ...) __attribute__((noreturn));
bool kut_kut_report_legacy(const char *fmt, int pass, ...);
bool kut_kut_report_xfail_legacy(const char *fmt, int xfail, int pass, ...);
void kut_report_prefix_push(const char *prefix);
void kut_report_prefix_pushf(const char *fmt, ...);
void kut_report_prefix_pop(void);
void kut_report_prefix_popn(int n);
int kut_report_summary(void);

/*
 * The counters are static in report.c, so each case starts from the
 * totals the cases before it left: they count the difference.
 */
static int summary_code;

static void summary(void)
{
	summary_code = kut_report_summary();
}

/*
 * report_summary()'s code from fresh counters: @n reports (0 pass, 1 skip)
 * in a child forked before any case has reported (this case is the first).
 */
static int fresh_summary(const int *kinds, int n)
{
	int i, status;
	pid_t pid = fork();

	if (pid == 0) {
		for (i = 0; i < n; i++) {
			if (kinds[i])
				kut_report_skip("s");
			else
				kut_report_pass("p");
		}
		_exit(kut_report_summary());
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

TEST(summary_codes_from_fresh_counters)
{
	static const int skips[] = { 1, 1 }, mixed[] = { 1, 0 }, passes[] = { 0 };

	CHECK_INT(fresh_summary(skips, 2), 77);
	CHECK_INT(fresh_summary(NULL, 0), 77);
	CHECK_INT(fresh_summary(mixed, 2), 0);
	CHECK_INT(fresh_summary(passes, 1), 0);
}

TEST(line_formats)
{
	host_console_reset();
	kut_report(true, "pass %d", 1);
	kut_report(false, "fail %s", "x");
	kut_report_pass("p");
	kut_report_fail("f");
	kut_report_skip("s");
	kut_report_info("i %u", 7u);
	kut_report_xfail(true, false, "xf");
	kut_report_xfail(true, true, "xp");
	kut_report_kfail(true, false, "kf");
	kut_report_kfail(true, true, "kp");
	CHECK_STR(host_console,
		  "PASS: pass 1\n"
		  "FAIL: fail x\n"
		  "PASS: p\n"
		  "FAIL: f\n"
		  "SKIP: s\n"
		  "INFO: i 7\n"
		  "XFAIL: xf\n"
		  "XPASS: xp\n"
		  "KFAIL: kf\n"
		  "PASS: kp\n");
	host_console_reset();
	summary();
	/* 9 counted (INFO is not), failures: fail, f, XPASS. */
	CHECK_STR(host_console, "SUMMARY: 9 tests, 3 unexpected failures, "
		  "1 known failures, 1 expected failures, 1 skipped\n");
	CHECK_INT(summary_code, 1);
}

/* Upstream's return value: the check went as wanted. */
TEST(return_values)
{
	host_console_reset();
	CHECK(kut_report(true, "r1"));
	CHECK(!kut_report(false, "r2"));
	CHECK(kut_report_xfail(true, false, "r3"));
	CHECK(kut_report_xfail(true, true, "r4"));
	CHECK(!kut_report_xfail(false, false, "r5"));
	CHECK(!kut_report_kfail(true, false, "r6"));
	CHECK(kut_report_kfail(true, true, "r7"));
	CHECK(kut_kut_report_legacy("r8", 1));
	CHECK(!kut_kut_report_legacy("r9", 0));
	CHECK(kut_kut_report_xfail_legacy("r10", 1, 0));
	CHECK_STR(host_console,
		  "PASS: r1\nFAIL: r2\nXFAIL: r3\nXPASS: r4\nFAIL: r5\n"
		  "KFAIL: r6\nPASS: r7\nPASS: r8\nFAIL: r9\nXFAIL: r10\n");
}

TEST(legacy_forms)
{
	host_console_reset();
	kut_kut_report_legacy("old %d %s", 1, 42, "ok");
	kut_kut_report_xfail_legacy("old xfail", 1, 0);
	CHECK_STR(host_console, "PASS: old 42 ok\nXFAIL: old xfail\n");
}

TEST(prefixes)
{
	host_console_reset();
	kut_report_prefix_push("a");
	kut_report_prefix_pushf("b%d", 2);
	kut_report_pass("m");
	kut_report_prefix_pop();
	kut_report_info("n");
	kut_report_prefix_push("c");
	kut_report_prefix_push("d");
	kut_report_prefix_popn(2);
	kut_report_skip("o");
	kut_report_prefix_pop();
	kut_report_prefix_pop();	/* popping nothing is harmless */
	kut_report_pass("q");
	CHECK_STR(host_console,
		  "PASS: a: b2: m\n"
		  "INFO: a: n\n"
		  "SKIP: a: o\n"
		  "PASS: q\n");
}

static void push_bad_prefix(void)
{
	kut_report_prefix_push("has: delimiter");
}

TEST(prefix_with_delimiter_aborts)
{
	int code;

	host_console_reset();
	code = host_run(push_bad_prefix);
	CHECK_INT(code, 64);
	CHECK(strstr(host_console, "ABORT: report prefix must not contain") != NULL);
	host_console_reset();
	kut_report_pass("after");
	CHECK_STR(host_console, "PASS: after\n");
}

static void abort_now(void)
{
	kut_report_prefix_push("pre");
	kut_report_abort("gave up at %d", 3);
}

TEST(abort_prints_summary_and_fails)
{
	int code;

	host_console_reset();
	code = host_run(abort_now);
	CHECK_INT(code, 64);
	CHECK(strncmp(host_console, "ABORT: pre: gave up at 3\nSUMMARY: ", 34) == 0);
	kut_report_prefix_pop();
}

/* Skips after failures: still code 1 (fresh counters: the first case). */
TEST(summary_counts_accumulate)
{
	host_console_reset();
	kut_report_skip("one more");
	summary();
	CHECK(strstr(host_console, " skipped\n") != NULL);
	CHECK_INT(summary_code, 1);
}
