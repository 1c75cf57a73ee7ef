// SPDX-License-Identifier: MIT
/*
 * util.c - error reporting, allocation, string vectors, shell quoting,
 * durations and temporary-file cleanup for kut-run.
 *
 * Kept free of anything QEMU- or image-specific so every other runner
 * module, and their host tests, can use it.
 */
#define _GNU_SOURCE	/* vasprintf() */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "util.h"
#include "watchdog.h"

static void vreport(const char *fmt, va_list ap)
{
	char *msg = NULL;

	/* Keep what we already printed on stdout ahead of the message. */
	fflush(stdout);
	fprintf(stderr, PROGNAME ": ");
	/* Messages quote cfg text and test names: no raw escapes. */
	if (vasprintf(&msg, fmt, ap) >= 0)
		put_terminal_text(stderr, msg, true);
	free(msg);
	fputc('\n', stderr);
}

void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	exit(status);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		die(2, "out of memory (%zu bytes)", size);
	return p;
}

void *xmalloc(size_t size)
{
	return xrealloc(NULL, size);
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *buf;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		die(2, "bad format string \"%s\"", fmt);
	buf = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return buf;
}

void strvec_push(struct strvec *sv, const char *s)
{
	/* One spare slot keeps v NULL-terminated for execv(). */
	if (sv->n + 2 > sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = xstrdup(s);
	sv->v[sv->n] = NULL;
}

void strvec_push_all(struct strvec *sv, const char *const *list)
{
	for (; list && *list; list++)
		strvec_push(sv, *list);
}

void strvec_free(struct strvec *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

static bool shell_safe(const char *s, bool first_word)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		if (isalnum((unsigned char)*s) || strchr("_@%+:,./-", *s))
			continue;
		/* "a=b" as a command's first word would be an assignment. */
		if (*s == '=' && !first_word)
			continue;
		return false;
	}
	return true;
}

static char *quote_word(const char *s, bool first_word)
{
	size_t len = 3;
	const char *p;
	char *out, *q;

	if (shell_safe(s, first_word))
		return xstrdup(s);
	/* Single quotes keep everything literal; a ' becomes '\''. */
	for (p = s; *p; p++)
		len += *p == '\'' ? 4 : 1;
	out = q = xmalloc(len);
	*q++ = '\'';
	for (p = s; *p; p++) {
		if (*p == '\'') {
			memcpy(q, "'\\''", 4);
			q += 4;
		} else {
			*q++ = *p;
		}
	}
	*q++ = '\'';
	*q = '\0';
	return out;
}

char *shell_quote(const char *s)
{
	return quote_word(s, false);
}

char *shell_join(char *const *argv)
{
	size_t len = 1, used = 0, i;
	char *out = xmalloc(len);

	out[0] = '\0';
	for (i = 0; argv[i]; i++) {
		char *w = quote_word(argv[i], i == 0);
		size_t wl = strlen(w);

		len += wl + 1;
		out = xrealloc(out, len);
		if (i)
			out[used++] = ' ';
		memcpy(out + used, w, wl + 1);
		used += wl;
		free(w);
	}
	return out;
}

/* Anything longer is as good as "no timeout" and keeps ms in range. */
#define DURATION_MAX_SECONDS 1e9

int parse_duration(const char *s, long long *ms)
{
	const char *p = s;
	double secs, unit = 1;
	size_t digits = 0;

	/* Check the syntax ourselves: strtod would take "inf", "0x1p3", " 1". */
	for (; isdigit((unsigned char)*p); p++)
		digits++;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			digits++;
	if (!digits)
		return -1;
	switch (*p) {
	case '\0':
		break;
	case 's':
		p++;
		break;
	case 'm':
		unit = 60;
		p++;
		break;
	case 'h':
		unit = 3600;
		p++;
		break;
	case 'd':
		unit = 86400;
		p++;
		break;
	default:
		return -1;
	}
	if (*p)
		return -1;
	secs = strtod(s, NULL) * unit;
	if (secs > DURATION_MAX_SECONDS)
		secs = DURATION_MAX_SECONDS;
	*ms = (long long)(secs * 1000 + 0.5);
	if (*ms == 0 && secs > 0)
		*ms = 1;
	return 0;
}

