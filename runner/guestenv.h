/* SPDX-License-Identifier: MIT */
/*
 * guestenv.h - the variables upstream's runner generates for every guest.
 *
 * Upstream kvm-unit-tests' runner gives each test, through its -initrd
 * environment, what it knows about the run: TARGET, the accelerator
 * (QEMU_ACCEL), QEMU's and the host kernel's versions, and ERRATA_<commit>
 * entries saying whether the host kernel has each KVM fix its errata.txt
 * lists (all forced on under TCG, where no host KVM is involved).  Tests
 * read them to skip checks a known-broken host would fail.  kut-run
 * generates the same, from facts gathered once; this module turns those
 * facts into KEY=VALUE lines and runs no shell.
 */
#ifndef KUT_RUNNER_GUESTENV_H
#define KUT_RUNNER_GUESTENV_H

#include <stddef.h>

#include "util.h"

struct guestenv_facts {
	const char *accel;		/* "kvm" or "tcg" */
	const char *qemu_version;	/* QEMU's "QEMU emulator version ..." */
					/* line, or NULL if unknown */
	const char *kernel_release;	/* uname -r: "6.1.0-18-amd64" */
	const char *errata;		/* an errata.txt, or NULL */
	char *const *host_env;		/* kut-run's environment (ERRATA_*) */
};

/*
 * Append the generated variables to @vars, skipping a name @vars already
 * has (the user's -e pairs and KVM_UNIT_TESTS_ENV lines come first and
 * win, as a guest's getenv() takes the first).  Returns 0, or -1 with
 * the problem (errata.txt's file and line) in @err.
 */
int guestenv_generate(const struct guestenv_facts *f, struct strvec *vars,
		      char *err, size_t errsize);

/*
 * The guest's environment file: the @n KEY=VALUE strings of @user, then
 * the generated variables (envfile.h writes and tracks it).  Returns its
 * malloc'd path, or NULL with the problem in @err.
 */
char *guestenv_write(char *const *user, size_t n,
		     const struct guestenv_facts *f, char *err,
		     size_t errsize);

/* The first line `@qemu -version` prints (malloc'd), or NULL. */
char *guestenv_qemu_version(const char *qemu);

/*
 * The errata.txt of tests in @dir: @dir/errata.txt, else the one of the
 * build tree above it (@dir/../errata.txt, as upstream's ERRATATXT).
 * Malloc'd, or NULL when there is none.
 */
char *guestenv_errata_file(const char *dir);

#endif /* KUT_RUNNER_GUESTENV_H */
