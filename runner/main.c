// SPDX-License-Identifier: MIT
/*
 * main.c - kut-run's command line, single-test mode: boot one image under
 * QEMU and exit with its result.
 *
 * This file only reads options and environment variables and strings the
 * modules together (image -> arch row -> QEMU, accelerator, firmware ->
 * argv -> launch); everything it calls is shared with suite mode.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "kut_abi.h"
#include "archtab.h"
#include "envfile.h"
#include "image.h"
#include "launch.h"
#include "qemu.h"
#include "symbolize.h"
#include "util.h"

#define DEFAULT_TIMEOUT	"90s"

struct options {
	struct strvec env;		/* -e KEY=VALUE */
	const char *accel;		/* --accel, else $ACCEL */
	const char *timeout;		/* --timeout, else $TIMEOUT */
	const char *timeout_from;	/* where it came from, for errors */
	bool dry_run;
	const char *image;
	char *const *qemu_args;		/* everything after IMAGE */
};

static void usage(FILE *out)
{
	size_t i;

	fprintf(out,
"Usage: kut-run [OPTIONS] IMAGE [QEMU-ARGS...]\n"
"Boot a kut (or kvm-unit-tests) test image under QEMU and exit with its\n"
"result.  The image's architecture is read from the file itself.\n"
"QEMU-ARGS go to QEMU after kut-run's own arguments, so they override\n"
"them: -smp 4, -append 'test args', -machine q35, -bios FILE, ...\n"
"\n"
"Options (before IMAGE):\n"
"  -e KEY=VALUE       set a variable in the guest's environment (repeatable)\n"
"      --accel=ACCEL  kvm or tcg (default: kvm when this host can run the\n"
"                     image's arch under KVM, tcg otherwise)\n"
"      --timeout=DUR  kill QEMU after DUR: 90, 90s, 2m, 1.5h, 1d; 0 = never\n"
"                     (default " DEFAULT_TIMEOUT ")\n"
"      --dry-run      print the QEMU command (shell-quoted) instead of\n"
"                     running it\n"
"  -h, --help         show this help\n"
"  -V, --version      show the version\n"
"      --             end of options\n"
"\n"
"Environment (the command-line options win over these):\n"
"  QEMU      the QEMU binary, a name looked up in PATH or a path\n"
"  ACCEL     like --accel\n"
"  TIMEOUT   like --timeout\n"
"  MACHINE   the QEMU machine type, instead of the arch's default\n"
"  TMPDIR    where the guest's environment file is written\n"
"\n"
"Exit status:\n"
"  0    the test passed\n"
"  1    the test failed, or the guest crashed\n"
"  2    kut-run or QEMU could not run the test (bad image, missing QEMU,\n"
"       bad arguments)\n"
"  77   the test skipped itself, or cannot run here\n"
"  124  the test timed out\n"
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

static const struct option long_options[] = {
	{ "accel", required_argument, NULL, 'a' },
	{ "timeout", required_argument, NULL, 't' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void parse_args(int argc, char **argv, struct options *opt)
{
	int c;

	opterr = 0;
	/* '+': stop at IMAGE, the rest belongs to QEMU. */
	while ((c = getopt_long(argc, argv, "+:e:hV", long_options,
				NULL)) != -1) {
		switch (c) {
		case 'e':
			add_env(opt, optarg);
			break;
		case 'a':
			opt->accel = optarg;
			break;
		case 't':
			opt->timeout = optarg;
			opt->timeout_from = "--timeout";
			break;
		case 'n':
			opt->dry_run = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("kut-run (kut) %s\n", KUT_VERSION);
			exit(0);
		case ':':
			bad_usage(argv[optind - 1], "this option needs a value");
		default:
			bad_usage(argv[optind - 1], "unknown option");
		}
	}
	if (optind >= argc)
		die(KUT_EXIT_ERROR, "no IMAGE given (see kut-run --help)");
	opt->image = argv[optind];
	opt->qemu_args = argv + optind + 1;
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

static const struct arch_info *arch_of_image(const char *image)
{
	const struct arch_info *arch;
	struct image_info info;
	char err[256];

	if (image_detect(image, &info, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "%s: %s", image, err);
	arch = arch_for_image(&info, err, sizeof(err));
	if (!arch)
		die(KUT_EXIT_ERROR, "%s: %s", image, err);
	return arch;
}

static char *find_qemu(const struct arch_info *arch)
{
	const char *name = env_value("QEMU");
	char *path;

	path = qemu_resolve(name ? name : arch->qemu);
	if (path)
		return path;
	if (name)
		die(KUT_EXIT_ERROR,
		    "%s: not found or not executable (set by QEMU=)", name);
	die(KUT_EXIT_ERROR,
	    "%s: not found (install %s, or set QEMU=/path/to/qemu)",
	    arch->qemu, arch->qemu_package);
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

static int run(const struct options *opt, char *const *argv, long long ms)
{
	struct output out = { .image = opt->image, .at_bol = true };
	struct launch_request req = {
		.argv = argv,
		.timeout_ms = ms,
		.decode = LAUNCH_DECODE_TESTDEV,
		.output = print_output,
		.ctx = &out,
	};
	struct launch_result res;

	launch_run(&req, &res);
	symtab_free(out.symbols);
	if (res.kind != LAUNCH_PASSED)
		warn("%s: %s", opt->image, res.reason);
	return res.exit_code;
}

int main(int argc, char **argv)
{
	struct options opt = { .env = STRVEC_INIT };
	struct strvec qemu_argv = STRVEC_INIT;
	struct qemu_config cfg = { 0 };
	struct qemu_caps caps;
	char err[256];
	long long ms;
	int status;

	launch_init();
	parse_args(argc, argv, &opt);
	ms = timeout_ms(&opt);
	cfg.image = opt.image;
	cfg.arch = arch_of_image(opt.image);
	cfg.qemu = find_qemu(cfg.arch);
	cfg.machine = env_value("MACHINE");
	cfg.user_args = opt.qemu_args;
	qemu_caps_init(&caps, cfg.qemu);
	cfg.accel = pick_accel(&opt, cfg.arch, &caps);
	if (cfg.arch->firmware)
		cfg.firmware = qemu_find_firmware(cfg.qemu, cfg.arch->firmware);
	if (opt.env.n) {
		cfg.initrd = envfile_write(opt.env.v, opt.env.n, err,
					   sizeof(err));
		if (!cfg.initrd)
			die(KUT_EXIT_ERROR, "%s: %s", opt.image, err);
	}
	qemu_build_argv(&cfg, &qemu_argv);
	if (opt.dry_run) {
		/* The printed command names the env file: keep it. */
		if (cfg.initrd)
			tempfile_forget(cfg.initrd);
		printf("%s\n", shell_join(qemu_argv.v));
		launch_check_signals();
		return 0;
	}
	status = run(&opt, qemu_argv.v, ms);
	tempfile_remove_all();
	launch_check_signals();
	return status;
}
