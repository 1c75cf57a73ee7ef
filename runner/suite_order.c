// SPDX-License-Identifier: MIT
/*
 * suite_order.c - the order a suite's tests start in: the longest first,
 * so that -j N does not end with one long test running alone.
 *
 * A test's length is guessed from the last run that logged it into the
 * same logs directory (the "in S.MMMs" of kut-run's verdict line ending
 * every log), else from its timeout: a cfg that gives a test more than
 * the default time says it is long, one that gives less says it is
 * short, and tests the cfg says nothing of keep their cfg order between.
 * Tests decided without QEMU come first (they cost nothing and report at
 * once), then the longest tests that fill all slots but one, then the
 * migration and panic tests, which no other test starts beside (they
 * take turns in the free slot while the longest tests run), then the
 * rest by length.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logdir.h"
#include "suite.h"

/*
 * The last line of @path, in @buf; false when there is none.  Only a
 * regular file is read: a FIFO or device in the logs directory is never
 * waited on (opened without blocking, then refused by its type).
 */
static bool last_line(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *f;
	long end;
	size_t n;
	char *nl;

	if (fd < 0)
		return false;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    !(f = fdopen(fd, "r"))) {
		close(fd);
		return false;
	}
	if (fseek(f, 0, SEEK_END) < 0 || (end = ftell(f)) <= 0 ||
	    fseek(f, end > (long)size - 1 ? end - (long)size + 1 : 0,
		  SEEK_SET) < 0) {
		fclose(f);
		return false;
	}
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	nl = strrchr(buf, '\n');
	if (nl)
		memmove(buf, nl + 1, strlen(nl + 1) + 1);
	return n > 0;
}

/*
 * How long @name took when it was last logged in @logs, in ms, from the
 * verdict line kut-run ends its log with; -1 when no log says.
 */
long long suite_logged_ms(const char *logs, const char *name)
{
	char *file = logdir_file_name(name), *path, line[512], *in;
	unsigned long long s, ms;
	int used = 0;

	path = xasprintf("%s/%s", logs, file);
	free(file);
	if (!last_line(path, line, sizeof(line)) ||
	    strncmp(line, "kut-run: ", 9) || !(in = strstr(line, " in ")))
		in = NULL;
	free(path);
	/* The last " in " of the line: a reason may hold one too. */
	while (in && strstr(in + 4, " in "))
		in = strstr(in + 4, " in ");
	if (!in || sscanf(in, " in %llu.%3llus%n", &s, &ms, &used) != 2 ||
	    in[used] != '\0')
		return -1;
	return (long long)(s * 1000 + ms);
}

static int rank(const struct job *j)
{
	if (j->decided)
		return 0;
	return cfg_in_group(j->t, "migration") ||
	       cfg_in_group(j->t, "panic") ? 1 : 2;
}

static int by_rank_then_length(const void *a, const void *b)
{
	const struct job *x = *(struct job *const *)a;
	const struct job *y = *(struct job *const *)b;

	if (rank(x) != rank(y))
		return rank(x) - rank(y);
	if (x->estimate_ms != y->estimate_ms)
		return x->estimate_ms > y->estimate_ms ? -1 : 1;
	return x < y ? -1 : x > y;	/* cfg order */
}

void suite_order(const char *logs, struct job *jobs, size_t n,
		 unsigned int slots, struct job **order)
{
	size_t i, first = 0, alone = 0, lead;
	struct job **moved;

	for (i = 0; i < n; i++) {
		order[i] = &jobs[i];
		if (jobs[i].decided)
			continue;
		jobs[i].estimate_ms = suite_logged_ms(logs, jobs[i].t->name);
		if (jobs[i].estimate_ms < 0)
			jobs[i].estimate_ms = jobs[i].timeout_ms;
	}
	qsort(order, n, sizeof(*order), by_rank_then_length);
	/* [first, first + alone) run alone; move the longest others before. */
	while (first < n && rank(order[first]) == 0)
		first++;
	while (first + alone < n && rank(order[first + alone]) == 1)
		alone++;
	lead = n - first - alone;
	if (lead > (size_t)(slots ? slots - 1 : 0))
		lead = slots ? slots - 1 : 0;
	if (!alone || !lead)
		return;
	moved = xmalloc(alone * sizeof(*moved));
	memcpy(moved, order + first, alone * sizeof(*moved));
	memmove(order + first, order + first + alone, lead * sizeof(*order));
	memcpy(order + first + lead, moved, alone * sizeof(*moved));
	free(moved);
}
