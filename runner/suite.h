/* SPDX-License-Identifier: MIT */
/*
 * suite.h - kut-run's suite mode: every test of a unittests.cfg, in
 * parallel, with upstream's result lines, logs, TAP and JUnit.
 *
 * suite.c drives a run (load, select, list, schedule, report);
 * suite_plan.c turns each cfg section into either a QEMU command or a
 * verdict reached without running (SKIP for another arch, an unmet check,
 * a missing QEMU device...); capture.c turns one QEMU's output into its
 * log file and its result.
 */
#ifndef KUT_RUNNER_SUITE_H
#define KUT_RUNNER_SUITE_H

#include <stdbool.h>
#include <stdio.h>

#include "archtab.h"
#include "launch.h"
#include "cfg.h"
#include "expect.h"
#include "qemu.h"
#include "result.h"
#include "select.h"
#include "symbolize.h"

#define SUITE_DEFAULT_TIMEOUT	"90s"
#define SUITE_TAIL_LINES	20

enum suite_list {
	SUITE_LIST_NONE,
	SUITE_LIST_NAMES,
	SUITE_LIST_JSON,
};

struct suite_options {
	const char *suite;		/* directory or .cfg; NULL: default */
	struct selection sel;
	unsigned int jobs;		/* 0: one per CPU */
	enum suite_list list;
	bool tap;
	const char *junit;		/* file, or NULL */
	const char *logs;		/* NULL: "logs" */
	char *const *expect;		/* --expect files, NULL-terminated */
	bool verbose;
	bool dry_run;
	int color;			/* -1 auto, 0 never, 1 always */
	const char *arch;		/* --arch, or NULL */
	const char *accel;		/* --accel or $ACCEL, or NULL */
	const char *accel_from;		/* "--accel" or "ACCEL" */
	const char *timeout;		/* --timeout: wins over the cfg */
	char *const *env;		/* -e KEY=VALUE, NULL-terminated */
};

/* Run a suite; returns kut-run's exit status (0, 1 or 2). */
int suite_main(const struct suite_options *opt);

/*
 * The cfg file a SUITE argument names: DIR/unittests.cfg for a directory,
 * the file itself otherwise.  Malloc'd.
 */
char *suite_cfg_path(const char *suite);

/*
 * The suite to run when none is named: ./unittests.cfg, else the
 * installed one for this host, <exe dir>/../share/kvm-unit-tests/<arch>.
 * Returns a malloc'd path, or NULL with the places looked at in @err.
 */
char *suite_default(char *err, size_t errsize);

/*
 * The arch of the tests in directory @dir, from the place alone: the
 * ARCH= of an upstream build tree's config.mak next to it, or a directory
 * named after an arch (share/kvm-unit-tests/x86_64, build/gcc/x86_64/
 * tests).  Malloc'd, or NULL when the place does not say.
 */
char *suite_dir_arch(const char *dir);

/* ---- shared by suite.c, suite_plan.c and capture.c ---- */

/* What a run knows once, for all its tests. */
struct suite_env {
	const struct suite_options *opt;
	const struct cfg *cfg;
	const struct expect *expect;
	const char *arch;		/* the suite's arch, or NULL if unknown */
	const char *host_machine;	/* uname -m */
	long max_smp;
	size_t nenv;			/* -e and KVM_UNIT_TESTS_ENV variables */
	char *errata;			/* the suite's errata.txt, or NULL */
	char *kernel_release;		/* uname -r */
	const char *logs;
	struct strvec flats;		/* image, its raw image (temp file), */
					/* ... for ELFs booted flattened */
	struct arch_qemu *qemus;	/* per arch: binary, caps, firmware */
	size_t nqemus;
};

struct arch_qemu {
	const struct arch_info *arch;
	bool upstream;			/* the arch's upstream_qemu */
	char *qemu;
	char *firmware;
	struct qemu_caps caps;
	bool probe_failed;
	char *version;			/* its -version line, once asked */
	bool version_tried;
	char *envfile[2];		/* the guests' environment under */
					/* TCG, KVM; made on first use */
};

struct job {
	struct cfg_test *t;
	struct result res;
	bool decided;			/* res holds the verdict; nothing runs */
	bool finished;			/* reported: its verdict is final */
	struct strvec argv;
	enum launch_decode decode;
	bool foreign;			/* not a kut image: launch_request's */
	char *image;
	const char *boot;		/* the file QEMU boots, if not image */
	long long timeout_ms;
	bool dated;			/* its command has the time now */
					/* (shdate.h): planned again at start */
	long long estimate_ms;		/* its guessed length (suite_order) */
	struct launch *launch;
	long long started;
	/* output capture */
	FILE *log;
	char *elf;
	struct symtab *symbols;
	bool symbols_tried;
	char *line[2];			/* unfinished line per stream */
	size_t line_len[2];
	char *summary;
	char *problem;			/* first crash/abort line */
};

/*
 * Plan @j: a verdict (j->decided) or a QEMU command (j->argv).  Returns
 * 0, or -1 when the whole run cannot go on (no QEMU for the arch) with the
 * problem in @err.
 */
int plan_job(struct suite_env *env, struct job *j, char *err, size_t errsize);

/*
 * Plan @j once more, when it starts: a command with the time now in it
 * (j->dated) gets the time it starts at.  Returns 0, or -1 with @j
 * decided.
 */
int plan_again(struct suite_env *env, struct job *j);

/* Where a file = value points: relative to the cfg's directory. */
char *plan_image_path(const struct cfg *cfg, const char *file);

/* --timeout, else $TIMEOUT, else the cfg's timeout =, else the default. */
long long plan_timeout_ms(const struct suite_env *env,
			  const struct cfg_test *t);

/* Decide @j without running it. */
__attribute__((format(printf, 3, 4)))
void job_decide(struct job *j, enum verdict v, const char *fmt, ...);

/* The command a planned job runs, for logs and --dry-run.  Malloc'd. */
char *job_command(const struct job *j);

/*
 * The order to start @n jobs in, into @order, for @slots at once: decided
 * ones, then the longest @slots - 1 others, then those no other test
 * starts beside, then the rest, longest first by what their last logs in
 * @logs say, else by their timeouts (suite_order.c).
 */
void suite_order(const char *logs, struct job *jobs, size_t n,
		 unsigned int slots, struct job **order);

/* How long @name's last run logged in @logs took, in ms; -1: unknown. */
long long suite_logged_ms(const char *logs, const char *name);

/* capture.c: the log file and the output callback of a running job. */
int capture_open(struct job *j, const char *logs, char *err, size_t errsize);
void capture_output(void *ctx, enum launch_stream stream, const char *text,
		    size_t len);
void capture_close(struct job *j);

/*
 * Turn how QEMU ended into the job's verdict, then apply --expect (after
 * launch_end(), before capture_close()).
 */
void capture_verdict(struct job *j, const struct launch_result *lr,
		     const struct expect *ex);
void apply_expect(struct job *j, const struct expect *ex);

/* --list=json: the selected tests and what the cfg says about them. */
void list_json(FILE *f, const struct suite_env *env, struct job *jobs,
	       size_t n);

#endif /* KUT_RUNNER_SUITE_H */
