// SPDX-License-Identifier: MIT
/*
 * test-lib-argv.c - argv from the command line and the environment from
 * the initrd, on the host (libkut/argv.c).
 */
#include <string.h>

#include "harness.h"

extern int kut___argc, kut___envc;
extern char *kut___argv[];
extern char *kut___environ[];
void kut_setup_args(const char *args);
void kut_setup_args_progname(const char *args);
void kut_add_setup_arg(const char *arg);
void kut_setup_env(char *env, int size);
char *kut_getenv(const char *name);

TEST(args_split_at_blanks)
{
	kut_setup_args_progname("  one\ttwo  three\n");
	CHECK_INT(kut___argc, 4);
	CHECK_STR(kut___argv[0], "kut");
	CHECK_STR(kut___argv[1], "one");
	CHECK_STR(kut___argv[2], "two");
	CHECK_STR(kut___argv[3], "three");
	CHECK(kut___argv[4] == NULL);
}

TEST(args_empty_and_null)
{
	kut_setup_args_progname("");
	CHECK_INT(kut___argc, 1);
	CHECK(kut___argv[1] == NULL);
	kut_setup_args(NULL);
	CHECK_INT(kut___argc, 0);
	CHECK(kut___argv[0] == NULL);
}

TEST(args_too_many_are_capped)
{
	static char line[1000];
	int i;

	line[0] = '\0';
	for (i = 0; i < 150; i++)
		strcat(line, "x ");
	kut_setup_args_progname(line);
	CHECK_INT(kut___argc, 100);
	CHECK_STR(kut___argv[0], "kut");
	CHECK_STR(kut___argv[99], "x");
	CHECK(kut___argv[100] == NULL);
}

TEST(add_setup_arg)
{
	kut_setup_args("a");
	kut_add_setup_arg("b");
	CHECK_INT(kut___argc, 2);
	CHECK_STR(kut___argv[1], "b");
	CHECK(kut___argv[2] == NULL);
}

TEST(env_lines)
{
	char env[] = "A=1\n\nNOEQUALS\n=bad\nB=two words\nC=\nA2=x=y";

	kut_setup_env(env, sizeof(env) - 1);
	CHECK_INT(kut___envc, 4);
	CHECK_STR(kut_getenv("A"), "1");
	CHECK_STR(kut_getenv("B"), "two words");
	CHECK_STR(kut_getenv("C"), "");
	CHECK_STR(kut_getenv("A2"), "x=y");
	CHECK(kut_getenv("NOEQUALS") == NULL);
	CHECK(kut_getenv("D") == NULL);
	CHECK(kut_getenv("") == NULL);
	CHECK(kut___environ[4] == NULL);
}

TEST(env_stops_at_nul_and_size)
{
	char env[] = "K=v\0Z=z";
	char env2[] = "K=v\nZ=z";

	kut_setup_env(env, sizeof(env) - 1);
	CHECK_INT(kut___envc, 1);
	CHECK_STR(kut_getenv("K"), "v");
	CHECK(kut_getenv("Z") == NULL);
	/* size ends the scan too: "K=v\n" is all that is read of env2. */
	kut_setup_env(env2, 4);
	CHECK_INT(kut___envc, 1);
	CHECK(kut_getenv("Z") == NULL);
}
