/* SPDX-License-Identifier: MIT */
/*
 * selftest.h - what the selftests (and other tests) of the arm,
 * powerpc, riscv64 and s390x families share: reading NAME=VALUE from the
 * command line, and the console-input check, whose bytes the host pipes
 * into QEMU's console.
 */
#ifndef KUT_TESTS_COMMON_SELFTEST_H
#define KUT_TESTS_COMMON_SELFTEST_H

#include <libcflat.h>

/* The value of the first "NAME=VALUE" among argv[1..], or NULL. */
static inline const char *arg_value(int argc, char **argv, const char *name)
{
	size_t len = strlen(name);
	int i;

	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], name, len) == 0 && argv[i][len] == '=')
			return argv[i] + len + 1;
	}
	return NULL;
}

/*
 * getchar() returns the bytes given as want=BYTES (sent by the host to
 * the console), in order, and then nothing is left waiting: a console
 * that drops, repeats or invents input fails.
 */
static inline void check_console_input(int argc, char **argv)
{
	const char *want = arg_value(argc, argv, "want");
	char got[16];
	size_t n, i;

	if (!want || strlen(want) >= sizeof(got))
		report_abort("console-input needs want=<up to %zu bytes>",
			     sizeof(got) - 1);
	n = strlen(want);
	for (i = 0; i < n; i++)
		got[i] = getchar();
	got[n] = '\0';
	report(strcmp(got, want) == 0, "getchar() read '%s', sent '%s'", got, want);
	report(__getchar() == -1, "nothing more waiting");
}

#endif
