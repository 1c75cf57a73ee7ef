// SPDX-License-Identifier: MIT
/*
 * shdate.c - shdate.h: date(1)'s "+%s" substitutions in cfg text, read
 * and replaced without running anything.
 */
#define _DEFAULT_SOURCE		/* timegm() */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shdate.h"
#include "util.h"

struct text {
	char *buf;
	size_t len, cap;
};

static void add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->buf = xrealloc(t->buf, t->cap);
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* @p starts with the word @w, followed by a blank, '=' or @end. */
static const char *word(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(end - p) < n || memcmp(p, w, n))
		return NULL;
	p += n;
	return p == end || *p == ' ' || *p == '\t' || *p == '=' ? p : NULL;
}

/* A number of exactly @digits digits at *@p, moved past it. */
static bool number(const char **p, const char *end, int digits, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < digits; i++) {
		if (*p + i >= end || !isdigit((unsigned char)(*p)[i]))
			return false;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += digits;
	return true;
}

static bool expect(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return false;
	(*p)++;
	return true;
}

/* "YYYY-MM-DD[ HH:MM[:SS]][ UTC]" or "@SECONDS" in [p, end). */
static bool read_date(const char *p, const char *end, time_t *t)
{
	struct tm tm = { 0 };
	bool utc = false;
	char *stop;
	long long s;
	int v;

	p = skip_blanks(p, end);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p < end && *p == '@') {
		s = strtoll(p + 1, &stop, 10);
		if (stop != end || stop == p + 1)
			return false;
		*t = (time_t)s;
		return true;
	}
	if (end - p >= 3 && !memcmp(end - 3, "UTC", 3)) {
		utc = true;
		end = end - 3;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
	}
	if (!number(&p, end, 4, &v) || !expect(&p, end, '-'))
		return false;
	tm.tm_year = v - 1900;
	if (!number(&p, end, 2, &v) || v < 1 || v > 12 || !expect(&p, end, '-'))
		return false;
	tm.tm_mon = v - 1;
	if (!number(&p, end, 2, &v) || v < 1 || v > 31)
		return false;
	tm.tm_mday = v;
	if (p < end) {
		p = skip_blanks(p, end);
		if (!number(&p, end, 2, &tm.tm_hour) || tm.tm_hour > 23 ||
		    !expect(&p, end, ':') ||
		    !number(&p, end, 2, &tm.tm_min) || tm.tm_min > 59)
			return false;
		if (p < end && (!expect(&p, end, ':') ||
				!number(&p, end, 2, &tm.tm_sec) || tm.tm_sec > 60))
			return false;
	}
	if (p != end)
		return false;
	tm.tm_isdst = -1;
	*t = utc ? timegm(&tm) : mktime(&tm);
	return true;
}

/*
 * The command [p, end) of a substitution: 0 and its time in *@t if it is
 * one of ours, 1 if it is not (it stays text), -1 if its date is bad.
 */
static int date_command(const char *p, const char *end, time_t now,
			time_t *t, bool *used_now, char *err, size_t errsize)
{
	const char *d = NULL, *dend = NULL, *q;

	p = skip_blanks(p, end);
	if (!(p = word(p, end, "date")))
		return 1;
	p = skip_blanks(p, end);
	if ((q = word(p, end, "--date")) || (q = word(p, end, "-d"))) {
		p = q < end && *q == '=' ? q + 1 : skip_blanks(q, end);
		if (p < end && (*p == '"' || *p == '\'')) {
			d = p + 1;
			dend = memchr(d, *p, (size_t)(end - d));
			if (!dend)
				return 1;
			p = dend + 1;
		} else {
			for (d = p; p < end && *p != ' ' && *p != '\t'; p++)
				;
			dend = p;
		}
		p = skip_blanks(p, end);
	}
	if (!(q = word(p, end, "+%s")) || skip_blanks(q, end) != end)
		return 1;
	if (!d) {
		*t = now;
		*used_now = true;
		return 0;
	}
	if (read_date(d, dend, t))
		return 0;
	snprintf(err, errsize, "date '%.*s': kut-run reads only "
		 "YYYY-MM-DD[ HH:MM[:SS]][ UTC] and @SECONDS",
		 (int)(dend - d > 64 ? 64 : dend - d), d);
	return -1;
}

/* The end of the substitution starting at @p ("$(" or "`"), or NULL. */
static const char *substitution_end(const char *p, const char **inner)
{
	if (p[0] == '$' && p[1] == '(') {
		*inner = p + 2;
		return strchr(p + 2, ')');
	}
	if (p[0] == '`') {
		*inner = p + 1;
		return strchr(p + 1, '`');
	}
	return NULL;
}

int sh_expand_dates(const char *s, time_t now, char **out, bool *used_now,
		    char *err, size_t errsize)
{
	struct text t = { NULL, 0, 0 };
	const char *p, *close, *inner, *from = s;
	char quote = 0, num[32];
	time_t when;
	int r;

	*out = NULL;
	*used_now = false;
	for (p = s; *p; p++) {
		if (quote == '\'') {
			quote = *p == '\'' ? 0 : quote;
			continue;
		}
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		close = substitution_end(p, &inner);
		if (close) {
			r = date_command(inner, close, now, &when, used_now,
					 err, errsize);
			if (r < 0) {
				free(t.buf);
				return -1;
			}
			if (r == 0) {
				add(&t, from, (size_t)(p - from));
				snprintf(num, sizeof(num), "%lld",
					 (long long)when);
				add(&t, num, strlen(num));
				from = close + 1;
			}
			p = close;
			continue;
		}
		if (*p == '"')
			quote = quote ? 0 : '"';
		else if (*p == '\'' && !quote)
			quote = '\'';
	}
	if (!t.buf)
		return 0;
	add(&t, from, strlen(from));
	*out = t.buf;
	return 0;
}
