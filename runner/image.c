// SPDX-License-Identifier: MIT
/*
 * image.c - detect a test image's arch and boot formats from its bytes.
 *
 * The knowledge encoded here is what QEMU's loaders and the kut ABI look
 * for: the ELF header's class, byte order and machine; kut's own arch note;
 * the Xen PVH entry note (QEMU's -kernel on x86 boots an ELF that has one);
 * the multiboot v1 header of upstream kvm-unit-tests' x86 images; and the
 * magic numbers of the Linux-style raw images other arches boot.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kut_abi.h"
#include "elf.h"
#include "image.h"
#include "util.h"

/*
 * Raw images made of an ELF: below 4 GiB, at most 256 MiB from the lowest
 * segment to the end of the highest (a test image is well under 1 MiB).
 */
#define FLAT_MAX	0xffffffffull
#define FLAT_MAX_SIZE	(256ull << 20)

/* The multiboot v1 header must sit 4-byte aligned in the first 8 KiB. */
#define MULTIBOOT_SEARCH	8192

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int fail(char *err, size_t errsize, const char *msg)
{
	snprintf(err, errsize, "%s", msg);
	return -1;
}

static const char *elf_arch(const struct elf *elf)
{
	switch (elf->machine) {
	case ELF_EM_X86_64:
		return "x86_64";
	case ELF_EM_386:
		return "i386";
	case ELF_EM_AARCH64:
		return "arm64";
	case ELF_EM_ARM:
		return "arm";
	case ELF_EM_PPC64:
		return elf->big_endian ? "ppc64" : "ppc64le";
	case ELF_EM_RISCV:
		return elf->is64 ? "riscv64" : "riscv32";
	case ELF_EM_S390:
		return elf->is64 ? "s390x" : "s390";
	}
	return NULL;
}

static bool note_is(const struct elf_note *note, const char *name,
		    uint32_t type)
{
	size_t len = strlen(name);

	/* The name normally counts its NUL; tolerate producers that don't. */
	if (note->type != type)
		return false;
	if (note->namesz == len + 1)
		return !memcmp(note->name, name, len + 1);
	return note->namesz == len && !memcmp(note->name, name, len);
}

static bool arch_name_ok(const char *s, size_t len)
{
	size_t i;

	if (!len || len >= sizeof(((struct image_info *)0)->arch))
		return false;
	for (i = 0; i < len; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z') &&
		    !(s[i] >= '0' && s[i] <= '9') && s[i] != '_')
			return false;
	return true;
}

static int take_kut_note(const struct elf_note *note, struct image_info *info,
			 char *err, size_t errsize)
{
	const char *desc = (const char *)note->desc;
	size_t len = strnlen(desc, note->descsz);

	if (!arch_name_ok(desc, len))
		return fail(err, errsize, "corrupt kut note (bad arch name)");
	memcpy(info->arch, desc, len);
	info->arch[len] = '\0';
	info->kut_note = true;
	return 0;
}

/* Walk one note table; only segments (what QEMU sees) may carry PVH. */
static int scan_notes(const struct elf *elf, uint64_t off, uint64_t size,
		      uint64_t align, bool segment, struct image_info *info,
		      char *err, size_t errsize)
{
	uint64_t pos = off;
	struct elf_note note;
	int r;

	align = align == 8 ? 8 : 4;
	while ((r = elf_note_next(elf, &pos, off + size, align, &note)) > 0) {
		if (segment && note_is(&note, KUT_XEN_NOTE_NAME,
				       KUT_XEN_ELFNOTE_PHYS32_ENTRY))
			info->boot |= IMAGE_BOOT_PVH;
		if (note_is(&note, KUT_NOTE_NAME, KUT_NOTE_ARCH) &&
		    take_kut_note(&note, info, err, errsize) < 0)
			return -1;
	}
	if (r < 0)
		return fail(err, errsize, "corrupt ELF: a note runs past its table");
	return 0;
}

