// SPDX-License-Identifier: MIT
/*
 * test-runner-select.c - host tests of test selection (names, globs,
 * groups, nodefault, shards) and of --expect files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "expect.h"
#include "select.h"

static const char cfg_text[] =
	"[a1]\nfile = x\ngroups = alpha\n"
	"[a2]\nfile = x\ngroups = alpha nodefault\n"
	"[b1]\nfile = x\ngroups = beta\n"
	"[b2]\nfile = x\n"
	"[c1]\nfile = x\ngroups = nodefault\n"
	"[c2]\nfile = x\n"
	"[c3]\nfile = x\n";

static struct cfg cfg;

static void load(void)
{
	if (!cfg.n)
		cfg_parse("t.cfg", cfg_text, strlen(cfg_text), &cfg, NULL, NULL);
}

/* "a1 b1 ..." for RUN, "(c1)" for NODEFAULT; "ERR" on error. */
static const char *pick(const struct selection *sel)
{
	static char out[256];
	enum select_state st[16];
	char err[256];
	size_t i;

	load();
	out[0] = '\0';
	if (select_tests(&cfg, sel, st, err, sizeof(err)) < 0)
		return "ERR";
	for (i = 0; i < cfg.n; i++) {
		if (st[i] == SELECT_OUT)
			continue;
		if (*out)
			strcat(out, " ");
		if (st[i] == SELECT_NODEFAULT)
			strcat(out, "(");
		strcat(out, cfg.tests[i].name);
		if (st[i] == SELECT_NODEFAULT)
			strcat(out, ")");
	}
	return out;
}

TEST(default_run_reports_nodefault_as_skipped)
{
	struct selection sel = { 0 };

	CHECK_STR(pick(&sel), "a1 (a2) b1 b2 (c1) c2 c3");
	sel.all = true;
	CHECK_STR(pick(&sel), "a1 a2 b1 b2 c1 c2 c3");
}

TEST(names_globs_and_groups)
{
	char *names[] = { "b2", "c*", NULL };
	char *full[] = { "c1", NULL };
	char *groups[] = { "alpha", NULL };
	char *two[] = { "beta,alpha", NULL };
	struct selection sel = { .names = names };

	/* A glob does not pull in a nodefault test; its full name does. */
	CHECK_STR(pick(&sel), "b2 c2 c3");
	sel.names = full;
	CHECK_STR(pick(&sel), "c1");
	sel.names = NULL;
	sel.groups = groups;
	CHECK_STR(pick(&sel), "a1 a2");
	sel.groups = two;
	CHECK_STR(pick(&sel), "a1 a2 b1");
	sel.names = names;
	CHECK_STR(pick(&sel), "");
}

TEST(patterns_that_match_nothing_are_errors)
{
	char *typo[] = { "a3", NULL };
	char *glob[] = { "z*", NULL };
	struct selection sel = { .names = typo };

	CHECK_STR(pick(&sel), "ERR");
	sel.names = glob;
	CHECK_STR(pick(&sel), "ERR");
	sel.names = NULL;
	sel.groups = typo;
	CHECK_STR(pick(&sel), "ERR");
}

TEST(shards_cover_each_test_once)
{
	struct selection sel = { .shard_n = 3 };
	char all[256] = "";
	unsigned int k;

	for (k = 1; k <= 3; k++) {
		sel.shard_k = k;
		strcat(all, pick(&sel));
		strcat(all, "|");
	}
	CHECK_STR(all, "a1 b2 c3|(a2) (c1)|b1 c2|");
	sel.shard_k = 4;
	sel.shard_n = 4;
	CHECK_STR(pick(&sel), "b2");
	sel.shard_k = 1;
	sel.shard_n = 50;
	CHECK_STR(pick(&sel), "a1");
	sel.shard_k = 50;
	CHECK_STR(pick(&sel), "");
}

TEST(shard_syntax)
{
	unsigned int k = 0, n = 0;

	CHECK_INT(select_parse_shard("2/5", &k, &n), 0);
	CHECK_INT(k, 2);
	CHECK_INT(n, 5);
	CHECK_INT(select_parse_shard("1/1", &k, &n), 0);
	CHECK_INT(select_parse_shard("0/3", &k, &n), -1);
	CHECK_INT(select_parse_shard("4/3", &k, &n), -1);
	CHECK_INT(select_parse_shard("1/0", &k, &n), -1);
	CHECK_INT(select_parse_shard("1", &k, &n), -1);
	CHECK_INT(select_parse_shard("1/2x", &k, &n), -1);
	CHECK_INT(select_parse_shard("-1/2", &k, &n), -1);
	CHECK_INT(select_parse_shard("", &k, &n), -1);
}

TEST(expect_file_format)
{
	struct expect ex = { 0 };
	const struct expect_entry *e;
	char err[256];

	CHECK_INT(expect_parse(&ex, "x.txt",
			       "# known on this host\n\n"
			       "vmx_*: SKIP nested VMX hangs here\n"
			       "vmx_init: fail   KVM bug 1234  \r\n"
			       "pmu:FAIL\n"
			       "  msr : skip\n", err, sizeof(err)), 0);
	CHECK_INT(ex.n, 4);
	e = expect_find(&ex, "vmx_init");
	CHECK(e && e->kind == EXPECT_FAIL);
	CHECK_STR(e ? e->reason : NULL, "KVM bug 1234");
	CHECK_STR(e ? e->where : NULL, "x.txt:4");
	e = expect_find(&ex, "vmx_other");
	CHECK(e && e->kind == EXPECT_SKIP);
	CHECK_STR(e ? e->reason : NULL, "nested VMX hangs here");
	e = expect_find(&ex, "pmu");
	CHECK_STR(e ? e->reason : NULL, "known failure");
	e = expect_find(&ex, "msr");
	CHECK_STR(e ? e->reason : NULL, "known to be skipped");
	CHECK(expect_find(&ex, "apic") == NULL);
	expect_free(&ex);
}

TEST(expect_file_errors_name_the_line)
{
	struct expect ex = { 0 };
	char err[256];

	CHECK_INT(expect_parse(&ex, "x.txt", "a: FAIL\nb FAIL\n", err,
			       sizeof(err)), -1);
	CHECK_STR(err, "x.txt:2: not 'NAME: FAIL|SKIP reason'");
	CHECK_INT(expect_parse(&ex, "y.txt", "c: BROKEN why\n", err,
			       sizeof(err)), -1);
	CHECK_STR(err, "y.txt:1: 'BROKEN': the verdict must be FAIL or SKIP");
	CHECK_INT(expect_parse(&ex, "z.txt", "two words: FAIL\n", err,
			       sizeof(err)), -1);
	CHECK(strstr(err, "z.txt:1: 'two words' is not a test name"));
	expect_free(&ex);
}
