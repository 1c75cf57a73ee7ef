/* SPDX-License-Identifier: MIT */
/*
 * envfile.h - the guest's environment, passed to it as an initrd.
 *
 * A guest has no other way to receive variables than a file QEMU loads
 * for it: kut-run writes the -e KEY=VALUE pairs one per line into a
 * temporary file and hands it to QEMU with -initrd; the guest library
 * parses it into the environment before main() runs.
 */
#ifndef KUT_RUNNER_ENVFILE_H
#define KUT_RUNNER_ENVFILE_H

#include <stddef.h>

/*
 * Check that @kv is KEY=VALUE with KEY a C identifier and VALUE a single
 * line.  Returns 0, or -1 with the problem in @err.
 */
int envfile_check(const char *kv, char *err, size_t errsize);

/*
 * Write the @n KEY=VALUE strings of @vars, one per line, into a new file
 * under $TMPDIR (or /tmp) and track it for removal (util.h).  Returns its
 * malloc'd path, or NULL with the problem in @err.
 */
char *envfile_write(char *const *vars, size_t n, char *err, size_t errsize);

/*
 * Append the KEY=VALUE lines of file @path to @vars (upstream's
 * KVM_UNIT_TESTS_ENV file: one variable per line; blank lines and lines
 * starting with '#' are skipped).  Returns 0, or -1 with the problem, file
 * and line, in @err.
 */
struct strvec;
int envfile_load(const char *path, struct strvec *vars, char *err,
		 size_t errsize);

#endif /* KUT_RUNNER_ENVFILE_H */
