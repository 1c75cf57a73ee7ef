// SPDX-License-Identifier: MIT
/*
 * test-runner-qemu.c - host tests of how kut-run puts the QEMU command
 * together: the argv for each combination of accelerator, firmware,
 * environment file, MACHINE and user arguments; the accelerator choice;
 * finding the binary and its firmware; and the once-per-run probe (run
 * against a fake QEMU script, so the test needs no QEMU).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kut_abi.h"
#include "harness.h"
#include "archtab.h"
#include "qemu.h"
#include "util.h"

static char *command(const struct qemu_config *cfg)
{
	static char buf[2048];
	struct strvec argv = STRVEC_INIT;
	char *s;

	qemu_build_argv(cfg, &argv);
	s = shell_join(argv.v);
	snprintf(buf, sizeof(buf), "%s", s);
	free(s);
	strvec_free(&argv);
	return buf;
}

static struct qemu_config x86_config(void)
{
	struct qemu_config cfg = {
		.arch = arch_find("x86_64"),
		.qemu = "/usr/bin/qemu-system-x86_64",
		.accel = "tcg",
		.firmware = "/usr/share/qemu/qboot.rom",
		.image = "t.elf",
	};
	return cfg;
}

#define X86_DEVICES "-display none -no-reboot -device pc-testdev " \
	"-device isa-debug-exit,iobase=0xf4,iosize=0x4 -device pci-testdev " \
	"-serial stdio"

TEST(argv_tcg_with_qboot)
{
	struct qemu_config cfg = x86_config();

	CHECK_STR(command(&cfg),
		  "/usr/bin/qemu-system-x86_64 -nodefaults -no-user-config "
		  "-machine pc -accel tcg -bios /usr/share/qemu/qboot.rom "
		  X86_DEVICES " -kernel t.elf");
}

TEST(argv_kvm_without_firmware)
{
	struct qemu_config cfg = x86_config();

	cfg.accel = "kvm";
	cfg.firmware = NULL;
	CHECK_STR(command(&cfg),
		  "/usr/bin/qemu-system-x86_64 -nodefaults -no-user-config "
		  "-machine pc -accel kvm " X86_DEVICES " -kernel t.elf");
}

TEST(argv_env_file_machine_and_user_args_last)
{
	char *user[] = { "-smp", "4", "-append", "a b", "-machine", "q35", NULL };
	struct qemu_config cfg = x86_config();

	cfg.initrd = "/tmp/kut-env.abc";
	cfg.machine = "q35,smm=off";
	cfg.user_args = user;
	CHECK_STR(command(&cfg),
		  "/usr/bin/qemu-system-x86_64 -nodefaults -no-user-config "
		  "-machine q35,smm=off -accel tcg -bios /usr/share/qemu/qboot.rom "
		  X86_DEVICES " -kernel t.elf -initrd /tmp/kut-env.abc "
		  "-smp 4 -append 'a b' -machine q35");
}

TEST(argv_microvm_has_no_pci_devices)
{
	struct qemu_config cfg = x86_config();

	cfg.machine = "microvm,rtc=on";
	CHECK(strstr(command(&cfg), "-machine microvm,rtc=on ") != NULL);
	CHECK(strstr(command(&cfg), "pci-testdev") == NULL);
	CHECK(strstr(command(&cfg), "-device isa-debug-exit") != NULL);
}

TEST(argv_user_bios_replaces_ours)
{
	char *user1[] = { "-bios", "bios.bin", NULL };
	char *user2[] = { "--bios", "bios.bin", NULL };
	struct qemu_config cfg = x86_config();

	cfg.user_args = user1;
	CHECK(strstr(command(&cfg), "qboot") == NULL);
	CHECK(strstr(command(&cfg), " -bios bios.bin") != NULL);
	cfg.user_args = user2;
	CHECK(strstr(command(&cfg), "qboot") == NULL);
}

TEST(argv_user_accel_replaces_ours)
{
	char *user1[] = { "-accel", "tcg,thread=single", NULL };
	char *user2[] = { "-enable-kvm", NULL };
	char *user3[] = { "-M", "pc,accel=tcg", NULL };
	char *user4[] = { "-M", "q35", NULL };
	struct qemu_config cfg = x86_config();

	cfg.accel = "kvm";
	cfg.user_args = user1;
	CHECK(strstr(command(&cfg), "-accel kvm") == NULL);
	cfg.user_args = user2;
	CHECK(strstr(command(&cfg), "-accel kvm") == NULL);
	cfg.user_args = user3;
	CHECK(strstr(command(&cfg), "-accel kvm") == NULL);
	cfg.user_args = user4;
	CHECK(strstr(command(&cfg), "-accel kvm") != NULL);
}

TEST(argv_i386_row_runs_on_x86_64_qemu)
{
	const struct arch_info *arch = arch_find("i386");

	CHECK(arch != NULL);
	if (!arch)
		return;
	CHECK_STR(arch->qemu, "qemu-system-x86_64");
	CHECK(arch_kvm_host(arch, "x86_64"));
	CHECK(!arch_kvm_host(arch, "aarch64"));
	CHECK(!arch_kvm_host(arch, "i686"));
}

/* pseries: the row's machine options per accelerator, its own machine only. */
TEST(argv_pseries_machine_options)
{
	struct qemu_config cfg = {
		.arch = arch_find("ppc64le"),
		.qemu = "qemu-system-ppc64",
		.accel = "tcg",
		.firmware = "/tmp/rom",
		.image = "t.elf",
	};

	CHECK(cfg.arch != NULL);
	if (!cfg.arch)
		return;
	CHECK_STR(command(&cfg),
		  "qemu-system-ppc64 -nodefaults -no-user-config -machine "
		  "pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,"
		  "cap-ccf-assist=off -accel tcg -bios /tmp/rom -display none "
		  "-no-reboot -device pci-testdev -serial stdio -kernel t.elf");
	cfg.accel = "kvm";
	CHECK(strstr(command(&cfg), "-machine pseries,cap-ccf-assist=off -accel kvm") != NULL);
	cfg.machine = "pseries,x-vof=on";
	CHECK(strstr(command(&cfg), "-machine pseries,x-vof=on,cap-ccf-assist=off ") != NULL);
	cfg.machine = "powernv9";
	CHECK(strstr(command(&cfg), "-machine powernv9 -accel kvm") != NULL);
	CHECK(arch_kvm_host(cfg.arch, "ppc64le") && arch_kvm_host(cfg.arch, "ppc64"));
}