static int scan_elf_notes(const struct elf *elf, struct image_info *info,
			  char *err, size_t errsize)
{
	struct elf_segment seg;
	struct elf_section sec;
	unsigned int i;

	for (i = 0; i < elf->phnum; i++) {
		elf_segment(elf, i, &seg);
		if (seg.type == ELF_PT_NOTE &&
		    scan_notes(elf, seg.offset, seg.filesz, seg.align, true,
			       info, err, errsize) < 0)
			return -1;
	}
	/* A kut note outside any PT_NOTE segment still names the arch. */
	for (i = 0; i < elf->shnum && !info->kut_note; i++) {
		elf_section(elf, i, &sec);
		if (sec.type == ELF_SHT_NOTE &&
		    scan_notes(elf, sec.offset, sec.size, 4, false,
			       info, err, errsize) < 0)
			return -1;
	}
	return 0;
}

static bool has_multiboot_header(const unsigned char *data, size_t size)
{
	size_t end = size < MULTIBOOT_SEARCH ? size : MULTIBOOT_SEARCH;
	size_t off;

	for (off = 0; off + 12 <= end; off += 4) {
		uint32_t magic = le32(data + off);

		if (magic == KUT_MULTIBOOT_MAGIC &&
		    (uint32_t)(magic + le32(data + off + 4) +
			       le32(data + off + 8)) == 0)
			return true;
	}
	return false;
}

static int detect_elf(const struct elf *elf, const char *hint,
		      struct image_info *info, char *err, size_t errsize)
{
	const char *arch = elf_arch(elf);

	if (elf->type == ELF_ET_REL)
		return fail(err, errsize,
			    "ELF object file, not a linked image (link it first)");
	if (elf->type != ELF_ET_EXEC && elf->type != ELF_ET_DYN)
		return fail(err, errsize, "ELF file, but not an executable image");
	info->boot = IMAGE_BOOT_ELF;
	if (scan_elf_notes(elf, info, err, errsize) < 0)
		return -1;
	/* QEMU's multiboot loader refuses ELF64, so only ELF32 counts. */
	if (!elf->is64 && has_multiboot_header(elf->data, elf->size))
		info->boot |= IMAGE_BOOT_MULTIBOOT;
	if (info->kut_note)
		return 0;
	if (!arch) {
		snprintf(err, errsize,
			 "ELF image for machine %u, which no kut arch uses",
			 elf->machine);
		return -1;
	}
	/*
	 * Upstream's x86_64 images are ELF32 multiboot files too (they enter
	 * in 32-bit mode and go to long mode at once): in an x86_64 suite
	 * they are x86_64 guests, which KVM on PVM runs, not i386 ones.
	 */
	if ((info->boot & IMAGE_BOOT_MULTIBOOT) && hint &&
	    !strcmp(hint, "x86_64") && !strcmp(arch, "i386"))
		arch = hint;
	snprintf(info->arch, sizeof(info->arch), "%s", arch);
	return 0;
}

static bool magic_at(const unsigned char *data, size_t size, size_t off,
		     uint32_t magic)
{
	return size >= off + 4 && le32(data + off) == magic;
}

static int detect_raw(const unsigned char *data, size_t size,
		      const char *hint, struct image_info *info,
		      char *err, size_t errsize)
{
	const char *arch = NULL;

	if (magic_at(data, size, KUT_ARM64_IMAGE_MAGIC_OFF,
		     KUT_ARM64_IMAGE_MAGIC))
		arch = "arm64";
	else if (magic_at(data, size, KUT_RISCV_IMAGE_MAGIC_OFF,
			  KUT_RISCV_IMAGE_MAGIC))
		arch = "riscv64";
	else if (magic_at(data, size, KUT_ARM_ZIMAGE_MAGIC_OFF,
			  KUT_ARM_ZIMAGE_MAGIC))
		arch = "arm";
	if (!arch && hint) {
		if (!arch_name_ok(hint, strlen(hint)))
			return fail(err, errsize, "raw image of an unknown arch");
		snprintf(info->arch, sizeof(info->arch), "%s", hint);
		info->boot = IMAGE_BOOT_RAW;
		return 0;
	}
	if (!arch)
		return fail(err, errsize,
			    "not a kut image (no ELF or arm64 Image header; "
			    "for a raw image without one, name its arch: "
			    "--arch, or a suite's config.mak)");
	snprintf(info->arch, sizeof(info->arch), "%s", arch);
	info->boot = IMAGE_BOOT_LINUX;
	return 0;
}

