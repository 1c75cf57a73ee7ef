// SPDX-License-Identifier: MIT
/*
 * test-runner-envfile.c - host tests of the guest environment file: which
 * -e arguments are accepted, what the file holds, where it is created and
 * that it is tracked for removal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "envfile.h"
#include "util.h"

static int check(const char *kv)
{
	char err[256];

	return envfile_check(kv, err, sizeof(err));
}

TEST(accepted_pairs)
{
	CHECK_INT(check("A=1"), 0);
	CHECK_INT(check("_x9=a b c"), 0);
	CHECK_INT(check("EMPTY="), 0);
	CHECK_INT(check("EQ=a=b"), 0);
}

TEST(refused_pairs)
{
	char err[256];

	CHECK_INT(envfile_check("NOVALUE", err, sizeof(err)), -1);
	CHECK_STR(err, "\"NOVALUE\": expected KEY=VALUE");
	CHECK_INT(check("=1"), -1);
	CHECK_INT(check("1A=1"), -1);
	CHECK_INT(check("A-B=1"), -1);
	CHECK_INT(check("A B=1"), -1);
	CHECK_INT(envfile_check("A=x\ny", err, sizeof(err)), -1);
	CHECK_STR(err, "\"A=x\ny\": VALUE must be one line");
}

static char *slurp(const char *path)
{
	static char buf[1024];
	FILE *f = fopen(path, "r");
	size_t n = 0;

	if (f) {
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	return buf;
}

TEST(file_contents_and_place)
{
	char dir[] = "/tmp/kut-test-env.XXXXXX", err[256];
	char *vars[] = { "A=1", "B=x y", "C=" };
	char *path;

	CHECK(mkdtemp(dir) != NULL);
	setenv("TMPDIR", dir, 1);
	path = envfile_write(vars, 3, err, sizeof(err));
	CHECK(path != NULL);
	if (path) {
		CHECK(strncmp(path, dir, strlen(dir)) == 0);
		CHECK(strstr(path, "/kut-env.") != NULL);
		CHECK_STR(slurp(path), "A=1\nB=x y\nC=\n");
		/* Tracked: it goes away with the other temporary files. */
		tempfile_remove_all();
		CHECK(access(path, F_OK) != 0);
	}
	free(path);
	rmdir(dir);
	unsetenv("TMPDIR");
}

TEST(unwritable_tmpdir)
{
	char err[256];
	char *vars[] = { "A=1" };

	setenv("TMPDIR", "/nonexistent/dir", 1);
	CHECK(envfile_write(vars, 1, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "cannot create /nonexistent/dir/kut-env.") == err);
	unsetenv("TMPDIR");
}

TEST(default_tmpdir)
{
	char err[256];
	char *vars[] = { "A=1" };
	char *path;

	unsetenv("TMPDIR");
	path = envfile_write(vars, 1, err, sizeof(err));
	CHECK(path && strncmp(path, "/tmp/kut-env.", 13) == 0);
	if (path)
		unlink(path);
	free(path);
}

TEST(load_env_file)
{
	char path[] = "/tmp/kut-envload-XXXXXX", err[256];
	struct strvec v = STRVEC_INIT;
	FILE *f;
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	f = fdopen(fd, "w");
	fputs("A=1\n\n# a comment\nB=two words\r\nC=\n", f);
	fclose(f);
	CHECK_INT(envfile_load(path, &v, err, sizeof(err)), 0);
	CHECK_INT(v.n, 3);
	if (v.n == 3) {
		CHECK_STR(v.v[0], "A=1");
		CHECK_STR(v.v[1], "B=two words");
		CHECK_STR(v.v[2], "C=");
	}
	strvec_free(&v);

	f = fopen(path, "w");
	fputs("A=1\nnot a pair\n", f);
	fclose(f);
	CHECK_INT(envfile_load(path, &v, err, sizeof(err)), -1);
	CHECK(strstr(err, ":2: \"not a pair\": expected KEY=VALUE") != NULL);
	strvec_free(&v);
	unlink(path);

	CHECK_INT(envfile_load("/nonexistent/env", &v, err, sizeof(err)), -1);
	CHECK_STR(err, "/nonexistent/env: No such file or directory");
}
