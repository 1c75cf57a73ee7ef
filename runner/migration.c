// SPDX-License-Identifier: MIT
/*
 * migration.c - migration.h: the source/destination dance for upstream's
 * "migration" tests, with QEMU's QMP monitor and -incoming on unix
 * sockets in a private temporary directory.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migration.h"
#include "qmp.h"
#include "util.h"

#define QMP_MS		10000	/* one QMP command */
#define SOCKET_MS	30000	/* a destination's sockets to appear */
#define POLL_MS		50

/* The cue lines of migrate.h, as upstream's runner matches them. */
enum cue { CUE_NONE, CUE_MIGRATE, CUE_SKIP, CUE_CONTINUOUS };

struct mig {
	const struct launch_request *req;
	enum cue cue;
	char *dir;
	char *qmp[2];		/* monitor sockets, used in turn */
	char *incoming;		/* the destination's -incoming socket, new */
				/* for each (a QEMU that took one removes */
				/* its path late, maybe under the next) */
	int side;		/* which qmp[] the running source has */
	unsigned int count;	/* migrations done */
	bool continuous;	/* between Begin and End continuous migration */
	bool end;		/* the guest printed End continuous migration */
	unsigned int chains;	/* continuous migrations begun */
	const char *error;	/* the guest broke the protocol: why */
};

static bool has(const char *text, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(text + i, what, n))
			return true;
	return false;
}

/* Forward the output, and note the guest's cue. */
static void watch(void *ctx, enum launch_stream stream, const char *text,
		  size_t len)
{
	struct mig *m = ctx;

	if (stream == LAUNCH_STDOUT) {
		if (has(text, len, "Now migrate the VM"))
			m->cue = CUE_MIGRATE;
		else if (has(text, len, "Skipped VM migration"))
			m->cue = CUE_SKIP;
		else if (has(text, len, "Begin continuous migration"))
			m->cue = CUE_CONTINUOUS;
		else if (has(text, len, "End continuous migration"))
			m->end = true;
	}
	if (m->req->output)
		m->req->output(m->req->ctx, stream, text, len);
}

__attribute__((format(printf, 2, 3)))
static void note(struct mig *m, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	line[n] = '\0';
	if (m->req->output)
		m->req->output(m->req->ctx, LAUNCH_STDERR, line, (size_t)n);
}

/* The test's command plus a QMP monitor on qmp[@side] (and -incoming). */
static struct launch *start(struct mig *m, int side, bool incoming,
			    long long timeout_ms, struct launch_result *res)
{
	struct strvec argv = STRVEC_INIT;
	struct launch_request req = *m->req;
	struct launch *l;
	char *s;

	strvec_push_all(&argv, (const char *const *)m->req->argv);
	s = xasprintf("socket,id=kutqmp,path=%s,server=on,wait=off",
		      m->qmp[side]);
	strvec_push(&argv, "-chardev");
	strvec_push(&argv, s);
	free(s);
	strvec_push(&argv, "-mon");
	strvec_push(&argv, "chardev=kutqmp,mode=control");
	if (incoming) {
		s = xasprintf("unix:%s", m->incoming);
		strvec_push(&argv, "-incoming");
		strvec_push(&argv, s);
		free(s);
	}
	req.argv = argv.v;
	req.timeout_ms = timeout_ms;
	req.output = watch;
	req.ctx = m;
	req.stdin_pipe = true;
	l = launch_start(&req, res);
	strvec_free(&argv);
	return l;
}

static bool is_socket(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISSOCK(st.st_mode);
}

/*
 * Wait for @l's sockets, and for its monitor to answer: QEMU serves QMP
 * from its main loop, after -incoming listens (the socket's file exists
 * a moment before).  False (with a note) if it died or took too long.
 */
static bool wait_sockets(struct mig *m, struct launch *l, int side)
{
	long long give_up = launch_now_ms() + SOCKET_MS;
	char reply[512];

	while (!(is_socket(m->incoming) && is_socket(m->qmp[side]) &&
		 qmp_command(m->qmp[side], "{\"execute\": \"query-status\"}\n",
			     reply, sizeof(reply), QMP_MS) == 0)) {
		if (!launch_running(l) || launch_now_ms() >= give_up) {
			note(m, "kut-run: the migration destination %s",
			     launch_running(l) ? "did not open its sockets" :
						  "ended before migrating");
			return false;
		}
		launch_wait_max(POLL_MS);
	}
	return true;
}

static void quit(const char *qmp)
{
	char reply[512];

	qmp_command(qmp, "{\"execute\": \"quit\"}\n", reply, sizeof(reply),
		    QMP_MS);
}

