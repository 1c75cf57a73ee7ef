// SPDX-License-Identifier: MIT
/*
 * test-runner-report.c - host tests of suite mode's writers: text lines
 * as upstream prints them, TAP 13 that never hides a failure, JUnit XML
 * and JSON that stay well-formed whatever a guest prints (quotes, markup,
 * control bytes, invalid UTF-8).
 */
#define _GNU_SOURCE		/* open_memstream() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "escape.h"
#include "result.h"

static char *buf;
static size_t len;

static FILE *mem(void)
{
	free(buf);
	buf = NULL;
	return open_memstream(&buf, &len);
}

static const char *done(FILE *f)
{
	fclose(f);
	return buf;
}

TEST(json_escapes)
{
	FILE *f = mem();

	put_json_string(f, "a\"b\\c\nd\te\x01\x7f");
	CHECK_STR(done(f), "\"a\\\"b\\\\c\\nd\\te\\u0001\\u007f\"");
	f = mem();
	put_json_string(f, "caf\xc3\xa9 \xff\xfe \xe2\x82 \xf0\x9f\x98\x80");
	CHECK_STR(done(f), "\"caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd "
		  "\xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x98\x80\"");
	f = mem();
	/* Overlong and surrogate encodings are not let through. */
	put_json_string(f, "\xc0\xaf\xed\xa0\x80");
	CHECK(!strstr(done(f), "\xc0"));
	CHECK(!strstr(buf, "\xed\xa0"));
}

TEST(xml_escapes)
{
	FILE *f = mem();

	put_xml_attr(f, "<a href=\"x\">&'\n\x1b[31m");
	CHECK_STR(done(f), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;"
		  "\xef\xbf\xbd[31m");
	f = mem();
	put_xml_text(f, "line1\nline2\r\x00");
	CHECK_STR(done(f), "line1\nline2&#13;");
	f = mem();
	put_xml_text(f, "]]> \xff");
	CHECK_STR(done(f), "]]&gt; \xef\xbf\xbd");
}

TEST(tap_escapes)
{
	FILE *f = mem();

	put_tap_text(f, "#PF at \\ x\x01y");
	CHECK_STR(done(f), "\\#PF at \\\\ xy");
}

/* Found with a hostile cfg: a test name cannot drive the terminal. */
TEST(terminal_escapes)
{
	struct result r = { 0 };
	FILE *f = mem();

	put_terminal_text(f, "\x1b]0;title\x07\tok\ncaf\xc3\xa9\xc2\x9b", false);
	CHECK_STR(done(f), "\\x1b]0;title\\x07\tok\\x0acaf\xc3\xa9\\x9b");
	f = mem();
	put_terminal_text(f, "a\nb\x7f", true);
	CHECK_STR(done(f), "a\nb\\x7f");
	r.name = "\x1b[2Jname";
	r.verdict = VERDICT_FAIL;
	r.detail = "why\x1b[31m";
	f = mem();
	text_result(f, &r, false);
	CHECK_STR(done(f), "FAIL \\x1b[2Jname (why\\x1b[31m)\n");
}

static struct result make(const char *name, enum verdict v, const char *detail)
{
	struct result r = { 0 };

	r.name = strdup(name);
	r.verdict = v;
	r.detail = detail ? strdup(detail) : NULL;
	return r;
}

TEST(text_lines_are_upstreams)
{
	struct result r = make("apic", VERDICT_PASS, "4 tests, 1 skipped");
	FILE *f = mem();

	text_result(f, &r, false);
	CHECK_STR(done(f), "PASS apic (4 tests, 1 skipped)\n");
	r.verdict = VERDICT_TIMEOUT;
	free(r.detail);
	r.detail = strdup("timeout; duration=90s");
	f = mem();
	text_result(f, &r, false);
	CHECK_STR(done(f), "FAIL apic (timeout; duration=90s)\n");
	r.verdict = VERDICT_XFAIL;
	r.known = strdup("bug 12");
	f = mem();
	text_result(f, &r, true);
	CHECK_STR(done(f), "\033[33mXFAIL\033[0m apic (bug 12)\n");
	r.verdict = VERDICT_PASS;
	free(r.known);
	r.known = NULL;
	free(r.detail);
	r.detail = strdup("");
	f = mem();
	text_result(f, &r, false);
	CHECK_STR(done(f), "PASS apic\n");
	result_free(&r);
}

TEST(totals_line)
{
	struct totals t = { .total = 6, .ms = 1234 };
	FILE *f = mem();

	t.n[VERDICT_PASS] = 2;
	t.n[VERDICT_FAIL] = 1;
	t.n[VERDICT_TIMEOUT] = 1;
	t.n[VERDICT_SKIP] = 1;
	t.n[VERDICT_XFAIL] = 1;
	text_totals(f, &t);
	CHECK_STR(done(f), "Total 6: 2 passed, 1 failed, 1 timed out, 0 errors, "
		  "1 skipped, 1 xfail, 0 xpass (1.234s)\n");
}

