// SPDX-License-Identifier: MIT
/*
 * suite_plan.c - from one unittests.cfg section to a QEMU command, or to a
 * verdict reached without starting QEMU.
 *
 * The order of the checks is upstream's where it has one (the arch before
 * the image, so an i386-only test whose image an x86_64 build never made
 * is a SKIP, not an error), and every SKIP says why.  What the QEMU binary
 * supports is asked once per binary, and only when a test names a machine,
 * device or accelerator that kut-run's own table does not vouch for.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kut_abi.h"
#include "guestenv.h"
#include "image.h"
#include "microvm.h"
#include "shdate.h"
#include "shsplit.h"
#include "suite.h"

extern char **environ;

void job_decide(struct job *j, enum verdict v, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	j->decided = true;
	j->res.verdict = v;
	free(j->res.detail);
	j->res.detail = xstrdup(buf);
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

/*
 * The QEMU for @arch's images, per binary: an image kut did not build
 * (@foreign) gets the one upstream's runner would use, where the arch
 * names one (i386's qemu-system-i386).
 */
static struct arch_qemu *qemu_for(struct suite_env *env,
				  const struct arch_info *arch, bool foreign,
				  char *err, size_t errsize)
{
	bool upstream = foreign && arch->upstream_qemu;
	struct arch_qemu *aq;
	char *path;
	size_t i;

	for (i = 0; i < env->nqemus; i++)
		if (env->qemus[i].arch == arch &&
		    env->qemus[i].upstream == upstream)
			return &env->qemus[i];
	path = qemu_find_named(arch, upstream ? arch->upstream_qemu : NULL,
			       err, errsize);
	if (!path)
		return NULL;
	env->qemus = xrealloc(env->qemus,
			      (env->nqemus + 1) * sizeof(*env->qemus));
	aq = &env->qemus[env->nqemus++];
	memset(aq, 0, sizeof(*aq));
	aq->arch = arch;
	aq->upstream = upstream;
	aq->qemu = path;
	aq->firmware = qemu_arch_firmware(arch, path, err, errsize);
	if (!aq->firmware && *err) {
		env->nqemus--;
		free(path);
		return NULL;
	}
	qemu_caps_init(&aq->caps, path);
	return aq;
}

/*
 * disabled_if, evaluated for the one form upstream writes; anything else
 * would need a shell, so the test runs and the user hears about it.
 */
static bool disabled(struct suite_env *env, const struct cfg_test *t)
{
	const char *expr = t->val[CFG_DISABLED_IF];
	int r;

	if (!expr || !*expr)
		return false;
	r = cfg_eval_disabled_if(expr, "qemu");
	if (r < 0)
		warn("%s:%u: [%s]: disabled_if '%s': only [[ \"$TARGET\" != "
		     "qemu ]] and the like are understood without a shell; "
		     "the test runs", env->cfg->path,
		     t->val_line[CFG_DISABLED_IF], t->name, expr);
	return r > 0;
}

/*
 * The guests' environment for tests run by @aq with @accel: the user's
 * variables and upstream's generated ones, one file per accelerator.
 * --dry-run writes it only when the user gave variables, so that
 * printing commands leaves no files behind.  NULL when there is none.
 */
static char *guest_envfile(struct suite_env *env, struct arch_qemu *aq,
			   const char *accel)
{
	int k = !strcmp(accel, "kvm");
	struct guestenv_facts f = {
		.accel = accel,
		.kernel_release = env->kernel_release,
		.errata = env->errata,
		.host_env = environ,
	};
	char err[512];

	if (aq->envfile[k] || (env->opt->dry_run && !env->nenv))
		return aq->envfile[k];
	if (!aq->version_tried)
		aq->version = guestenv_qemu_version(aq->qemu);
	aq->version_tried = true;
	f.qemu_version = aq->version;
	aq->envfile[k] = guestenv_write(env->opt->env, env->nenv, &f, err,
					sizeof(err));
	if (!aq->envfile[k])
		die(KUT_EXIT_ERROR, "%s", err);
	return aq->envfile[k];
}

/*
 * The accelerator a cfg names, without the options upstream's cfgs may
 * give after it ("tcg,thread=single"): a copy in @buf.
 */
static const char *accel_name(const char *accel, char *buf, size_t size)
{
	if (!accel)
		return NULL;
	snprintf(buf, size, "%.*s", (int)strcspn(accel, ","), accel);
	return buf;
}

