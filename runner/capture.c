// SPDX-License-Identifier: MIT
/*
 * capture.c - one running test's output: into logs/<name>.log (the exact
 * QEMU command first, then everything QEMU and the guest printed, with
 * backtraces symbolized when the .elf is at hand), and into its result
 * (the guest's report lines, its SUMMARY, the last lines for context).
 *
 * Nothing is printed on the terminal here: in suite mode the terminal gets
 * one line per test, from suite.c.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "kut_abi.h"
#include "logdir.h"
#include "suite.h"

/* Longest line kept for parsing; the log gets everything regardless. */
#define MAX_PARSED_LINE	4096

int capture_open(struct job *j, const char *logs, char *err, size_t errsize)
{
	char *cmd;

	j->log = logdir_create(logs, j->t->name, &j->res.log, err, errsize);
	if (!j->log)
		return -1;
	/* Whole lines reach the file even if kut-run is killed. */
	setvbuf(j->log, NULL, _IOLBF, 0);
	cmd = job_command(j);
	fprintf(j->log, "%s\n", cmd);
	j->res.command = cmd;
	return 0;
}

static void push_tail(struct job *j, const char *line)
{
	struct strvec *tail = &j->res.tail;

	if (tail->n == SUITE_TAIL_LINES) {
		free(tail->v[0]);
		memmove(tail->v, tail->v + 1, (tail->n - 1) * sizeof(*tail->v));
		tail->n--;
		tail->v[tail->n] = NULL;
	}
	strvec_push(tail, line);
}

/* A line that says how a guest crashed, for the result line. */
static bool is_problem(const char *line)
{
	return !strncmp(line, "ABORT: ", 7) ||
	       strstr(line, "Unhandled exception") ||
	       strstr(line, "assert failed") ||
	       strstr(line, "Assertion failed");
}

static void parse_line(struct job *j, enum launch_stream stream, char *line)
{
	size_t len = strlen(line);
	enum check_kind kind;
	const char *text;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	push_tail(j, line);
	if (stream != LAUNCH_STDOUT)
		return;
	if (result_parse_check(line, &kind, &text))
		result_add_check(&j->res, kind, text);
	if ((text = result_summary_of(line))) {
		free(j->summary);
		j->summary = xstrdup(text);
	}
	if (!j->problem && is_problem(line))
		j->problem = xstrdup(line);
}

static void load_symbols(struct job *j)
{
	char err[256];

	j->symbols_tried = true;
	j->symbols = symtab_load(j->elf, err, sizeof(err));
}

static void write_log(struct job *j, enum launch_stream stream,
		      const char *text, size_t len, bool whole)
{
	char *annotated = NULL;

	if (stream == LAUNCH_STDOUT && whole && j->elf &&
	    !strncmp(text, KUT_BACKTRACE_PREFIX, strlen(KUT_BACKTRACE_PREFIX))) {
		if (!j->symbols_tried)
			load_symbols(j);
		if (j->symbols)
			annotated = symbolize_line(j->symbols, text, len);
	}
	if (annotated)
		fputs(annotated, j->log);
	else
		fwrite(text, 1, len, j->log);
	free(annotated);
}

void capture_output(void *ctx, enum launch_stream stream, const char *text,
		    size_t len)
{
	struct job *j = ctx;
	size_t have = j->line_len[stream], take = len;
	bool at_bol = have == 0;

	if (!len)
		return;
	if (j->log)
		write_log(j, stream, text, len,
			  at_bol && text[len - 1] == '\n');
	if (have + take > MAX_PARSED_LINE)
		take = have < MAX_PARSED_LINE ? MAX_PARSED_LINE - have : 0;
	j->line[stream] = xrealloc(j->line[stream], have + take + 1);
	memcpy(j->line[stream] + have, text, take);
	j->line_len[stream] = have + take;
	j->line[stream][have + take] = '\0';
	if (text[len - 1] == '\n') {
		parse_line(j, stream, j->line[stream]);
		j->line_len[stream] = 0;
	}
}

