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
		left = c->deadline - now_ms();
		if (c->len == sizeof(c->buf) || left <= 0) {
			snprintf(line, size, c->len == sizeof(c->buf) ?
				 "QMP reply line too long" : "QMP timed out");
			return -1;
		}
		if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR) {
			snprintf(line, size, "QMP poll: %s", strerror(errno));
			return -1;
		}
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

	if (write(c->fd, cmd, len) != (ssize_t)len) {
		snprintf(reply, size, "QMP write: %s", strerror(errno));
		return -1;
	}
	do {
		if (read_line(c, reply, size) < 0)
			return -1;
	} while (strstr(reply, "\"event\""));
	return strstr(reply, "\"return\"") ? 0 : -1;
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