/* The checks that need neither the image nor QEMU. */
static bool decided_by_cfg(struct suite_env *env, struct job *j)
{
	const struct cfg_test *t = j->t;
	const struct expect_entry *e = expect_find(env->expect, t->name);
	const char *arch = nonempty(t->val[CFG_ARCH]);
	const char *machine = nonempty(t->val[CFG_MACHINE]);
	const char *env_machine = nonempty(getenv("MACHINE"));
	char name[64];
	const char *accel = accel_name(nonempty(t->val[CFG_ACCEL]), name,
				       sizeof(name));
	char why[512];

	if (e && e->kind == EXPECT_SKIP) {
		job_decide(j, VERDICT_SKIP, "%s", e->reason);
		j->res.known = xstrdup(e->reason);
	} else if (t->error) {
		job_decide(j, VERDICT_ERROR, "%s", t->error);
	} else if (disabled(env, t)) {
		job_decide(j, VERDICT_SKIP, "disabled_if %s",
			   t->val[CFG_DISABLED_IF]);
	} else if (arch && env->arch && strcmp(arch, env->arch)) {
		job_decide(j, VERDICT_SKIP, "%s only", arch);
	} else if (machine && env_machine && strcmp(machine, env_machine)) {
		job_decide(j, VERDICT_SKIP, "%s only, but MACHINE=%s", machine,
			   env_machine);
	} else if (accel && env->opt->accel &&
		   strcmp(accel, env->opt->accel)) {
		job_decide(j, VERDICT_SKIP, "%s only, but %s=%s", accel,
			   env->opt->accel_from, env->opt->accel);
	} else if (t->val[CFG_CHECK] &&
		   !cfg_check_holds(t->val[CFG_CHECK], why, sizeof(why))) {
		job_decide(j, VERDICT_SKIP, "check: %s", why);
	}
	return j->decided;
}

char *plan_image_path(const struct cfg *cfg, const char *file)
{
	if (file[0] == '/')
		return xstrdup(file);
	return xasprintf("%s/%s", cfg->dir, file);
}

/*
 * j->boot: the raw image of j->image, made once per image for the run;
 * false with the job decided when it cannot be made.
 */
static bool flat_of(struct suite_env *env, struct job *j)
{
	char err[256], *flat;
	size_t i;

	for (i = 0; i < env->flats.n; i += 2) {
		if (!strcmp(env->flats.v[i], j->image)) {
			j->boot = env->flats.v[i + 1];
			return true;
		}
	}
	flat = image_flatten(j->image, err, sizeof(err));
	if (!flat) {
		job_decide(j, VERDICT_ERROR, "%s: %s", j->image, err);
		return false;
	}
	strvec_push(&env->flats, j->image);
	strvec_push(&env->flats, flat);
	free(flat);
	j->boot = env->flats.v[env->flats.n - 1];
	return true;
}

/* The arch row for the test's image, or NULL with the job decided. */
static const struct arch_info *arch_of(struct suite_env *env, struct job *j,
				       struct image_info *img)
{
	const char *want = nonempty(j->t->val[CFG_ARCH]);
	const struct arch_info *arch;
	struct image_info info;
	char err[256];

	j->image = plan_image_path(env->cfg, j->t->val[CFG_FILE]);
	if (image_detect_as(j->image, env->arch, &info, err,
			    sizeof(err)) < 0) {
		job_decide(j, VERDICT_ERROR, "%s: %s", j->image, err);
		return NULL;
	}
	if (want && !env->arch && strcmp(want, info.arch)) {
		job_decide(j, VERDICT_SKIP, "%s only", want);
		return NULL;
	}
	arch = arch_for_image(&info, err, sizeof(err));
	if (!arch)
		job_decide(j, VERDICT_ERROR, "%s: %s", j->image, err);
	else if (arch_boots_flattened(arch, &info) && !flat_of(env, j))
		return NULL;
	*img = info;
	return arch;
}

/* The accelerator this test runs with, or NULL with the job decided. */
static const char *accel_of(struct suite_env *env, struct job *j,
			    struct arch_qemu *aq)
{
	char name[64];
	const char *requested = env->opt->accel ? env->opt->accel :
		accel_name(nonempty(j->t->val[CFG_ACCEL]), name, sizeof(name));
	const char *accel = NULL;
	char err[256];
	int status;

	status = qemu_pick_accel(aq->arch, requested, env->host_machine,
				 &aq->caps, &accel, err, sizeof(err));
	if (status == KUT_EXIT_SKIP)
		job_decide(j, VERDICT_SKIP, "%s", err);
	else if (status)
		job_decide(j, VERDICT_ERROR, "%s", err);
	return accel;
}

static bool is_opt(const char *arg, const char *name)
{
	if (arg[0] == '-' && arg[1] == '-')
		arg++;
	return !strcmp(arg, name);
}

/* "q35" of "q35,kernel-irqchip=split"; NULL for "accel=kvm,..." or help. */
static char *object_name(const char *value, const char *key)
{
	size_t n = strcspn(value, ",");
	size_t klen = strlen(key);

	if (!strncmp(value, key, klen) && value[klen] == '=') {
		value += klen + 1;
		n = strcspn(value, ",");
	}
	if (!n || memchr(value, '=', n) || !strncmp(value, "help", n) ||
	    value[0] == '?')
		return NULL;
	return xasprintf("%.*s", (int)n, value);
}

