// SPDX-License-Identifier: MIT
/*
 * report_text.c - the human-readable result lines of a suite run.
 *
 * The same lines as upstream's run_tests.sh ("PASS name (N tests)",
 * "FAIL name (timeout; duration=90s)", "SKIP name (reason)"), so people
 * and scripts used to those keep reading them; XFAIL and XPASS are ours
 * (--expect).  Colour marks only the verdict word, as upstream does.
 */
#include "escape.h"
#include "result.h"

static const char *colour_of(enum verdict v)
{
	switch (v) {
	case VERDICT_PASS:
		return "\033[32m";
	case VERDICT_SKIP:
	case VERDICT_XFAIL:
		return "\033[33m";
	default:
		return "\033[31m";
	}
}

void text_result(FILE *f, const struct result *r, bool color)
{
	const char *why = r->known ? r->known : r->detail;

	if (color)
		fprintf(f, "%s%s\033[0m", colour_of(r->verdict),
			verdict_word(r->verdict));
	else
		fputs(verdict_word(r->verdict), f);
	fputc(' ', f);
	put_terminal_text(f, r->name, false);
	if (why && *why) {
		fputs(" (", f);
		put_terminal_text(f, why, false);
		fputc(')', f);
	}
	fputc('\n', f);
	fflush(f);
}

void text_totals(FILE *f, const struct totals *t)
{
	fprintf(f, "Total %u: %u passed, %u failed, %u timed out, %u errors, "
		"%u skipped, %u xfail, %u xpass (%lld.%03llds)\n", t->total,
		t->n[VERDICT_PASS], t->n[VERDICT_FAIL], t->n[VERDICT_TIMEOUT],
		t->n[VERDICT_ERROR], t->n[VERDICT_SKIP], t->n[VERDICT_XFAIL],
		t->n[VERDICT_XPASS], t->ms / 1000, t->ms % 1000);
	fflush(f);
}
