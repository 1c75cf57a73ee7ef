/* SPDX-License-Identifier: MIT */
/*
 * archtab.h - everything kut-run knows about each architecture, in one
 * table.
 *
 * QEMU binary, machine, firmware, CPU model, fixed arguments, test devices,
 * console, which hosts run the arch under KVM, which boot formats boot and
 * how QEMU's exit status encodes the result.  Supporting a new arch is
 * adding a row in archtab.c (its QEMU binary and package come from the
 * arch's mk/arch/<arch>.mk, where the build reads them too); the code
 * that builds and runs the QEMU command reads these fields and has no
 * per-arch branches.
 */
#ifndef KUT_RUNNER_ARCHTAB_H
#define KUT_RUNNER_ARCHTAB_H

#include <stdbool.h>
#include <stddef.h>

#include "image.h"
#include "launch.h"

/*
 * A firmware image small enough to be a fact of the table: kut-run writes
 * a file of @offset zero bytes then the @len @bytes to a temporary file
 * and passes it as -bios.
 */
struct arch_rom {
	const unsigned char *bytes;
	size_t len;			/* bytes given in @bytes */
	size_t offset;			/* where they go in the file */
};

struct arch_info {
	const char *name;		/* as image.c names it: "x86_64" */
	const char *const *unames;	/* `uname -m` of hosts of this arch */
	const char *qemu;		/* default QEMU binary, found in PATH */
	const char *qemu_package;	/* Debian package shipping it */
	const char *const *qemu_also;	/* other qemu-system-* running it */
	const char *upstream_qemu;	/* the one upstream's runner uses for */
					/* this arch, when not .qemu (for */
					/* images kut did not build), or NULL */
	const char *machine;		/* -machine, unless MACHINE is set */
	const char *machine_opts_tcg;	/* ",opts" added to that machine */
	const char *machine_opts_kvm;	/* (not to another) per accelerator */
	const char *firmware;		/* -bios file if QEMU ships it, or NULL */
	bool firmware_kut_only;		/* only for images with kut's note; */
					/* others get QEMU's default firmware */
	const struct arch_rom *rom;	/* else a -bios kut-run writes, or NULL */
	const char *cpu_kvm;		/* -cpu under KVM, NULL: QEMU's default */
	const char *cpu_tcg;		/* -cpu under TCG, NULL: QEMU's default */
	const char *const *fixed_args;	/* always passed, NULL-terminated */
	const char *const *devices;	/* the test devices' options */
	const char *const *pci_devices;	/* test devices on PCI: dropped on */
	const char *const *no_pci_machines; /* these machines (no PCI bus) */
	const char *const *serial;	/* where the guest console goes */
	const char *const *kvm_hosts;	/* `uname -m` values with KVM for it */
	bool kvm_paging32;		/* pages outside long mode (i386): KVM */
					/* must run that too (qemu.c) */
	unsigned int boot;		/* IMAGE_BOOT_* formats QEMU boots */
	bool elf_to_raw;		/* an ELF boots as its raw image, */
					/* made by image_flatten() */
	const char *boot_desc;		/* those formats, for error messages */
	enum launch_decode decode;	/* how QEMU's exit status reads */
	const char *gdb_arch;		/* gdb's "set architecture" for QEMU's */
					/* stub, NULL: gdb's guess (gdb.c) */
};

/* The row for @name, or NULL. */
const struct arch_info *arch_find(const char *name);

/* Whether an image detected as @info boots on @arch as its raw image. */
bool arch_boots_flattened(const struct arch_info *arch,
			  const struct image_info *info);

/* Row @i of the table, NULL past the end (for listing). */
const struct arch_info *arch_at(size_t i);

/*
 * The row that runs an image detected as @info, or NULL with the problem
 * in @err: "arm64 image, but this kut-run has no arm64 support", or a boot
 * format this arch's QEMU cannot boot.  An ELF of an elf_to_raw arch is
 * accepted: arch_boots_flattened() says it must be flattened first.
 */
const struct arch_info *arch_for_image(const struct image_info *info,
				       char *err, size_t errsize);

/*
 * The arch of a host whose `uname -m` is @host_machine ("aarch64" ->
 * "arm64"), or NULL when no row claims it.
 */
const char *arch_of_host(const char *host_machine);

/* Whether a host whose `uname -m` is @host_machine runs @arch under KVM. */
bool arch_kvm_host(const struct arch_info *arch, const char *host_machine);

#endif /* KUT_RUNNER_ARCHTAB_H */
