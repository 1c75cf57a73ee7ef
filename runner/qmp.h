/* SPDX-License-Identifier: MIT */
/*
 * qmp.h - one QMP command to a QEMU's monitor socket, no shell involved.
 *
 * kut-run drives migration through QEMU's machine protocol on a unix
 * socket (-chardev socket,server=on,wait=off -mon mode=control): connect,
 * read the greeting, leave capabilities negotiation, run one command, and
 * keep its reply; one connection per command, as upstream's runner does
 * with ncat.  Replies are kept as text: callers look for the few words
 * they need ("completed", "failed").
 */
#ifndef KUT_RUNNER_QMP_H
#define KUT_RUNNER_QMP_H

#include <stddef.h>

/*
 * Run @command (a JSON object, such as {"execute": "query-migrate"}) on
 * the QMP socket @path, waiting at most @timeout_ms in all.  Returns 0
 * with the reply line ({"return": ...}) in @reply, or -1 with the problem
 * in @reply (a QMP {"error": ...} line, or why the socket failed).
 */
int qmp_command(const char *path, const char *command, char *reply,
		size_t replysize, long long timeout_ms);

/*
 * A connection kept open to watch events: qmp_open() connects and leaves
 * negotiation (NULL with the problem in @err), qmp_run() runs one command
 * on it (as qmp_command()), qmp_event() returns 1 with the next complete
 * {"event": ...} line in @line if one has arrived (waiting at most
 * @wait_ms), 0 if none has, -1 once the connection is closed.
 */
struct qmp;
struct qmp *qmp_open(const char *path, long long timeout_ms, char *err,
		     size_t errsize);
int qmp_run(struct qmp *q, const char *command, char *reply,
	    size_t replysize, long long timeout_ms);
int qmp_event(struct qmp *q, char *line, size_t size, long long wait_ms);
void qmp_close(struct qmp *q);

#endif /* KUT_RUNNER_QMP_H */
