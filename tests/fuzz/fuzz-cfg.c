// SPDX-License-Identifier: MIT
/*
 * fuzz-cfg.c - libFuzzer target: a unittests.cfg as its bytes, through
 * the parser and every helper that reads a parsed value (smp,
 * disabled_if, groups).
 */
#include "fuzz.h"
#include "cfg.h"

static void ignore(void *ctx, const char *path, unsigned int line,
		   const char *msg)
{
	(void)ctx;
	(void)path;
	(void)line;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cfg cfg = { 0 };
	char err[256];
	long smp;
	size_t i;

	cfg_parse("fuzz.cfg", (const char *)data, size, &cfg, ignore, NULL);
	for (i = 0; i < cfg.n; i++) {
		const struct cfg_test *t = &cfg.tests[i];

		if (t->val[CFG_SMP])
			cfg_eval_smp(t->val[CFG_SMP], 8, &smp, err, sizeof(err));
		if (t->val[CFG_DISABLED_IF])
			cfg_eval_disabled_if(t->val[CFG_DISABLED_IF], "qemu");
		cfg_in_group(t, "nodefault");
	}
	cfg_free(&cfg);
	return 0;
}
