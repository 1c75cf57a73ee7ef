// SPDX-License-Identifier: MIT
/*
 * report_json.c - --list=json: the selected tests with what the cfg says
 * about each, so a CI engine can plan matrix jobs and shards without
 * parsing unittests.cfg itself.
 *
 * Values are resolved the way a run would use them (smp as a number,
 * timeout in seconds, the image's path) next to the text as written.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "suite.h"

static void field(FILE *f, const char *key, const char *value, bool comma)
{
	fprintf(f, "\"%s\": ", key);
	if (value)
		put_json_string(f, value);
	else
		fputs("null", f);
	if (comma)
		fputs(", ", f);
}

/* A space-separated value as a JSON array. */
static void words(FILE *f, const char *key, const char *value)
{
	const char *p = value;
	bool first = true;
	size_t n;
	char *w;

	fprintf(f, "\"%s\": [", key);
	while (p && *p) {
		p += strspn(p, " \t");
		n = strcspn(p, " \t");
		if (!n)
			break;
		w = xasprintf("%.*s", (int)n, p);
		if (!first)
			fputs(", ", f);
		put_json_string(f, w);
		free(w);
		first = false;
		p += n;
	}
	fputs("], ", f);
}

static void smp_field(FILE *f, const struct suite_env *env,
		      const struct cfg_test *t)
{
	char err[256];
	long smp = 1;

	if (t->val[CFG_SMP] && cfg_eval_smp(t->val[CFG_SMP], env->max_smp,
					    &smp, err, sizeof(err)) < 0)
		fputs("\"smp\": null, ", f);
	else
		fprintf(f, "\"smp\": %ld, ", smp);
}

static void timeout_field(FILE *f, const struct suite_env *env,
			  const struct cfg_test *t)
{
	long long ms = plan_timeout_ms(env, t);

	fprintf(f, "\"timeout\": %lld.%03lld, ", ms / 1000, ms % 1000);
}

static void one_test(FILE *f, const struct suite_env *env,
		     const struct cfg_test *t)
{
	const char *file = t->val[CFG_FILE];
	char *image = file && *file ? plan_image_path(env->cfg, file) : NULL;

	fputs("    {", f);
	field(f, "name", t->name, true);
	field(f, "file", file, true);
	field(f, "image", image, true);
	fprintf(f, "\"line\": %u, ", t->line);
	smp_field(f, env, t);
	field(f, "smp_expr", t->val[CFG_SMP], true);
	words(f, "groups", t->val[CFG_GROUPS]);
	fprintf(f, "\"nodefault\": %s, ",
		cfg_in_group(t, "nodefault") ? "true" : "false");
	field(f, "arch", t->val[CFG_ARCH], true);
	field(f, "accel", t->val[CFG_ACCEL], true);
	field(f, "machine", t->val[CFG_MACHINE], true);
	timeout_field(f, env, t);
	words(f, "check", t->val[CFG_CHECK]);
	field(f, "qemu_params", t->val[CFG_PARAMS], true);
	field(f, "test_args", t->val[CFG_TEST_ARGS], true);
	field(f, "disabled_if", t->val[CFG_DISABLED_IF], true);
	field(f, "error", t->error, false);
	fputc('}', f);
	free(image);
}

void list_json(FILE *f, const struct suite_env *env, struct job *jobs,
	       size_t n)
{
	bool first = true;
	size_t i;

	fputs("{\n  ", f);
	field(f, "suite", env->cfg->path, false);
	fputs(",\n  ", f);
	field(f, "arch", env->arch, false);
	fputs(",\n  \"tests\": [", f);
	for (i = 0; i < n; i++) {
		/* Listed are the tests a run would run, not manual-only ones. */
		if (jobs[i].decided)
			continue;
		fputs(first ? "\n" : ",\n", f);
		one_test(f, env, jobs[i].t);
		first = false;
	}
	fputs(first ? "]\n}\n" : "\n  ]\n}\n", f);
}