/* Parse what is left of unfinished lines. */
static void capture_flush(struct job *j)
{
	int s;

	for (s = 0; s < 2; s++) {
		if (j->line_len[s])
			parse_line(j, (enum launch_stream)s, j->line[s]);
		free(j->line[s]);
		j->line[s] = NULL;
		j->line_len[s] = 0;
	}
}

void capture_close(struct job *j)
{
	capture_flush(j);
	symtab_free(j->symbols);
	j->symbols = NULL;
	if (!j->log)
		return;
	fprintf(j->log, "kut-run: %s %s", verdict_word(j->res.verdict),
		j->res.name);
	if (j->res.known || (j->res.detail && *j->res.detail))
		fprintf(j->log, " (%s)", j->res.known ? j->res.known :
			j->res.detail);
	fprintf(j->log, " in %lld.%03llds\n", j->res.ms / 1000,
		j->res.ms % 1000);
	fclose(j->log);
	j->log = NULL;
}

static const char *signal_abbrev(int sig)
{
	static const struct {
		int sig;
		const char *name;
	} names[] = {
		{ SIGABRT, "SIGABRT" }, { SIGSEGV, "SIGSEGV" },
		{ SIGKILL, "SIGKILL" }, { SIGTERM, "SIGTERM" },
		{ SIGBUS, "SIGBUS" }, { SIGILL, "SIGILL" },
		{ SIGFPE, "SIGFPE" }, { SIGINT, "SIGINT" },
		{ SIGHUP, "SIGHUP" }, { SIGPIPE, "SIGPIPE" },
		{ SIGTRAP, "SIGTRAP" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].sig == sig)
			return names[i].name;
	return NULL;
}

static void failed(struct job *j, const struct launch_result *lr)
{
	int code = WIFEXITED(lr->status) ? WEXITSTATUS(lr->status) : 0;

	/* How it crashed says more than the summary an abort prints. */
	if (j->problem)
		job_decide(j, VERDICT_FAIL, "%s", j->problem);
	else if (j->summary)
		job_decide(j, VERDICT_FAIL, "%s", j->summary);
	else if ((code & 1) && !strncmp(lr->reason, "FAIL (", 6))
		job_decide(j, VERDICT_FAIL, "guest exit code %d", code >> 1);
	else
		job_decide(j, VERDICT_FAIL, "%s", lr->reason);
}

void capture_verdict(struct job *j, const struct launch_result *lr,
		     const struct expect *ex)
{
	const char *sig;
	char dur[32];

	capture_flush(j);
	switch (lr->kind) {
	case LAUNCH_PASSED:
		job_decide(j, VERDICT_PASS, "%s", j->summary ? j->summary : "");
		break;
	case LAUNCH_SKIPPED:
		job_decide(j, VERDICT_SKIP, "%s", lr->refused ? lr->reason :
			   j->summary ? j->summary : "the test skipped itself");
		break;
	case LAUNCH_FAILED:
		failed(j, lr);
		break;
	case LAUNCH_TIMEOUT:
		format_duration(j->timeout_ms, dur, sizeof(dur));
		job_decide(j, VERDICT_TIMEOUT, "timeout; duration=%s", dur);
		break;
	case LAUNCH_ERROR:
		if (lr->status >= 0 && WIFSIGNALED(lr->status)) {
			sig = signal_abbrev(WTERMSIG(lr->status));
			if (sig)
				job_decide(j, VERDICT_FAIL, "terminated on %s",
					   sig);
			else
				job_decide(j, VERDICT_FAIL, "terminated on "
					   "signal %d", WTERMSIG(lr->status));
		} else {
			job_decide(j, VERDICT_ERROR, "%s", lr->reason);
		}
		break;
	}
	apply_expect(j, ex);
}

void apply_expect(struct job *j, const struct expect *ex)
{
	const struct expect_entry *e = expect_find(ex, j->t->name);
	enum verdict v = j->res.verdict;

	if (!e || e->kind != EXPECT_FAIL)
		return;
	if (v == VERDICT_FAIL || v == VERDICT_TIMEOUT || v == VERDICT_ERROR)
		j->res.verdict = VERDICT_XFAIL;
	else if (v == VERDICT_PASS)
		j->res.verdict = VERDICT_XPASS;
	else
		return;
	free(j->res.known);
	j->res.known = xstrdup(e->reason);
}
