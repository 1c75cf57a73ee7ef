// SPDX-License-Identifier: MIT
/*
 * test-runner-shsplit.c - host tests of the shell-rule splitting of cfg
 * values: quoting and escapes as sh does them, and no expansion or
 * command ever (the point of doing it without a shell).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "shdate.h"
#include "shsplit.h"

/* The words of @s joined by '|', or "ERR: <problem>". */
static char *split(const char *s)
{
	struct strvec w = STRVEC_INIT;
	static char out[4096];
	char err[128];
	size_t i;

	out[0] = '\0';
	if (sh_split(s, &w, err, sizeof(err)) < 0) {
		snprintf(out, sizeof(out), "ERR: %s", err);
	} else {
		for (i = 0; i < w.n; i++) {
			if (i)
				strcat(out, "|");
			strcat(out, w.v[i]);
		}
	}
	strvec_free(&w);
	return out;
}

TEST(blanks_separate_words)
{
	CHECK_STR(split("-smp 2  -m\t256\n-append x"),
		  "-smp|2|-m|256|-append|x");
	CHECK_STR(split(""), "");
	CHECK_STR(split("   \t "), "");
}

TEST(single_quotes_keep_everything)
{
	CHECK_STR(split("-append 'a b  c'"), "-append|a b  c");
	CHECK_STR(split("'a\\b' '$x' '\"'"), "a\\b|$x|\"");
	CHECK_STR(split("pre'mid dle'post"), "premid dlepost");
}

TEST(double_quotes_and_their_escapes)
{
	CHECK_STR(split("\"a b\" \"x\\\"y\" \"\\$v\" \"\\n\""),
		  "a b|x\"y|$v|\\n");
	CHECK_STR(split("\"a\\\\b\""), "a\\b");
	CHECK_STR(split("\"one\\\ntwo\""), "onetwo");
}

TEST(backslash_outside_quotes)
{
	CHECK_STR(split("a\\ b c\\'d"), "a b|c'd");
	CHECK_STR(split("a\\\nb"), "ab");
	CHECK_STR(split("end\\"), "end\\");
}

TEST(empty_quoted_words_are_words)
{
	CHECK_STR(split("'' a \"\""), "|a|");
	CHECK_STR(split("-append ''"), "-append|");
}

TEST(comments_start_only_at_a_word)
{
	CHECK_STR(split("-m 256 # the memory"), "-m|256");
	CHECK_STR(split("a#b"), "a#b");
	CHECK_STR(split("'#x' \"#y\""), "#x|#y");
	CHECK_STR(split("a # c\nb"), "a|b");
}

TEST(no_expansion_and_no_operators)
{
	CHECK_STR(split("-append \"$(touch /tmp/x)\""),
		  "-append|$(touch /tmp/x)");
	CHECK_STR(split("`id` $HOME ${X} a;b c|d e&f <g >h"),
		  "`id`|$HOME|${X}|a;b|c|d|e&f|<g|>h");
	CHECK_STR(split("--append \"10000000 `date +%s`\""),
		  "--append|10000000 `date +%s`");
}

TEST(unterminated_quotes_are_errors)
{
	CHECK_STR(split("-append 'abc"), "ERR: unterminated '...' quote");
	CHECK_STR(split("-append \"abc"), "ERR: unterminated \"...\" quote");
	CHECK_STR(split("\"a\\\""), "ERR: unterminated \"...\" quote");
}

TEST(very_long_words)
{
	size_t n = 200000;
	char *s = malloc(n + 3);
	struct strvec w = STRVEC_INIT;
	char err[64];

	memset(s + 1, 'x', n);
	s[0] = '\'';
	s[n + 1] = '\'';
	s[n + 2] = '\0';
	CHECK_INT(sh_split(s, &w, err, sizeof(err)), 0);
	CHECK_INT(w.n, 1);
	CHECK_INT(strlen(w.v[0]), n);
	strvec_free(&w);
	free(s);
}

TEST(wants_shell_spots_what_sh_would_run)
{
	CHECK(!sh_wants_shell("-smp 2 -append 'a b'"));
	CHECK(!sh_wants_shell("-append '$(x) `y` ; | &'"));
	CHECK(!sh_wants_shell("-m 1 # a comment; with $stuff"));
	CHECK(sh_wants_shell("-append \"$(x)\""));
	CHECK(sh_wants_shell("-append \"`date`\""));
	CHECK(sh_wants_shell("-append x;y"));
	CHECK(sh_wants_shell("$MAX_SMP"));
	CHECK(!sh_wants_shell("a\\;b"));
}

/* Expand @s as of time 1000; "" when nothing was expanded, NULL on error. */
static const char *dates(const char *s, bool *now)
{
	static char buf[256];
	char err[256], *out;

	if (sh_expand_dates(s, 1000, &out, now, err, sizeof(err)) < 0)
		return NULL;
	snprintf(buf, sizeof(buf), "%s", out ? out : "");
	free(out);
	return buf;
}

TEST(date_substitutions_without_a_shell)
{
	bool now;

	CHECK_STR(dates("date=$(date +%s)", &now), "date=1000");
	CHECK(now);
	CHECK_STR(dates("\"d=$(date --date=\"2006-06-17 UTC\" +%s)\"", &now),
		  "\"d=1150502400\"");
	CHECK(!now);
	CHECK_STR(dates("`date -d '1970-01-02 00:00:01 UTC' +%s` `date`", &now),
		  "86401 `date`");
	CHECK_STR(dates("$( date --date @7 +%s )", &now), "7");
	/* Single quotes keep it text, as sh does; so do other commands. */
	CHECK_STR(dates("'$(date +%s)' $(date +%Y) $(dates +%s)", &now), "");
	CHECK(dates("$(date --date=tomorrow +%s)", &now) == NULL);
	CHECK(dates("$(date -d '2006-13-01 UTC' +%s)", &now) == NULL);
}
