// SPDX-License-Identifier: MIT
/*
 * qemu.c - find QEMU and its firmware, pick the accelerator, build the
 * command line, and (for suite mode) probe what the binary supports.
 *
 * Everything here that single-test mode uses is a stat(), open() or
 * ioctl(): starting a QEMU costs more than booting a kut test under TCG.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kut_abi.h"
#include "launch.h"
#include "qemu.h"

/* From the kernel's KVM ABI (<linux/kvm.h>), fixed for good. */
#define KVM_GET_API_VERSION	0xae00	/* _IO(KVMIO, 0x00) */
#define KVM_API_VERSION		12

#define PROBE_TIMEOUT_MS	30000

void qemu_caps_init(struct qemu_caps *caps, const char *qemu)
{
	struct strvec empty = STRVEC_INIT;

	memset(caps, 0, sizeof(*caps));
	caps->qemu = xstrdup(qemu);
	caps->kvm = -1;
	caps->kvm_paging32 = -1;
	caps->machines = caps->devices = caps->accels = empty;
}

void qemu_caps_free(struct qemu_caps *caps)
{
	free(caps->qemu);
	caps->qemu = NULL;
	strvec_free(&caps->machines);
	strvec_free(&caps->devices);
	strvec_free(&caps->accels);
	caps->probed = false;
}

bool qemu_kvm_usable(struct qemu_caps *caps)
{
	int fd, version;

	if (caps->kvm >= 0)
		return caps->kvm;
	caps->kvm = 0;
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		snprintf(caps->kvm_problem, sizeof(caps->kvm_problem),
			 "/dev/kvm: %s", strerror(errno));
		return false;
	}
	version = ioctl(fd, KVM_GET_API_VERSION, 0);
	close(fd);
	if (version != KVM_API_VERSION) {
		snprintf(caps->kvm_problem, sizeof(caps->kvm_problem),
			 "/dev/kvm speaks KVM API %d, not %d", version,
			 KVM_API_VERSION);
		return false;
	}
	caps->kvm = 1;
	return true;
}

bool qemu_kvm_runs_paging32(struct qemu_caps *caps)
{
	if (caps->kvm_paging32 < 0)
		caps->kvm_paging32 = access("/sys/module/kvm_pvm", F_OK) != 0;
	return caps->kvm_paging32;
}

static bool is_executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

char *qemu_resolve(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	char *candidate;

	if (!*name)
		return NULL;
	if (strchr(name, '/'))
		return is_executable(name) ? xstrdup(name) : NULL;
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; ; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		/* An empty PATH entry means the current directory. */
		if (end == p)
			candidate = xasprintf("./%s", name);
		else
			candidate = xasprintf("%.*s/%s", (int)(end - p), p, name);
		if (is_executable(candidate))
			return candidate;
		free(candidate);
		if (!*end)
			return NULL;
	}
}

static bool is_readable_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, R_OK) == 0;
}

/*
 * "<prefix>/share/qemu" for a binary in "<prefix>/bin/": the last
 * directory is dropped by name where that is safe ("/usr/bin/qemu" gives
 * "/usr/share/qemu"), else "/.." is added.
 */
static char *data_dir_of(const char *qemu_path)
{
	const char *slash = strrchr(qemu_path, '/'), *up;
	int dirlen;

	if (!slash)
		return xstrdup("../share/qemu");
	dirlen = (int)(slash - qemu_path);
	for (up = slash; up > qemu_path && up[-1] != '/'; up--)
		;
	if (up > qemu_path && slash > up && strncmp(up, "./", 2) &&
	    strncmp(up, "../", 3))
		return xasprintf("%.*s/share/qemu", (int)(up - 1 - qemu_path),
				 qemu_path);
	return xasprintf("%.*s/../share/qemu", dirlen, qemu_path);
}

/*
 * Whether the binary at @path can run @arch's guests: the row's QEMU, or
 * one its qemu_also lists.  Only names of the form qemu-system-<target>
 * say which guests they run; anything else (a wrapper, qemu-kvm) is
 * trusted.
 */
static bool qemu_runs_arch(const char *path, const struct arch_info *arch,
			   const char **target)
{
	static const char prefix[] = "qemu-system-";
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *const *also;

	*target = NULL;
	if (strncmp(base, prefix, sizeof(prefix) - 1))
		return true;
	*target = base + sizeof(prefix) - 1;
	if (!strcmp(base, arch->qemu))
		return true;
	for (also = arch->qemu_also; also && *also; also++)
		if (!strcmp(base, *also))
			return true;
	return false;
}

char *qemu_find(const struct arch_info *arch, char *err, size_t errsize)
{
	return qemu_find_named(arch, NULL, err, errsize);
}

