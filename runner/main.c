// SPDX-License-Identifier: MIT
/*
 * main.c - kut-run's command line: single-test mode (boot one image under
 * QEMU and exit with its result) or suite mode (every test of a
 * unittests.cfg, see suite.h), told apart by the first argument.
 *
 * This file only reads options and environment variables and strings the
 * modules together (image -> arch row -> QEMU, accelerator, firmware ->
 * argv -> launch); everything it calls is shared with suite mode.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "kut_abi.h"
#include "archtab.h"
#include "envfile.h"
#include "guestenv.h"
#include "gdb.h"
#include "image.h"
#include "launch.h"
#include "migration.h"
#include "qemu.h"
#include "suite.h"
#include "symbolize.h"
#include "util.h"

extern char **environ;

#define DEFAULT_TIMEOUT	"90s"

struct options {
	struct strvec env;		/* -e KEY=VALUE */
	const char *accel;		/* --accel, else $ACCEL */
	const char *timeout;		/* --timeout, else $TIMEOUT */
	const char *timeout_from;	/* where it came from, for errors */
	bool dry_run;
	bool gdb;			/* --gdb: QEMU waits for a debugger */
	const char *image;
	char *const *qemu_args;		/* everything after IMAGE */
	struct suite_options suite;
	const char *suite_only;		/* a suite-mode option that was given */
	struct strvec groups, expect, names;
};

static void usage(FILE *out)
{
	size_t i;

	fprintf(out,
"Usage: kut-run [OPTIONS] IMAGE [QEMU-ARGS...]\n"
"       kut-run [OPTIONS] [SUITE] [NAME|GLOB...]\n"
"\n"
"With an IMAGE, boot that kut (or kvm-unit-tests) test image under QEMU and\n"
"exit with its result.  The image's architecture is read from the file\n"
"itself.  QEMU-ARGS go to QEMU after kut-run's own arguments, so they\n"
"override them: -smp 4, -append 'test args', -machine q35, -bios FILE, ...\n"
"\n"
"With a SUITE (a directory holding a unittests.cfg, or a .cfg file), run\n"
"its tests in parallel, or only those NAMEd (globs allowed), and print one\n"
"line per test as upstream's run_tests.sh does: PASS name (N tests), FAIL\n"
"name (...), SKIP name (reason).  Without SUITE: ./unittests.cfg, else the\n"
"installed suite of this host's arch (<prefix>/share/kvm-unit-tests/ARCH),\n"
"so 'kut-run' runs the installed tests and 'kut-run NAME' one of them.\n"
"Each test's QEMU command and output go to logs/NAME.log.\n"
"\n"
"Options (before IMAGE; anywhere with a SUITE):\n"
"  -e KEY=VALUE       set a variable in the guest's environment (repeatable)\n"
"      --accel=ACCEL  kvm or tcg (default: kvm when this host can run the\n"
"                     image's arch under KVM, tcg otherwise)\n"
"      --timeout=DUR  kill QEMU after DUR: 90, 90s, 2m, 1.5h, 1d; 0 = never\n"
"                     (default " DEFAULT_TIMEOUT "; in a suite it also overrides\n"
"                     the cfg's timeout = keys)\n"
"      --dry-run      print the QEMU command(s), shell-quoted, instead of\n"
"                     running them\n"
"      --arch=ARCH    the arch of a raw image without a header (upstream's\n"
"                     arm .flat), and a suite's arch for its 'arch =' keys\n"
"                     (default: ARCH= of ../config.mak, a directory named\n"
"                     after an arch, or each image itself)\n"
"      --gdb          start QEMU stopped, its gdb stub on a free local port,\n"
"                     and print the gdb-multiarch command that attaches\n"
"                     (one IMAGE only; TCG and no timeout unless asked)\n"
"  -h, --help         show this help\n"
"  -V, --version      show the version\n"
"      --             end of options\n"
"\n"
"Suite options:\n"
"  -s, --suite=PATH   the suite (instead of the first argument)\n"
"  -g, --group=G[,G]  only tests in group G (repeatable); this includes tests\n"
"                     of the 'nodefault' group\n"
"  -a, --all          also run 'nodefault' tests\n"
"  -j, --jobs=N       run N tests at once (default: the number of CPUs)\n"
"  -l, --list[=json]  list the selected tests (names, or JSON with what the\n"
"                     cfg says about each) and exit\n"
"      --shard=K/N    run only slice K of N (every Nth selected test)\n"
"      --expect=FILE  known results, lines of 'NAME: FAIL|SKIP reason'\n"
"                     (NAME may be a glob; repeatable): a failure listed as\n"
"                     FAIL prints XFAIL and does not fail the run, a pass\n"
"                     prints XPASS and does; SKIP tests are not run\n"
"  -t, --tap          write TAP version 13 on stdout instead of result lines\n"
"      --junit=FILE   also write JUnit XML to FILE\n"
"      --logs=DIR     where the logs go (default: logs; an old one is\n"
"                     kept as DIR.old)\n"
"  -v, --verbose      print each QEMU command on stderr as it starts\n"
"      --color=WHEN   colour the verdicts: auto (on a terminal), always,\n"
"                     never\n"
"\n"
"Environment (the command-line options win over these):\n"
"  QEMU      the QEMU binary, a name looked up in PATH or a path\n"
"  ACCEL     like --accel\n"
"  TIMEOUT   like --timeout (in a suite it too overrides timeout = keys,\n"
"            as with upstream's runner)\n"
"  MACHINE   the QEMU machine type, instead of the arch's default\n"
"  MAX_SMP   what $MAX_SMP means in a cfg's smp = key (default: CPUs)\n"
"  MIGRATION yes: IMAGE is a migration test, migrated each time it asks\n"
"            (a suite's tests of group 'migration' are, always)\n"
"  KVM_UNIT_TESTS_ENV  a file of KEY=VALUE lines given to every guest's\n"
"            environment, as upstream's runner does (-e pairs win)\n"
"  TMPDIR    where the guest's environment file is written\n"
"\n"
"Exit status of one test:\n"
"  0    the test passed\n"
"  1    the test failed, or the guest crashed\n"
"  2    kut-run or QEMU could not run the test (bad image, missing QEMU,\n"
"       bad arguments)\n"
"  77   the test skipped itself, or cannot run here\n"
"  124  the test timed out\n"
"Exit status of a suite: 0 nothing failed unexpectedly, 1 a test failed,\n"
"timed out, could not run or passed against --expect, 2 the suite could\n"
"not be read or run.\n"
"\n"
"Architectures:");
	for (i = 0; arch_at(i); i++)
		fprintf(out, " %s", arch_at(i)->name);
	fprintf(out, "\n");
}

