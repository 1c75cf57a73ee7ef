/* SPDX-License-Identifier: MIT */
/*
 * image.h - what a test image is, learnt from the file alone.
 *
 * kut-run needs no config file and no naming convention: the image's
 * architecture comes from its kut note or ELF header (or a Linux-style
 * Image header for raw images), and its boot format from the notes and
 * headers QEMU's loaders look for.  Whether that arch and boot format can
 * run is the arch table's business (archtab.h), not this module's.
 */
#ifndef KUT_RUNNER_IMAGE_H
#define KUT_RUNNER_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* Boot formats an image offers; an image can offer several. */
#define IMAGE_BOOT_ELF		0x1	/* an ELF file QEMU's ELF loader takes */
#define IMAGE_BOOT_PVH		0x2	/* x86 ELF with a Xen PVH entry note */
#define IMAGE_BOOT_MULTIBOOT	0x4	/* x86 ELF32 with a multiboot v1 header */
#define IMAGE_BOOT_LINUX	0x8	/* raw image with a Linux boot header */
#define IMAGE_BOOT_RAW		0x10	/* raw image without one (upstream's */
					/* arm .flat): the arch came from the */
					/* caller, not from the file */

struct image_info {
	char arch[16];		/* "x86_64", "i386", "arm64", "ppc64le", ... */
	unsigned int boot;	/* IMAGE_BOOT_* */
	bool kut_note;		/* the arch came from our own ELF note */
};

/*
 * Detect the arch and boot formats of the image at @path.  Returns 0, or
 * -1 with a one-line problem in @err (without the file name), e.g.
 * "not a kut image (no ELF or arm64 Image header)".
 */
int image_detect(const char *path, struct image_info *info,
		 char *err, size_t errsize);

/* The same for an image already in memory. */
int image_detect_mem(const void *data, size_t size, struct image_info *info,
		     char *err, size_t errsize);

/*
 * image_detect(), but a file that is neither ELF nor a raw image with a
 * header is taken for a headerless raw image of @arch_hint (the arch a
 * suite or --arch names), IMAGE_BOOT_RAW, when @arch_hint is not NULL.
 * A file that names its own arch keeps it.
 */
int image_detect_as(const char *path, const char *arch_hint,
		    struct image_info *info, char *err, size_t errsize);

/*
 * The memory image of the ELF at @path as `objcopy -O binary` makes it:
 * the loadable segments' file contents placed at their physical
 * addresses, from the lowest, gaps zeroed.  Written to a tracked
 * temporary file (util.h) whose malloc'd path is returned, or NULL with
 * the problem (without the file name) in @err.
 */
char *image_flatten(const char *path, char *err, size_t errsize);

/* The same into a malloc'd buffer (*@out, *@outsize), for tests. */
int image_flatten_mem(const void *data, size_t size, unsigned char **out,
		      size_t *outsize, char *err, size_t errsize);

#endif /* KUT_RUNNER_IMAGE_H */
