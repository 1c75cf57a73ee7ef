// SPDX-License-Identifier: MIT
/*
 * report_tap.c - TAP version 13 for suite mode (-t).
 *
 * One test point per test, numbered as tests finish, with the plan first
 * (the number of tests is known before any runs).  The guest's own check
 * lines come first as an indented subtest, so a TAP consumer that knows
 * subtests shows them and one that does not ignores them.  Nothing is
 * hidden: a timeout or a crash is "not ok" with the reason in the YAML
 * block, XFAIL/KFAIL checks and known failures are TODO points, and a
 * known failure that passed (XPASS) is "not ok", since the list is wrong.
 */
#include "escape.h"
#include "result.h"

#define INDENT "    "

static void tap_check(FILE *f, unsigned int num, const struct check *c)
{
	static const char *const point[] = {
		[CHECK_PASS] = "ok", [CHECK_FAIL] = "not ok",
		[CHECK_SKIP] = "ok", [CHECK_XFAIL] = "not ok",
		[CHECK_XPASS] = "ok", [CHECK_KFAIL] = "not ok",
		[CHECK_ABORT] = "not ok",
	};

	fprintf(f, INDENT "%s %u - ", point[c->kind], num);
	if (c->kind == CHECK_ABORT)
		fputs("ABORT: ", f);
	put_tap_text(f, c->text);
	if (c->kind == CHECK_SKIP)
		fputs(" # SKIP", f);
	else if (c->kind == CHECK_XFAIL || c->kind == CHECK_XPASS)
		fputs(" # TODO expected failure", f);
	else if (c->kind == CHECK_KFAIL)
		fputs(" # TODO known failure", f);
	fputc('\n', f);
}

static void tap_subtest(FILE *f, const struct result *r)
{
	unsigned int num = 0;
	size_t i;

	if (!r->nchecks)
		return;
	fprintf(f, INDENT "# Subtest: ");
	put_tap_text(f, r->name);
	fputc('\n', f);
	for (i = 0; i < r->nchecks; i++) {
		if (r->checks[i].kind == CHECK_INFO) {
			fprintf(f, INDENT "# ");
			put_tap_text(f, r->checks[i].text);
			fputc('\n', f);
			continue;
		}
		tap_check(f, ++num, &r->checks[i]);
	}
	fprintf(f, INDENT "1..%u\n", num);
}

static const char *severity(enum verdict v)
{
	static const char *const names[VERDICT_COUNT] = {
		"pass", "fail", "skip", "xfail", "xpass", "timeout", "error",
	};

	return names[v];
}

static void yaml_field(FILE *f, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	fprintf(f, "  %s: ", key);
	put_json_string(f, value);
	fputc('\n', f);
}

static void tap_yaml(FILE *f, const struct result *r)
{
	size_t i;

	fputs("  ---\n", f);
	fprintf(f, "  severity: %s\n", severity(r->verdict));
	yaml_field(f, "message", r->detail);
	yaml_field(f, "known", r->known);
	fprintf(f, "  duration_ms: %lld\n", r->ms);
	yaml_field(f, "log", r->log);
	/* A block scalar: TAP::Parser's YAML reader mistakes "- a: b" items. */
	if ((verdict_is_failure(r->verdict) || r->verdict == VERDICT_XFAIL) &&
	    r->tail.n) {
		fputs("  output: |\n", f);
		for (i = 0; i < r->tail.n; i++) {
			fputs("    ", f);
			put_yaml_line(f, r->tail.v[i]);
			fputc('\n', f);
		}
	}
	fputs("  ...\n", f);
}

void tap_begin(FILE *f, size_t planned)
{
	fprintf(f, "TAP version 13\n1..%zu\n", planned);
	fflush(f);
}

void tap_result(FILE *f, unsigned int num, const struct result *r)
{
	/* XPASS is not ok: the expect file is wrong, and CI should say so. */
	bool ok = r->verdict == VERDICT_PASS || r->verdict == VERDICT_SKIP;

	tap_subtest(f, r);
	fprintf(f, "%s %u - ", ok ? "ok" : "not ok", num);
	put_tap_text(f, r->name);
	if (r->verdict == VERDICT_SKIP) {
		fputs(" # SKIP ", f);
		put_tap_text(f, r->known ? r->known : r->detail ? r->detail : "");
	} else if (r->verdict == VERDICT_XFAIL) {
		fputs(" # TODO known failure: ", f);
		put_tap_text(f, r->known ? r->known : "");
	}
	fputc('\n', f);
	tap_yaml(f, r);
	fflush(f);
}

void tap_end(FILE *f, const struct totals *t)
{
	fputs("# ", f);
	text_totals(f, t);
}