char *qemu_find_named(const struct arch_info *arch, const char *binary,
		      char *err, size_t errsize)
{
	const char *name = getenv("QEMU");
	const char *target;
	char *path;

	if (name && !*name)
		name = NULL;
	if (!binary)
		binary = arch->qemu;
	path = qemu_resolve(name ? name : binary);
	if (!path) {
		if (name)
			snprintf(err, errsize, "%s: not found or not "
				 "executable (set by QEMU=)", name);
		else
			snprintf(err, errsize, "%s: not found (install %s, or "
				 "set QEMU=/path/to/qemu)", binary,
				 arch->qemu_package);
		return NULL;
	}
	if (!qemu_runs_arch(path, arch, &target)) {
		snprintf(err, errsize, "%s: runs %s guests, not %s ones (use "
			 "%s, or unset QEMU)", name ? name : path, target,
			 arch->name, arch->qemu);
		free(path);
		return NULL;
	}
	return path;
}

char *qemu_find_firmware(const char *qemu_path, const char *file)
{
	char *dir = data_dir_of(qemu_path);
	char *path = xasprintf("%s/%s", dir, file);

	free(dir);
	if (is_readable_file(path))
		return path;
	free(path);
	path = xasprintf("/usr/share/qemu/%s", file);
	if (is_readable_file(path))
		return path;
	free(path);
	return NULL;
}

char *qemu_write_rom(const struct arch_rom *rom, char *err, size_t errsize)
{
	return tempfile_write("rom", rom->bytes, rom->len, rom->offset,
			      err, errsize);
}

char *qemu_arch_firmware(const struct arch_info *arch, const char *qemu_path,
			 char *err, size_t errsize)
{
	*err = '\0';
	if (arch->firmware)
		return qemu_find_firmware(qemu_path, arch->firmware);
	if (arch->rom)
		return qemu_write_rom(arch->rom, err, errsize);
	return NULL;
}

const char *qemu_image_firmware(const struct arch_info *arch,
				const struct image_info *info,
				const char *arch_firmware)
{
	if (arch->firmware_kut_only && !info->kut_note)
		return NULL;
	return arch_firmware;
}

int qemu_pick_accel(const struct arch_info *arch, const char *requested,
		    const char *host_machine, struct qemu_caps *caps,
		    const char **accel, char *err, size_t errsize)
{
	bool kvm_host = arch_kvm_host(arch, host_machine);
	bool kvm_paging_ok = !arch->kvm_paging32 || qemu_kvm_runs_paging32(caps);

	if (requested && !strcmp(requested, "tcg")) {
		*accel = "tcg";
		return 0;
	}
	if (requested && strcmp(requested, "kvm")) {
		snprintf(err, errsize, "accelerator \"%s\": must be kvm or tcg",
			 requested);
		return KUT_EXIT_ERROR;
	}
	if (kvm_host && qemu_kvm_usable(caps) && kvm_paging_ok) {
		*accel = "kvm";
		return 0;
	}
	if (!requested) {
		*accel = "tcg";
		return 0;
	}
	if (!kvm_host)
		snprintf(err, errsize,
			 "KVM cannot run %s guests on this %s host", arch->name,
			 host_machine);
	else if (qemu_kvm_usable(caps))
		snprintf(err, errsize,
			 "KVM cannot run %s guests here: it is PVM (kvm_pvm), "
			 "which runs no 32-bit guest with paging", arch->name);
	else
		snprintf(err, errsize, "KVM requested but unusable (%s)",
			 caps->kvm_problem);
	return KUT_EXIT_SKIP;
}

static bool is_option(const char *arg, const char *name)
{
	/* QEMU takes its options with one dash or two. */
	if (arg[0] == '-' && arg[1] == '-')
		arg++;
	return !strcmp(arg, name);
}

static bool user_gives(char *const *args, const char *name)
{
	for (; args && *args; args++)
		if (is_option(*args, name))
			return true;
	return false;
}

static bool user_picks_accel(char *const *args)
{
	for (; args && *args; args++) {
		if (is_option(*args, "-accel") ||
		    is_option(*args, "-enable-kvm"))
			return true;
		if ((is_option(*args, "-machine") || is_option(*args, "-M")) &&
		    args[1] && strstr(args[1], "accel="))
			return true;
	}
	return false;
}

static void push_pair(struct strvec *argv, const char *opt, const char *val)
{
	strvec_push(argv, opt);
	strvec_push(argv, val);
}

/* Whether machine @machine ("type,opt=val,...") is one without PCI. */
static bool machine_lacks_pci(const struct arch_info *arch, const char *machine)
{
	const char *const *m;
	size_t len = strcspn(machine, ",");

	for (m = arch->no_pci_machines; m && *m; m++)
		if (strlen(*m) == len && !strncmp(*m, machine, len))
			return true;
	return false;
}

