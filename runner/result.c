// SPDX-License-Identifier: MIT
/*
 * result.c - reading a guest's report lines and keeping score.
 *
 * The prefixes are upstream's report() output, which kut's library prints
 * the same way; an upstream image's log therefore reads the same.
 */
#include <stdlib.h>
#include <string.h>

#include "result.h"

static const struct {
	const char *tag;
	enum check_kind kind;
} check_tags[] = {
	{ "PASS: ", CHECK_PASS },
	{ "FAIL: ", CHECK_FAIL },
	{ "SKIP: ", CHECK_SKIP },
	{ "XFAIL: ", CHECK_XFAIL },
	{ "XPASS: ", CHECK_XPASS },
	{ "KFAIL: ", CHECK_KFAIL },
	{ "INFO: ", CHECK_INFO },
	{ "ABORT: ", CHECK_ABORT },
};

bool result_parse_check(const char *line, enum check_kind *kind,
			const char **text)
{
	size_t i, n;

	for (i = 0; i < sizeof(check_tags) / sizeof(check_tags[0]); i++) {
		n = strlen(check_tags[i].tag);
		if (!strncmp(line, check_tags[i].tag, n)) {
			*kind = check_tags[i].kind;
			*text = line + n;
			return true;
		}
	}
	return false;
}

const char *result_summary_of(const char *line)
{
	return strncmp(line, "SUMMARY: ", 9) ? NULL : line + 9;
}

void result_add_check(struct result *r, enum check_kind kind,
		      const char *text)
{
	r->checks = xrealloc(r->checks, (r->nchecks + 1) * sizeof(*r->checks));
	r->checks[r->nchecks].kind = kind;
	r->checks[r->nchecks++].text = xstrdup(text);
}

void result_free(struct result *r)
{
	size_t i;

	for (i = 0; i < r->nchecks; i++)
		free(r->checks[i].text);
	free(r->checks);
	free(r->name);
	free(r->detail);
	free(r->known);
	free(r->log);
	free(r->command);
	strvec_free(&r->tail);
	memset(r, 0, sizeof(*r));
}

bool verdict_is_failure(enum verdict v)
{
	return v == VERDICT_FAIL || v == VERDICT_XPASS ||
	       v == VERDICT_TIMEOUT || v == VERDICT_ERROR;
}

const char *verdict_word(enum verdict v)
{
	switch (v) {
	case VERDICT_PASS:
		return "PASS";
	case VERDICT_SKIP:
		return "SKIP";
	case VERDICT_XFAIL:
		return "XFAIL";
	case VERDICT_XPASS:
		return "XPASS";
	default:
		return "FAIL";
	}
}

void totals_add(struct totals *t, const struct result *r)
{
	t->n[r->verdict]++;
	t->total++;
}
