/* SPDX-License-Identifier: MIT */
/*
 * logdir.h - the logs directory of a suite run (logs/<test>.log): kept
 * from the previous run as DIR.old, shared safely by concurrent runs.
 */
#ifndef KUT_RUNNER_LOGDIR_H
#define KUT_RUNNER_LOGDIR_H

#include <stdio.h>

#include "util.h"

/*
 * Make @dir ready for a run and hold it (a shared flock() on the returned
 * descriptor, close-on-exec; keep it open while writing logs).  A
 * directory holding logs, and not in use by another run, becomes DIR.old
 * (replacing an older DIR.old of logs only) and a fresh one is made; one
 * in use is shared.  Returns the descriptor, or -1 with the problem in
 * @err when @dir or DIR.old holds anything but logs, or cannot be made.
 */
int logdir_prepare(const char *dir, char *err, size_t errsize);

/*
 * The file name of @test's log: the name with '/', '%', control
 * characters and a leading '.' written %XX, then ".log".  Distinct
 * names give distinct files.  Malloc'd.
 */
char *logdir_file_name(const char *test);

/*
 * Create @test's log in @dir (never an existing file, never through a
 * symlink): NAME.log, or NAME.2.log, NAME.3.log... when a concurrent run
 * has that one.  Returns the stream with its path in *@path (malloc'd),
 * or NULL with the problem in @err.
 */
FILE *logdir_create(const char *dir, const char *test, char **path,
		    char *err, size_t errsize);

#endif /* KUT_RUNNER_LOGDIR_H */
