// SPDX-License-Identifier: MIT
/* util.c - util.h's parse_keyval(). */
#include <libcflat.h>
#include <util.h>

int parse_keyval(char *s, long *val)
{
	char *eq = strchr(s, '=');

	if (!eq)
		return -1;
	*val = strtol(eq + 1, NULL, 0);
	return eq - s;
}