/* pseries boots through the 4-byte ROM kut-run writes: a branch at 0x100. */
TEST(pseries_rom_file)
{
	const struct arch_info *arch = arch_find("ppc64");
	unsigned char buf[0x200];
	char err[256], *path;
	FILE *f;
	size_t n, i;
	bool zeros = true;

	CHECK(arch && arch->rom && !arch->firmware);
	if (!arch || !arch->rom)
		return;
	path = qemu_arch_firmware(arch, "/usr/bin/qemu-system-ppc64", err, sizeof(err));
	CHECK(path != NULL);
	if (!path)
		return;
	f = fopen(path, "rb");
	n = f ? fread(buf, 1, sizeof(buf), f) : 0;
	if (f)
		fclose(f);
	CHECK(n == 0x104);
	for (i = 0; i < 0x100 && i < n; i++)
		zeros &= buf[i] == 0;
	CHECK(zeros);
	CHECK(n == 0x104 && buf[0x100] == 0x48 && buf[0x101] == 0x3f &&
	      buf[0x102] == 0xff && buf[0x103] == 0x00);
	tempfile_remove_all();
	CHECK(access(path, F_OK) != 0);
	free(path);
}

/* Suite mode picks the installed suite of the host's arch by uname. */
TEST(arch_of_host_reads_the_table)
{
	CHECK_STR(arch_of_host("x86_64"), "x86_64");
	CHECK_STR(arch_of_host("i686"), "i386");
	CHECK_STR(arch_of_host("aarch64"), "arm64");
	CHECK_STR(arch_of_host("armv8l"), "arm");
	CHECK_STR(arch_of_host("riscv64"), "riscv64");
	CHECK_STR(arch_of_host("ppc64le"), "ppc64le");
	CHECK_STR(arch_of_host("ppc64"), "ppc64");
	CHECK(arch_of_host("sparc64") == NULL);
}

static struct qemu_caps caps;

