// SPDX-License-Identifier: MIT
/*
 * cfg_eval.c - the bits of unittests.cfg that upstream leaves to bash, done
 * without bash: smp expressions, disabled_if and check conditions.
 *
 * Upstream cfgs write smp as a number, $MAX_SMP, `getconf
 * _NPROCESSORS_CONF` (older arm files) or $((($MAX_SMP < 8)?$MAX_SMP:8))
 * (GICv2 tests); a small integer-expression reader covers all of them and
 * runs nothing.
 */
#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg.h"

/*
 * Deeper nesting than any cfg needs: enough to stop a hostile one from
 * exhausting the stack (each level is a few frames of recursion).
 */
#define MAX_DEPTH	64
/* How much of a bad expression an error message quotes. */
#define EXPR_QUOTED	80

struct expr {
	const char *p;
	long max_smp;
	const char *err;
	unsigned int depth;
};

static long ternary(struct expr *e);

static void skip_blanks(struct expr *e)
{
	while (*e->p == ' ' || *e->p == '\t')
		e->p++;
}

static bool eat(struct expr *e, const char *tok)
{
	size_t n = strlen(tok);

	skip_blanks(e);
	if (strncmp(e->p, tok, n))
		return false;
	e->p += n;
	return true;
}

static void fail(struct expr *e, const char *why)
{
	if (!e->err)
		e->err = why;
}

/*
 * Arithmetic that says so instead of wrapping or trapping: bash wraps, but
 * an smp value that only means something after a wrap is a cfg mistake.
 */
static long checked(struct expr *e, char op, long a, long b)
{
	long r = 1;
	bool over;

	switch (op) {
	case '+':
		over = __builtin_add_overflow(a, b, &r);
		break;
	case '-':
		over = __builtin_sub_overflow(a, b, &r);
		break;
	case '*':
		over = __builtin_mul_overflow(a, b, &r);
		break;
	default:	/* '/' and '%' */
		if (!b) {
			fail(e, "division by zero");
			return 1;
		}
		over = a == LONG_MIN && b == -1;
		if (!over)
			r = op == '/' ? a / b : a % b;
		break;
	}
	if (over) {
		fail(e, "arithmetic overflow");
		return 1;
	}
	return r;
}

/* One more level of nesting, or false (and the error) past MAX_DEPTH. */
static bool enter(struct expr *e)
{
	if (e->err)
		return false;
	if (++e->depth > MAX_DEPTH) {
		fail(e, "nested too deeply");
		return false;
	}
	return true;
}

/* A command whose output is the CPU count, between @open and @close. */
static long cpu_command(struct expr *e, const char *close)
{
	static const char *const commands[] = {
		"getconf _NPROCESSORS_CONF", "getconf _NPROCESSORS_ONLN",
		"nproc",
	};
	const char *end = strstr(e->p, close);
	size_t i, len;

	while (end && e->p < end && (*e->p == ' ' || *e->p == '\t'))
		e->p++;
	if (!end) {
		fail(e, "unterminated command substitution");
		return 1;
	}
	len = (size_t)(end - e->p);
	while (len && (e->p[len - 1] == ' ' || e->p[len - 1] == '\t'))
		len--;
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strlen(commands[i]) == len &&
		    !strncmp(e->p, commands[i], len)) {
			e->p = end + strlen(close);
			return e->max_smp;
		}
	}
	fail(e, "command substitution other than getconf "
		"_NPROCESSORS_CONF/_ONLN or nproc (kut-run runs no shell)");
	return 1;
}

static long number(struct expr *e)
{
	char *end;
	long v = strtol(e->p, &end, 10);

	if (end - e->p > 9)
		fail(e, "number too large");
	e->p = end;
	return v;
}

static long primary(struct expr *e)
{
	long v;

	skip_blanks(e);
	if (eat(e, "$((")) {
		v = ternary(e);
		if (!eat(e, "))"))
			fail(e, "missing )) after $((");
		return v;
	}
	if (eat(e, "$("))
		return cpu_command(e, ")");
	if (eat(e, "`"))
		return cpu_command(e, "`");
	if (eat(e, "(")) {
		v = ternary(e);
		if (!eat(e, ")"))
			fail(e, "missing )");
		return v;
	}
	if (eat(e, "${MAX_SMP}") || eat(e, "$MAX_SMP") || eat(e, "MAX_SMP"))
		return e->max_smp;
	if (isdigit((unsigned char)*e->p))
		return number(e);
	fail(e, *e->p ? "not a number, $MAX_SMP or $((...))" :
			"expression ends too early");
	return 1;
}

static long unary(struct expr *e)
{
	long v;

	if (!enter(e))
		return 1;
	if (eat(e, "-"))
		v = checked(e, '-', 0, unary(e));
	else if (eat(e, "+"))
		v = unary(e);
	else if (eat(e, "!"))
		v = !unary(e);
	else
		v = primary(e);
	e->depth--;
	return v;
}

static long product(struct expr *e)
{
	long v = unary(e);
	char op;

	while (!e->err && (eat(e, "*") || eat(e, "/") || eat(e, "%"))) {
		op = e->p[-1];
		v = checked(e, op, v, unary(e));
	}
	return v;
}

static long sum(struct expr *e)
{
	long v = product(e);
	char op;

	while (!e->err && (eat(e, "+") || eat(e, "-"))) {
		op = e->p[-1];
		v = checked(e, op, v, product(e));
	}
	return v;
}

