// SPDX-License-Identifier: MIT
/*
 * qmp.c - qmp.h: a line-oriented QMP client.  QEMU writes one JSON value
 * per line; asynchronous events ({"event": ...}) may come between a
 * command and its reply and are skipped.
 */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "qmp.h"

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct conn {
	int fd;
	long long deadline;
	char buf[8192];
	size_t len;
};

/* The next line (without its newline) into @line; 0, or -1 with why. */
static int read_line(struct conn *c, char *line, size_t size)
{
	struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
	char *nl;
	ssize_t n;
	long long left;

	while (!(nl = memchr(c->buf, '\n', c->len))) {
		int r;

		left = c->deadline - now_ms();
		if (c->len == sizeof(c->buf)) {
			snprintf(line, size, "QMP reply line too long");
			return -1;
		}
		r = poll(&pfd, 1, left > 0 ? (int)left : 0);
		if (r < 0 && errno != EINTR) {
			snprintf(line, size, "QMP poll: %s", strerror(errno));
			return -1;
		}
		if (r == 0) {
			snprintf(line, size, "QMP timed out");
			return -1;
		}
		if (r < 0)
			continue;
		n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			snprintf(line, size, "QMP connection closed%s%s",
				 n < 0 ? ": " : "", n < 0 ? strerror(errno) : "");
			return -1;
		}
		c->len += (size_t)n;
	}
	*nl = '\0';
	snprintf(line, size, "%s", c->buf);
	c->len -= (size_t)(nl + 1 - c->buf);
	memmove(c->buf, nl + 1, c->len);
	return 0;
}

/* Send @cmd, then the first reply that is not an event; 0 for "return". */
static int exchange(struct conn *c, const char *cmd, char *reply, size_t size)
{
	size_t len = strlen(cmd);

	/* MSG_NOSIGNAL: a QEMU that is gone is an error, not a SIGPIPE. */
	if (send(c->fd, cmd, len, MSG_NOSIGNAL) != (ssize_t)len) {
		snprintf(reply, size, "QMP write: %s", strerror(errno));
		return -1;
	}
	do {
		if (read_line(c, reply, size) < 0)
			return -1;
	} while (strstr(reply, "\"event\""));
	return strstr(reply, "\"return\"") ? 0 : -1;
}

struct qmp {
	struct conn c;
};

struct qmp *qmp_open(const char *path, long long timeout_ms, char *err,
		     size_t errsize)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct qmp *q;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		snprintf(err, errsize, "%s: socket path too long", path);
		return NULL;
	}
	strcpy(sa.sun_path, path);
	q = calloc(1, sizeof(*q));
	if (!q) {
		snprintf(err, errsize, "out of memory");
		return NULL;
	}
	q->c.deadline = now_ms() + timeout_ms;
	q->c.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (q->c.fd < 0 ||
	    connect(q->c.fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		qmp_close(q);
		return NULL;
	}
	/* The greeting, then out of capabilities negotiation. */
	if (read_line(&q->c, err, errsize) < 0 ||
	    exchange(&q->c, "{\"execute\": \"qmp_capabilities\"}\n", err,
		     errsize) < 0) {
		qmp_close(q);
		return NULL;
	}
	return q;
}

int qmp_run(struct qmp *q, const char *command, char *reply,
	    size_t replysize, long long timeout_ms)
{
	q->c.deadline = now_ms() + timeout_ms;
	return exchange(&q->c, command, reply, replysize);
}

int qmp_event(struct qmp *q, char *line, size_t size, long long wait_ms)
{
	q->c.deadline = now_ms() + wait_ms;
	while (read_line(&q->c, line, size) == 0) {
		if (strstr(line, "\"event\""))
			return 1;
		q->c.deadline = now_ms();	/* a stray reply: skip it */
	}
	return strstr(line, "closed") ? -1 : 0;
}

void qmp_close(struct qmp *q)
{
	if (!q)
		return;
	if (q->c.fd >= 0)
		close(q->c.fd);
	free(q);
}

int qmp_command(const char *path, const char *command, char *reply,
		size_t replysize, long long timeout_ms)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct conn c = { .deadline = now_ms() + timeout_ms };
	int r = -1;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		snprintf(reply, replysize, "%s: socket path too long", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	c.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c.fd < 0 || connect(c.fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		snprintf(reply, replysize, "%s: %s", path, strerror(errno));
		if (c.fd >= 0)
			close(c.fd);
		return -1;
	}
	/* The greeting, then out of capabilities negotiation. */
	if (read_line(&c, reply, replysize) == 0 &&
	    exchange(&c, "{\"execute\": \"qmp_capabilities\"}\n", reply,
		      replysize) == 0)
		r = exchange(&c, command, reply, replysize);
	close(c.fd);
	return r;
}
