// SPDX-License-Identifier: MIT
/*
 * suite.c - a suite run from start to end: read the cfg and the expect
 * files, select, plan, then keep -j QEMUs running from one thread and
 * report each test as it finishes (text or TAP), then the totals and the
 * JUnit file.
 *
 * Everything that can make the run pointless (unreadable cfg or expect
 * file, a name that matches nothing, no QEMU, no logs directory) is found
 * before the first QEMU starts, and exits 2.
 */
#define _GNU_SOURCE	/* sched_getaffinity(), CPU_COUNT() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "kut_abi.h"
#include "envfile.h"
#include "escape.h"
#include "guestenv.h"
#include "migration.h"
#include "logdir.h"
#include "suite.h"

struct run {
	const struct suite_options *opt;
	struct suite_env env;
	struct cfg cfg;
	struct expect expect;
	struct job *jobs;
	size_t n;
	struct job **running;
	size_t nrunning;
	struct totals totals;
	unsigned int tap_num;
	bool color;
	FILE *junit;
	char *junit_tmp;
	time_t started;
	char *arch;
};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static unsigned int cpu_count(void)
{
	cpu_set_t set;
	long n;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned int)CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned int)n : 1;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *suite_cfg_path(const char *suite)
{
	size_t len = strlen(suite);

	if (!is_dir(suite))
		return xstrdup(suite);
	while (len > 1 && suite[len - 1] == '/')
		len--;
	return xasprintf("%.*s/unittests.cfg", (int)len, suite);
}

/* kut's name for the arch of a host whose `uname -m` is @m. */
static const char *kut_arch_of(const char *m)
{
	const char *arch = arch_of_host(m);

	return arch ? arch : m;
}

/* <exe>/../share/kvm-unit-tests, written without the "bin/..". */
static char *installed_root(void)
{
	char exe[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	slash = strrchr(exe, '/');
	if (slash && !strcmp(slash, "/bin")) {
		*slash = '\0';
		return xasprintf("%s/share/kvm-unit-tests", exe);
	}
	return xasprintf("%s/../share/kvm-unit-tests", exe);
}

char *suite_default(char *err, size_t errsize)
{
	char *root, *path, *cfg;
	struct utsname host;

	if (access("unittests.cfg", F_OK) == 0)
		return xstrdup("unittests.cfg");
	root = installed_root();
	if (uname(&host) < 0 || !root) {
		free(root);
		snprintf(err, errsize, "no SUITE given and no ./unittests.cfg");
		return NULL;
	}
	path = xasprintf("%s/%s", root, kut_arch_of(host.machine));
	free(root);
	cfg = xasprintf("%s/unittests.cfg", path);
	if (access(cfg, F_OK) == 0) {
		free(cfg);
		return path;
	}
	snprintf(err, errsize, "no SUITE given, no ./unittests.cfg, and no "
		 "installed suite at %s (name a directory holding a "
		 "unittests.cfg)", path);
	free(cfg);
	free(path);
	return NULL;
}

static void print_warning(void *ctx, const char *path, unsigned int line,
			  const char *msg)
{
	(void)ctx;
	warn("%s:%u: %s", path, line, msg);
}

/* An arch kut-run has a row for: a name 'arch =' keys can mean. */
static bool known_arch(const char *name)
{
	return arch_find(name) != NULL;
}

/* ARCH= of an upstream build tree's config.mak, next to its <arch>/ dir. */
static char *config_mak_arch(const char *dir)
{
	char *path = xasprintf("%s/../config.mak", dir), line[256];
	char *arch = NULL, *v;
	FILE *f = fopen(path, "re");

	free(path);
	while (f && !arch && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "ARCH", 4))
			continue;
		v = line + 4 + strspn(line + 4, " \t");
		if (*v != '=')
			continue;
		v += 1 + strspn(v + 1, " \t");
		v[strcspn(v, " \t\r\n")] = '\0';
		if (known_arch(v))
			arch = xstrdup(v);
	}
	if (f)
		fclose(f);
	return arch;
}

/*
 * The arch 'arch =' keys are compared with: --arch, else what the suite's
 * directory says (suite_dir_arch()).  NULL: each test's image decides.
 */
static char *suite_arch(const struct suite_options *opt, const char *dir)
{
	if (opt->arch)
		return xstrdup(opt->arch);
	return suite_dir_arch(dir);
}

char *suite_dir_arch(const char *dir)
{
	char *real, *arch, *slash;
	int i;

	arch = config_mak_arch(dir);
	if (arch)
		return arch;
	real = realpath(dir, NULL);
	for (i = 0; real && i < 2; i++) {
		slash = strrchr(real, '/');
		if (!slash)
			break;
		if (known_arch(slash + 1)) {
			arch = xstrdup(slash + 1);
			break;
		}
		*slash = '\0';
	}
	free(real);
	return arch;
}

