/* SPDX-License-Identifier: MIT */
/*
 * kut_abi.h - the contract between a kut guest image and kut-run.
 *
 * This is the only header the host runner shares with the guest library:
 * how a guest reports its result, how kut-run recognises an image, and the
 * format of the lines kut-run post-processes.  Changing a value here breaks
 * every image built before the change, so values only ever get added.
 */
#ifndef KUT_ABI_H
#define KUT_ABI_H

/*
 * Exit codes of kut-run for one test: the automake/meson test protocol.
 */
#define KUT_EXIT_PASS		0
#define KUT_EXIT_FAIL		1	/* a check failed, or the guest crashed */
#define KUT_EXIT_ERROR		2	/* kut-run or QEMU could not run the test */
#define KUT_EXIT_SKIP		77
#define KUT_EXIT_TIMEOUT	124

/*
 * Result channel.  A guest ends by writing a code to its arch's test device
 * (isa-debug-exit on x86, chr-testdev "codeq" elsewhere); QEMU then exits
 * with status (code << 1) | 1.  A skip is sent as KUT_TESTDEV_SKIP_CODE so
 * that QEMU's status is 77 itself, the convention upstream kvm-unit-tests
 * images follow too: kut-run decodes both the same way.
 */
#define KUT_TESTDEV_SKIP_CODE	(KUT_EXIT_SKIP >> 1)
#define KUT_QEMU_STATUS(code)	((((code) << 1) | 1) & 0xff)
/* The code a guest sends for exit(@code). */
#define KUT_TESTDEV_CODE(code)	\
	((code) == KUT_EXIT_SKIP ? KUT_TESTDEV_SKIP_CODE : (code))

/*
 * s390x and pseries (ppc64): QEMU has no exit device there, so a guest
 * prints this on its console, followed by the status QEMU would have
 * exited with, KUT_QEMU_STATUS(code), and a newline; then it stops every
 * CPU (s390x) or powers off (pseries) and QEMU exits 0.  Upstream
 * kvm-unit-tests' s390x and powerpc images do the same.
 */
#define KUT_EXIT_STATUS_LINE	"EXIT: STATUS="

/* x86: isa-debug-exit I/O port (iosize 4). */
#define KUT_X86_DEBUG_EXIT_PORT	0xf4

/*
 * Every kut image carries an ELF note (name "kut", type KUT_NOTE_ARCH)
 * whose descriptor is the NUL-terminated arch name ("x86_64"), so kut-run
 * knows the arch from the file even where the ELF header is ambiguous.
 */
#define KUT_NOTE_NAME		"kut"
#define KUT_NOTE_ARCH		1

/* Xen PVH entry note, the boot protocol of x86 kut images under QEMU. */
#define KUT_XEN_NOTE_NAME	"Xen"
#define KUT_XEN_ELFNOTE_PHYS32_ENTRY 18

/* Multiboot v1 header magic: upstream kvm-unit-tests x86 images. */
#define KUT_MULTIBOOT_MAGIC	0x1badb002u

/* Linux-style image headers (arm64 Image, arm zImage, riscv Image). */
#define KUT_ARM64_IMAGE_MAGIC_OFF	0x38
#define KUT_ARM64_IMAGE_MAGIC	0x644d5241u	/* "ARM\x64" */
#define KUT_ARM_ZIMAGE_MAGIC_OFF	0x24
#define KUT_ARM_ZIMAGE_MAGIC	0x016f2818u
#define KUT_RISCV_IMAGE_MAGIC_OFF	0x38
#define KUT_RISCV_IMAGE_MAGIC	0x05435352u	/* "RSC\x05" */

/*
 * Backtrace lines printed by a guest, one frame per line:
 *	"\t#<n> 0x<hex return address>"
 * kut-run appends " <symbol>+0x<offset>" when it finds the image's .elf.
 */
#define KUT_BACKTRACE_PREFIX	"\t#"

#endif /* KUT_ABI_H */