/* Does QEMU lack what @name names in @list?  Probes once, when asked. */
static bool lacks(struct arch_qemu *aq, const struct strvec *list,
		  const char *name)
{
	char err[256];

	if (!aq->caps.probed && !aq->probe_failed &&
	    qemu_probe(&aq->caps, err, sizeof(err)) < 0) {
		warn("%s (what QEMU supports is not checked)", err);
		aq->probe_failed = true;
	}
	return aq->caps.probed && !qemu_caps_has(list, name);
}

/* SKIP when the command names a machine, device or accel QEMU lacks. */
static bool decided_by_caps(struct job *j, struct arch_qemu *aq,
			    const char *machine, char *const *args)
{
	static const struct {
		const char *opt, *key, *what;
	} named[] = {
		{ "-machine", "type", "machine" }, { "-M", "type", "machine" },
		{ "-device", "driver", "device" }, { "-accel", "accel", "accelerator" },
	};
	struct qemu_caps *c = &aq->caps;
	char *name;
	size_t i, k;

	if (machine && lacks(aq, &c->machines, machine)) {
		job_decide(j, VERDICT_SKIP, "QEMU has no machine '%s'", machine);
		return true;
	}
	for (i = 0; args[i] && args[i + 1] && !j->decided; i++) {
		for (k = 0; k < sizeof(named) / sizeof(named[0]); k++) {
			if (!is_opt(args[i], named[k].opt))
				continue;
			name = object_name(args[i + 1], named[k].key);
			if (name && lacks(aq, k < 2 ? &c->machines : k == 2 ?
					  &c->devices : &c->accels, name))
				job_decide(j, VERDICT_SKIP, "QEMU has no %s '%s'",
					   named[k].what, name);
			free(name);
		}
	}
	return j->decided;
}

/* Words joined by single spaces: the guest's command line. */
static char *join_words(const struct strvec *w)
{
	size_t len = 1, i;
	char *s;

	for (i = 0; i < w->n; i++)
		len += strlen(w->v[i]) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 0; i < w->n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, w->v[i]);
	}
	return s;
}

/*
 * Where -smp's options start in an smp value ("8,threads=4": at the
 * comma), or NULL: the first comma outside parentheses.
 */
static const char *smp_options(const char *v)
{
	int depth = 0;

	for (; *v; v++) {
		if (*v == '(')
			depth++;
		else if (*v == ')')
			depth--;
		else if (*v == ',' && depth <= 0)
			return v;
	}
	return NULL;
}

/*
 * The value of key @k with its date substitutions done (shdate.h), as
 * of now: malloc'd.  The parser reported a date it cannot read, which
 * then stays text.
 */
static char *dated_value(struct job *j, enum cfg_key k)
{
	const char *v = j->t->val[k];
	char err[256], *out;
	bool now;

	if (sh_expand_dates(v, time(NULL), &out, &now, err, sizeof(err)) < 0 ||
	    !out)
		return xstrdup(v);
	j->dated |= now;
	return out;
}

/* -smp, test_args as -append, then the cfg's QEMU parameters. */
static bool user_args(struct suite_env *env, struct job *j,
		      struct strvec *args)
{
	const struct cfg_test *t = j->t;
	struct strvec words = STRVEC_INIT;
	char err[256], *joined, *p, *expr = NULL;
	const char *topo = NULL;
	long smp = 1;
	int rc = 0;

	/* Upstream's "smp = 8,threads=4": the count, then -smp's options. */
	if (t->val[CFG_SMP]) {
		topo = smp_options(t->val[CFG_SMP]);
		expr = topo ? xasprintf("%.*s", (int)(topo - t->val[CFG_SMP]),
				       t->val[CFG_SMP]) :
			      xstrdup(t->val[CFG_SMP]);
		rc = cfg_eval_smp(expr, env->max_smp, &smp, err, sizeof(err));
		free(expr);
	}
	if (rc < 0) {
		job_decide(j, VERDICT_ERROR, "%s:%u: smp: %s", env->cfg->path,
			   t->val_line[CFG_SMP], err);
		return false;
	}
	p = topo ? xasprintf("%ld%s", smp, topo) : xasprintf("%ld", smp);
	strvec_push(args, "-smp");
	strvec_push(args, p);
	free(p);
	/* Checked by the parser, so these splits succeed. */
	if (t->val[CFG_TEST_ARGS]) {
		p = dated_value(j, CFG_TEST_ARGS);
		sh_split(p, &words, err, sizeof(err));
		free(p);
		if (words.n) {
			joined = join_words(&words);
			strvec_push(args, "-append");
			strvec_push(args, joined);
			free(joined);
		}
		strvec_free(&words);
	}
	if (t->val[CFG_PARAMS]) {
		p = dated_value(j, CFG_PARAMS);
		sh_split(p, args, err, sizeof(err));
		free(p);
	}
	return true;
}