static int load_expect(struct run *run, char *err, size_t errsize)
{
	char *const *f;
	size_t i, k;

	for (f = run->opt->expect; f && *f; f++)
		if (expect_load(&run->expect, *f, err, errsize) < 0)
			return -1;
	for (i = 0; i < run->expect.n; i++) {
		for (k = 0; k < run->cfg.n; k++)
			if (expect_matches(&run->expect.e[i],
					   run->cfg.tests[k].name))
				break;
		if (k == run->cfg.n)
			warn("%s: '%s' matches no test of %s",
			     run->expect.e[i].where, run->expect.e[i].pattern,
			     run->cfg.path);
	}
	return 0;
}

/* The selected tests, in cfg order, as jobs. */
static int make_jobs(struct run *run, char *err, size_t errsize)
{
	enum select_state *state = xmalloc((run->cfg.n + 1) * sizeof(*state));
	size_t i;

	if (select_tests(&run->cfg, &run->opt->sel, state, err, errsize) < 0) {
		free(state);
		return -1;
	}
	run->jobs = xmalloc((run->cfg.n + 1) * sizeof(*run->jobs));
	for (i = 0; i < run->cfg.n; i++) {
		struct job *j = &run->jobs[run->n];

		if (state[i] == SELECT_OUT)
			continue;
		memset(j, 0, sizeof(*j));
		j->t = &run->cfg.tests[i];
		j->res.name = xstrdup(j->t->name);
		if (state[i] == SELECT_NODEFAULT)
			job_decide(j, VERDICT_SKIP,
				   "test marked as manual run only");
		run->n++;
	}
	free(state);
	return 0;
}

static void finish(struct run *run, struct job *j)
{
	j->finished = true;
	totals_add(&run->totals, &j->res);
	if (run->opt->tap)
		tap_result(stdout, ++run->tap_num, &j->res);
	else
		text_result(stdout, &j->res, run->color);
}

static void reap(struct run *run);

static bool start(struct run *run, struct job *j)
{
	struct launch_request req = {
		.argv = j->argv.v,
		.timeout_ms = j->timeout_ms,
		.decode = j->decode,
		.output = capture_output,
		.ctx = j,
		.foreign = j->foreign,
	};
	struct launch_result lr;
	char err[512];

	if (j->dated && plan_again(&run->env, j) < 0)
		return false;
	req.argv = j->argv.v;
	if (capture_open(j, run->env.logs, err, sizeof(err)) < 0) {
		job_decide(j, VERDICT_ERROR, "%s", err);
		return false;
	}
	if (run->opt->verbose)
		fprintf(stderr, "%s\n", j->res.command);
	if (cfg_in_group(j->t, "migration") || cfg_in_group(j->t, "panic")) {
		/*
		 * Runs to its end here, beside the tests already running
		 * (migration_run() keeps serving them); no other starts
		 * until it ends.
		 */
		j->started = now_ms();
		if (cfg_in_group(j->t, "migration"))
			migration_run(&req, &lr);
		else
			panic_run(&req, &lr);
		j->res.ms = now_ms() - j->started;
		capture_verdict(j, &lr, &run->expect);
		capture_close(j);
		return false;
	}
	j->started = now_ms();
	j->launch = launch_start(&req, &lr);
	if (!j->launch) {
		job_decide(j, VERDICT_ERROR, "%s", lr.reason);
		capture_close(j);
		return false;
	}
	run->running[run->nrunning++] = j;
	return true;
}

/* Collect every running job that has ended. */
static void reap(struct run *run)
{
	struct launch_result lr;
	struct job *j;
	size_t i = 0;

	while (i < run->nrunning) {
		j = run->running[i];
		if (launch_running(j->launch)) {
			i++;
			continue;
		}
		launch_end(j->launch, &lr);
		j->launch = NULL;
		j->res.ms = now_ms() - j->started;
		capture_verdict(j, &lr, &run->expect);
		capture_close(j);
		run->running[i] = run->running[--run->nrunning];
		finish(run, j);
	}
}

static void schedule(struct run *run, struct job **order)
{
	unsigned int jobs = run->opt->jobs ? run->opt->jobs : cpu_count();
	size_t next = 0;

	run->running = xmalloc((jobs + 1) * sizeof(*run->running));
	while (next < run->n || run->nrunning) {
		while (next < run->n && run->nrunning < jobs) {
			struct job *j = order[next++];

			if (j->decided || !start(run, j))
				finish(run, j);
		}
		if (run->nrunning) {
			launch_wait();
			reap(run);
		}
	}
	free(run->running);
}

