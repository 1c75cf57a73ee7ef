// SPDX-License-Identifier: MIT
/*
 * report.c - the report API as upstream tests call it: prefixes pushed
 * with and without a format, the current report(pass, fmt, ...) form and
 * the 2017 report(fmt, pass, ...) one, expected failures, skips and
 * information lines, and report_summary() as main's return value.
 */
#include "libcflat.h"

static void nested(int level)
{
	report_prefix_pushf("level %d", level);
	/* The line's prefixes are the check: tests/e2e/sdk.sh reads them. */
	report_pass("inside");
	report_prefix_pop();
}

int main(int ac, char **av)
{
	int i;

	report_prefix_push("report");

	report_info("%d arguments", ac - 1);
	report(ac == 3, "two arguments from -append");
	for (i = 1; i < ac; i++)
		report(av[i][0] != '\0', "argument %d is \"%s\"", i, av[i]);

	nested(1);
	report_prefix_push("a");
	report_prefix_push("b");
	report_prefix_popn(2);
	report_pass("popn");

	report("old argument order, %s", true, "still accepted");
	report_xfail(true, false, "an expected failure counts as XFAIL");
	report_pass("report_pass %d", 1);
	report_skip("a skip among passes is not the verdict");

	report_prefix_pop();
	return report_summary();
}
