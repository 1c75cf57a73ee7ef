/* SPDX-License-Identifier: MIT */
/*
 * util.h - small helpers every part of kut-run needs.
 *
 * Error reporting in one format ("kut-run: what: problem"), allocation that
 * cannot return NULL, a growable NULL-terminated string vector (argv
 * building), shell quoting (so --dry-run prints a command sh accepts),
 * coreutils-style durations (the TIMEOUT variable) and the list of temporary
 * files that must disappear however kut-run ends.
 */
#ifndef KUT_RUNNER_UTIL_H
#define KUT_RUNNER_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#define PROGNAME "kut-run"

/* Print "kut-run: <message>" on stderr and exit with @status. */
__attribute__((noreturn, format(printf, 2, 3)))
void die(int status, const char *fmt, ...);

/* Print "kut-run: <message>" on stderr. */
__attribute__((format(printf, 1, 2)))
void warn(const char *fmt, ...);

/* Allocation that exits with status 2 instead of returning NULL. */
void *xmalloc(size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
__attribute__((format(printf, 1, 2)))
char *xasprintf(const char *fmt, ...);

/*
 * A vector of malloc'd strings; v[n] is NULL once anything was pushed, so
 * v can be handed to execv() directly.  Initialise with STRVEC_INIT.
 */
struct strvec {
	char **v;
	size_t n;
	size_t cap;
};
#define STRVEC_INIT { NULL, 0, 0 }

void strvec_push(struct strvec *sv, const char *s);
/* Push every string of a NULL-terminated array (NULL pushes nothing). */
void strvec_push_all(struct strvec *sv, const char *const *list);
void strvec_free(struct strvec *sv);

/* @s quoted for a POSIX shell; returned string is malloc'd. */
char *shell_quote(const char *s);
/* argv joined by spaces, each word quoted only where sh needs it. */
char *shell_join(char *const *argv);

/*
 * Parse a coreutils timeout(1) duration: a non-negative decimal number with
 * an optional unit s, m, h or d ("90", "90s", "2m", "1.5h").  Stores
 * milliseconds (a positive value below 1 ms counts as 1 ms, 0 means "no
 * timeout").  Returns 0, or -1 if @s is not such a duration.
 */
int parse_duration(const char *s, long long *ms);
/* @ms as seconds for messages: "90s", "0.5s". */
void format_duration(long long ms, char *buf, size_t size);

/*
 * Temporary files kut-run created: tempfile_remove_all() (also run at
 * exit, and on a fatal signal by launch.c) removes the ones still tracked
 * (a directory with the files in it);
 * tempfile_forget() keeps one (--dry-run prints a command naming it).
 * Each is also handed to kut-run-watch (watchdog.h), which removes what
 * is still listed when kut-run dies by SIGKILL.
 */
void tempfile_track(const char *path);
void tempfile_forget(const char *path);
void tempfile_remove_all(void);
/* Remove @path: a file, or a directory of ours with the files in it. */
void tempfile_remove_path(const char *path);

/*
 * A new private directory $TMPDIR/kut-@tag.XXXXXX (/tmp without TMPDIR),
 * tracked as above: removed with the files in it (QEMU's sockets) however
 * kut-run ends.  Returns its malloc'd path, or NULL with the problem in
 * @err.  tempdir_remove() removes it now, forgets it and frees @path.
 */
char *tempdir_make(const char *tag, char *err, size_t errsize);
void tempdir_remove(char *path);

/*
 * Write @len bytes of @data, after @offset zero bytes, to a new file
 * $TMPDIR/kut-@tag.XXXXXX (/tmp without TMPDIR), tracked as above.
 * Returns its malloc'd path, or NULL with the problem in @err.
 */
char *tempfile_write(const char *tag, const void *data, size_t len,
		     size_t offset, char *err, size_t errsize);

/*
 * A regular file mapped read-only (images are read, never loaded).  An
 * empty file gives data NULL and size 0.  map_file() returns 0, or -1 with
 * the problem in @err ("No such file or directory", "not a regular file").
 */
struct file_map {
	const unsigned char *data;
	size_t size;
};
int map_file(const char *path, struct file_map *map, char *err, size_t errsize);
void unmap_file(struct file_map *map);

#endif /* KUT_RUNNER_UTIL_H */