static void dry_run(struct run *run)
{
	struct job *j;
	char *cmd;
	size_t i;

	/*
	 * The printed commands name the environment file, ROMs and raw
	 * images: keep them.
	 */
	for (i = 0; i < run->env.nqemus; i++) {
		if (run->env.qemus[i].envfile[0])
			tempfile_forget(run->env.qemus[i].envfile[0]);
		if (run->env.qemus[i].envfile[1])
			tempfile_forget(run->env.qemus[i].envfile[1]);
	}
	for (i = 1; i < run->env.flats.n; i += 2)
		tempfile_forget(run->env.flats.v[i]);
	for (i = 0; i < run->env.nqemus; i++)
		if (run->env.qemus[i].arch->rom && run->env.qemus[i].firmware)
			tempfile_forget(run->env.qemus[i].firmware);
	for (i = 0; i < run->n; i++) {
		launch_check_signals();
		j = &run->jobs[i];
		fputs("# ", stdout);
		put_terminal_text(stdout, j->t->name, false);
		if (j->decided) {
			printf(": %s (", verdict_word(j->res.verdict));
			put_terminal_text(stdout, j->res.detail, false);
			fputs(")\n", stdout);
			continue;
		}
		cmd = job_command(j);
		printf("\n%s\n", cmd);
		free(cmd);
	}
}

static void list_names(struct run *run)
{
	size_t i;

	/* Manual-only tests (decided before planning) are not listed. */
	for (i = 0; i < run->n; i++) {
		launch_check_signals();
		if (run->jobs[i].decided)
			continue;
		put_terminal_text(stdout, run->jobs[i].t->name, false);
		putchar('\n');
	}
}

/*
 * The JUnit file is written whole beside its place, then renamed there:
 * never half a file, and the temporary one is a new file (mkstemp's
 * O_EXCL), so a symlink planted under its name is never followed.
 */
static int open_junit(struct run *run, char *err, size_t errsize)
{
	const char *path = run->opt->junit, *slash = strrchr(path ? path : "", '/');
	int fd;

	if (!path)
		return 0;
	run->junit_tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path),
					   path, slash + 1) :
			 xasprintf(".%s.XXXXXX", path);
	fd = mkostemp(run->junit_tmp, O_CLOEXEC);
	if (fd >= 0)
		tempfile_track(run->junit_tmp);
	run->junit = fd < 0 ? NULL : fdopen(fd, "w");
	if (!run->junit) {
		snprintf(err, errsize, "--junit %s: cannot create %s: %s", path,
			 run->junit_tmp, strerror(errno));
		return -1;
	}
	return 0;
}

static int write_junit(struct run *run, const char *interrupted)
{
	const char *qemu = run->env.nqemus ? run->env.qemus[0].qemu : "";
	const char *accel = run->opt->accel ? run->opt->accel : "auto";
	char host[256] = "localhost", *name, *cls, jobs[16];
	struct result **results = xmalloc((run->n + 1) * sizeof(*results));
	const char *props[] = {
		"cfg", run->cfg.path, "qemu", qemu, "accel", accel,
		"jobs", jobs, "kut-run", KUT_VERSION,
		interrupted ? "interrupted" : NULL, interrupted, NULL,
	};
	struct junit_suite s = { .properties = props };
	size_t i;
	int r;

	snprintf(jobs, sizeof(jobs), "%u",
		 run->opt->jobs ? run->opt->jobs : cpu_count());
	gethostname(host, sizeof(host) - 1);
	name = xasprintf("kvm-unit-tests%s%s", run->arch ? "." : "",
			 run->arch ? run->arch : "");
	cls = xstrdup(name);
	s.name = name;
	s.classname = cls;
	s.hostname = host;
	s.started = run->started;
	for (i = 0; i < run->n; i++)
		results[i] = &run->jobs[i].res;
	junit_write(run->junit, &s, results, run->n, &run->totals);
	r = fclose(run->junit) == 0 && !rename(run->junit_tmp, run->opt->junit);
	if (r)
		tempfile_forget(run->junit_tmp);
	else
		warn("--junit %s: cannot write it: %s", run->opt->junit,
		     strerror(errno));
	free(results);
	free(name);
	free(cls);
	return r ? 0 : -1;
}

static const char *signal_word(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" :
	       sig == SIGHUP ? "SIGHUP" : sig == SIGPIPE ? "SIGPIPE" : "a signal";
}

/*
 * Interrupted: the reports say so.  TAP bails out (its plan is not met);
 * the JUnit file is written with what finished, every other test an
 * error "interrupted", so an old file is never left as if current.
 */