static int detect_mem(const void *data, size_t size, const char *hint,
		      struct image_info *info, char *err, size_t errsize)
{
	struct elf elf;
	int r;

	memset(info, 0, sizeof(*info));
	if (!size)
		return fail(err, errsize, "empty file, not a kut image");
	r = elf_parse(&elf, data, size, err, errsize);
	if (r < 0)
		return -1;
	if (r == 0)
		return detect_elf(&elf, hint, info, err, errsize);
	return detect_raw(data, size, hint, info, err, errsize);
}

int image_detect_mem(const void *data, size_t size, struct image_info *info,
		     char *err, size_t errsize)
{
	return detect_mem(data, size, NULL, info, err, errsize);
}

int image_detect_as(const char *path, const char *arch_hint,
		    struct image_info *info, char *err, size_t errsize)
{
	struct file_map map;
	int r;

	memset(info, 0, sizeof(*info));
	if (map_file(path, &map, err, errsize) < 0)
		return -1;
	r = detect_mem(map.data, map.size, arch_hint, info, err, errsize);
	unmap_file(&map);
	return r;
}

int image_detect(const char *path, struct image_info *info,
		 char *err, size_t errsize)
{
	return image_detect_as(path, NULL, info, err, errsize);
}

int image_flatten_mem(const void *data, size_t size, unsigned char **out,
		      size_t *outsize, char *err, size_t errsize)
{
	uint64_t lo = UINT64_MAX, hi = 0;
	struct elf_segment seg;
	unsigned char *buf;
	struct elf elf;
	unsigned int i;
	int r = elf_parse(&elf, data, size, err, errsize);

	if (r < 0)
		return -1;
	if (r > 0)
		return fail(err, errsize, "not an ELF file");
	for (i = 0; i < elf.phnum; i++) {
		elf_segment(&elf, i, &seg);
		if (seg.type != ELF_PT_LOAD || !seg.filesz)
			continue;
		if (seg.paddr > FLAT_MAX || seg.filesz > FLAT_MAX - seg.paddr)
			return fail(err, errsize, "ELF segment above 4 GiB: "
				    "no raw image to make of it");
		lo = seg.paddr < lo ? seg.paddr : lo;
		hi = seg.paddr + seg.filesz > hi ? seg.paddr + seg.filesz : hi;
	}
	if (lo == UINT64_MAX)
		return fail(err, errsize, "ELF file without loadable contents");
	if (hi - lo > FLAT_MAX_SIZE)
		return fail(err, errsize, "ELF segments spread over more than "
			    "256 MiB: no raw image to make of it");
	buf = xmalloc(hi - lo);
	memset(buf, 0, hi - lo);
	for (i = 0; i < elf.phnum; i++) {
		elf_segment(&elf, i, &seg);
		if (seg.type == ELF_PT_LOAD && seg.filesz)
			memcpy(buf + (seg.paddr - lo), elf.data + seg.offset,
			       seg.filesz);
	}
	*out = buf;
	*outsize = hi - lo;
	return 0;
}

char *image_flatten(const char *path, char *err, size_t errsize)
{
	struct file_map map;
	unsigned char *buf;
	size_t size;
	char *flat = NULL;

	if (map_file(path, &map, err, errsize) < 0)
		return NULL;
	if (image_flatten_mem(map.data, map.size, &buf, &size,
			      err, errsize) == 0) {
		flat = tempfile_write("flat", buf, size, 0, err, errsize);
		free(buf);
	}
	unmap_file(&map);
	return flat;
}
