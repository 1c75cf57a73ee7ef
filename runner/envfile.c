// SPDX-License-Identifier: MIT
/*
 * envfile.c - validate -e KEY=VALUE pairs and write them to the
 * temporary file QEMU passes to the guest as its initrd.
 */
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "envfile.h"
#include "util.h"

int envfile_check(const char *kv, char *err, size_t errsize)
{
	const char *eq = strchr(kv, '='), *p;

	if (!eq || eq == kv) {
		snprintf(err, errsize, "\"%s\": expected KEY=VALUE", kv);
		return -1;
	}
	for (p = kv; p < eq; p++) {
		if (isalpha((unsigned char)*p) || *p == '_' ||
		    (p > kv && isdigit((unsigned char)*p)))
			continue;
		snprintf(err, errsize,
			 "\"%s\": KEY must be letters, digits and _, "
			 "not starting with a digit", kv);
		return -1;
	}
	if (strchr(eq, '\n')) {
		snprintf(err, errsize, "\"%s\": VALUE must be one line", kv);
		return -1;
	}
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

char *envfile_write(char *const *vars, size_t n, char *err, size_t errsize)
{
	const char *dir = getenv("TMPDIR");
	bool ok = true;
	char *path;
	size_t i;
	int fd, e = 0;

	if (!dir || !*dir)
		dir = "/tmp";
	path = xasprintf("%s/kut-env.XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0) {
		snprintf(err, errsize, "cannot create %s: %s", path,
			 strerror(errno));
		free(path);
		return NULL;
	}
	tempfile_track(path);
	for (i = 0; i < n && ok; i++)
		ok = write_all(fd, vars[i], strlen(vars[i])) == 0 &&
		     write_all(fd, "\n", 1) == 0;
	if (!ok)
		e = errno;
	if (close(fd) < 0 && ok) {
		e = errno;
		ok = false;
	}
	if (ok)
		return path;
	snprintf(err, errsize, "cannot write %s: %s", path, strerror(e));
	unlink(path);
	tempfile_forget(path);
	free(path);
	return NULL;
}

int envfile_load(const char *path, struct strvec *vars, char *err,
		 size_t errsize)
{
	char line[4096], why[256];
	FILE *f = fopen(path, "r");
	size_t len;
	int n = 0;

	if (!f) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		n++;
		len = strlen(line);
		if (len && line[len - 1] != '\n' && !feof(f)) {
			snprintf(err, errsize, "%s:%d: line too long", path, n);
			fclose(f);
			return -1;
		}
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len || line[0] == '#')
			continue;
		if (envfile_check(line, why, sizeof(why)) < 0) {
			snprintf(err, errsize, "%s:%d: %s", path, n, why);
			fclose(f);
			return -1;
		}
		strvec_push(vars, line);
	}
	fclose(f);
	return 0;
}
