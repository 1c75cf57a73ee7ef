// SPDX-License-Identifier: MIT
/*
 * fuzz-smp.c - libFuzzer target: an smp = expression, evaluated.  Found
 * SIGFPE (INT_MIN / -1), stack exhaustion (deep nesting) and signed
 * overflow, all fixed in cfg_eval.c.
 */
#include "fuzz.h"
#include "cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *expr = fuzz_string(data, size), err[256];
	long smp;

	if (cfg_eval_smp(expr, 64, &smp, err, sizeof(err)) == 0 &&
	    (smp < 1 || smp > 4096))
		abort();	/* the contract: 1..4096 or an error */
	free(expr);
	return 0;
}