/*
 * Whether upstream's x86 image of @j boots on microvm instead of pc: under
 * TCG (where it was measured to give the same verdicts), when neither the
 * cfg nor MACHINE picks a machine, its QEMU parameters add no device,
 * machine option, global, firmware or ACPI table, it is not a migration
 * or panic test, and the image itself fits (microvm.c).
 */
static bool on_microvm(const struct arch_info *arch,
		       const struct image_info *info, const struct job *j,
		       const char *accel, char *const *args)
{
	static const char *const pc_options[] = {
		"-machine", "-M", "-device", "-global", "-bios", "-numa",
		"-acpitable", "-smbios", "-incoming", NULL,
	};
	const char *const *m, *const *o;
	char why[256];
	bool x86 = false;

	for (m = arch->no_pci_machines; m && *m; m++)
		x86 |= !strcmp(*m, "microvm");
	if (!x86 || info->kut_note || !accel || strcmp(accel, "tcg") ||
	    cfg_in_group(j->t, "migration") || cfg_in_group(j->t, "panic"))
		return false;
	for (; *args; args++)
		for (o = pc_options; *o; o++)
			if (is_opt(*args, *o))
				return false;
	return microvm_fits_image(j->image, why, sizeof(why));
}

long long plan_timeout_ms(const struct suite_env *env,
			  const struct cfg_test *t)
{
	const char *s = env->opt->timeout;
	long long ms;

	/* As upstream's runner: TIMEOUT wins over the cfg's timeout key. */
	if (!s)
		s = nonempty(getenv("TIMEOUT"));
	if (!s)
		s = t->val[CFG_TIMEOUT];
	if (!s || parse_duration(s, &ms) < 0)
		parse_duration(SUITE_DEFAULT_TIMEOUT, &ms);
	return ms;
}

int plan_job(struct suite_env *env, struct job *j, char *err, size_t errsize)
{
	const char *machine = nonempty(getenv("MACHINE"));
	struct qemu_config qc = { 0 };
	struct strvec args = STRVEC_INIT;
	const struct arch_info *arch;
	struct image_info info;
	struct arch_qemu *aq;

	if (decided_by_cfg(env, j) || !(arch = arch_of(env, j, &info)))
		return 0;
	aq = qemu_for(env, arch, !info.kut_note, err, errsize);
	if (!aq)
		return -1;
	if (!machine)
		machine = nonempty(j->t->val[CFG_MACHINE]);
	qc.accel = accel_of(env, j, aq);
	/* Upstream's "accel = tcg,thread=single": the options follow it. */
	if (qc.accel && nonempty(j->t->val[CFG_ACCEL]) &&
	    strchr(j->t->val[CFG_ACCEL], ',') &&
	    !strncmp(j->t->val[CFG_ACCEL], qc.accel, strlen(qc.accel)))
		qc.accel_opts = strchr(j->t->val[CFG_ACCEL], ',') + 1;
	if (j->decided || !user_args(env, j, &args) ||
	    decided_by_caps(j, aq, nonempty(j->t->val[CFG_MACHINE]) ?
			    machine : NULL, args.v)) {
		strvec_free(&args);
		return 0;
	}
	qc.arch = arch;
	qc.qemu = aq->qemu;
	qc.machine = machine;
	if (!machine && on_microvm(arch, &info, j, qc.accel, args.v))
		qc.machine = "microvm";
	qc.firmware = qemu_image_firmware(arch, &info, aq->firmware);
	qc.image = j->boot ? j->boot : j->image;
	qc.initrd = guest_envfile(env, aq, qc.accel);
	qc.user_args = args.v;
	qemu_build_argv(&qc, &j->argv);
	strvec_free(&args);
	j->decode = arch->decode;
	j->foreign = !info.kut_note;
	j->timeout_ms = plan_timeout_ms(env, j->t);
	j->elf = symbolize_elf_for(j->image);
	return 0;
}

int plan_again(struct suite_env *env, struct job *j)
{
	char err[512];

	strvec_free(&j->argv);
	free(j->image);
	free(j->elf);
	j->image = j->elf = NULL;
	j->boot = NULL;
	j->dated = false;
	if (plan_job(env, j, err, sizeof(err)) < 0)
		job_decide(j, VERDICT_ERROR, "%s", err);
	return j->decided ? -1 : 0;
}

char *job_command(const struct job *j)
{
	return shell_join(j->argv.v);
}
