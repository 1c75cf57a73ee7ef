// SPDX-License-Identifier: MIT
/*
 * fuzz-shsplit.c - libFuzzer target: extra_params/test_args text split
 * into words as sh would, and the check for shell syntax left as text.
 */
#include "fuzz.h"
#include "shsplit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strvec words = STRVEC_INIT;
	char *s = fuzz_string(data, size), err[256];
	size_t i;

	if (sh_split(s, &words, err, sizeof(err)) == 0)
		for (i = 0; i < words.n; i++)
			if (!words.v[i])
				abort();
	sh_wants_shell(s);
	strvec_free(&words);
	free(s);
	return 0;
}
