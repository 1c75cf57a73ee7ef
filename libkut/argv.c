// SPDX-License-Identifier: MIT
/*
 * argv.c - argv from the kernel command line, the environment from the
 * initrd, and getenv().
 *
 * The command line is split at blanks with no quoting, as upstream does
 * (QEMU's -append hands it over as one string).  The environment is the
 * initrd read as "KEY=VAL" lines; blank lines and lines without '=' are
 * ignored.
 */
#include <libcflat.h>
#include <argv.h>

#define MAX_ARGS	100
#define MAX_ENV		200

int __argc;
const char *__args;
char *__argv[MAX_ARGS + 1];
int __envc;
char *__environ[MAX_ENV + 1];

/* argv[0] of every test; a test may define its own. */
const char *kut_progname __attribute__((weak)) = "kut";

static char args_copy[4096];

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void split_args(char *p)
{
	while (*p) {
		while (is_blank(*p))
			*p++ = '\0';
		if (!*p)
			break;
		if (__argc == MAX_ARGS) {
			printf("kut: more than %d arguments; the rest ignored\n",
			       MAX_ARGS - 1);
			break;
		}
		__argv[__argc++] = p;
		while (*p && !is_blank(*p))
			p++;
	}
	__argv[__argc] = NULL;
}

void setup_args(const char *args)
{
	size_t n;

	__args = args ? args : "";
	n = strnlen(__args, sizeof(args_copy) - 1);
	memcpy(args_copy, __args, n);
	args_copy[n] = '\0';
	__argc = 0;
	split_args(args_copy);
}

void setup_args_progname(const char *args)
{
	setup_args(args);
	if (__argc == MAX_ARGS)
		__argv[--__argc] = NULL;
	memmove(&__argv[1], &__argv[0], (__argc + 1) * sizeof(__argv[0]));
	__argv[0] = (char *)kut_progname;
	__argc++;
}

void add_setup_arg(const char *arg)
{
	if (__argc == MAX_ARGS)
		return;
	__argv[__argc++] = (char *)arg;
	__argv[__argc] = NULL;
}

void setup_env(char *env, int size)
{
	char *p = env, *end = env + size;

	__envc = 0;
	while (p < end && *p) {
		char *line = p;

		while (p < end && *p && *p != '\n')
			p++;
		if (p < end && *p == '\n')
			*p++ = '\0';
		if (!strchr(line, '=') || line[0] == '=')
			continue;
		if (__envc == MAX_ENV) {
			printf("kut: more than %d environment variables; "
			       "the rest ignored\n", MAX_ENV);
			break;
		}
		__environ[__envc++] = line;
	}
	__environ[__envc] = NULL;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	int i;

	for (i = 0; i < __envc; i++) {
		char *e = __environ[i];

		if (strncmp(e, name, len) == 0 && e[len] == '=')
			return e + len + 1;
	}
	return NULL;
}
