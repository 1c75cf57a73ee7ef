/* SPDX-License-Identifier: MIT */
/*
 * select.h - which tests of a unittests.cfg a suite run reports.
 *
 * Names and globs from the command line, -g groups, the 'nodefault' group
 * that upstream keeps out of plain runs, and --shard K/N so a CI engine can
 * spread one suite over N hosts: slice K takes every N-th of the selected
 * tests, so the N slices together report each test exactly once.
 */
#ifndef KUT_RUNNER_SELECT_H
#define KUT_RUNNER_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "cfg.h"

struct selection {
	char *const *names;	/* names and globs; NULL-terminated or NULL */
	char *const *groups;	/* -g values; each may be "a,b" */
	bool all;		/* -a: 'nodefault' tests too */
	unsigned int shard_k;	/* 1..shard_n; 0: no sharding */
	unsigned int shard_n;
};

enum select_state {
	SELECT_OUT,		/* not part of this run */
	SELECT_RUN,
	SELECT_NODEFAULT,	/* reported as SKIP: manual run only */
};

/*
 * Decide for every test of @cfg (@state has cfg->n entries).  Returns 0,
 * or -1 with the problem in @err when a name, glob or group matches no
 * test of the file at all (a typo should not pass as an empty run).
 */
int select_tests(const struct cfg *cfg, const struct selection *sel,
		 enum select_state *state, char *err, size_t errsize);

/* Parse "K/N" (1 <= K <= N).  Returns 0, or -1 if it is not that. */
int select_parse_shard(const char *s, unsigned int *k, unsigned int *n);

#endif /* KUT_RUNNER_SELECT_H */