static const char *accel_for_kvm(const char *arch, const char *requested,
				 const char *host, int kvm, int paging32,
				 int *status)
{
	static char err[256];
	const char *accel = "(unset)";

	qemu_caps_init(&caps, "/usr/bin/qemu");
	caps.kvm = kvm;			/* pre-filled: no /dev/kvm access */
	caps.kvm_paging32 = paging32;	/* nor /sys/module */
	snprintf(caps.kvm_problem, sizeof(caps.kvm_problem), "/dev/kvm: nope");
	err[0] = '\0';
	*status = qemu_pick_accel(arch_find(arch), requested, host, &caps,
				  &accel, err, sizeof(err));
	qemu_caps_free(&caps);
	return *status ? err : accel;
}

static const char *accel_for(const char *arch, const char *requested,
			     const char *host, int kvm, int *status)
{
	return accel_for_kvm(arch, requested, host, kvm, 1, status);
}

TEST(accel_choice)
{
	int st;

	CHECK_STR(accel_for("x86_64", NULL, "x86_64", 1, &st), "kvm");
	CHECK_INT(st, 0);
	CHECK_STR(accel_for("x86_64", NULL, "x86_64", 0, &st), "tcg");
	CHECK_STR(accel_for("x86_64", NULL, "aarch64", 1, &st), "tcg");
	CHECK_STR(accel_for("i386", NULL, "x86_64", 1, &st), "kvm");
	CHECK_STR(accel_for("x86_64", "tcg", "x86_64", 1, &st), "tcg");
	CHECK_STR(accel_for("x86_64", "kvm", "x86_64", 1, &st), "kvm");
	CHECK_INT(st, 0);
}

TEST(accel_kvm_requested_but_unusable_is_a_skip)
{
	int st;

	CHECK_STR(accel_for("x86_64", "kvm", "x86_64", 0, &st),
		  "KVM requested but unusable (/dev/kvm: nope)");
	CHECK_INT(st, KUT_EXIT_SKIP);
	CHECK_STR(accel_for("x86_64", "kvm", "aarch64", 1, &st),
		  "KVM cannot run x86_64 guests on this aarch64 host");
	CHECK_INT(st, KUT_EXIT_SKIP);
}

/* PVM's KVM runs 64-bit paging only: i386 guests go to TCG. */
TEST(accel_i386_on_a_kvm_without_32bit_paging)
{
	int st;

	CHECK_STR(accel_for_kvm("i386", NULL, "x86_64", 1, 0, &st), "tcg");
	CHECK_INT(st, 0);
	CHECK_STR(accel_for_kvm("x86_64", NULL, "x86_64", 1, 0, &st), "kvm");
	CHECK_STR(accel_for_kvm("i386", "kvm", "x86_64", 1, 0, &st),
		  "KVM cannot run i386 guests here: it is PVM (kvm_pvm), "
		  "which runs no 32-bit guest with paging");
	CHECK_INT(st, KUT_EXIT_SKIP);
}

TEST(accel_bad_value_is_an_error)
{
	int st;

	CHECK_STR(accel_for("x86_64", "hvf", "x86_64", 1, &st),
		  "accelerator \"hvf\": must be kvm or tcg");
	CHECK_INT(st, KUT_EXIT_ERROR);
}

TEST(kvm_check_is_cached)
{
	qemu_caps_init(&caps, "q");
	CHECK_INT(caps.kvm, -1);
	qemu_kvm_usable(&caps);
	CHECK(caps.kvm == 0 || caps.kvm == 1);
	caps.kvm = 0;
	CHECK(!qemu_kvm_usable(&caps));
	caps.kvm = 1;
	CHECK(qemu_kvm_usable(&caps));
	qemu_caps_free(&caps);
}

static char dir[] = "/tmp/kut-test-qemu.XXXXXX";