static void interrupted(void *ctx, int sig)
{
	struct run *run = ctx;
	const char *word = signal_word(sig);
	struct job *j;
	size_t i;

	if (run->opt->tap) {
		printf("Bail out! interrupted by %s\n", word);
		fflush(stdout);
	}
	if (!run->junit)
		return;
	for (i = 0; i < run->n; i++) {
		j = &run->jobs[i];
		if (j->finished)
			continue;
		job_decide(j, VERDICT_ERROR, "interrupted by %s before it "
			   "finished", word);
		totals_add(&run->totals, &j->res);
	}
	write_junit(run, word);
}

static bool want_color(const struct suite_options *opt)
{
	const char *term = getenv("TERM");

	if (opt->tap || opt->color == 0)
		return false;
	if (opt->color == 1)
		return true;
	return isatty(STDOUT_FILENO) && !getenv("NO_COLOR") &&
	       !(term && !strcmp(term, "dumb"));
}

/* Everything up to the first QEMU; exits 2 on anything fatal. */
static void setup(struct run *run, struct utsname *host)
{
	const struct suite_options *opt = run->opt;
	char err[1024], *path;
	const char *max;
	size_t i;

	path = suite_cfg_path(opt->suite);
	if (cfg_load(path, &run->cfg, print_warning, NULL, err,
		     sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "%s: %s", path, err);
	free(path);
	if (!run->cfg.n)
		die(KUT_EXIT_ERROR, "%s: no [test] sections: nothing to run",
		    run->cfg.path);
	if (load_expect(run, err, sizeof(err)) < 0 ||
	    make_jobs(run, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "%s", err);
	run->arch = suite_arch(opt, run->cfg.dir);
	if (uname(host) < 0)
		die(KUT_EXIT_ERROR, "uname failed");
	max = getenv("MAX_SMP");
	run->env = (struct suite_env){
		.opt = opt, .cfg = &run->cfg, .expect = &run->expect,
		.arch = run->arch, .host_machine = host->machine,
		.max_smp = max && atol(max) > 0 ? atol(max) : (long)cpu_count(),
		.logs = opt->logs ? opt->logs : "logs",
		.flats = STRVEC_INIT,
	};
	if (opt->list)
		return;
	for (i = 0; opt->env && opt->env[i]; i++)
		run->env.nenv++;
	run->env.errata = guestenv_errata_file(run->cfg.dir);
	run->env.kernel_release = xstrdup(host->release);
	for (i = 0; i < run->n; i++) {
		launch_check_signals();
		if (!run->jobs[i].decided &&
		    plan_job(&run->env, &run->jobs[i], err, sizeof(err)) < 0)
			die(KUT_EXIT_ERROR, "%s", err);
		if (run->jobs[i].decided)
			apply_expect(&run->jobs[i], &run->expect);
	}
}

int suite_main(const struct suite_options *opt)
{
	struct run run = { .opt = opt };
	struct job **order;
	struct utsname host;
	char err[1024];
	size_t i;
	long long t0 = now_ms();
	int status = 0, logs_fd;

	launch_init();
	setup(&run, &host);
	if (opt->list == SUITE_LIST_NAMES)
		list_names(&run);
	if (opt->list == SUITE_LIST_JSON)
		list_json(stdout, &run.env, run.jobs, run.n);
	launch_check_signals();
	if (opt->list)
		return 0;
	if (opt->dry_run) {
		dry_run(&run);
		launch_check_signals();
		return 0;
	}
	/* Before the logs move to logs.old: they tell each test's length. */
	order = xmalloc((run.n + 1) * sizeof(*order));
	suite_order(run.env.logs, run.jobs, run.n,
		    opt->jobs ? opt->jobs : cpu_count(), order);
	logs_fd = logdir_prepare(run.env.logs, err, sizeof(err));
	if (logs_fd < 0 || open_junit(&run, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "%s", err);
	run.color = want_color(opt);
	run.started = time(NULL);
	launch_on_interrupt(interrupted, &run);
	if (opt->tap)
		tap_begin(stdout, run.n);
	schedule(&run, order);
	free(order);
	launch_on_interrupt(NULL, NULL);
	run.totals.ms = now_ms() - t0;
	if (opt->tap)
		tap_end(stdout, &run.totals);
	else
		text_totals(stdout, &run.totals);
	if (run.junit && write_junit(&run, NULL) < 0)
		status = KUT_EXIT_ERROR;
	for (i = 0; i < run.n; i++)
		if (verdict_is_failure(run.jobs[i].res.verdict) && !status)
			status = KUT_EXIT_FAIL;
	close(logs_fd);
	tempfile_remove_all();
	launch_check_signals();
	return status;
}
