/* SPDX-License-Identifier: MIT */
/*
 * watchdog.h - a process that kills QEMU's groups when kut-run cannot:
 * after kut-run dies however it dies, or past a deadline while kut-run is
 * stuck.  Started on first use; ends when kut-run does.
 */
#ifndef KUT_RUNNER_WATCHDOG_H
#define KUT_RUNNER_WATCHDOG_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Watch process group @pgid: SIGKILL it if kut-run ends first, and stop
 * it (SIGTERM, then SIGKILL) a little after @deadline (CLOCK_MONOTONIC
 * milliseconds; 0 for none) if kut-run has not stopped it by then.
 */
void watchdog_watch(pid_t pgid, long long deadline);

/* Stop watching @pgid: call before reaping its leader. */
void watchdog_forget(pid_t pgid);

/*
 * @remove: remove temporary file or directory @path (util.h's
 * tempfile_remove_path()) if kut-run ends without doing it, even by
 * SIGKILL; else forget it (kut-run removed or kept it).
 */
void watchdog_path(const char *path, bool remove);

#endif /* KUT_RUNNER_WATCHDOG_H */
