// SPDX-License-Identifier: MIT
/*
 * watchdog.c - a small process beside kut-run that kills QEMU's process
 * groups when kut-run cannot: when kut-run dies (even by SIGKILL), and
 * when a test's deadline passes while kut-run is stuck (a write to a
 * stalled stdout blocks it, so its own timer cannot fire).
 *
 * PR_SET_PDEATHSIG reaches only kut-run's direct child; a QEMU started by
 * a wrapper script that forks would outlive it.  The watchdog holds the
 * read end of a pipe whose only writer is kut-run: end of file means
 * kut-run is gone, and every group still listed gets SIGKILL; then the
 * temporary files and directories still listed (util.h) are removed,
 * which kut-run cannot do after a SIGKILL.  kut-run
 * enforces deadlines itself; the watchdog's come later (WATCHDOG_SLACK_MS
 * after kut-run's own SIGKILL would have been sent), so it acts only when
 * kut-run did not.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "watchdog.h"

#define WATCHDOG_SLACK_MS	1000
#define WATCHDOG_GRACE_MS	2000
#define WATCHDOG_MAX		4096

enum { FORGET, WATCH, PATH, UNPATH };

/*
 * One write() each, so records never interleave (at most PIPE_BUF): a
 * PATH or UNPATH record is followed by its path, pgid bytes long.
 */
struct record {
	int32_t pgid;
	int32_t watch;		/* WATCH (until deadline), FORGET, ... */
	int64_t deadline;	/* CLOCK_MONOTONIC ms, 0: none */
};

struct paths {
	char **v;
	size_t n;
};

static void paths_apply(struct paths *p, const char *path, bool keep)
{
	size_t i;

	for (i = 0; i < p->n && strcmp(p->v[i], path); i++)
		;
	if (!keep && i < p->n) {
		free(p->v[i]);
		p->v[i] = p->v[--p->n];
	} else if (keep && i == p->n) {
		p->v = xrealloc(p->v, (p->n + 1) * sizeof(*p->v));
		p->v[p->n++] = xstrdup(path);
	}
}

/* The path after a PATH or UNPATH record; false if the pipe broke. */
static bool read_path(int fd, const struct record *r, char *path)
{
	size_t got = 0;
	ssize_t n;

	if (r->pgid <= 0 || r->pgid >= PIPE_BUF)
		return false;
	while (got < (size_t)r->pgid) {
		n = read(fd, path + got, (size_t)r->pgid - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		got += (size_t)n;
	}
	path[got] = '\0';
	return true;
}

struct group {
	pid_t pgid;
	long long deadline;	/* SIGTERM then */
	long long kill_at;	/* SIGKILL then, once SIGTERM went */
};

static int watch_fd = -1;

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void apply(struct group *g, size_t *n, const struct record *r)
{
	size_t i;

	for (i = 0; i < *n && g[i].pgid != r->pgid; i++)
		;
	if (!r->watch) {
		if (i < *n)
			g[i] = g[--*n];
		return;
	}
	if (i == *n) {
		if (*n == WATCHDOG_MAX)
			return;
		(*n)++;
	}
	g[i].pgid = r->pgid;
	g[i].deadline = r->deadline;
	g[i].kill_at = 0;
}

/* Act on passed deadlines; returns the poll() timeout to the next one. */
static int tick(struct group *g, size_t *n)
{
	long long now = now_ms(), next = 0, t;
	size_t i;

	for (i = 0; i < *n; i++) {
		if (g[i].kill_at && now >= g[i].kill_at) {
			kill(-g[i].pgid, SIGKILL);
			g[i--] = g[--*n];
			continue;
		}
		if (!g[i].kill_at && g[i].deadline && now >= g[i].deadline) {
			kill(-g[i].pgid, SIGTERM);
			g[i].kill_at = now + WATCHDOG_GRACE_MS;
		}
		t = g[i].kill_at ? g[i].kill_at : g[i].deadline;
		if (t && (!next || t < next))
			next = t;
	}
	if (!next)
		return -1;
	return next - now > 60000 ? 60000 : (int)(next - now);
}

static void __attribute__((noreturn)) watchdog_main(int fd)
{
	static struct group g[WATCHDOG_MAX];
	static char path[PIPE_BUF];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct paths paths = { NULL, 0 };
	struct record r;
	size_t n = 0, i;
	ssize_t got;

	for (;;) {
		if (poll(&p, 1, tick(g, &n)) <= 0)
			continue;
		got = read(fd, &r, sizeof(r));
		if (got < 0 && errno == EINTR)
			continue;
		if (got != (ssize_t)sizeof(r))
			break;	/* kut-run is gone */
		if (r.watch == PATH || r.watch == UNPATH) {
			if (!read_path(fd, &r, path))
				break;
			paths_apply(&paths, path, r.watch == PATH);
		} else {
			apply(g, &n, &r);
		}
	}
	for (i = 0; i < n; i++)
		kill(-g[i].pgid, SIGKILL);
	for (i = 0; i < paths.n; i++)
		tempfile_remove_path(paths.v[i]);
	_exit(0);
}

/* In the new process: nothing of kut-run's but the pipe's read end. */
static void become_watchdog(int fd)
{
	static const int quiet[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	int devnull, i, max = (int)sysconf(_SC_OPEN_MAX);
	sigset_t none;
	size_t k;

	prctl(PR_SET_NAME, "kut-run-watch");
	/* A terminal's Ctrl-C is kut-run's to handle; EOF ends us. */
	for (k = 0; k < sizeof(quiet) / sizeof(quiet[0]); k++)
		signal(quiet[k], SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* Holding kut-run's stdout would keep its reader waiting. */
	devnull = open("/dev/null", O_RDWR);
	for (i = 0; i < 3; i++)
		dup2(devnull, i);
	for (i = 3; i < (max > 0 && max < 65536 ? max : 65536); i++)
		if (i != fd)
			close(i);
	watchdog_main(fd);
}

static bool start(void)
{
	int p[2];
	pid_t pid;

	if (pipe(p) < 0)
		return false;
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		become_watchdog(p[0]);
	}
	close(p[0]);
	if (pid < 0) {
		close(p[1]);
		return false;
	}
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	watch_fd = p[1];
	return true;
}

/* Write record @r and @len bytes of @path after it, in one write(). */
static void send_record(struct record r, const char *path, size_t len)
{
	char buf[PIPE_BUF];
	ssize_t n;

	if (watch_fd < 0 && ((r.watch != WATCH && r.watch != PATH) || !start()))
		return;
	memcpy(buf, &r, sizeof(r));
	memcpy(buf + sizeof(r), path, len);
	do
		n = write(watch_fd, buf, sizeof(r) + len);
	while (n < 0 && errno == EINTR);
}

void watchdog_watch(pid_t pgid, long long deadline)
{
	struct record r = { pgid, WATCH, deadline ?
			    deadline + WATCHDOG_SLACK_MS : 0 };

	send_record(r, NULL, 0);
}

void watchdog_forget(pid_t pgid)
{
	struct record r = { pgid, FORGET, 0 };

	send_record(r, NULL, 0);
}

void watchdog_path(const char *path, bool remove)
{
	size_t len = strlen(path);
	struct record r = { (int32_t)len, remove ? PATH : UNPATH, 0 };

	/* A path too long for one atomic write stays kut-run's alone. */
	if (len && len < PIPE_BUF - sizeof(r))
		send_record(r, path, len);
}
