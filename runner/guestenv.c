// SPDX-License-Identifier: MIT
/*
 * guestenv.c - upstream's generated guest variables (guestenv.h): the
 * versions as upstream splits them, and the ERRATA_<commit> answers from
 * errata.txt's "commit : minimum kernel version : summary" lines.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "envfile.h"
#include "guestenv.h"
#include "launch.h"

#define VERSION_PROBE_MS	30000

/* A kernel version a.b.c-d; -1 for a part that is missing. */
struct kver {
	long v, p, s, x;
};

/* The leading digits of @s as a number, or -1 when there are none. */
static long leading_number(const char *s, size_t len)
{
	long n = 0;
	size_t i;

	for (i = 0; i < len && isdigit((unsigned char)s[i]) && n < 100000; i++)
		n = n * 10 + (s[i] - '0');
	return i ? n : -1;
}

/*
 * Split "6.1.0-18-amd64" as upstream does: version and patch level
 * before the first two dots, then sublevel and extra version around the
 * first '-' of the rest, each cut at its first non-digit.
 */
static void split_version(const char *s, struct kver *k)
{
	const char *dot1 = strchr(s, '.'), *dot2, *rest, *dash;

	k->v = leading_number(s, dot1 ? (size_t)(dot1 - s) : strlen(s));
	k->p = k->s = k->x = -1;
	if (!dot1)
		return;
	dot2 = strchr(dot1 + 1, '.');
	k->p = leading_number(dot1 + 1, dot2 ? (size_t)(dot2 - dot1 - 1) :
			      strlen(dot1 + 1));
	if (!dot2)
		return;
	rest = dot2 + 1;
	dash = strchr(rest, '-');
	k->s = leading_number(rest, dash ? (size_t)(dash - rest) : strlen(rest));
	if (dash)
		k->x = leading_number(dash + 1, strcspn(dash + 1, "-"));
}

/* Does kernel @k have a fix that arrived in @min?  Upstream's rules. */
static bool kernel_has(const struct kver *k, const struct kver *min)
{
	if (k->v != min->v)
		return k->v > min->v;
	if (k->p != min->p)
		return k->p > min->p;
	if (k->s >= 0 && min->s >= 0) {
		if (k->s != min->s)
			return k->s > min->s;
		if (k->x >= 0 && min->x >= 0)
			return k->x >= min->x;
		return min->x <= 0;
	}
	return min->s <= 0;
}

static bool has_name(const struct strvec *vars, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < vars->n; i++)
		if (!strncmp(vars->v[i], name, n) && vars->v[i][n] == '=')
			return true;
	return false;
}

static void add(struct strvec *vars, const char *name, const char *value)
{
	char *kv;

	if (has_name(vars, name, strlen(name)))
		return;
	kv = xasprintf("%s=%s", name, value);
	strvec_push(vars, kv);
	free(kv);
}

static void add_number(struct strvec *vars, const char *name, long n)
{
	char buf[32];

	if (n < 0)
		buf[0] = '\0';
	else
		snprintf(buf, sizeof(buf), "%ld", n);
	add(vars, name, buf);
}

/* The part of a QEMU version line after "QEMU emulator version ". */
static void qemu_versions(const char *line, struct strvec *vars)
{
	struct kver q = { -1, -1, -1, -1 };
	const char *p = line;
	int words = 0;

	/* Upstream splits on blanks and dots: the fourth word on is x.y.z. */
	while (p && *p && words < 3) {
		p += strcspn(p, " .");
		p += strspn(p, " .");
		words++;
	}
	if (p && *p)
		split_version(p, &q);
	add(vars, "QEMU_VERSION_STRING", line ? line : "");
	add_number(vars, "QEMU_MAJOR", q.v);
	add_number(vars, "QEMU_MINOR", q.p);
	add_number(vars, "QEMU_MICRO", q.s);
}

/* One "commit : minver : summary" line, blanks already removed. */
static int errata_line(char *line, const char *path, unsigned int lineno,
		       const struct kver *kernel, char *const *host_env,
		       struct strvec *vars, char *err, size_t errsize)
{
	char *colon = strchr(line, ':'), *name, *end;
	struct kver min;
	size_t n;

