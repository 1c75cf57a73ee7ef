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

char *envfile_write(char *const *vars, size_t n, char *err, size_t errsize)
{
	size_t len = 0, i, k;
	char *text, *path;

	for (i = 0; i < n; i++)
		len += strlen(vars[i]) + 1;
	text = xmalloc(len + 1);
	for (i = 0, k = 0; i < n; i++) {
		memcpy(text + k, vars[i], strlen(vars[i]));
		k += strlen(vars[i]);
		text[k++] = '\n';
	}
	path = tempfile_write("env", text, len, 0, err, errsize);
	free(text);
	return path;
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