static void __attribute__((noreturn)) bad_usage(const char *what,
						const char *problem)
{
	die(KUT_EXIT_ERROR, "%s: %s (see kut-run --help)", what, problem);
}

static void add_env(struct options *opt, const char *kv)
{
	char err[256];

	if (envfile_check(kv, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "-e %s", err);
	strvec_push(&opt->env, kv);
}

/*
 * Upstream's KVM_UNIT_TESTS_ENV: a file of KEY=VALUE lines for every
 * guest.  They come after the -e pairs, and a guest's getenv() takes the
 * first match, so -e wins.
 */
static void add_env_file(struct options *opt)
{
	const char *path = getenv("KVM_UNIT_TESTS_ENV");
	char err[512];

	if (path && *path && envfile_load(path, &opt->env, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "KVM_UNIT_TESTS_ENV=%s", err);
}

enum {
	OPT_ACCEL = 256, OPT_TIMEOUT, OPT_DRY_RUN, OPT_SHARD, OPT_EXPECT,
	OPT_JUNIT, OPT_LOGS, OPT_ARCH, OPT_COLOR, OPT_GDB,
};

#define SHORT_OPTIONS	"+:e:hVs:g:aj:l::tv"

static const struct option long_options[] = {
	{ "accel", required_argument, NULL, OPT_ACCEL },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "gdb", no_argument, NULL, OPT_GDB },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "suite", required_argument, NULL, 's' },
	{ "group", required_argument, NULL, 'g' },
	{ "all", no_argument, NULL, 'a' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "parallel", required_argument, NULL, 'j' },	/* run_tests.sh's */
	{ "list", optional_argument, NULL, 'l' },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "expect", required_argument, NULL, OPT_EXPECT },
	{ "tap", no_argument, NULL, 't' },
	{ "tap13", no_argument, NULL, 't' },		/* run_tests.sh's */
	{ "junit", required_argument, NULL, OPT_JUNIT },
	{ "logs", required_argument, NULL, OPT_LOGS },
	{ "arch", required_argument, NULL, OPT_ARCH },
	{ "verbose", no_argument, NULL, 'v' },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ NULL, 0, NULL, 0 },
};