static long relation(struct expr *e)
{
	long v = sum(e);

	for (;;) {
		if (eat(e, "<="))
			v = v <= sum(e);
		else if (eat(e, ">="))
			v = v >= sum(e);
		else if (eat(e, "<"))
			v = v < sum(e);
		else if (eat(e, ">"))
			v = v > sum(e);
		else
			return v;
	}
}

static long equality(struct expr *e)
{
	long v = relation(e);

	for (;;) {
		if (eat(e, "=="))
			v = v == relation(e);
		else if (eat(e, "!="))
			v = v != relation(e);
		else
			return v;
	}
}

static long logical_and(struct expr *e)
{
	long v = equality(e), r;

	while (eat(e, "&&")) {
		r = equality(e);
		v = v && r;
	}
	return v;
}

static long logical_or(struct expr *e)
{
	long v = logical_and(e), r;

	while (eat(e, "||")) {
		r = logical_and(e);
		v = v || r;
	}
	return v;
}

static long ternary(struct expr *e)
{
	long c, a, b;

	if (!enter(e))
		return 1;
	c = logical_or(e);
	if (eat(e, "?")) {
		a = ternary(e);
		if (!eat(e, ":"))
			fail(e, "missing : in ?:");
		b = ternary(e);
		c = c ? a : b;
	}
	e->depth--;
	return c;
}

int cfg_eval_smp(const char *expr, long max_smp, long *smp,
		 char *err, size_t errsize)
{
	struct expr e = { expr, max_smp, NULL, 0 };
	long v = ternary(&e);

	skip_blanks(&e);
	if (!e.err && *e.p)
		e.err = "unexpected text";
	if (!e.err && (v < 1 || v > 4096))
		e.err = "not between 1 and 4096 CPUs";
	if (e.err) {
		/* A hostile value can be megabytes long: quote its start. */
		snprintf(err, errsize, "'%.*s%s': %s", EXPR_QUOTED, expr,
			 strlen(expr) > EXPR_QUOTED ? "..." : "", e.err);
		return -1;
	}
	*smp = v;
	return 0;
}

/* One word of a [[ ]] test: TARGET's value for $TARGET, else the text. */
static bool operand(const char **p, const char *target, char *out,
		    size_t size)
{
	const char *s = *p;
	char quote = 0;
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '"' || *s == '\'')
		quote = *s++;
	n = quote ? strcspn(s, quote == '"' ? "\"" : "'") : strcspn(s, " \t");
	if ((quote && s[n] != quote) || !n || n >= size)
		return false;
	snprintf(out, size, "%.*s", (int)n, s);
	*p = s + n + (quote ? 1 : 0);
	if (!strcmp(out, "$TARGET") || !strcmp(out, "${TARGET}"))
		snprintf(out, size, "%s", target);
	return true;
}

int cfg_eval_disabled_if(const char *expr, const char *target)
{
	char lhs[64], rhs[64];
	const char *p = expr;
	bool equal;

	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "[[", 2))
		return -1;
	p += 2;
	if (!operand(&p, target, lhs, sizeof(lhs)))
		return -1;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!strncmp(p, "!=", 2))
		equal = false;
	else if (!strncmp(p, "==", 2))
		equal = true;
	else
		return -1;
	p += 2;
	if (!operand(&p, target, rhs, sizeof(rhs)))
		return -1;
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "]]", 2))
		return -1;
	p += 2 + strspn(p + 2, " \t");
	if (*p)
		return -1;
	return (strcmp(lhs, rhs) == 0) == equal;
}

/*
 * The file's contents without trailing newlines, as $(cat path) gives.
 * Only a regular file is opened (sysfs and procfs ones are): a FIFO or a
 * device named by a hostile cfg could block kut-run forever, so it is
 * refused by its type before any open(), and O_NONBLOCK covers a file
 * swapped for one in between.
 */
static char *read_small(const char *path, const char **why)
{
	char buf[4096];
	struct stat st;
	ssize_t got;
	size_t n = 0;
	int fd;

	*why = NULL;
	if (stat(path, &st) < 0)
		return NULL;
	if (!S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		return NULL;
	}
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		close(fd);
		return NULL;
	}
	while (n < sizeof(buf) - 1 &&
	       (got = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += (size_t)got;
	close(fd);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return xstrdup(buf);
}

static bool one_check(const char *cond, size_t len, char *why, size_t whysize)
{
	char *c = xasprintf("%.*s", (int)len, cond), *eq = strchr(c, '=');
	const char *why_not;
	char *got;
	bool ok;

	if (!eq || eq == c) {
		snprintf(why, whysize, "check '%s' is not path=value", c);
		free(c);
		return false;
	}
	*eq = '\0';
	got = read_small(c, &why_not);
	ok = got && !strcmp(got, eq + 1);
	if (!got)
		snprintf(why, whysize, "%s: %s, want '%s'", c, why_not ?
			 why_not : "cannot be read", eq + 1);
	else if (!ok)
		snprintf(why, whysize, "%s is '%s', not '%s'", c, got, eq + 1);
	free(got);
	free(c);
	return ok;
}

bool cfg_check_holds(const char *check, char *why, size_t whysize)
{
	const char *p = check;
	size_t n;

	while (p && *p) {
		p += strspn(p, " \t");
		n = strcspn(p, " \t");
		if (n && !one_check(p, n, why, whysize))
			return false;
		p += n;
	}
	return true;
}
