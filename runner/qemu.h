/* SPDX-License-Identifier: MIT */
/*
 * qemu.h - choosing how to run QEMU: binary, accelerator, firmware, and
 * the command line itself.
 *
 * The command line is built by a pure function of a struct qemu_config so
 * that what kut-run runs is unit tested argument by argument.  What the
 * host and QEMU can do is gathered in a struct qemu_caps: the cheap facts
 * (is /dev/kvm usable) are looked up on first use and cached, and the
 * expensive ones (which machines, devices and accelerators the binary
 * has) only when qemu_probe() is called, which suite mode does at most once
 * per run; single-test mode never starts a QEMU just to ask.
 */
#ifndef KUT_RUNNER_QEMU_H
#define KUT_RUNNER_QEMU_H

#include <stdbool.h>
#include <stddef.h>

#include "archtab.h"
#include "util.h"

struct qemu_caps {
	char *qemu;		/* the QEMU binary these facts are about */
	int kvm;		/* -1: not checked yet, 0: unusable, 1: usable */
	char kvm_problem[128];	/* why KVM is unusable */
	int kvm_paging32;	/* -1: not checked yet, else whether KVM runs */
				/* 32-bit guests with paging on */
	bool probed;		/* the lists below are filled in */
	struct strvec machines;	/* "pc", "q35", ... */
	struct strvec devices;	/* "pc-testdev", ... */
	struct strvec accels;	/* "tcg", "kvm", ... */
};

void qemu_caps_init(struct qemu_caps *caps, const char *qemu);
void qemu_caps_free(struct qemu_caps *caps);

/*
 * Whether /dev/kvm can be opened read-write and speaks KVM API 12
 * (cached in @caps; the reason it cannot goes to caps->kvm_problem).
 */
bool qemu_kvm_usable(struct qemu_caps *caps);

/*
 * Whether this host's KVM runs guests that turn paging on outside long
 * mode (i386 guests; cached in @caps).  Not PVM's (the kvm_pvm module,
 * KVM without hardware virtualization on some cloud VMs), which runs
 * 64-bit paging only and stops such a guest.
 */
bool qemu_kvm_runs_paging32(struct qemu_caps *caps);

/*
 * Ask QEMU (caps->qemu) for its machines, devices and accelerators.  Starts
 * QEMU three times, so call it once per run; later calls return at once.
 * Returns 0, or -1 with the problem in @err.
 */
int qemu_probe(struct qemu_caps *caps, char *err, size_t errsize);

/* Whether @name is in a list that qemu_probe() filled. */
bool qemu_caps_has(const struct strvec *list, const char *name);

/*
 * Find the QEMU binary @name ("qemu-system-x86_64", or a path when it has
 * a '/') the way execvp() would.  Returns a malloc'd path, or NULL.
 */
char *qemu_resolve(const char *name);

/*
 * The QEMU binary for @arch: $QEMU if set, else the table's, found through
 * PATH (malloc'd).  NULL with the problem in @err when it is missing, or
 * when it is a qemu-system-* for another arch (an arm64 image given to
 * qemu-system-x86_64 would otherwise fail with QEMU's own puzzling
 * message).
 */
char *qemu_find(const struct arch_info *arch, char *err, size_t errsize);

/* The same, with @name instead of the table's binary unless $QEMU is set. */
char *qemu_find_named(const struct arch_info *arch, const char *name,
		      char *err, size_t errsize);

/*
 * Find firmware @file where the QEMU at @qemu_path keeps its data
 * (<bindir>/../share/qemu), then in /usr/share/qemu.  Returns a malloc'd
 * path, or NULL when QEMU does not ship it.
 */
char *qemu_find_firmware(const char *qemu_path, const char *file);

/*
 * Write @rom to a new temporary file (tracked, util.h) and return its
 * malloc'd path, or NULL with the problem in @err.
 */
char *qemu_write_rom(const struct arch_rom *rom, char *err, size_t errsize);

/*
 * The -bios for @arch run by the QEMU at @qemu_path: its firmware file
 * when QEMU ships it, or its ROM written to a temporary file; NULL when
 * it has neither, or the file is missing (@err ""), or the ROM could not
 * be written (the problem in @err).  See qemu_image_firmware() for which
 * images get it.
 */
char *qemu_arch_firmware(const struct arch_info *arch, const char *qemu_path,
			 char *err, size_t errsize);

/*
 * The -bios an image detected as @info boots with: @arch_firmware (what
 * qemu_arch_firmware() gave), or NULL (QEMU's default firmware) for an
 * image without kut's note on an arch whose firmware is for kut's images
 * only (x86's qboot: upstream's images get SeaBIOS, as upstream gives
 * them).
 */
const char *qemu_image_firmware(const struct arch_info *arch,
				const struct image_info *info,
				const char *arch_firmware);

/*
 * Choose "kvm" or "tcg" for @arch.  @requested is ACCEL/--accel or NULL;
 * without one, KVM is used when @host_machine (`uname -m`) runs @arch
 * under KVM and /dev/kvm works.  Returns 0 with *@accel set, or the exit
 * code to give up with (KUT_EXIT_ERROR for a bad value, KUT_EXIT_SKIP
 * when KVM was asked for but cannot run here) and the problem in @err.
 */
int qemu_pick_accel(const struct arch_info *arch, const char *requested,
		    const char *host_machine, struct qemu_caps *caps,
		    const char **accel, char *err, size_t errsize);

/* Everything the QEMU command line is made of. */
struct qemu_config {
	const struct arch_info *arch;
	const char *qemu;		/* binary, argv[0] */
	const char *accel;		/* "kvm" or "tcg" */
	const char *accel_opts;		/* the cfg's options after the name, */
					/* as "thread=single", or NULL */
	const char *machine;		/* NULL: the arch's (MACHINE overrides) */
	const char *firmware;		/* -bios path, or NULL */
	const char *image;		/* -kernel */
	const char *initrd;		/* the guest's environment file, or NULL */
	char *const *user_args;		/* appended last; NULL-terminated or NULL */
};

/*
 * Build the command into @argv (appended; NULL-terminated).  The user's
 * arguments come last so they override ours.  Our -accel is left out when
 * the user picks one (QEMU takes several -accel as fallbacks, so a later
 * one would not win), and our -bios when the user gives one.
 */
void qemu_build_argv(const struct qemu_config *cfg, struct strvec *argv);

#endif /* KUT_RUNNER_QEMU_H */
