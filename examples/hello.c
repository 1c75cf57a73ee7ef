// SPDX-License-Identifier: MIT
/*
 * hello.c - the smallest useful kut test: it checks that the arguments
 * given with "kut-run hello.flat -append '...'" reach main().
 */
#include <libcflat.h>

int main(int argc, char **argv)
{
	int i;

	report_info("hello from %s", argv[0]);
	for (i = 1; i < argc; i++)
		report(argv[i][0] != '\0', "argument %d is \"%s\"", i, argv[i]);
	if (argc == 1)
		report_skip("no arguments given (try -append 'a b')");
	return report_summary();
}