	if (!colon || colon == line)
		return 0;
	*colon = '\0';
	end = strchr(colon + 1, ':');
	if (end)
		*end = '\0';
	split_version(colon + 1, &min);
	if (min.v < 0 || min.p < 0) {
		snprintf(err, errsize, "%s:%u: bad minimum kernel version '%s'",
			 path, lineno, colon + 1);
		return -1;
	}
	name = xasprintf("ERRATA_%s", line);
	n = strlen(name);
	/* One the user set wins (kut-run's environment, -e, the env file). */
	while (host_env && *host_env &&
	       !(!strncmp(*host_env, name, n) && (*host_env)[n] == '='))
		host_env++;
	if (!(host_env && *host_env))
		add(vars, name, kernel_has(kernel, &min) ? "y" : "n");
	free(name);
	return 0;
}

static int errata_file(const struct guestenv_facts *f, const struct kver *k,
		       struct strvec *vars, char *err, size_t errsize)
{
	FILE *file = fopen(f->errata, "re");
	char line[1024], *src, *dst;
	unsigned int lineno = 0;
	int r = 0;

	if (!file) {
		snprintf(err, errsize, "%s: %s", f->errata, strerror(errno));
		return -1;
	}
	while (r == 0 && fgets(line, sizeof(line), file)) {
		lineno++;
		for (src = dst = line; *src; src++)
			if (!isspace((unsigned char)*src))
				*dst++ = *src;
		*dst = '\0';
		if (line[0] && line[0] != '#')
			r = errata_line(line, f->errata, lineno, k, f->host_env,
					vars, err, errsize);
	}
	fclose(file);
	return r;
}

int guestenv_generate(const struct guestenv_facts *f, struct strvec *vars,
		      char *err, size_t errsize)
{
	const char *release = f->kernel_release ? f->kernel_release : "";
	char *const *e;
	struct kver k;
	size_t n;

	add(vars, "TARGET", "qemu");
	add(vars, "QEMU_ACCEL", f->accel);
	qemu_versions(f->qemu_version, vars);
	split_version(release, &k);
	add(vars, "KERNEL_VERSION_STRING", release);
	add_number(vars, "KERNEL_VERSION", k.v);
	add_number(vars, "KERNEL_PATCHLEVEL", k.p);
	add_number(vars, "KERNEL_SUBLEVEL", k.s);
	add_number(vars, "KERNEL_EXTRAVERSION", k.x);
	/* ERRATA_* set in kut-run's environment reach the guest too. */
	for (e = f->host_env; e && *e; e++) {
		n = strcspn(*e, "=");
		if (!strncmp(*e, "ERRATA_", 7) && (*e)[n] &&
		    !has_name(vars, *e, n) && !strchr(*e, '\n'))
			strvec_push(vars, *e);
	}
	/* Under TCG no host KVM is involved: every fix counts as there. */
	if (!strcmp(f->accel, "tcg")) {
		add(vars, "ERRATA_FORCE", "y");
		return 0;
	}
	if (f->errata)
		return errata_file(f, &k, vars, err, errsize);
	return 0;
}

char *guestenv_write(char *const *user, size_t n,
		     const struct guestenv_facts *f, char *err,
		     size_t errsize)
{
	struct strvec vars = STRVEC_INIT;
	char *path = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		strvec_push(&vars, user[i]);
	if (guestenv_generate(f, &vars, err, errsize) == 0)
		path = envfile_write(vars.v, vars.n, err, errsize);
	strvec_free(&vars);
	return path;
}

struct first_line {
	char text[256];
	bool done;
};

static void keep_first_line(void *ctx, enum launch_stream stream,
			    const char *text, size_t len)
{
	struct first_line *fl = ctx;
	size_t have = strlen(fl->text);

	if (stream != LAUNCH_STDOUT || fl->done)
		return;
	while (len && have + 1 < sizeof(fl->text)) {
		if (*text == '\n' || *text == '\r') {
			fl->done = true;
			break;
		}
		fl->text[have++] = *text++;
		len--;
	}
	fl->text[have] = '\0';
}

char *guestenv_qemu_version(const char *qemu)
{
	char *argv[] = { (char *)qemu, "-version", NULL };
	struct first_line fl = { "", false };
	struct launch_request req = {
		.argv = argv,
		.timeout_ms = VERSION_PROBE_MS,
		.decode = LAUNCH_DECODE_PLAIN,
		.output = keep_first_line,
		.ctx = &fl,
	};
	struct launch_result res;

	launch_run(&req, &res);
	if (res.kind != LAUNCH_PASSED || !fl.text[0])
		return NULL;
	return xstrdup(fl.text);
}

char *guestenv_errata_file(const char *dir)
{
	char *path = xasprintf("%s/errata.txt", dir);

	if (access(path, R_OK) == 0)
		return path;
	free(path);
	path = xasprintf("%s/../errata.txt", dir);
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}
