// SPDX-License-Identifier: MIT
/*
 * report_junit.c - JUnit XML for suite mode (--junit FILE).
 *
 * The dialect Jenkins and GitLab read (Ant's JUnit report): one testsuite,
 * one testcase per test, <failure> for a failed, timed-out or XPASS test,
 * <error> for one that could not be run, <skipped> for skips and for known
 * failures (as pytest reports xfail), and the guest's report lines as the
 * testcase's system-out.  tests/junit.xsd checks it.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "result.h"

static const char *const check_tag[] = {
	[CHECK_PASS] = "PASS", [CHECK_FAIL] = "FAIL", [CHECK_SKIP] = "SKIP",
	[CHECK_XFAIL] = "XFAIL", [CHECK_XPASS] = "XPASS",
	[CHECK_KFAIL] = "KFAIL", [CHECK_INFO] = "INFO",
	[CHECK_ABORT] = "ABORT",
};

static void put_seconds(FILE *f, long long ms)
{
	fprintf(f, "%lld.%03lld", ms / 1000, ms % 1000);
}

static void counts(FILE *f, const struct totals *t)
{
	fprintf(f, " tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\""
		" time=\"", t->total,
		t->n[VERDICT_FAIL] + t->n[VERDICT_TIMEOUT] + t->n[VERDICT_XPASS],
		t->n[VERDICT_ERROR], t->n[VERDICT_SKIP] + t->n[VERDICT_XFAIL]);
	put_seconds(f, t->ms);
	fputc('"', f);
}

/* The guest's failing lines, then the end of the output. */
static void failure_body(FILE *f, const struct result *r)
{
	size_t i;

	for (i = 0; i < r->nchecks; i++) {
		if (r->checks[i].kind != CHECK_FAIL &&
		    r->checks[i].kind != CHECK_ABORT)
			continue;
		fprintf(f, "%s: ", check_tag[r->checks[i].kind]);
		put_xml_text(f, r->checks[i].text);
		fputc('\n', f);
	}
	if (r->tail.n)
		fputs("--- end of output ---\n", f);
	for (i = 0; i < r->tail.n; i++) {
		put_xml_text(f, r->tail.v[i]);
		fputc('\n', f);
	}
	if (r->log) {
		fputs("log: ", f);
		put_xml_text(f, r->log);
		fputc('\n', f);
	}
}

static void outcome(FILE *f, const struct result *r)
{
	const char *elem = "failure", *type = "fail";
	char *msg = NULL;

	switch (r->verdict) {
	case VERDICT_PASS:
		return;
	case VERDICT_SKIP:
	case VERDICT_XFAIL:
		fputs("      <skipped message=\"", f);
		if (r->verdict == VERDICT_XFAIL)
			fputs("known failure: ", f);
		put_xml_attr(f, r->known ? r->known : r->detail ? r->detail : "");
		fputs("\"/>\n", f);
		return;
	case VERDICT_ERROR:
		elem = type = "error";
		break;
	case VERDICT_TIMEOUT:
		type = "timeout";
		break;
	case VERDICT_XPASS:
		type = "xpass";
		msg = xasprintf("passed, but expected to fail: %s",
				r->known ? r->known : "");
		break;
	default:
		break;
	}
	fprintf(f, "      <%s type=\"%s\" message=\"", elem, type);
	put_xml_attr(f, msg ? msg : r->detail ? r->detail : "");
	fputs("\">", f);
	failure_body(f, r);
	fprintf(f, "</%s>\n", elem);
	free(msg);
}

static void system_out(FILE *f, const struct result *r)
{
	size_t i;

	if (!r->nchecks && !r->command)
		return;
	fputs("      <system-out>", f);
	if (r->command) {
		fputs("$ ", f);
		put_xml_text(f, r->command);
		fputc('\n', f);
	}
	for (i = 0; i < r->nchecks; i++) {
		fprintf(f, "%s: ", check_tag[r->checks[i].kind]);
		put_xml_text(f, r->checks[i].text);
		fputc('\n', f);
	}
	fputs("</system-out>\n", f);
}

static void testcase(FILE *f, const struct junit_suite *s,
		     const struct result *r)
{
	fputs("    <testcase name=\"", f);
	put_xml_attr(f, r->name);
	fputs("\" classname=\"", f);
	put_xml_attr(f, s->classname);
	fputs("\" time=\"", f);
	put_seconds(f, r->ms);
	fputs("\">\n", f);
	outcome(f, r);
	system_out(f, r);
	fputs("    </testcase>\n", f);
}

static void properties(FILE *f, const char *const *p)
{
	if (!p || !*p)
		return;
	fputs("    <properties>\n", f);
	for (; p[0] && p[1]; p += 2) {
		fputs("      <property name=\"", f);
		put_xml_attr(f, p[0]);
		fputs("\" value=\"", f);
		put_xml_attr(f, p[1]);
		fputs("\"/>\n", f);
	}
	fputs("    </properties>\n", f);
}

void junit_write(FILE *f, const struct junit_suite *s,
		 struct result *const *results, size_t n,
		 const struct totals *t)
{
	char stamp[32];
	struct tm tm;
	size_t i;

	gmtime_r(&s->started, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"", f);
	put_xml_attr(f, s->name);
	fputc('"', f);
	counts(f, t);
	fputs(">\n  <testsuite name=\"", f);
	put_xml_attr(f, s->name);
	fputc('"', f);
	counts(f, t);
	fprintf(f, " timestamp=\"%s\" hostname=\"", stamp);
	put_xml_attr(f, s->hostname);
	fputs("\">\n", f);
	properties(f, s->properties);
	for (i = 0; i < n; i++)
		testcase(f, s, results[i]);
	fputs("  </testsuite>\n</testsuites>\n", f);
}
