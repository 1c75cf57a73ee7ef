// SPDX-License-Identifier: MIT
/*
 * strings.c - the meson example's test: the libc string subset, and the
 * arguments meson passes through kut-run to main().
 */
#include <libcflat.h>

int main(int argc, char **argv)
{
	char buf[16];

	report(argc == 3, "two arguments reach main() (argc = %d)", argc);
	report(argc == 3 && strcmp(argv[1], "kut") == 0 &&
	       strcmp(argv[2], "meson") == 0, "they are \"kut\" and \"meson\"");
	strcpy(buf, "abc");
	strcat(buf, "def");
	report(strlen(buf) == 6 && strstr(buf, "cd") == buf + 2,
	       "strcpy, strcat, strlen, strstr");
	report(strtol("-0x1f", NULL, 0) == -31, "strtol");
	return report_summary();
}