static char *make_file(const char *rel, const char *text, mode_t mode)
{
	char *path = xasprintf("%s/%s", dir, rel), *p;
	FILE *f;

	/* mkdir -p of the parents */
	for (p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	chmod(path, mode);
	return path;
}

TEST(setup_tmpdir)
{
	CHECK(mkdtemp(dir) != NULL);
}

TEST(resolve_through_path)
{
	char *bin = make_file("bin/qemu-fake", "#!/bin/sh\n", 0755);
	char *noexec = make_file("bin/qemu-noexec", "", 0644);
	char *saved = getenv("PATH") ? xstrdup(getenv("PATH")) : NULL;
	char *path = xasprintf("/nonexistent::%s/bin", dir), *got;

	setenv("PATH", path, 1);
	got = qemu_resolve("qemu-fake");
	CHECK_STR(got, bin);
	free(got);
	CHECK(qemu_resolve("qemu-noexec") == NULL);
	CHECK(qemu_resolve("qemu-missing") == NULL);
	CHECK(qemu_resolve("") == NULL);
	got = qemu_resolve(bin);
	CHECK_STR(got, bin);
	free(got);
	CHECK(qemu_resolve(noexec) == NULL);
	CHECK(qemu_resolve("/nonexistent/qemu") == NULL);
	if (saved)
		setenv("PATH", saved, 1);
	free(saved);
	free(path);
	free(bin);
	free(noexec);
}

/* Images kut did not build get the QEMU upstream's runner would use. */
TEST(find_named_upstream_qemu_for_i386)
{
	char *i386 = make_file("up/qemu-system-i386", "#!/bin/sh\n", 0755);
	char *x86 = make_file("up/qemu-system-x86_64", "#!/bin/sh\n", 0755);
	char *saved = getenv("PATH") ? xstrdup(getenv("PATH")) : NULL;
	char *path = xasprintf("%s/up", dir), err[512], *got;
	const struct arch_info *a = arch_find("i386");

	CHECK_STR(a->upstream_qemu, "qemu-system-i386");
	CHECK(arch_find("x86_64")->upstream_qemu == NULL);
	setenv("PATH", path, 1);
	unsetenv("QEMU");
	got = qemu_find_named(a, a->upstream_qemu, err, sizeof(err));
	CHECK_STR(got, i386);
	free(got);
	got = qemu_find(a, err, sizeof(err));
	CHECK_STR(got, x86);		/* kut's own i386 images */
	free(got);
	setenv("QEMU", x86, 1);		/* QEMU= wins for every image */
	got = qemu_find_named(a, a->upstream_qemu, err, sizeof(err));
	CHECK_STR(got, x86);
	free(got);
	setenv("QEMU", i386, 1);	/* and may name qemu-system-i386 */
	got = qemu_find(a, err, sizeof(err));
	CHECK_STR(got, i386);
	free(got);
	unsetenv("QEMU");
	if (saved)
		setenv("PATH", saved, 1);
	free(saved);
	free(path);
	free(i386);
	free(x86);
}

TEST(find_refuses_a_qemu_for_another_arch)
{
	char *x86 = make_file("bin/qemu-system-x86_64", "#!/bin/sh\n", 0755);
	char *a64 = make_file("bin/qemu-system-aarch64", "#!/bin/sh\n", 0755);
	char *wrap = make_file("bin/my-qemu-wrapper", "#!/bin/sh\n", 0755);
	char err[512], *got;

	setenv("QEMU", x86, 1);
	got = qemu_find(arch_find("arm64"), err, sizeof(err));
	CHECK(got == NULL);
	CHECK(strstr(err, "runs x86_64 guests, not arm64 ones (use "
		      "qemu-system-aarch64, or unset QEMU)") != NULL);
	got = qemu_find(arch_find("i386"), err, sizeof(err));
	CHECK_STR(got, x86);		/* x86_64 QEMU runs i386 guests */
	free(got);
	setenv("QEMU", a64, 1);
	got = qemu_find(arch_find("arm"), err, sizeof(err));
	CHECK_STR(got, a64);		/* and aarch64 runs arm ones */
	free(got);
	CHECK(qemu_find(arch_find("x86_64"), err, sizeof(err)) == NULL);
	setenv("QEMU", wrap, 1);
	got = qemu_find(arch_find("arm64"), err, sizeof(err));
	CHECK_STR(got, wrap);		/* other names are trusted */
	free(got);
	setenv("QEMU", "/nonexistent/qemu-system-aarch64", 1);
	CHECK(qemu_find(arch_find("arm64"), err, sizeof(err)) == NULL);
	CHECK(strstr(err, "not found or not executable (set by QEMU=)") != NULL);
	unsetenv("QEMU");
	free(x86);
	free(a64);
	free(wrap);
}

TEST(firmware_beside_the_binary_first)
{
	char *bin = make_file("prefix/bin/qemu-system-x86_64", "", 0755);
	char *fw = make_file("prefix/share/qemu/kut-test-fw.rom", "x", 0644);
	char *got = qemu_find_firmware(bin, "kut-test-fw.rom");

	CHECK_STR(got, fw);
	free(got);
	CHECK(qemu_find_firmware(bin, "kut-no-such-firmware.rom") == NULL);
	free(bin);
	free(fw);
}

TEST(firmware_falls_back_to_usr_share_qemu)
{
	char *got;

	if (access("/usr/share/qemu/qboot.rom", R_OK)) {
		printf("#   no /usr/share/qemu/qboot.rom here; skipped\n");
		return;
	}
	got = qemu_find_firmware("/nonexistent/bin/qemu", "qboot.rom");
	CHECK_STR(got, "/usr/share/qemu/qboot.rom");
	free(got);
}

/*
 * A stand-in QEMU that answers the three help queries like QEMU 7.2, once
 * all three have started: asked one after another, the first gives up.
 */
static const char fake_qemu[] =
	"#!/bin/sh\n"
	"echo run >> \"$0.log\"\n"
	"i=0\n"
	"while [ $(wc -l < \"$0.log\") -lt 3 ] && [ $i -lt 100 ]; do\n"
	"	sleep 0.1; i=$((i + 1))\n"
	"done\n"
	"[ $(wc -l < \"$0.log\") -ge 3 ] || { echo one at a time >&2; exit 1; }\n"
	"case \"$1\" in\n"
	"-machine) printf 'Supported machines are:\\n"
	"microvm              microvm (i386)\\n"
	"pc                   Standard PC (i440FX + PIIX, 1996) (alias of pc-i440fx-7.2)\\n"
	"pc-i440fx-7.2        Standard PC (i440FX + PIIX, 1996) (default)\\n"
	"none                 empty machine\\n' ;;\n"
	"-device) printf 'Controller/Bridge/Hub devices:\\n"
	"name \"pci-bridge\", bus PCI, desc \"Standard PCI Bridge\"\\n"
	"\\nMisc devices:\\n"
	"name \"isa-debug-exit\", bus ISA\\n"
	"name \"pc-testdev\", bus ISA\\n"
	"name \"pci-testdev\", bus PCI, desc \"PCI Test Device\"\\n' ;;\n"
	"-accel) printf 'Accelerators supported in QEMU binary:\\ntcg\\nkvm\\n' ;;\n"
	"*) exit 1 ;;\n"
	"esac\n";

TEST(probe_once_and_at_once_against_a_fake_qemu)
{
	char *bin = make_file("fake/qemu-system-x86_64", fake_qemu, 0755);
	char *log = xasprintf("%s.log", bin), err[256] = "";
	struct stat st;

	qemu_caps_init(&caps, bin);
	CHECK_INT(qemu_probe(&caps, err, sizeof(err)), 0);
	CHECK_STR(err, "");
	CHECK(caps.probed);
	CHECK(qemu_caps_has(&caps.machines, "pc"));
	CHECK(qemu_caps_has(&caps.machines, "pc-i440fx-7.2"));
	CHECK(qemu_caps_has(&caps.machines, "none"));
	CHECK(!qemu_caps_has(&caps.machines, "Supported"));
	CHECK_INT(caps.machines.n, 4);
	CHECK(qemu_caps_has(&caps.devices, "isa-debug-exit"));
	CHECK(qemu_caps_has(&caps.devices, "pci-testdev"));
	CHECK(!qemu_caps_has(&caps.devices, "virtio-blk"));
	CHECK_INT(caps.devices.n, 4);
	CHECK(qemu_caps_has(&caps.accels, "kvm"));
	CHECK(qemu_caps_has(&caps.accels, "tcg"));
	CHECK_INT(caps.accels.n, 2);
	/* A second probe in the same run starts nothing. */
	CHECK(stat(log, &st) == 0 && st.st_size == 12);
	CHECK_INT(qemu_probe(&caps, err, sizeof(err)), 0);
	CHECK(stat(log, &st) == 0 && st.st_size == 12);
	qemu_caps_free(&caps);
	unlink(log);
	unlink(bin);
	free(log);
	free(bin);
}

TEST(probe_failure_is_reported)
{
	char *bin = make_file("broken/qemu", "#!/bin/sh\necho 'qemu: boom' >&2\nexit 1\n", 0755);
	char err[256] = "";

	qemu_caps_init(&caps, bin);
	CHECK_INT(qemu_probe(&caps, err, sizeof(err)), -1);
	CHECK(strstr(err, "-machine help: exited with status 1: qemu: boom") != NULL);
	CHECK(!caps.probed);
	qemu_caps_free(&caps);
	unlink(bin);
	free(bin);
}

TEST(zz_cleanup)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	CHECK(system(cmd) == 0);
	free(cmd);
}
