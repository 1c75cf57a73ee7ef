// SPDX-License-Identifier: MIT
/*
 * test-runner-util.c - host tests of kut-run's helpers: TIMEOUT durations,
 * shell quoting (what --dry-run prints must paste into sh), string
 * vectors and the temporary-file list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "util.h"

static long long ms_of(const char *s)
{
	long long ms = -42;

	return parse_duration(s, &ms) < 0 ? -1 : ms;
}

TEST(duration_units)
{
	CHECK_INT(ms_of("90"), 90000);
	CHECK_INT(ms_of("90s"), 90000);
	CHECK_INT(ms_of("2m"), 120000);
	CHECK_INT(ms_of("1.5h"), 5400000);
	CHECK_INT(ms_of("1d"), 86400000);
	CHECK_INT(ms_of("0.5"), 500);
	CHECK_INT(ms_of(".25s"), 250);
	CHECK_INT(ms_of("3."), 3000);
}

TEST(duration_zero_means_none_and_tiny_rounds_up)
{
	CHECK_INT(ms_of("0"), 0);
	CHECK_INT(ms_of("0s"), 0);
	CHECK_INT(ms_of("0.0001"), 1);
}

TEST(duration_huge_is_clamped)
{
	CHECK(ms_of("99999999999999999999d") > 0);
	CHECK_INT(ms_of("99999999999999999999d"), 1000000000000LL);
}

TEST(duration_rejects_garbage)
{
	CHECK_INT(ms_of(""), -1);
	CHECK_INT(ms_of("s"), -1);
	CHECK_INT(ms_of("."), -1);
	CHECK_INT(ms_of("-1"), -1);
	CHECK_INT(ms_of("+1"), -1);
	CHECK_INT(ms_of(" 1"), -1);
	CHECK_INT(ms_of("1 "), -1);
	CHECK_INT(ms_of("1x"), -1);
	CHECK_INT(ms_of("1ss"), -1);
	CHECK_INT(ms_of("1.2.3"), -1);
	CHECK_INT(ms_of("inf"), -1);
	CHECK_INT(ms_of("nan"), -1);
	CHECK_INT(ms_of("0x10"), -1);
	CHECK_INT(ms_of("1e3"), -1);
}

TEST(duration_format)
{
	char buf[32];

	format_duration(90000, buf, sizeof(buf));
	CHECK_STR(buf, "90s");
	format_duration(500, buf, sizeof(buf));
	CHECK_STR(buf, "0.5s");
	format_duration(1250, buf, sizeof(buf));
	CHECK_STR(buf, "1.25s");
	format_duration(1, buf, sizeof(buf));
	CHECK_STR(buf, "0.001s");
	format_duration(0, buf, sizeof(buf));
	CHECK_STR(buf, "0s");
}

static void check_quote(const char *in, const char *want)
{
	char *q = shell_quote(in);

	CHECK_STR(q, want);
	free(q);
}

TEST(shell_quote_words)
{
	check_quote("-smp", "-smp");
	check_quote("/usr/bin/qemu-system-x86_64", "/usr/bin/qemu-system-x86_64");
	check_quote("isa-debug-exit,iobase=0xf4,iosize=0x4",
		    "isa-debug-exit,iobase=0xf4,iosize=0x4");
	check_quote("a b", "'a b'");
	check_quote("", "''");
	check_quote("it's", "'it'\\''s'");
	check_quote("$HOME", "'$HOME'");
	check_quote("a;b", "'a;b'");
	check_quote("*", "'*'");
	check_quote("~", "'~'");
	check_quote("x\ny", "'x\ny'");
}

TEST(shell_join_quotes_assignment_like_first_word)
{
	char *argv1[] = { "a=b/qemu", "-x", "k=v", NULL };
	char *argv2[] = { "qemu", "-append", "a b", "", NULL };
	char *s;

	s = shell_join(argv1);
	CHECK_STR(s, "'a=b/qemu' -x k=v");
	free(s);
	s = shell_join(argv2);
	CHECK_STR(s, "qemu -append 'a b' ''");
	free(s);
}

/* The strongest check of quoting: sh must give back the same words. */
TEST(shell_join_round_trips_through_sh)
{
	char *argv[] = { "printf", "[%s]", "a b", "it's", "$x", "\\", "\"q\"",
			 "", "-append", "x='1 2'", NULL };
	char *cmd = shell_join(argv), *quoted = shell_quote(cmd), *full;
	char out[512] = "";
	FILE *p;
	size_t n;

	full = xasprintf("sh -c %s", quoted);
	p = popen(full, "r");
	CHECK(p != NULL);
	if (p) {
		n = fread(out, 1, sizeof(out) - 1, p);
		out[n] = '\0';
		pclose(p);
	}
	CHECK_STR(out, "[a b][it's][$x][\\][\"q\"][][-append][x='1 2']");
	free(cmd);
	free(quoted);
	free(full);
}

TEST(strvec_grows_and_stays_null_terminated)
{
	static const char *const list[] = { "x", "y", NULL };
	struct strvec sv = STRVEC_INIT;
	char name[16];
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "s%d", i);
		strvec_push(&sv, name);
		CHECK(sv.v[sv.n] == NULL);
	}
	strvec_push_all(&sv, list);
	strvec_push_all(&sv, NULL);
	CHECK_INT(sv.n, 102);
	CHECK_STR(sv.v[0], "s0");
	CHECK_STR(sv.v[99], "s99");
	CHECK_STR(sv.v[101], "y");
	strvec_free(&sv);
	CHECK(sv.v == NULL && sv.n == 0);
}

TEST(tempfiles_removed_unless_forgotten)
{
	char a[] = "/tmp/kut-test-tmp.XXXXXX", b[] = "/tmp/kut-test-tmp.XXXXXX";
	int fa = mkstemp(a), fb = mkstemp(b);

	CHECK(fa >= 0 && fb >= 0);
	close(fa);
	close(fb);
	tempfile_track(a);
	tempfile_track(b);
	tempfile_forget(b);
	tempfile_remove_all();
	CHECK(access(a, F_OK) != 0);
	CHECK(access(b, F_OK) == 0);
	unlink(b);
}

TEST(map_file_errors)
{
	struct file_map m;
	char err[128];

	CHECK_INT(map_file("/nonexistent/kut", &m, err, sizeof(err)), -1);
	CHECK_STR(err, "No such file or directory");
	CHECK_INT(map_file("/tmp", &m, err, sizeof(err)), -1);
	CHECK_STR(err, "is a directory");
	CHECK_INT(map_file("/dev/null", &m, err, sizeof(err)), -1);
	CHECK_STR(err, "not a regular file");
}
