/* SPDX-License-Identifier: MIT */
/*
 * cfg.h - unittests.cfg, upstream kvm-unit-tests' INI format, read without
 * a shell.
 *
 * A file is a list of [test-name] sections of "key = value" lines; '#'
 * starts a comment line.  Keys are upstream's (file, smp, extra_params or
 * its newer name qemu_params, test_args, groups, arch, machine, accel,
 * timeout, check, disabled_if; kvmtool_params is known and ignored); a
 * value may span lines between """ and """.  Problems never stop the
 * parse: lines that mean nothing, unknown keys and repeated keys or
 * sections are reported through a warning callback naming file and line,
 * and a test that cannot be run carries its problem in ->error.
 *
 * Values are kept as written; the cfg_*() helpers interpret them: smp
 * (numbers, $MAX_SMP, $((...)) arithmetic, getconf), check conditions and
 * the one disabled_if form upstream writes.
 */
#ifndef KUT_RUNNER_CFG_H
#define KUT_RUNNER_CFG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum cfg_key {
	CFG_FILE,
	CFG_SMP,
	CFG_PARAMS,		/* extra_params or qemu_params */
	CFG_TEST_ARGS,
	CFG_GROUPS,
	CFG_ARCH,
	CFG_MACHINE,
	CFG_ACCEL,
	CFG_TIMEOUT,
	CFG_CHECK,
	CFG_DISABLED_IF,
	CFG_NKEYS,
};

struct cfg_test {
	char *name;
	unsigned int line;		/* of the [name] header */
	char *val[CFG_NKEYS];		/* NULL when not given */
	unsigned int val_line[CFG_NKEYS];
	char *error;			/* why it cannot run, or NULL */
};

struct cfg {
	char *path;			/* as given */
	char *dir;			/* where file = names are found */
	struct cfg_test *tests;
	size_t n;
};

typedef void cfg_warn_fn(void *ctx, const char *path, unsigned int line,
			 const char *msg);

/*
 * Read the cfg at @path.  Returns 0, or -1 with the problem in @err when
 * the file cannot be read at all.  @warn may be NULL (warnings dropped).
 */
int cfg_load(const char *path, struct cfg *cfg, cfg_warn_fn *warn, void *ctx,
	     char *err, size_t errsize);

/* The same for text in memory; @path only names it in messages. */
void cfg_parse(const char *path, const char *text, size_t len,
	       struct cfg *cfg, cfg_warn_fn *warn, void *ctx);

void cfg_free(struct cfg *cfg);

/* The key's name as upstream spells it ("extra_params" for CFG_PARAMS). */
const char *cfg_key_name(enum cfg_key key);

/* Whether @group is one of the test's space-separated groups. */
bool cfg_in_group(const struct cfg_test *t, const char *group);

/*
 * The number of CPUs @expr asks for: a number, $MAX_SMP or ${MAX_SMP},
 * `getconf _NPROCESSORS_CONF` (or _ONLN, or $(...) of either, or nproc),
 * or $(( arithmetic )) over those with C's integer operators.  Returns
 * 0 with *@smp >= 1, or -1 with the problem in @err.
 */
int cfg_eval_smp(const char *expr, long max_smp, long *smp,
		 char *err, size_t errsize);

/*
 * Evaluate disabled_if without a shell: [[ "$TARGET" != qemu ]] and the
 * like (== or !=, quoted or not), with TARGET being @target.  Returns 1
 * (disabled), 0 (enabled), or -1 when the expression is not of that form.
 */
int cfg_eval_disabled_if(const char *expr, const char *target);

/*
 * Check every "path=value" condition of a check = value.  Returns true
 * when all hold; otherwise false with the first unmet one described in
 * @why ("/sys/...: 'N', not 'Y'").
 */
bool cfg_check_holds(const char *check, char *why, size_t whysize);

#endif /* KUT_RUNNER_CFG_H */
