// SPDX-License-Identifier: MIT
/*
 * select.c - test selection: names, globs, groups, nodefault, shards.
 *
 * Upstream's rules where it has them: a -g group selects its tests even if
 * they are 'nodefault', and a plain run reports nodefault tests as SKIP
 * ("manual run only").  A name given in full selects a nodefault test too;
 * a glob does not, so "kut-run SUITE 'vmx*'" stays a default run.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"

static bool is_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* 2: named in full, 1: matched by a glob, 0: not matched. */
static int name_match(char *const *names, const char *name)
{
	int best = 0;

	for (; names && *names; names++) {
		if (!strcmp(*names, name))
			return 2;
		if (is_glob(*names) && !fnmatch(*names, name, 0))
			best = 1;
	}
	return best;
}

/* Whether @t is in one of the groups of a -g list ("a,b" allowed). */
static bool group_match(char *const *groups, const struct cfg_test *t)
{
	char *copy, *g, *save = NULL;
	bool hit = false;

	for (; groups && *groups && !hit; groups++) {
		copy = xstrdup(*groups);
		for (g = strtok_r(copy, ", ", &save); g && !hit;
		     g = strtok_r(NULL, ", ", &save))
			hit = cfg_in_group(t, g);
		free(copy);
	}
	return hit;
}

static enum select_state decide(const struct selection *sel,
				const struct cfg_test *t)
{
	bool have_names = sel->names && *sel->names;
	bool have_groups = sel->groups && *sel->groups;
	int by_name = name_match(sel->names, t->name);
	bool by_group = group_match(sel->groups, t);

	if ((have_names && !by_name) || (have_groups && !by_group))
		return SELECT_OUT;
	if (!cfg_in_group(t, "nodefault") || sel->all || by_group ||
	    by_name == 2)
		return SELECT_RUN;
	return have_names || have_groups ? SELECT_OUT : SELECT_NODEFAULT;
}

/* Each name, glob and group must match something in the file. */
static int check_patterns(const struct cfg *cfg, const struct selection *sel,
			  char *err, size_t errsize)
{
	char *const *p;
	size_t i;

	for (p = sel->names; p && *p; p++) {
		for (i = 0; i < cfg->n; i++)
			if (name_match((char *const[]){ *p, NULL },
				       cfg->tests[i].name))
				break;
		if (i == cfg->n) {
			snprintf(err, errsize, "%s: no test of that name in %s "
				 "(kut-run --list shows them)", *p, cfg->path);
			return -1;
		}
	}
	for (p = sel->groups; p && *p; p++) {
		for (i = 0; i < cfg->n; i++)
			if (group_match((char *const[]){ *p, NULL },
					&cfg->tests[i]))
				break;
		if (i == cfg->n) {
			snprintf(err, errsize, "-g %s: no test of %s is in "
				 "that group", *p, cfg->path);
			return -1;
		}
	}
	return 0;
}

int select_tests(const struct cfg *cfg, const struct selection *sel,
		 enum select_state *state, char *err, size_t errsize)
{
	size_t i, seen = 0;

	if (check_patterns(cfg, sel, err, errsize) < 0)
		return -1;
	for (i = 0; i < cfg->n; i++) {
		state[i] = decide(sel, &cfg->tests[i]);
		if (state[i] == SELECT_OUT || !sel->shard_n)
			continue;
		if (seen++ % sel->shard_n != sel->shard_k - 1)
			state[i] = SELECT_OUT;
	}
	return 0;
}

int select_parse_shard(const char *s, unsigned int *k, unsigned int *n)
{
	unsigned long a, b;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	a = strtoul(s, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		return -1;
	b = strtoul(end + 1, &end, 10);
	if (*end || !a || a > b || b > 100000)
		return -1;
	*k = (unsigned int)a;
	*n = (unsigned int)b;
	return 0;
}