static unsigned int parse_jobs(const char *s)
{
	char *end;
	unsigned long n = strtoul(s, &end, 10);

	if (*s < '1' || *s > '9' || *end || n > 4096)
		bad_usage("-j", "needs a number of tests from 1 to 4096");
	return (unsigned int)n;
}

static int parse_color(const char *arg)
{
	if (!arg || !strcmp(arg, "always"))
		return 1;
	if (!strcmp(arg, "never"))
		return 0;
	if (strcmp(arg, "auto"))
		bad_usage("--color", "takes auto, always or never");
	return -1;
}

static void suite_option(struct options *opt, int c, const char *arg)
{
	struct suite_options *so = &opt->suite;

	switch (c) {
	case 's':
		so->suite = arg;
		break;
	case 'g':
		strvec_push(&opt->groups, arg);
		break;
	case 'a':
		so->sel.all = true;
		break;
	case 'j':
		so->jobs = parse_jobs(arg);
		break;
	case 'l':
		if (arg && *arg == '=')
			arg++;		/* -l=json, as with --list=json */
		if (arg && strcmp(arg, "json") && strcmp(arg, "names"))
			bad_usage("--list", "takes json or names");
		so->list = arg && !strcmp(arg, "json") ? SUITE_LIST_JSON :
			   SUITE_LIST_NAMES;
		break;
	case OPT_SHARD:
		if (select_parse_shard(arg, &so->sel.shard_k,
				       &so->sel.shard_n) < 0)
			bad_usage("--shard", "must be K/N with 1 <= K <= N");
		break;
	case OPT_EXPECT:
		strvec_push(&opt->expect, arg);
		break;
	case 't':
		so->tap = true;
		break;
	case OPT_JUNIT:
		so->junit = arg;
		break;
	case OPT_LOGS:
		so->logs = arg;
		break;
	case 'v':
		so->verbose = true;
		break;
	case OPT_COLOR:
		so->color = parse_color(arg);
		break;
	}
}

/*
 * How the option getopt just read was written: "-x" for a short one (an
 * unknown one may sit inside a cluster like -x.flat, where argv[optind -
 * 1] is still the previous word), else its word, not its value's.
 */
static const char *option_text(int c, char **argv)
{
	static char short_opt[3] = "-?";

	if (c == '?' && optopt > 0 && optopt < 128) {
		short_opt[1] = (char)optopt;
		return short_opt;
	}
	if (optarg && optind >= 2 && optarg == argv[optind - 1])
		return argv[optind - 2];
	return argv[optind - 1];
}

static void one_option(struct options *opt, int c, char **argv)
{
	switch (c) {
	case 'e':
		add_env(opt, optarg);
		break;
	case OPT_ACCEL:
		opt->accel = optarg;
		break;
	case OPT_TIMEOUT:
		opt->timeout = optarg;
		opt->timeout_from = "--timeout";
		break;
	case OPT_DRY_RUN:
		opt->dry_run = true;
		break;
	case OPT_GDB:
		opt->gdb = true;
		break;
	case OPT_ARCH:
		if (!arch_find(optarg))
			bad_usage("--arch", "not an arch this kut-run has "
				  "(see the list in kut-run --help)");
		opt->suite.arch = optarg;
		break;
	case 'h':
		usage(stdout);
		exit(0);
	case 'V':
		printf("kut-run (kut) %s\n", KUT_VERSION);
		exit(0);
	case ':':
		bad_usage(argv[optind - 1], "this option needs a value");
	case '?':
		bad_usage(option_text(c, argv), "unknown option");
	default:
		opt->suite_only = option_text(c, argv);
		suite_option(opt, c, optarg);
	}
}

/* Options up to the first argument that is not one. */
static void get_options(struct options *opt, int argc, char **argv)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, SHORT_OPTIONS, long_options,
				NULL)) != -1)
		one_option(opt, c, argv);
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t len = strlen(s), n = strlen(suffix);

	return len >= n && !strcmp(s + len - n, suffix);
}

/* Named like an image: .flat, .elf, ... (a directory may be, too). */
static bool has_image_suffix(const char *arg)
{
	static const char *const ext[] = {
		".flat", ".elf", ".bin", ".img", ".efi", "Image", NULL,
	};
	const char *const *e;

	for (e = ext; *e; e++)
		if (has_suffix(arg, *e))
			return true;
	return false;
}

static bool looks_like_image(const char *arg)
{
	return strchr(arg, '/') || has_image_suffix(arg);
}

/*
 * A directory or a .cfg file: SUITE, not a test name.  A directory named
 * like an image (x.flat) is a suite only if it holds a unittests.cfg;
 * otherwise it is a wrong IMAGE, and reported as one.
 */