/* Migrate the source on qmp[side] to the destination; true when done. */
static bool migrate_now(struct mig *m, int side)
{
	char cmd[600], reply[1024];
	long long give_up;

	snprintf(cmd, sizeof(cmd), "{\"execute\": \"migrate\", \"arguments\": "
		 "{\"uri\": \"unix:%s\"}}\n", m->incoming);
	if (qmp_command(m->qmp[side], cmd, reply, sizeof(reply), QMP_MS) < 0) {
		note(m, "kut-run: migrate: %s", reply);
		return false;
	}
	/* launch_wait_max() returns early on any guest's output: a clock. */
	for (give_up = launch_now_ms() + SOCKET_MS * 4;
	     launch_now_ms() < give_up;) {
		if (qmp_command(m->qmp[side], "{\"execute\": \"query-migrate\"}\n",
				reply, sizeof(reply), QMP_MS) < 0 ||
		    strstr(reply, "\"failed\"")) {
			note(m, "kut-run: migration failed: %s", reply);
			return false;
		}
		if (strstr(reply, "\"completed\""))
			return true;
		launch_wait_max(POLL_MS);
	}
	note(m, "kut-run: migration did not complete");
	return false;
}

/* Wait (bounded) until the QEMU on qmp[@side] says its guest runs. */
static void wait_running(struct mig *m, struct launch *l, int side)
{
	char reply[512];
	long long give_up = launch_now_ms() + SOCKET_MS;

	while (launch_now_ms() < give_up && launch_running(l)) {
		if (qmp_command(m->qmp[side], "{\"execute\": \"query-status\"}\n",
				reply, sizeof(reply), QMP_MS) == 0 &&
		    strstr(reply, "\"running\": true"))
			return;
		launch_wait_max(POLL_MS);
	}
}

/* End @l and forget its result (a source that was migrated away). */
static void drop(struct launch *l)
{
	struct launch_result res;

	while (launch_running(l))
		launch_wait_max(POLL_MS);
	launch_end(l, &res);
}

/* One migration of @src to a new destination; the new source or NULL. */
static struct launch *migrate_once(struct mig *m, struct launch *src,
				   struct launch_result *res)
{
	int to = !m->side;
	struct launch *dst;

	unlink(m->qmp[to]);
	if (m->incoming) {
		unlink(m->incoming);
		free(m->incoming);
	}
	m->incoming = xasprintf("%s/incoming%u", m->dir, m->count + 1);
	dst = start(m, to, true, launch_time_left(src), res);
	if (!dst || !wait_sockets(m, dst, to) || !migrate_now(m, m->side)) {
		if (dst) {
			launch_kill(dst);
			drop(dst);
		}
		launch_kill(src);
		drop(src);
		return NULL;
	}
	quit(m->qmp[m->side]);
	drop(src);
	m->count++;
	m->side = to;
	note(m, "kut-run: migration %u completed", m->count);
	/*
	 * The source's output is all read now: an End printed there ends
	 * the chain with this migration; one the destination prints ends
	 * it with the next.
	 */
	if (m->continuous && m->end) {
		m->continuous = false;
		m->end = false;
		note(m, "kut-run: continuous migration ended");
	}
	/*
	 * The destination must run before it can be migrated again, and
	 * before the key press the guest's getchar() waits for: a byte
	 * that came while it still loaded the state would be lost under
	 * the UART's incoming state.
	 */
	wait_running(m, dst, to);
	if (!m->continuous)
		launch_send(dst, "\n");
	return dst;
}

/*
 * Cues that make no sense where they came, as upstream's runner refuses
 * them: they fail the test instead of leaving it waiting.
 */
static void protocol(struct mig *m)
{
	if (m->continuous && m->cue == CUE_CONTINUOUS)
		m->error = "the guest began continuous migration twice";
	else if (m->continuous && m->cue == CUE_SKIP)
		m->error = "the guest skipped a migration during continuous "
			   "migration";
	else if (!m->continuous && m->end && m->cue != CUE_CONTINUOUS &&
		 !m->chains)
		m->error = "the guest ended continuous migration it had not "
			   "begun";
	else if (!m->continuous && m->cue != CUE_CONTINUOUS)
		m->end = false;	/* the line's second copy, after the end */
}

static void fail(struct launch_result *res, const char *why)
{
	res->kind = LAUNCH_FAILED;
	res->exit_code = 1;
	res->status = -1;
	res->refused = false;
	snprintf(res->reason, sizeof(res->reason), "%.*s",
		 (int)sizeof(res->reason) - 1, why);
}

void migration_run(const struct launch_request *req,
		   struct launch_result *res)
{
	struct mig m = { .req = req };
	struct launch *src;
	bool lost = false;
	char err[256];

