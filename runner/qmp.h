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

#endif /* KUT_RUNNER_QMP_H */