static bool names_suite(const char *arg)
{
	struct stat st;
	char *cfg;
	bool r;

	if (has_suffix(arg, ".cfg"))
		return true;
	if (stat(arg, &st) < 0 || !S_ISDIR(st.st_mode))
		return false;
	if (!has_image_suffix(arg))
		return true;
	cfg = xasprintf("%s/unittests.cfg", arg);
	r = exists(cfg);
	free(cfg);
	return r;
}

/*
 * Suite mode unless the first argument is an image: an existing file that
 * is not a .cfg, or something named like an image (so a missing one is
 * reported as such, not as an unknown test name).
 */
static bool is_suite_mode(const struct options *opt, const char *first)
{
	if (opt->suite.suite || !first || names_suite(first))
		return true;
	return !exists(first) && !looks_like_image(first);
}

/* Suite mode: options may come after SUITE and between the names. */
static void suite_args(struct options *opt, int argc, char **argv)
{
	while (optind < argc) {
		if (!strcmp(argv[optind], "--")) {
			for (optind++; optind < argc; optind++)
				strvec_push(&opt->names, argv[optind]);
			break;
		}
		if (argv[optind][0] == '-' && argv[optind][1])
			get_options(opt, argc, argv);
		else
			strvec_push(&opt->names, argv[optind++]);
	}
}

/* --gdb debugs one image, interactively. */
static void gdb_check_usage(const struct options *opt, const char *first)
{
	if (is_suite_mode(opt, first))
		bad_usage("--gdb", "debugs one IMAGE, not a suite");
	if (opt->dry_run)
		bad_usage("--gdb", "cannot go with --dry-run: the gdb stub's "
			  "socket lives only while kut-run runs");
}

static void parse_args(int argc, char **argv, struct options *opt)
{
	const char *first;

	/* '+': stop at IMAGE, the rest belongs to QEMU. */
	get_options(opt, argc, argv);
	first = optind < argc ? argv[optind] : NULL;
	if (opt->gdb)
		gdb_check_usage(opt, first);
	if (!is_suite_mode(opt, first)) {
		if (opt->suite_only)
			die(KUT_EXIT_ERROR, "%s: a suite-mode option, but %s is "
			    "an image, not a suite (see kut-run --help)",
			    opt->suite_only, first);
		opt->image = first;
		opt->qemu_args = argv + optind + 1;
		return;
	}
	if (first && !opt->suite.suite && names_suite(first)) {
		opt->suite.suite = first;
		optind++;
	}
	suite_args(opt, argc, argv);
}

