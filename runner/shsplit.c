// SPDX-License-Identifier: MIT
/*
 * shsplit.c - sh's word splitting and quote removal, and nothing else.
 *
 * The rules are those of POSIX sh's token recognition, minus every
 * expansion and operator: a cfg line is data, never a program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shsplit.h"

struct word {
	char *buf;
	size_t len, cap;
	bool started;		/* even '' makes a word */
};

static void word_add(struct word *w, char c)
{
	if (w->len + 2 > w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->buf = xrealloc(w->buf, w->cap);
	}
	w->buf[w->len++] = c;
	w->buf[w->len] = '\0';
	w->started = true;
}

static void word_end(struct word *w, struct strvec *words)
{
	if (!w->started)
		return;
	strvec_push(words, w->len ? w->buf : "");
	w->len = 0;
	w->started = false;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Inside "...": a backslash only escapes these; before newline it joins. */
static const char *double_quoted(const char *p, struct word *w)
{
	for (; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1] == '\n') {
			p++;
		} else if (*p == '\\' && p[1] && strchr("$`\"\\", p[1])) {
			word_add(w, *++p);
		} else {
			word_add(w, *p);
		}
	}
	return *p ? p : NULL;
}

int sh_split(const char *s, struct strvec *words, char *err, size_t errsize)
{
	struct word w = { NULL, 0, 0, false };
	const char *p, *q;

	for (p = s; *p; p++) {
		if (is_blank(*p)) {
			word_end(&w, words);
		} else if (*p == '#' && !w.started) {
			/* A comment runs to the end of its line. */
			while (p[1] && p[1] != '\n')
				p++;
		} else if (*p == '\\') {
			if (p[1] == '\n')
				p++;		/* line continuation */
			else if (p[1])
				word_add(&w, *++p);
			else
				word_add(&w, '\\');
		} else if (*p == '\'') {
			q = strchr(p + 1, '\'');
			if (!q) {
				snprintf(err, errsize, "unterminated '...' quote");
				goto fail;
			}
			w.started = true;
			while (++p < q)
				word_add(&w, *p);
		} else if (*p == '"') {
			w.started = true;
			p = double_quoted(p + 1, &w);
			if (!p) {
				snprintf(err, errsize,
					 "unterminated \"...\" quote");
				goto fail;
			}
		} else {
			word_add(&w, *p);
		}
	}
	word_end(&w, words);
	free(w.buf);
	return 0;
fail:
	free(w.buf);
	return -1;
}

bool sh_wants_shell(const char *s)
{
	char quote = 0;
	bool word_start = true;
	const char *p;

	for (p = s; *p; p++) {
		if (quote == '\'') {
			if (*p == '\'')
				quote = 0;
			continue;
		}
		if (*p == '\\' && p[1]) {
			p++;
			word_start = false;
			continue;
		}
		if (*p == '$' || *p == '`')
			return true;
		if (quote == '"') {
			if (*p == '"')
				quote = 0;
			continue;
		}
		if (*p == '#' && word_start) {
			while (p[1] && p[1] != '\n')
				p++;
			continue;
		}
		if (*p == '\'' || *p == '"')
			quote = *p;
		else if (strchr(";|&<>", *p))
			return true;
		word_start = is_blank(*p);
	}
	return false;
}