void format_duration(long long ms, char *buf, size_t size)
{
	int len;

	if (ms % 1000 == 0) {
		snprintf(buf, size, "%llds", ms / 1000);
		return;
	}
	len = snprintf(buf, size, "%lld.%03lld", ms / 1000, ms % 1000);
	if (len < 0 || (size_t)len >= size)
		return;
	while (buf[len - 1] == '0')
		len--;
	snprintf(buf + len, size - (size_t)len, "s");
}

static struct strvec tempfiles = STRVEC_INIT;

void tempfile_remove_path(const char *path)
{
	struct dirent *e;
	char *sub;
	DIR *d;

	if (unlink(path) == 0 || (errno != EISDIR && errno != EPERM))
		return;
	d = opendir(path);
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = xasprintf("%s/%s", path, e->d_name);
		unlink(sub);
		free(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

void tempfile_remove_all(void)
{
	size_t i;

	for (i = 0; i < tempfiles.n; i++) {
		tempfile_remove_path(tempfiles.v[i]);
		watchdog_path(tempfiles.v[i], false);
	}
	strvec_free(&tempfiles);
}

void tempfile_track(const char *path)
{
	static bool registered;

	if (!registered) {
		atexit(tempfile_remove_all);
		registered = true;
	}
	strvec_push(&tempfiles, path);
	watchdog_path(path, true);
}

void tempfile_forget(const char *path)
{
	size_t i;

	for (i = 0; i < tempfiles.n; i++) {
		if (strcmp(tempfiles.v[i], path))
			continue;
		watchdog_path(path, false);
		free(tempfiles.v[i]);
		tempfiles.v[i] = tempfiles.v[--tempfiles.n];
		tempfiles.v[tempfiles.n] = NULL;
		return;
	}
}

char *tempdir_make(const char *tag, char *err, size_t errsize)
{
	const char *dir = getenv("TMPDIR");
	char *path;

	path = xasprintf("%s/kut-%s.XXXXXX", dir && *dir ? dir : "/tmp", tag);
	if (!mkdtemp(path)) {
		snprintf(err, errsize, "cannot create %s: %s", path,
			 strerror(errno));
		free(path);
		return NULL;
	}
	tempfile_track(path);
	return path;
}

void tempdir_remove(char *path)
{
	tempfile_remove_path(path);
	tempfile_forget(path);
	free(path);
}

char *tempfile_write(const char *tag, const void *data, size_t len,
		     size_t offset, char *err, size_t errsize)
{
	const char *dir = getenv("TMPDIR");
	const char *p = data;
	char *path;
	ssize_t n;
	int fd, e = 0;

	if (!dir || !*dir)
		dir = "/tmp";
	path = xasprintf("%s/kut-%s.XXXXXX", dir, tag);
	fd = mkstemp(path);
	if (fd < 0) {
		snprintf(err, errsize, "cannot create %s: %s", path,
			 strerror(errno));
		free(path);
		return NULL;
	}
	tempfile_track(path);
	if (offset && lseek(fd, (off_t)offset, SEEK_SET) < 0)
		e = errno;
	while (!e && len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			break;
		}
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) < 0 && !e)
		e = errno;
	if (!e)
		return path;
	snprintf(err, errsize, "cannot write %s: %s", path, strerror(e));
	unlink(path);
	tempfile_forget(path);
	free(path);
	return NULL;
}

int map_file(const char *path, struct file_map *map, char *err, size_t errsize)
{
	struct stat st;
	void *p;
	int fd;

	map->data = NULL;
	map->size = 0;
	/* O_NONBLOCK: a FIFO given as an image must not hang kut-run. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "%s", S_ISDIR(st.st_mode) ?
			 "is a directory" : "not a regular file");
		close(fd);
		return -1;
	}
	if (st.st_size == 0) {
		close(fd);
		return 0;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	map->data = p;
	map->size = (size_t)st.st_size;
	return 0;
}

void unmap_file(struct file_map *map)
{
	if (map->data)
		munmap((void *)map->data, map->size);
	map->data = NULL;
	map->size = 0;
}
