// SPDX-License-Identifier: MIT
/*
 * fuzz-expect.c - libFuzzer target: an --expect file, parsed, then every
 * pattern matched against a few names.
 */
#include "fuzz.h"
#include "expect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "apic", "a*b", "", "x/y" };
	struct expect ex = { 0 };
	char *text = fuzz_string(data, size), err[256];
	size_t i, k;

	if (expect_parse(&ex, "fuzz.expect", text, err, sizeof(err)) == 0)
		for (i = 0; i < ex.n; i++)
			for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
				expect_matches(&ex.e[i], names[k]);
	expect_free(&ex);
	free(text);
	return 0;
}