/* A variable that is set and not empty, else NULL. */
static const char *env_value(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

static long long timeout_ms(struct options *opt)
{
	long long ms;

	if (!opt->timeout) {
		opt->timeout = env_value("TIMEOUT");
		opt->timeout_from = "TIMEOUT";
	}
	if (!opt->timeout)
		opt->timeout = DEFAULT_TIMEOUT;
	if (parse_duration(opt->timeout, &ms) < 0)
		die(KUT_EXIT_ERROR,
		    "%s=%s: not a duration (like 90, 90s, 2m, 1.5h, 1d; "
		    "0 for none)", opt->timeout_from, opt->timeout);
	return ms;
}

/*
 * The arch a raw image without a header is for: --arch, else what its
 * directory says (an upstream build tree's config.mak), or NULL.
 */
static char *arch_hint(const struct options *opt, const char *image)
{
	const char *slash = strrchr(image, '/');
	char *dir, *arch;

	if (opt->suite.arch)
		return xstrdup(opt->suite.arch);
	dir = slash ? xasprintf("%.*s", (int)(slash - image + 1), image) :
		      xstrdup(".");
	arch = suite_dir_arch(dir);
	free(dir);
	return arch;
}

/*
 * The arch row, what the image is (@info), and the file QEMU boots
 * (*@boot: @image or its raw image).
 */
static const struct arch_info *arch_of_image(const struct options *opt,
					     const char *image,
					     struct image_info *info,
					     const char **boot)
{
	const struct arch_info *arch;
	char err[256], *hint = arch_hint(opt, image);

	if (image_detect_as(image, hint, info, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "%s: %s", image, err);
	free(hint);
	arch = arch_for_image(info, err, sizeof(err));
	if (!arch)
		die(KUT_EXIT_ERROR, "%s: %s", image, err);
	*boot = image;
	if (arch_boots_flattened(arch, info)) {
		*boot = image_flatten(image, err, sizeof(err));
		if (!*boot)
			die(KUT_EXIT_ERROR, "%s: %s", image, err);
	}
	return arch;
}

static char *find_qemu(const char *image, const struct arch_info *arch)
{
	char err[512];
	char *path = qemu_find(arch, err, sizeof(err));

	if (!path)
		die(KUT_EXIT_ERROR, "%s: %s image: %s", image, arch->name, err);
	return path;
}

static const char *pick_accel(const struct options *opt,
			      const struct arch_info *arch,
			      struct qemu_caps *caps)
{
	const char *requested = opt->accel ? opt->accel : env_value("ACCEL");
	const char *accel = NULL;
	struct utsname host;
	char err[256];
	int status;

	/*
	 * Breakpoints under KVM need the host's guest-debug support, which
	 * nested hosts (PVM) lack: TCG's are exact everywhere.
	 */
	if (!requested && opt->gdb)
		requested = "tcg";
	if (uname(&host) < 0)
		die(KUT_EXIT_ERROR, "uname failed");
	status = qemu_pick_accel(arch, requested, host.machine, caps, &accel,
				 err, sizeof(err));
	if (status)
		die(status, "%s: %s", opt->image, err);
	return accel;
}

/* Guest output goes to stdout with backtraces symbolized; QEMU's to stderr. */
struct output {
	const char *image;
	struct symtab *symbols;
	bool symbols_tried;
	bool at_bol;
};

static void load_symbols(struct output *out)
{
	char *elf = symbolize_elf_for(out->image);
	char err[256];

	out->symbols_tried = true;
	out->symbols = symtab_load(elf, err, sizeof(err));
	if (!out->symbols)
		warn("%s: backtrace not symbolized: %s", elf, err);
	free(elf);
}

static void print_output(void *ctx, enum launch_stream stream,
			 const char *text, size_t len)
{
	struct output *out = ctx;
	char *annotated = NULL;

	if (stream == LAUNCH_STDERR) {
		fwrite(text, 1, len, stderr);
		return;
	}
	/* Only whole lines: a piece of one could hold half an address. */
	if (out->at_bol && text[len - 1] == '\n' &&
	    !strncmp(text, KUT_BACKTRACE_PREFIX, strlen(KUT_BACKTRACE_PREFIX))) {
		if (!out->symbols_tried)
			load_symbols(out);
		if (out->symbols)
			annotated = symbolize_line(out->symbols, text, len);
	}
	if (annotated)
		fputs(annotated, stdout);
	else
		fwrite(text, 1, len, stdout);
	free(annotated);
	fflush(stdout);
	out->at_bol = text[len - 1] == '\n';
}

static int run(const struct options *opt, const struct arch_info *arch,
	       char *const *argv, long long ms, bool foreign)
{
	struct output out = { .image = opt->image, .at_bol = true };
	struct launch_request req = {
		.argv = argv,
		.timeout_ms = ms,
		.decode = arch->decode,
		.output = print_output,
		.ctx = &out,
		.foreign = foreign,
	};
	struct launch_result res;
	const char *mig = env_value("MIGRATION");

	/* MIGRATION=yes: a migration test, as upstream's standalone runs. */
	if (mig && !strcmp(mig, "yes"))
		migration_run(&req, &res);
	else
		launch_run(&req, &res);
	symtab_free(out.symbols);
	if (res.kind != LAUNCH_PASSED)
		warn("%s: %s", opt->image, res.reason);
	return res.exit_code;
}

/*
 * The guest's environment file: the user's variables, then upstream's
 * generated ones (guestenv.h).  --dry-run writes it only when the user
 * gave variables, so that printing a command leaves no file behind.
 */
static char *guest_envfile(const struct options *opt,
			   const struct qemu_config *cfg)
{
	struct guestenv_facts f = { .accel = cfg->accel, .host_env = environ };
	const char *slash = strrchr(opt->image, '/');
	char err[512], *dir, *errata, *version = NULL, *path;
	struct utsname host;

	if (opt->dry_run && !opt->env.n)
		return NULL;
	if (uname(&host) == 0)
		f.kernel_release = host.release;
	dir = slash ? xasprintf("%.*s", (int)(slash - opt->image + 1),
				opt->image) : xstrdup(".");
	errata = guestenv_errata_file(dir);
	version = guestenv_qemu_version(cfg->qemu);
	f.errata = errata;
	f.qemu_version = version;
	path = guestenv_write(opt->env.v, opt->env.n, &f, err, sizeof(err));
	if (!path)
		die(KUT_EXIT_ERROR, "%s: %s", opt->image, err);
	free(dir);
	free(errata);
	free(version);
	return path;
}

static char *const *vec_or_null(struct strvec *sv)
{
	return sv->n ? sv->v : NULL;
}

/* Check what suite mode takes from options and the environment. */
static void suite_settings(struct options *opt)
{
	struct suite_options *so = &opt->suite;
	const char *accel = opt->accel;

	so->accel_from = "--accel";
	if (!accel) {
		accel = env_value("ACCEL");
		so->accel_from = "ACCEL";
	}
	if (accel && strcmp(accel, "kvm") && strcmp(accel, "tcg"))
		die(KUT_EXIT_ERROR, "%s=%s: must be kvm or tcg",
		    so->accel_from, accel);
	so->accel = accel;
	if (opt->timeout)
		timeout_ms(opt);	/* dies if it is not a duration */
	else if (env_value("TIMEOUT"))
		timeout_ms(opt);
	so->timeout = opt->timeout_from && !strcmp(opt->timeout_from,
						   "--timeout") ?
		      opt->timeout : NULL;
	so->dry_run = opt->dry_run;
	so->env = vec_or_null(&opt->env);
	so->expect = vec_or_null(&opt->expect);
	so->sel.names = vec_or_null(&opt->names);
	so->sel.groups = vec_or_null(&opt->groups);
}

static int run_suite(struct options *opt)
{
	struct suite_options *so = &opt->suite;
	char err[512];

	suite_settings(opt);
	if (!so->suite) {
		so->suite = suite_default(err, sizeof(err));
		if (!so->suite)
			die(KUT_EXIT_ERROR, "%s", err);
	}
	return suite_main(so);
}

/*
 * Output that could not be written is a failure (kut-run -t >/dev/full
 * must not exit 0): checked once, as kut-run exits.
 */
static void check_stdout(void)
{
	bool failed = ferror(stdout) != 0;

	errno = 0;
	if (fclose(stdout) != 0 || failed) {
		fprintf(stderr, PROGNAME ": cannot write to standard output%s%s\n",
			errno ? ": " : "", errno ? strerror(errno) : "");
		_exit(KUT_EXIT_ERROR);
	}
}

int main(int argc, char **argv)
{
	struct options opt = { .env = STRVEC_INIT, .suite.color = -1 };
	struct strvec qemu_argv = STRVEC_INIT;
	struct qemu_config cfg = { 0 };
	struct image_info info;
	struct qemu_caps caps;
	char *firmware;
	char err[256];
	long long ms;
	int status;

	launch_init();
	atexit(check_stdout);
	parse_args(argc, argv, &opt);
	add_env_file(&opt);
	if (!opt.image)
		return run_suite(&opt);
	/* A debugging session lasts as long as the user wants. */
	ms = opt.gdb && !opt.timeout && !env_value("TIMEOUT") ? 0 :
	     timeout_ms(&opt);
	cfg.arch = arch_of_image(&opt, opt.image, &info, &cfg.image);
	cfg.qemu = find_qemu(opt.image, cfg.arch);
	cfg.machine = env_value("MACHINE");
	cfg.user_args = opt.qemu_args;
	qemu_caps_init(&caps, cfg.qemu);
	cfg.accel = pick_accel(&opt, cfg.arch, &caps);
	firmware = qemu_arch_firmware(cfg.arch, cfg.qemu, err, sizeof(err));
	if (!firmware && *err)
		die(KUT_EXIT_ERROR, "%s: %s", opt.image, err);
	cfg.firmware = qemu_image_firmware(cfg.arch, &info, firmware);
	cfg.initrd = guest_envfile(&opt, &cfg);
	qemu_build_argv(&cfg, &qemu_argv);
	if (opt.gdb)
		gdb_prepare(opt.image, cfg.arch, &qemu_argv);
	if (opt.dry_run) {
		/* The printed command names the env file and ROM: keep them. */
		if (cfg.initrd)
			tempfile_forget(cfg.initrd);
		if (cfg.image != opt.image)
			tempfile_forget(cfg.image);
		if (cfg.arch->rom && cfg.firmware)
			tempfile_forget(cfg.firmware);
		printf("%s\n", shell_join(qemu_argv.v));
		launch_check_signals();
		return 0;
	}
	status = run(&opt, cfg.arch, qemu_argv.v, ms, !info.kut_note);
	tempfile_remove_all();
	launch_check_signals();
	return status;
}
