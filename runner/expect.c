// SPDX-License-Identifier: MIT
/*
 * expect.c - reading --expect files and looking tests up in them.
 *
 * The format is deliberately the plain "name: verdict reason" that CI
 * wrappers around upstream's runner already keep, so their lists carry
 * over with at most a sed.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "expect.h"
#include "util.h"

static char *trim(char *s)
{
	char *e;

	s += strspn(s, " \t");
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int parse_entry(struct expect *ex, const char *path, unsigned int line,
		       char *text, char *err, size_t errsize)
{
	char *colon = strchr(text, ':'), *name, *rest, *reason;
	struct expect_entry *e;
	size_t kw;
	enum expect_kind kind;

	if (!colon) {
		snprintf(err, errsize, "%s:%u: not 'NAME: FAIL|SKIP reason'",
			 path, line);
		return -1;
	}
	*colon = '\0';
	name = trim(text);
	rest = trim(colon + 1);
	kw = strcspn(rest, " \t");
	if (kw == 4 && !strncasecmp(rest, "FAIL", 4)) {
		kind = EXPECT_FAIL;
	} else if (kw == 4 && !strncasecmp(rest, "SKIP", 4)) {
		kind = EXPECT_SKIP;
	} else {
		snprintf(err, errsize, "%s:%u: '%.*s': the verdict must be "
			 "FAIL or SKIP", path, line, (int)kw, rest);
		return -1;
	}
	if (!*name || strpbrk(name, " \t")) {
		snprintf(err, errsize, "%s:%u: '%s' is not a test name", path,
			 line, name);
		return -1;
	}
	reason = trim(rest + kw);
	ex->e = xrealloc(ex->e, (ex->n + 1) * sizeof(*ex->e));
	e = &ex->e[ex->n++];
	e->pattern = xstrdup(name);
	e->kind = kind;
	e->reason = xstrdup(*reason ? reason : kind == EXPECT_FAIL ?
			    "known failure" : "known to be skipped");
	e->where = xasprintf("%s:%u", path, line);
	return 0;
}

int expect_parse(struct expect *ex, const char *path, const char *text,
		 char *err, size_t errsize)
{
	const char *p = text, *nl;
	unsigned int line = 0;
	char *copy, *s;
	int r = 0;

	while (*p && !r) {
		nl = strchr(p, '\n');
		copy = xasprintf("%.*s", (int)(nl ? nl - p : (long)strlen(p)), p);
		p = nl ? nl + 1 : p + strlen(p);
		line++;
		s = trim(copy);
		if (*s && *s != '#')
			r = parse_entry(ex, path, line, s, err, errsize);
		free(copy);
	}
	return r;
}

int expect_load(struct expect *ex, const char *path, char *err,
		size_t errsize)
{
	struct file_map map;
	char *text;
	int r;

	if (map_file(path, &map, err, errsize) < 0)
		return -1;
	text = xasprintf("%.*s", (int)map.size,
			 map.data ? (const char *)map.data : "");
	unmap_file(&map);
	r = expect_parse(ex, path, text, err, errsize);
	free(text);
	return r;
}

bool expect_matches(const struct expect_entry *entry, const char *name)
{
	return !strcmp(entry->pattern, name) ||
	       !fnmatch(entry->pattern, name, 0);
}

const struct expect_entry *expect_find(const struct expect *ex,
				       const char *name)
{
	size_t i;

	for (i = 0; i < ex->n; i++)
		if (!strcmp(ex->e[i].pattern, name))
			return &ex->e[i];
	for (i = 0; i < ex->n; i++)
		if (!fnmatch(ex->e[i].pattern, name, 0))
			return &ex->e[i];
	return NULL;
}

void expect_free(struct expect *ex)
{
	size_t i;

	for (i = 0; i < ex->n; i++) {
		free(ex->e[i].pattern);
		free(ex->e[i].reason);
		free(ex->e[i].where);
	}
	free(ex->e);
	ex->e = NULL;
	ex->n = 0;
}