	m.dir = tempdir_make("mig", err, sizeof(err));
	if (!m.dir) {
		fail(res, err);
		return;
	}
	m.qmp[0] = xasprintf("%s/qmp0", m.dir);
	m.qmp[1] = xasprintf("%s/qmp1", m.dir);
	src = start(&m, 0, false, req->timeout_ms, res);
	while (src && launch_running(src)) {
		launch_wait_max(POLL_MS);
		protocol(&m);
		if (m.error) {
			note(&m, "kut-run: %s", m.error);
			launch_kill(src);
			drop(src);
			src = NULL;
			break;
		}
		if (m.cue == CUE_SKIP) {
			m.cue = CUE_NONE;
			launch_send(src, "\n");
			continue;
		}
		if (m.cue == CUE_CONTINUOUS) {
			/* The guest goes on, and is migrated until End. */
			m.continuous = true;
			m.chains++;
			launch_send(src, "\n");
		} else if (m.cue != CUE_MIGRATE && !m.continuous) {
			continue;
		}
		m.cue = CUE_NONE;
		src = migrate_once(&m, src, res);
		lost = !src;
	}
	if (src)
		launch_end(src, res);
	else if (m.error)
		fail(res, m.error);
	else if (lost)
		fail(res, "migration failed (see the log)");
	tempdir_remove(m.dir);
	free(m.qmp[0]);
	free(m.qmp[1]);
	free(m.incoming);
}

/* A QMP monitor on @path and -S after @req's command. */
static struct launch *start_stopped(const struct launch_request *req,
				    const char *path,
				    struct launch_result *res)
{
	struct strvec argv = STRVEC_INIT;
	struct launch_request r = *req;
	struct launch *l;
	char *s;

	strvec_push_all(&argv, (const char *const *)req->argv);
	s = xasprintf("socket,id=kutqmp,path=%s,server=on,wait=off", path);
	strvec_push(&argv, "-chardev");
	strvec_push(&argv, s);
	free(s);
	strvec_push(&argv, "-mon");
	strvec_push(&argv, "chardev=kutqmp,mode=control");
	strvec_push(&argv, "-S");
	r.argv = argv.v;
	l = launch_start(&r, res);
	strvec_free(&argv);
	return l;
}

/*
 * Connect to @l's monitor and let the guest run; NULL if that fails.
 * The wait is measured on the clock: launch_wait_max() returns early
 * whenever any test prints, so counting its calls would give up at
 * once beside a chatty test (and kill a QEMU that was just starting).
 */
static struct qmp *watch_events(struct launch *l, const char *path,
				char *err, size_t errsize)
{
	long long give_up = launch_now_ms() + SOCKET_MS;
	struct qmp *q = NULL;

	snprintf(err, errsize, "the monitor socket %s did not appear", path);
	while (!q && launch_now_ms() < give_up && launch_running(l)) {
		if (is_socket(path))
			q = qmp_open(path, QMP_MS, err, errsize);
		if (!q)
			launch_wait_max(POLL_MS);
	}
	if (q && qmp_run(q, "{\"execute\": \"cont\"}\n", err, errsize,
			 QMP_MS) < 0) {
		qmp_close(q);
		q = NULL;
	}
	return q;
}

void panic_run(const struct launch_request *req, struct launch_result *res)
{
	char *dir, *path, line[1024], err[512];
	struct mig m = { .req = req };
	bool panicked = false;
	struct launch *l;
	struct qmp *q;
	int r;

	dir = tempdir_make("panic", err, sizeof(err));
	if (!dir) {
		fail(res, err);
		return;
	}
	path = xasprintf("%s/qmp", dir);
	l = start_stopped(req, path, res);
	q = l ? watch_events(l, path, err, sizeof(err)) : NULL;
	if (l && !q) {
		note(&m, "kut-run: QMP: %s", err);
		launch_kill(l);
	}
	while (l && launch_running(l)) {
		launch_wait_max(POLL_MS);
		while (q && (r = qmp_event(q, line, sizeof(line), 0)) != 0) {
			if (r < 0) {
				qmp_close(q);
				q = NULL;
			} else if (strstr(line, "\"GUEST_PANICKED\"") &&
				   !panicked) {
				panicked = true;
				note(&m, "kut-run: QEMU reports GUEST_PANICKED");
				qmp_run(q, "{\"execute\": \"quit\"}\n", err,
					sizeof(err), QMP_MS);
			}
		}
	}
	qmp_close(q);
	if (l && !panicked)
		note(&m, "kut-run: the guest did not panic");
	if (l)
		launch_end(l, res);
	if (l && panicked && res->kind != LAUNCH_TIMEOUT) {
		res->kind = LAUNCH_PASSED;
		res->exit_code = 0;
		snprintf(res->reason, sizeof(res->reason), "guest panicked");
	} else if (l && res->kind == LAUNCH_PASSED) {
		fail(res, "guest did not panic");
	} else if (l && res->kind != LAUNCH_TIMEOUT && !res->refused) {
		fail(res, "guest did not panic");
	}
	tempdir_remove(dir);
	free(path);
}