TEST(parse_guest_lines)
{
	enum check_kind k;
	const char *text;

	CHECK(result_parse_check("PASS: a: b", &k, &text) && k == CHECK_PASS);
	CHECK_STR(text, "a: b");
	CHECK(result_parse_check("XFAIL: x", &k, &text) && k == CHECK_XFAIL);
	CHECK(result_parse_check("KFAIL: x", &k, &text) && k == CHECK_KFAIL);
	CHECK(result_parse_check("ABORT: x", &k, &text) && k == CHECK_ABORT);
	CHECK(!result_parse_check("PASSED: x", &k, &text));
	CHECK(!result_parse_check(" PASS: x", &k, &text));
	CHECK_STR(result_summary_of("SUMMARY: 3 tests, 1 skipped"),
		  "3 tests, 1 skipped");
	CHECK(!result_summary_of("SUMMARY 3 tests"));
}

TEST(tap_points_subtests_and_todo)
{
	struct result r = make("t#1", VERDICT_FAIL, "1 tests, 1 unexpected failures");
	FILE *f;

	result_add_check(&r, CHECK_PASS, "fine");
	result_add_check(&r, CHECK_FAIL, "broken #3");
	result_add_check(&r, CHECK_SKIP, "not here");
	result_add_check(&r, CHECK_XFAIL, "known bad");
	result_add_check(&r, CHECK_KFAIL, "kvm bug");
	result_add_check(&r, CHECK_INFO, "note");
	strvec_push(&r.tail, "FAIL: broken #3");
	strvec_push(&r.tail, "- a: b \"q\"\x01");
	f = mem();
	tap_result(f, 7, &r);
	CHECK_STR(done(f),
		  "    # Subtest: t\\#1\n"
		  "    ok 1 - fine\n"
		  "    not ok 2 - broken \\#3\n"
		  "    ok 3 - not here # SKIP\n"
		  "    not ok 4 - known bad # TODO expected failure\n"
		  "    not ok 5 - kvm bug # TODO known failure\n"
		  "    # note\n"
		  "    1..5\n"
		  "not ok 7 - t\\#1\n"
		  "  ---\n"
		  "  severity: fail\n"
		  "  message: \"1 tests, 1 unexpected failures\"\n"
		  "  duration_ms: 0\n"
		  "  output: |\n"
		  "    FAIL: broken #3\n"
		  "    - a: b \"q\" \n"
		  "  ...\n");
	result_free(&r);
}

TEST(tap_never_calls_a_timeout_ok)
{
	struct result r = make("hang", VERDICT_TIMEOUT, "timeout; duration=2s");
	FILE *f = mem();

	tap_result(f, 1, &r);
	CHECK(!strncmp(done(f), "not ok 1 - hang\n", 16));
	CHECK(strstr(buf, "severity: timeout"));
	r.verdict = VERDICT_XFAIL;
	r.known = strdup("hangs on AMD");
	f = mem();
	tap_result(f, 2, &r);
	CHECK(!strncmp(done(f), "not ok 2 - hang # TODO known failure: hangs on AMD\n", 51));
	r.verdict = VERDICT_XPASS;
	f = mem();
	tap_result(f, 3, &r);
	CHECK(!strncmp(done(f), "not ok 3 - hang\n", 16));
	r.verdict = VERDICT_SKIP;
	f = mem();
	tap_result(f, 4, &r);
	CHECK(!strncmp(done(f), "ok 4 - hang # SKIP hangs on AMD\n", 32));
	result_free(&r);
}

TEST(junit_structure_and_escaping)
{
	struct result a = make("ok<1>", VERDICT_PASS, "1 tests");
	struct result b = make("t\"2", VERDICT_FAIL, "bad & worse");
	struct result c = make("x", VERDICT_XFAIL, "1 tests, 1 unexpected failures");
	struct result d = make("e", VERDICT_ERROR, "QEMU failed");
	struct result *all[] = { &a, &b, &c, &d };
	const char *props[] = { "accel", "tcg", NULL };
	struct junit_suite s = {
		.name = "kvm-unit-tests.x86_64", .classname = "kut",
		.hostname = "h", .started = 0, .properties = props,
	};
	struct totals t = { .total = 4, .ms = 2500 };
	FILE *f = mem();

	t.n[VERDICT_PASS] = 1;
	t.n[VERDICT_FAIL] = 1;
	t.n[VERDICT_XFAIL] = 1;
	t.n[VERDICT_ERROR] = 1;
	c.known = strdup("bug");
	result_add_check(&b, CHECK_FAIL, "x < y");
	a.ms = 1500;
	junit_write(f, &s, all, 4, &t);
	done(f);
	CHECK(strstr(buf, "<testsuites name=\"kvm-unit-tests.x86_64\" tests=\"4\" "
		     "failures=\"1\" errors=\"1\" skipped=\"1\" time=\"2.500\">"));
	CHECK(strstr(buf, "timestamp=\"1970-01-01T00:00:00\" hostname=\"h\""));
	CHECK(strstr(buf, "<property name=\"accel\" value=\"tcg\"/>"));
	CHECK(strstr(buf, "<testcase name=\"ok&lt;1&gt;\" classname=\"kut\" time=\"1.500\">"));
	CHECK(strstr(buf, "<failure type=\"fail\" message=\"bad &amp; worse\">FAIL: x &lt; y\n"));
	CHECK(strstr(buf, "<testcase name=\"t&quot;2\""));
	CHECK(strstr(buf, "<skipped message=\"known failure: bug\"/>"));
	CHECK(strstr(buf, "<error type=\"error\" message=\"QEMU failed\">"));
	CHECK(strstr(buf, "<system-out>FAIL: x &lt; y\n</system-out>"));
	result_free(&a);
	result_free(&b);
	result_free(&c);
	result_free(&d);
}
