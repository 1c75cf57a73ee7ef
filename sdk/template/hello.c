// SPDX-License-Identifier: MIT
/*
 * hello.c - a first kut test: it runs as a tiny guest, checks a few things
 * and reports each with report(); report_summary() turns them into the
 * exit status kut-run returns (0 pass, 1 fail, 77 skip).
 */
#include <libcflat.h>

int main(int argc, char **argv)
{
	char buf[32];
	char *copy;
	bool argv_ok = argc >= 1 && argv[argc] == NULL;
	int i;

	report_prefix_push("hello");

	/* The arguments come from "-append" (see unittests.cfg). */
	for (i = 1; i < argc; i++) {
		report_info("argv[%d] = \"%s\"", i, argv[i]);
		argv_ok = argv_ok && argv[i] && argv[i][0];
	}
	report(argv_ok, "main() gets its arguments (argc = %d)", argc);

	snprintf(buf, sizeof(buf), "%d-%s", 42, "kut");
	report(strcmp(buf, "42-kut") == 0, "snprintf formats");

	copy = strdup(buf);
	report(copy && strcmp(copy, buf) == 0, "malloc and strdup work");
	free(copy);

	report_prefix_pop();
	return report_summary();
}
