// SPDX-License-Identifier: MIT
/*
 * test-runner-logdir.c - host tests of the logs directory: test names map
 * to distinct file names, a log is never an existing file or a planted
 * symlink's target, and rotation keeps what it did not write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "logdir.h"

static char *name_of(const char *test)
{
	static char buf[256];
	char *s = logdir_file_name(test);

	snprintf(buf, sizeof(buf), "%s", s);
	free(s);
	return buf;
}

TEST(file_names_are_distinct)
{
	CHECK_STR(name_of("apic"), "apic.log");
	CHECK_STR(name_of("a/b"), "a%2Fb.log");
	CHECK_STR(name_of("a_b"), "a_b.log");
	CHECK_STR(name_of("a%2Fb"), "a%252Fb.log");
	CHECK_STR(name_of(".x"), "%2Ex.log");
	CHECK_STR(name_of("_.x"), "_.x.log");
	CHECK_STR(name_of(".."), "%2E..log");
	CHECK_STR(name_of("a\nb\033"), "a%0Ab%1B.log");
}

static char *tmpdir(void)
{
	char *d = xstrdup("/tmp/kut-logdir.XXXXXX");

	return mkdtemp(d) ? d : NULL;
}

static bool holds(const char *path, const char *text)
{
	char buf[64] = "";
	FILE *f = fopen(path, "r");

	if (!f)
		return false;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	return !strcmp(buf, text);
}

TEST(create_never_reuses_a_file)
{
	char *d = tmpdir(), *victim, *link, *p1, *p2, err[256];
	FILE *f1, *f2;

	victim = xasprintf("%s/victim", d);
	link = xasprintf("%s/t.log", d);
	f1 = fopen(victim, "w");
	fputs("keep\n", f1);
	fclose(f1);
	CHECK_INT(symlink(victim, link), 0);
	f1 = logdir_create(d, "t", &p1, err, sizeof(err));
	f2 = logdir_create(d, "t", &p2, err, sizeof(err));
	CHECK(f1 && f2);
	if (f1 && f2) {
		fputs("one\n", f1);
		fputs("two\n", f2);
		fclose(f1);
		fclose(f2);
		CHECK(strstr(p1, "/t.2.log") != NULL);
		CHECK(strstr(p2, "/t.3.log") != NULL);
		CHECK(holds(p1, "one\n"));
		CHECK(holds(p2, "two\n"));
		unlink(p1);
		unlink(p2);
		free(p1);
		free(p2);
	}
	CHECK(holds(victim, "keep\n"));
	unlink(link);
	unlink(victim);
	rmdir(d);
	free(victim);
	free(link);
	free(d);
}

static void put(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(p);
}

static bool holds_in(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	bool r = holds(p, text);

	free(p);
	return r;
}

static void remove_in(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);

	unlink(p);
	free(p);
}

TEST(rotation_keeps_what_it_did_not_write)
{
	char *d = tmpdir(), *logs, *old, err[512];
	int fd, other;

	logs = xasprintf("%s/logs", d);
	old = xasprintf("%s/logs.old", d);
	fd = logdir_prepare(logs, err, sizeof(err));
	CHECK(fd >= 0);
	put(logs, "a.log", "first\n");
	/* in use by a run: shared, not rotated */
	other = logdir_prepare(logs, err, sizeof(err));
	CHECK(other >= 0);
	CHECK(holds_in(logs, "a.log", "first\n"));
	close(other);
	close(fd);
	/* not in use: rotated */
	fd = logdir_prepare(logs, err, sizeof(err));
	CHECK(fd >= 0);
	CHECK(holds_in(old, "a.log", "first\n"));
	put(logs, "b.log", "second\n");
	close(fd);
	/* logs.old holding another file: refused, nothing removed */
	put(old, "notes.txt", "mine\n");
	CHECK_INT(logdir_prepare(logs, err, sizeof(err)), -1);
	CHECK(strstr(err, "'notes.txt'") != NULL);
	CHECK(holds_in(old, "a.log", "first\n"));
	CHECK(holds_in(old, "notes.txt", "mine\n"));
	CHECK(holds_in(logs, "b.log", "second\n"));
	/* the directory itself holding another file: refused too */
	put(logs, "c.txt", "x\n");
	CHECK_INT(logdir_prepare(logs, err, sizeof(err)), -1);
	CHECK(holds_in(logs, "b.log", "second\n"));
	remove_in(logs, "c.txt");
	remove_in(logs, "b.log");
	remove_in(old, "a.log");
	remove_in(old, "notes.txt");
	rmdir(logs);
	rmdir(old);
	rmdir(d);
	free(logs);
	free(old);
	free(d);
}