/* Whether machines @a and @b ("type,opt=val,...") are of one type. */
static bool same_machine_type(const char *a, const char *b)
{
	size_t la = strcspn(a, ","), lb = strcspn(b, ",");

	return la == lb && !strncmp(a, b, la);
}

void qemu_build_argv(const struct qemu_config *cfg, struct strvec *argv)
{
	const struct arch_info *arch = cfg->arch;
	const char *cpu = strcmp(cfg->accel, "kvm") ? arch->cpu_tcg :
						       arch->cpu_kvm;
	char *const *user = cfg->user_args;
	const char *machine = cfg->machine ? cfg->machine : arch->machine;
	const char *opts = strcmp(cfg->accel, "kvm") ? arch->machine_opts_tcg :
							arch->machine_opts_kvm;
	char *full = NULL;

	strvec_push(argv, cfg->qemu);
	/* Only what we ask for: no default NIC, VGA, config file, ... */
	strvec_push(argv, "-nodefaults");
	strvec_push(argv, "-no-user-config");
	/* The row's options fit its own machine type only. */
	if (opts && same_machine_type(machine, arch->machine))
		full = xasprintf("%s,%s", machine, opts);
	push_pair(argv, "-machine", full ? full : machine);
	free(full);
	if (!user_picks_accel(user) && cfg->accel_opts) {
		full = xasprintf("%s,%s", cfg->accel, cfg->accel_opts);
		push_pair(argv, "-accel", full);
		free(full);
	} else if (!user_picks_accel(user)) {
		push_pair(argv, "-accel", cfg->accel);
	}
	if (cpu)
		push_pair(argv, "-cpu", cpu);
	if (cfg->firmware && !user_gives(user, "-bios"))
		push_pair(argv, "-bios", cfg->firmware);
	strvec_push_all(argv, arch->fixed_args);
	strvec_push_all(argv, arch->devices);
	if (arch->pci_devices && !machine_lacks_pci(arch, machine))
		strvec_push_all(argv, arch->pci_devices);
	strvec_push_all(argv, arch->serial);
	push_pair(argv, "-kernel", cfg->image);
	if (cfg->initrd)
		push_pair(argv, "-initrd", cfg->initrd);
	strvec_push_all(argv, (const char *const *)user);
}

bool qemu_caps_has(const struct strvec *list, const char *name)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (!strcmp(list->v[i], name))
			return true;
	return false;
}

/* One name per line of "-machine help", "-device help", "-accel help". */
static void collect_name(void *ctx, enum launch_stream stream,
			 const char *text, size_t len)
{
	struct strvec *list = ctx;
	char line[512], *q, *name;

	if (stream != LAUNCH_STDOUT || len >= sizeof(line) || !len ||
	    text[len - 1] != '\n')
		return;
	memcpy(line, text, len - 1);
	line[len - 1] = '\0';
	q = strstr(line, "name \"");
	if (q) {
		/* -device help: name "pc-testdev", bus ISA, desc "..." */
		name = q + 6;
		name[strcspn(name, "\"")] = '\0';
	} else if (line[0] && line[0] != ' ' && line[len - 2] != ':') {
		/* -machine help, -accel help: the name starts the line. */
		name = line;
		name[strcspn(name, " ")] = '\0';
	} else {
		return;
	}
	if (*name)
		strvec_push(list, name);
}

/*
 * "QEMU -machine help", "-device help" and "-accel help" run at once, not
 * one after another: the first test waits for all three.
 */
int qemu_probe(struct qemu_caps *caps, char *err, size_t errsize)
{
	static const char *const option[] = { "-machine", "-device", "-accel" };
	struct strvec *list[] = { &caps->machines, &caps->devices,
				  &caps->accels };
	char *argv[3][4];
	struct launch_request req[3];
	struct launch_result res[3];
	struct launch *l[3];
	int i, bad = -1;

	if (caps->probed)
		return 0;
	for (i = 0; i < 3; i++) {
		argv[i][0] = caps->qemu;
		argv[i][1] = (char *)option[i];
		argv[i][2] = "help";
		argv[i][3] = NULL;
		req[i] = (struct launch_request){
			.argv = argv[i],
			.timeout_ms = PROBE_TIMEOUT_MS,
			.decode = LAUNCH_DECODE_PLAIN,
			.output = collect_name,
			.ctx = list[i],
		};
		l[i] = launch_start(&req[i], &res[i]);
	}
	for (i = 0; i < 3; i++) {
		while (l[i] && launch_running(l[i]))
			launch_wait();
		if (l[i])
			launch_end(l[i], &res[i]);
		if (res[i].kind != LAUNCH_PASSED && bad < 0)
			bad = i;
	}
	if (bad >= 0) {
		snprintf(err, errsize, "%s %s help: %s", caps->qemu,
			 option[bad], res[bad].reason);
		return -1;
	}
	caps->probed = true;
	return 0;
}
