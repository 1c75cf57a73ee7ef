// SPDX-License-Identifier: MIT
/*
 * test-runner-guestenv.c - host tests of the variables kut-run generates
 * for every guest as upstream's runner does: versions split as upstream
 * splits them, ERRATA_<commit> from an errata.txt against the host
 * kernel's version (upstream's comparison rules), forced under TCG, and
 * the user's variables winning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "guestenv.h"
#include "util.h"

static struct strvec vars = STRVEC_INIT;
static char err[512];

/* The value of @name in vars, or NULL. */
static const char *get(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < vars.n; i++)
		if (!strncmp(vars.v[i], name, n) && vars.v[i][n] == '=')
			return vars.v[i] + n + 1;
	return NULL;
}

static int generate(const char *accel, const char *release,
		    const char *errata, char *const *host_env)
{
	struct guestenv_facts f = {
		.accel = accel,
		.qemu_version = "QEMU emulator version 7.2.11 (Debian 1:7.2+dfsg-7)",
		.kernel_release = release,
		.errata = errata,
		.host_env = host_env,
	};

	return guestenv_generate(&f, &vars, err, sizeof(err));
}

static char *write_errata(const char *text)
{
	char *path = xstrdup("/tmp/kut-test-errata.XXXXXX");
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	return path;
}

TEST(versions_as_upstream_splits_them)
{
	strvec_free(&vars);
	CHECK_INT(generate("kvm", "6.1.0-18-amd64", NULL, NULL), 0);
	CHECK_STR(get("TARGET"), "qemu");
	CHECK_STR(get("QEMU_ACCEL"), "kvm");
	CHECK_STR(get("QEMU_MAJOR"), "7");
	CHECK_STR(get("QEMU_MINOR"), "2");
	CHECK_STR(get("QEMU_MICRO"), "11");
	CHECK_STR(get("KERNEL_VERSION_STRING"), "6.1.0-18-amd64");
	CHECK_STR(get("KERNEL_VERSION"), "6");
	CHECK_STR(get("KERNEL_PATCHLEVEL"), "1");
	CHECK_STR(get("KERNEL_SUBLEVEL"), "0");
	CHECK_STR(get("KERNEL_EXTRAVERSION"), "18");
	CHECK(get("ERRATA_FORCE") == NULL);
	strvec_free(&vars);
	CHECK_INT(generate("tcg", "6.18.44-fc-v1045", NULL, NULL), 0);
	CHECK_STR(get("KERNEL_SUBLEVEL"), "44");
	CHECK_STR(get("KERNEL_EXTRAVERSION"), "");
	CHECK_STR(get("ERRATA_FORCE"), "y");
}

TEST(errata_against_the_host_kernel)
{
	char *path = write_errata(
		"#-----:----:----\n"
		"# commit : minimum kernel : summary\n"
		"aaaaaaaaaaaa : 4.9 : old fix\n"
		"bbbbbbbbbbbb : 6.1 : same major.minor\n"
		"cccccccccccc : 6.1.5 : newer sublevel\n"
		"dddddddddddd : 6.1.0-20 : newer extra version\n"
		"eeeeeeeeeeee : 6.1.0-18 : this very kernel\n"
		"ffffffffffff : 6.2 : newer patch level\n"
		"111111111111 : 7.0 : newer version\n"
		"222222222222 : 4.9 : set by the user\n");
	char *host_env[] = { "PATH=/bin", "ERRATA_222222222222=n", NULL };

	strvec_free(&vars);
	strvec_push(&vars, "ERRATA_aaaaaaaaaaaa=user");	/* -e wins */
	CHECK_INT(generate("kvm", "6.1.0-18-amd64", path, host_env), 0);
	CHECK_STR(get("ERRATA_aaaaaaaaaaaa"), "user");
	CHECK_STR(get("ERRATA_bbbbbbbbbbbb"), "y");
	CHECK_STR(get("ERRATA_cccccccccccc"), "n");
	CHECK_STR(get("ERRATA_dddddddddddd"), "n");
	CHECK_STR(get("ERRATA_eeeeeeeeeeee"), "y");
	CHECK_STR(get("ERRATA_ffffffffffff"), "n");
	CHECK_STR(get("ERRATA_111111111111"), "n");
	CHECK_STR(get("ERRATA_222222222222"), "n");
	/* Under TCG nothing is generated from the file: all forced. */
	strvec_free(&vars);
	CHECK_INT(generate("tcg", "6.1.0-18-amd64", path, NULL), 0);
	CHECK(get("ERRATA_bbbbbbbbbbbb") == NULL);
	CHECK_STR(get("ERRATA_FORCE"), "y");
	unlink(path);
	free(path);
}

TEST(bad_errata_file)
{
	char *path = write_errata("aaaaaaaaaaaa : 4.9 : fine\n"
				  "bbbbbbbbbbbb : four : bad\n");
	char *want = xasprintf("%s:2: bad minimum kernel version 'four'", path);

	strvec_free(&vars);
	CHECK_INT(generate("kvm", "6.1.0", path, NULL), -1);
	CHECK_STR(err, want);
	free(want);
	unlink(path);
	free(path);
	CHECK_INT(generate("kvm", "6.1.0", "/nonexistent/errata.txt", NULL), -1);
	CHECK_STR(err, "/nonexistent/errata.txt: No such file or directory");
}
