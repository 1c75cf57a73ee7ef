// SPDX-License-Identifier: MIT
/*
 * logdir.c - the logs directory of a suite run: the previous run's logs
 * kept as DIR.old, one file per test, and no log lost or mixed however
 * many runs share the directory.
 *
 * A run holds a shared flock() on the directory while it writes there;
 * rotating needs the exclusive one, so a run that finds the directory in
 * use adds its logs to it instead of moving it away under the other run.
 * Test names map to file names one to one (a '/' or a leading '.' is
 * escaped, not replaced), and every log is created with O_EXCL: a name
 * taken by a concurrent run gets a numbered one, never a shared file.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logdir.h"

/* Names a run may have written: NAME.log, and upstream's SUMMARY. */
static bool log_file_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && !strcmp(name + n - 4, ".log")) ||
	       !strcmp(name, "SUMMARY");
}

/*
 * What @dir holds: 2 nothing, 1 only logs (regular files or symlinks with
 * log names), 0 something else (its name in @stray), -1 unreadable.
 */
static int dir_contents(const char *dir, char *stray, size_t size)
{
	DIR *dp = opendir(dir);
	struct dirent *d;
	struct stat st;
	int r = 2;

	if (!dp)
		return -1;
	while (r > 0 && (d = readdir(dp))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		r = 1;
		if (!log_file_name(d->d_name) ||
		    fstatat(dirfd(dp), d->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
			snprintf(stray, size, "%s", d->d_name);
			r = 0;
		}
	}
	closedir(dp);
	return r;
}

/* Remove the logs of @dir, then @dir; it was checked to hold only logs. */
static int remove_logs(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *d;
	int r = 0;

	if (!dp)
		return -1;
	while ((d = readdir(dp)))
		if (log_file_name(d->d_name) &&
		    unlinkat(dirfd(dp), d->d_name, 0) < 0)
			r = -1;
	closedir(dp);
	return r < 0 ? -1 : rmdir(dir);
}

static int mkdir_p(const char *dir)
{
	char *copy = xstrdup(dir), *p;
	int r = 0;

	for (p = copy + 1; *p && !r; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0777) < 0 && errno != EEXIST)
			r = -1;
		*p = '/';
	}
	if (!r && mkdir(copy, 0777) < 0 && errno != EEXIST)
		r = -1;
	free(copy);
	return r;
}

/* @dir opened and flock()ed; -1 if it is not a directory we can open. */
static int open_locked(const char *dir, int how)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0 && flock(fd, how) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Whether @fd is still the directory @dir names (not renamed meanwhile). */
static bool still_named(int fd, const char *dir)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat(dir, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Move @dir's logs to DIR.old; @stray names what stopped it. */
static int rotate(const char *dir, char *err, size_t errsize)
{
	char *old = xasprintf("%s.old", dir), stray[256] = "";
	int r = dir_contents(old, stray, sizeof(stray));

	if (r == 0) {
		snprintf(err, errsize, "%s: holds '%s', which is not a test log; "
			 "not replacing it (remove it, or name another directory "
			 "with --logs)", old, stray);
		free(old);
		return -1;
	}
	if ((r > 0 && remove_logs(old) < 0) || rename(dir, old) < 0 ||
	    (mkdir(dir, 0777) < 0 && errno != EEXIST)) {
		snprintf(err, errsize, "%s: cannot keep the previous logs as "
			 "%s: %s", dir, old, strerror(errno));
		free(old);
		return -1;
	}
	free(old);
	return 0;
}

int logdir_prepare(const char *dir, char *err, size_t errsize)
{
	char stray[256] = "";
	int fd, r, tries;

	for (tries = 0; tries < 100; tries++) {
		if (mkdir_p(dir) < 0) {
			snprintf(err, errsize, "%s: cannot create: %s", dir,
				 strerror(errno));
			return -1;
		}
		/* Another run writes there: add to it, take nothing away. */
		fd = open_locked(dir, LOCK_EX | LOCK_NB);
		if (fd < 0 && errno == EWOULDBLOCK) {
			fd = open_locked(dir, LOCK_SH);
			if (fd >= 0 && still_named(fd, dir))
				return fd;
			if (fd >= 0)
				close(fd);
			continue;	/* rotated meanwhile: the new one */
		}
		if (fd < 0)
			break;
		if (!still_named(fd, dir)) {
			close(fd);
			continue;
		}
		r = dir_contents(dir, stray, sizeof(stray));
		if (r == 0 || r < 0) {
			snprintf(err, errsize, "%s: %s%s%s; not touching it (name "
				 "another directory with --logs)", dir,
				 r < 0 ? strerror(errno) : "holds '",
				 r < 0 ? "" : stray, r < 0 ? "" :
				 "', which is not a test log");
			close(fd);
			return -1;
		}
		if (r == 2) {
			flock(fd, LOCK_SH);	/* empty: nothing to keep */
			return fd;
		}
		r = rotate(dir, err, errsize);
		close(fd);	/* the lock of the old one goes with it */
		if (r < 0)
			return -1;
	}
	snprintf(err, errsize, "%s: cannot open it: %s", dir,
		 tries == 100 ? "renamed again and again" : strerror(errno));
	return -1;
}

char *logdir_file_name(const char *test)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(test), i;
	char *s = xmalloc(3 * n + 5), *p = s;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)test[i];
		if (c == '/' || c == '%' || c < 0x20 || c == 0x7f ||
		    (i == 0 && c == '.')) {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		} else {
			*p++ = (char)c;
		}
	}
	strcpy(p, ".log");
	return s;
}

FILE *logdir_create(const char *dir, const char *test, char **path,
		    char *err, size_t errsize)
{
	char *name = logdir_file_name(test);
	size_t stem = strlen(name) - 4;
	unsigned int k;
	int fd = -1;
	FILE *f;

	for (k = 1; fd < 0 && k < 1000; k++) {
		*path = k == 1 ? xasprintf("%s/%s", dir, name) :
			xasprintf("%s/%.*s.%u.log", dir, (int)stem, name, k);
		fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
			  O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
		if (fd < 0)
			free(*path);
	}
	free(name);
	if (fd < 0) {
		if (k == 1000)
			*path = xasprintf("%s/%s", dir, test);
		snprintf(err, errsize, "%s: %s", *path, k == 1000 ?
			 "every numbered name is taken" : strerror(errno));
		return NULL;
	}
	f = fdopen(fd, "w");
	if (!f) {
		snprintf(err, errsize, "%s: %s", *path, strerror(errno));
		close(fd);
	}
	return f;
}
