// SPDX-License-Identifier: MIT
/*
 * optional.c - a test that skips itself unless it is asked to run, to show
 * the skip travelling as exit code 77 from the guest through kut-run to
 * the harness, which counts it as SKIP rather than as a failure.
 */
#include <libcflat.h>

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "run") != 0) {
		report_skip("not asked to run (-append run)");
		return report_summary();
	}
	report(argc == 2, "asked to run, with nothing else appended (argc = %d)",
	       argc);
	return report_summary();
}
