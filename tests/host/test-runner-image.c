// SPDX-License-Identifier: MIT
/*
 * test-runner-image.c - host tests of image detection and of the ELF
 * reader under it, on images synthesized byte by byte: every class, byte
 * order and boot format kut-run must recognise, the errors it must name,
 * and hostile files (tables past the end, huge counts) that must end in a
 * clean error instead of a crash.  Function symbols read from synthesized
 * ELF32 big-endian and ELF64 files are checked here too, since that needs
 * the same ELF builder.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kut_abi.h"
#include "harness.h"
#include "elf.h"
#include "image.h"
#include "archtab.h"
#include "symbolize.h"

/*
 * A tiny ELF writer.  Fixed layout: header at 0, program headers at
 * PHOFF, contents from DATA_START, section headers at SHOFF.
 */
#define PHOFF		0x40
#define DATA_START	0x200
#define SHOFF		0x1800
#define IMG_MAX		0x2000

struct img {
	unsigned char b[IMG_MAX];
	size_t len;		/* file size */
	size_t data;		/* next free byte of the content area */
	bool is64, be;
	unsigned int phnum, shnum;
};

static void put(struct img *im, size_t off, uint64_t v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		im->b[off + i] = (unsigned char)(v >> (im->be ? (n - 1 - i) * 8 :
								i * 8));
	if (off + n > im->len)
		im->len = off + n;
}

static void put_word(struct img *im, size_t off32, size_t off64, uint64_t v)
{
	if (im->is64)
		put(im, off64, v, 8);
	else
		put(im, off32, v, 4);
}

static void elf_begin(struct img *im, bool is64, bool be, uint16_t machine)
{
	memset(im, 0, sizeof(*im));
	im->is64 = is64;
	im->be = be;
	im->data = DATA_START;
	memcpy(im->b, "\177ELF", 4);
	im->b[4] = is64 ? 2 : 1;
	im->b[5] = be ? 2 : 1;
	im->b[6] = 1;
	put(im, 16, ELF_ET_EXEC, 2);
	put(im, 18, machine, 2);
	put(im, 20, 1, 4);
	put(im, is64 ? 52 : 40, is64 ? 64 : 52, 2);		/* e_ehsize */
	put(im, is64 ? 54 : 42, is64 ? 56 : 32, 2);		/* e_phentsize */
	put(im, is64 ? 58 : 46, is64 ? 64 : 40, 2);		/* e_shentsize */
	im->len = is64 ? 64 : 52;
}

static size_t add_data(struct img *im, const void *p, size_t len)
{
	size_t off = (im->data + 3) & ~(size_t)3;

	memcpy(im->b + off, p, len);
	im->data = off + len;
	if (im->data > im->len)
		im->len = im->data;
	return off;
}

static void add_phdr(struct img *im, uint32_t type, uint64_t off,
		     uint64_t size, uint64_t align)
{
	size_t p = PHOFF + im->phnum++ * (im->is64 ? 56 : 32);

	put(im, p, type, 4);
	put_word(im, p + 4, p + 8, off);
	put_word(im, p + 16, p + 32, size);
	put_word(im, p + 20, p + 40, size);
	put_word(im, p + 28, p + 48, align);
	put_word(im, 28, 32, PHOFF);
	put(im, im->is64 ? 56 : 44, im->phnum, 2);
}

static void add_shdr(struct img *im, uint32_t type, uint64_t flags,
		     uint64_t off, uint64_t size, uint32_t link,
		     uint64_t entsize)
{
	size_t p;

	if (!im->shnum)
		im->shnum = 1;			/* the null section */
	p = SHOFF + im->shnum++ * (im->is64 ? 64 : 40);
	put(im, p + 4, type, 4);
	put_word(im, p + 8, p + 8, flags);
	put_word(im, p + 16, p + 24, off);
	put_word(im, p + 20, p + 32, size);
	put(im, im->is64 ? p + 40 : p + 24, link, 4);
	put_word(im, p + 36, p + 56, entsize);
	put_word(im, 32, 40, SHOFF);
	put(im, im->is64 ? 60 : 48, im->shnum, 2);
	if (SHOFF + im->shnum * (im->is64 ? 64u : 40u) > im->len)
		im->len = SHOFF + im->shnum * (im->is64 ? 64 : 40);
}

/* Append one note (4-byte aligned) at the end of the content area. */
static size_t add_note(struct img *im, const char *name, uint32_t type,
		       const void *desc, size_t descsz)
{
	size_t namesz = strlen(name) + 1, off = (im->data + 3) & ~(size_t)3;
	size_t p = off + 12;

	im->data = off;
	put(im, off, namesz, 4);
	put(im, off + 4, descsz, 4);
	put(im, off + 8, type, 4);
	memcpy(im->b + p, name, namesz);
	p = (p + namesz + 3) & ~(size_t)3;
	memcpy(im->b + p, desc, descsz);
	im->data = (p + descsz + 3) & ~(size_t)3;
	if (im->data > im->len)
		im->len = im->data;
	return off;
}

static void add_pvh_note_segment(struct img *im)
{
	uint32_t entry = 0x100000;
	size_t off = add_note(im, KUT_XEN_NOTE_NAME,
			      KUT_XEN_ELFNOTE_PHYS32_ENTRY, &entry, 4);

	add_phdr(im, ELF_PT_NOTE, off, im->data - off, 4);
}

static void add_kut_note_segment(struct img *im, const char *arch)
{
	size_t off = add_note(im, KUT_NOTE_NAME, KUT_NOTE_ARCH, arch,
			      strlen(arch) + 1);

	add_phdr(im, ELF_PT_NOTE, off, im->data - off, 4);
}

static void add_multiboot(struct img *im, size_t off, uint32_t flags,
			  uint32_t checksum_fudge)
{
	bool be = im->be;

	im->be = false;		/* multiboot fields are little endian */
	put(im, off, KUT_MULTIBOOT_MAGIC, 4);
	put(im, off + 4, flags, 4);
	put(im, off + 8, -(KUT_MULTIBOOT_MAGIC + flags) + checksum_fudge, 4);
	im->be = be;
}

static char tmpdir[] = "/tmp/kut-test-image.XXXXXX";

static const char *write_tmp(const char *name, const void *data, size_t len)
{
	static char path[256];
	static bool made;
	FILE *f;

	/* (Not "does it still end in X": mkdtemp's own suffix may.) */
	if (!made) {
		CHECK(mkdtemp(tmpdir) != NULL);
		made = true;
	}
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		if (len)
			CHECK(fwrite(data, 1, len, f) == len);
		fclose(f);
	}
	return path;
}

static struct image_info info;
static char err[256];

#define NOT_AN_IMAGE	"not a kut image (no ELF or arm64 Image header; for " \
			"a raw image without one, name its arch: --arch, " \
			"or a suite's config.mak)"

/* Detect through a real file, the way kut-run does; returns 0 or -1. */
static int detect(const char *name, const void *data, size_t len)
{
	const char *path = write_tmp(name, data, len);
	int r;

	err[0] = '\0';
	r = image_detect(path, &info, err, sizeof(err));
	unlink(path);
	return r;
}

static int detect_img(const struct img *im)
{
	return detect("t.elf", im->b, im->len);
}

TEST(missing_file)
{
	CHECK_INT(image_detect("/nonexistent/t.flat", &info, err,
			       sizeof(err)), -1);
	CHECK_STR(err, "No such file or directory");
}

TEST(empty_file)
{
	CHECK_INT(detect("empty.flat", "", 0), -1);
	CHECK_STR(err, "empty file, not a kut image");
}

TEST(text_file)
{
	const char *text = "#!/bin/sh\necho this is not a test image at all, "
			   "but it is long enough to hold every magic offset\n";

	CHECK_INT(detect("t.flat", text, strlen(text)), -1);
	CHECK_STR(err, NOT_AN_IMAGE);
}

/* Upstream's arm .flat has no header: the arch comes from the caller. */
TEST(headerless_raw_image_takes_the_arch_it_is_given)
{
	unsigned char raw[0x100];
	const char *path;

	memset(raw, 0xd5, sizeof(raw));
	path = write_tmp("up.flat", raw, sizeof(raw));
	CHECK_INT(image_detect_as(path, "arm64", &info, err, sizeof(err)), 0);
	CHECK_STR(info.arch, "arm64");
	CHECK_INT(info.boot, IMAGE_BOOT_RAW);
	CHECK(arch_for_image(&info, err, sizeof(err)) == arch_find("arm64"));
	CHECK_INT(image_detect_as(path, "arm", &info, err, sizeof(err)), 0);
	CHECK(arch_for_image(&info, err, sizeof(err)) == arch_find("arm"));
	CHECK_INT(image_detect_as(path, "riscv64", &info, err, sizeof(err)), 0);
	CHECK(arch_for_image(&info, err, sizeof(err)) == arch_find("riscv64"));
	/* x86 and s390x boot ELF files only: a raw file is refused. */
	CHECK_INT(image_detect_as(path, "x86_64", &info, err, sizeof(err)), 0);
	CHECK(arch_for_image(&info, err, sizeof(err)) == NULL);
	CHECK(!strncmp(err, "x86_64 image that QEMU cannot boot",
		       strlen("x86_64 image that QEMU cannot boot")));
	CHECK_INT(image_detect_as(path, "s390x", &info, err, sizeof(err)), 0);
	CHECK(arch_for_image(&info, err, sizeof(err)) == NULL);
	CHECK_INT(image_detect_as(path, "../x", &info, err, sizeof(err)), -1);
	CHECK_STR(err, "raw image of an unknown arch");
	/* A file that names its arch keeps it, whatever the hint. */
	raw[KUT_ARM_ZIMAGE_MAGIC_OFF] = 0x18;
	raw[KUT_ARM_ZIMAGE_MAGIC_OFF + 1] = 0x28;
	raw[KUT_ARM_ZIMAGE_MAGIC_OFF + 2] = 0x6f;
	raw[KUT_ARM_ZIMAGE_MAGIC_OFF + 3] = 0x01;
	path = write_tmp("up.flat", raw, sizeof(raw));
	CHECK_INT(image_detect_as(path, "arm64", &info, err, sizeof(err)), 0);
	CHECK_STR(info.arch, "arm");
	CHECK_INT(info.boot, IMAGE_BOOT_LINUX);
	unlink(path);
}

TEST(elf64_x86_64_with_pvh_note)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	CHECK_INT(detect_img(&im), 0);
	CHECK_STR(info.arch, "x86_64");
	CHECK(info.boot & IMAGE_BOOT_PVH);
	CHECK(info.boot & IMAGE_BOOT_ELF);
	CHECK(!info.kut_note);
	CHECK(arch_for_image(&info, err, sizeof(err)) == arch_find("x86_64"));
}

TEST(elf64_with_kut_note_names_the_arch)
{
	struct img im;

	/* An i386 ELF header, but our note says x86_64: the note wins. */
	elf_begin(&im, false, false, ELF_EM_386);
	add_kut_note_segment(&im, "x86_64");
	add_pvh_note_segment(&im);
	CHECK_INT(detect_img(&im), 0);
	CHECK_STR(info.arch, "x86_64");
	CHECK(info.kut_note);
	CHECK(info.boot & IMAGE_BOOT_PVH);
}

TEST(kut_note_in_a_section_only)
{
	struct img im;
	size_t off;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	off = add_note(&im, KUT_NOTE_NAME, KUT_NOTE_ARCH, "i386", 5);
	add_shdr(&im, ELF_SHT_NOTE, 0, off, im.data - off, 0, 0);
	CHECK_INT(detect_img(&im), 0);
	CHECK_STR(info.arch, "i386");
	CHECK(info.kut_note);
}

TEST(pvh_note_in_a_section_only_does_not_boot)
{
	struct img im;
	uint32_t entry = 0x100000;
	size_t off;

	/* QEMU reads notes through program headers, so this is no PVH. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	off = add_note(&im, "Xen", KUT_XEN_ELFNOTE_PHYS32_ENTRY, &entry, 4);
	add_shdr(&im, ELF_SHT_NOTE, 0, off, im.data - off, 0, 0);
	CHECK_INT(detect_img(&im), 0);
	CHECK(!(info.boot & IMAGE_BOOT_PVH));
}

TEST(corrupt_kut_note)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_kut_note_segment(&im, "x86 64!");
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt kut note (bad arch name)");
}

TEST(elf64_x86_64_without_boot_header_is_refused)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	CHECK_INT(detect_img(&im), 0);
	CHECK_STR(info.arch, "x86_64");
	CHECK_INT(info.boot, IMAGE_BOOT_ELF);
	CHECK(arch_for_image(&info, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "x86_64 image that QEMU cannot boot") == err);
	CHECK(strstr(err, "PVH") != NULL);
}

TEST(elf32_i386_with_multiboot_header)
{
	struct img im;

	elf_begin(&im, false, false, ELF_EM_386);
	add_multiboot(&im, 0x1000, 0x3, 0);
	CHECK_INT(detect_img(&im), 0);
	CHECK_STR(info.arch, "i386");
	CHECK(info.boot & IMAGE_BOOT_MULTIBOOT);
	CHECK(arch_for_image(&info, err, sizeof(err)) == arch_find("i386"));
}

/* Upstream's x86_64 images are ELF32 multiboot files: the suite says. */
TEST(elf32_multiboot_in_an_x86_64_suite_is_x86_64)
{
	const char *path;
	struct img im;

	elf_begin(&im, false, false, ELF_EM_386);
	add_multiboot(&im, 0x1000, 0x3, 0);
	path = write_tmp("t.elf", im.b, im.len);
	CHECK_INT(image_detect_as(path, "x86_64", &info, err, sizeof(err)), 0);
	CHECK_STR(info.arch, "x86_64");
	CHECK(arch_for_image(&info, err, sizeof(err)) == arch_find("x86_64"));
	CHECK_INT(image_detect_as(path, "i386", &info, err, sizeof(err)), 0);
	CHECK_STR(info.arch, "i386");
	unlink(path);
	/* Without the multiboot header it stays what its ELF header says. */
	elf_begin(&im, false, false, ELF_EM_386);
	path = write_tmp("t.elf", im.b, im.len);
	CHECK_INT(image_detect_as(path, "x86_64", &info, err, sizeof(err)), 0);
	CHECK_STR(info.arch, "i386");
	unlink(path);
}

TEST(multiboot_header_rules)
{
	struct img im;

	/* Bad checksum. */
	elf_begin(&im, false, false, ELF_EM_386);
	add_multiboot(&im, 0x1000, 0x3, 1);
	CHECK_INT(detect_img(&im), 0);
	CHECK(!(info.boot & IMAGE_BOOT_MULTIBOOT));
	/* Not 4-byte aligned. */
	elf_begin(&im, false, false, ELF_EM_386);
	add_multiboot(&im, 0x1002, 0x3, 0);
	CHECK_INT(detect_img(&im), 0);
	CHECK(!(info.boot & IMAGE_BOOT_MULTIBOOT));
	/* Beyond the first 8 KiB. */
	{
		unsigned char *big = calloc(1, 0x3000);

		elf_begin(&im, false, false, ELF_EM_386);
		memcpy(big, im.b, im.len);
		add_multiboot(&im, 0x1000, 0, 0);
		memcpy(big + 0x2000, im.b + 0x1000, 12);
		CHECK_INT(detect("far.elf", big, 0x3000), 0);
		CHECK(!(info.boot & IMAGE_BOOT_MULTIBOOT));
		free(big);
	}
	/* Last aligned slot that still fits in the 8 KiB window. */
	elf_begin(&im, false, false, ELF_EM_386);
	add_multiboot(&im, 8192 - 12, 0, 0);
	CHECK_INT(detect_img(&im), 0);
	CHECK(info.boot & IMAGE_BOOT_MULTIBOOT);
	/* ELF64: QEMU's multiboot loader refuses those. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_multiboot(&im, 0x1000, 0x3, 0);
	CHECK_INT(detect_img(&im), 0);
	CHECK(!(info.boot & IMAGE_BOOT_MULTIBOOT));
}

TEST(elf32_with_pvh_note)
{
	struct img im;

	elf_begin(&im, false, false, ELF_EM_386);
	add_pvh_note_segment(&im);
	CHECK_INT(detect_img(&im), 0);
	CHECK_STR(info.arch, "i386");
	CHECK(info.boot & IMAGE_BOOT_PVH);
}

static const char *arch_of_elf(bool is64, bool be, uint16_t machine)
{
	static struct img im;

	elf_begin(&im, is64, be, machine);
	if (detect_img(&im) < 0)
		return err;
	return info.arch;
}

TEST(elf_machines)
{
	CHECK_STR(arch_of_elf(true, false, ELF_EM_AARCH64), "arm64");
	CHECK_STR(arch_of_elf(false, false, ELF_EM_ARM), "arm");
	CHECK_STR(arch_of_elf(true, true, ELF_EM_PPC64), "ppc64");
	CHECK_STR(arch_of_elf(true, false, ELF_EM_PPC64), "ppc64le");
	CHECK_STR(arch_of_elf(true, false, ELF_EM_RISCV), "riscv64");
	CHECK_STR(arch_of_elf(true, true, ELF_EM_S390), "s390x");
	CHECK_STR(arch_of_elf(true, false, 0x1234),
		  "ELF image for machine 4660, which no kut arch uses");
}

TEST(arm_and_riscv_elf_boot_as_their_raw_image)
{
	static const uint16_t machines[] = {
		ELF_EM_AARCH64, ELF_EM_ARM, ELF_EM_RISCV,
	};
	struct img im;
	size_t i;

	/* QEMU's ELF loader skips the device tree: kut-run flattens it. */
	for (i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
		elf_begin(&im, machines[i] != ELF_EM_ARM, false, machines[i]);
		CHECK_INT(detect_img(&im), 0);
		CHECK(arch_for_image(&info, err, sizeof(err)) != NULL);
		CHECK(arch_boots_flattened(arch_find(info.arch), &info));
	}
	/* Raw images, and the arches QEMU boots ELF files for, are not. */
	CHECK(!arch_boots_flattened(arch_find("x86_64"), &info));
	CHECK(!arch_boots_flattened(arch_find("s390x"), &info));
	CHECK(!arch_boots_flattened(arch_find("ppc64"), &info));
	info.boot = IMAGE_BOOT_LINUX;
	CHECK(!arch_boots_flattened(arch_find("arm64"), &info));
}

/* Segment @n's physical address (add_phdr() leaves it 0). */
static void set_paddr(struct img *im, unsigned int n, uint64_t paddr)
{
	size_t p = PHOFF + n * (im->is64 ? 56 : 32);

	put_word(im, p + 12, p + 24, paddr);
}

static int flatten(const struct img *im, unsigned char **out, size_t *size)
{
	err[0] = '\0';
	return image_flatten_mem(im->b, im->len, out, size, err, sizeof(err));
}

TEST(flattening_places_segments_at_their_physical_addresses)
{
	static const char text[] = "code", data[] = "data";
	unsigned char *out = NULL;
	struct img im;
	size_t size = 0;
	bool is64;

	/* As objcopy -O binary: from the lowest, gaps zeroed, bss left out. */
	for (is64 = false; ; is64 = true) {
		elf_begin(&im, is64, is64, ELF_EM_AARCH64);
		add_phdr(&im, ELF_PT_LOAD, add_data(&im, data, 4), 4, 4);
		set_paddr(&im, 0, 0x40200010);
		add_phdr(&im, ELF_PT_LOAD, add_data(&im, text, 4), 4, 4);
		set_paddr(&im, 1, 0x40200000);
		add_phdr(&im, ELF_PT_LOAD, DATA_START, 0, 4);	/* bss only */
		set_paddr(&im, 2, 0x50000000);
		add_phdr(&im, ELF_PT_NOTE, DATA_START, 4, 4);
		CHECK_INT(flatten(&im, &out, &size), 0);
		CHECK_INT(size, 0x14);
		CHECK(out && !memcmp(out, "code", 4) &&
		      !memcmp(out + 0x10, "data", 4));
		CHECK(out && !memcmp(out + 4, "\0\0\0\0\0\0\0\0\0\0\0\0", 12));
		free(out);
		if (is64)
			break;
	}
	/* Nothing to load, absurd spreads, non-ELF input: clean errors. */
	elf_begin(&im, true, false, ELF_EM_AARCH64);
	CHECK_INT(flatten(&im, &out, &size), -1);
	CHECK_STR(err, "ELF file without loadable contents");
	add_phdr(&im, ELF_PT_LOAD, add_data(&im, text, 4), 4, 4);
	add_phdr(&im, ELF_PT_LOAD, add_data(&im, data, 4), 4, 4);
	set_paddr(&im, 1, 0x40000000);
	CHECK_INT(flatten(&im, &out, &size), -1);
	CHECK(!strncmp(err, "ELF segments spread over more than 256 MiB",
		       strlen("ELF segments spread over more than 256 MiB")));
	set_paddr(&im, 1, 0x1000000000ull);
	CHECK_INT(flatten(&im, &out, &size), -1);
	CHECK(!strncmp(err, "ELF segment above 4 GiB",
		       strlen("ELF segment above 4 GiB")));
	CHECK_INT(image_flatten_mem("raw", 3, &out, &size, err, sizeof(err)),
		  -1);
	CHECK_STR(err, "not an ELF file");
}
TEST(object_files_are_refused)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	put(&im, 16, ELF_ET_REL, 2);
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "ELF object file, not a linked image (link it first)");
	put(&im, 16, 4, 2);	/* ET_CORE */
	CHECK_INT(detect_img(&im), -1);
}

static int detect_raw(size_t off, uint32_t magic)
{
	unsigned char raw[0x80] = { 0 };

	memcpy(raw + off, &magic, 4);		/* host is little endian */
	return detect("Image", raw, sizeof(raw));
}

TEST(raw_linux_images)
{
	CHECK_INT(detect_raw(KUT_ARM64_IMAGE_MAGIC_OFF, KUT_ARM64_IMAGE_MAGIC), 0);
	CHECK_STR(info.arch, "arm64");
	CHECK_INT(info.boot, IMAGE_BOOT_LINUX);
	CHECK(arch_for_image(&info, err, sizeof(err)) != NULL);
	CHECK_INT(detect_raw(KUT_ARM_ZIMAGE_MAGIC_OFF, KUT_ARM_ZIMAGE_MAGIC), 0);
	CHECK_STR(info.arch, "arm");
	CHECK(arch_for_image(&info, err, sizeof(err)) != NULL);
	CHECK_INT(detect_raw(KUT_RISCV_IMAGE_MAGIC_OFF, KUT_RISCV_IMAGE_MAGIC), 0);
	CHECK_STR(info.arch, "riscv64");
	CHECK_INT(info.boot, IMAGE_BOOT_LINUX);
	CHECK(arch_for_image(&info, err, sizeof(err)) != NULL);
	/* s390x boots its big-endian ELF; 31-bit s390 has no row. */
	CHECK_STR(arch_of_elf(true, true, ELF_EM_S390), "s390x");
	CHECK_INT(info.boot, IMAGE_BOOT_ELF);
	CHECK(arch_for_image(&info, err, sizeof(err)) != NULL);
	CHECK_STR(arch_of_elf(false, true, ELF_EM_S390), "s390");
	CHECK(arch_for_image(&info, err, sizeof(err)) == NULL);
	CHECK_STR(err, "s390 image, but this kut-run has no s390 support");
	/* "ARM\x64" is really those bytes at 0x38. */
	{
		unsigned char raw[0x40] = { 0 };

		memcpy(raw + 0x38, "ARM\x64", 4);
		CHECK_INT(detect("Image", raw, sizeof(raw)), 0);
		CHECK_STR(info.arch, "arm64");
	}
}

TEST(raw_magic_in_a_short_file)
{
	unsigned char raw[0x3a] = { 0 };

	memcpy(raw + 0x38, "AR", 2);
	CHECK_INT(detect("short", raw, sizeof(raw)), -1);
	CHECK_STR(err, NOT_AN_IMAGE);
}

TEST(truncated_elf_headers)
{
	struct img im;
	size_t len;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	for (len = 1; len < 64; len++) {
		int r = detect("trunc.elf", im.b, len);

		if (len < 4) {
			CHECK_STR(err, NOT_AN_IMAGE);
		} else {
			CHECK_INT(r, -1);
			CHECK_STR(err, "truncated ELF header");
		}
	}
	elf_begin(&im, false, false, ELF_EM_386);
	CHECK_INT(detect("trunc32.elf", im.b, 51), -1);
	CHECK_STR(err, "truncated ELF header");
}

TEST(bad_ident_bytes)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	im.b[4] = 3;
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: unknown class");
	elf_begin(&im, true, false, ELF_EM_X86_64);
	im.b[5] = 0;
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: unknown byte order");
}

TEST(hostile_huge_phnum)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	put(&im, 56, 0xffff, 2);
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: program headers lie past the end of the file");
}

TEST(hostile_program_header_offsets)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	put(&im, 32, 0xfffffffffffffff0ull, 8);		/* e_phoff */
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: program headers lie past the end of the file");
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	put(&im, 54, 8, 2);				/* e_phentsize */
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: bad program header size");
}

TEST(hostile_segment_past_eof)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_phdr(&im, ELF_PT_NOTE, 0x7fffffffffffffffull, 0x100, 4);
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: a segment lies past the end of the file");
	elf_begin(&im, false, false, ELF_EM_386);
	add_phdr(&im, ELF_PT_NOTE, 0x100, 0xffffffff, 4);
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: a segment lies past the end of the file");
}

TEST(hostile_notes)
{
	struct img im;
	size_t off;

	/* A note whose descsz runs past the segment that holds it. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	off = add_note(&im, "Xen", 18, "abcd", 4);
	put(&im, off + 4, 0xfffffff0, 4);
	add_phdr(&im, ELF_PT_NOTE, off, 20, 4);
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: a note runs past its table");
	/* A huge namesz. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	off = add_note(&im, "Xen", 18, "abcd", 4);
	put(&im, off, 0xffffffff, 4);
	add_phdr(&im, ELF_PT_NOTE, off, im.data - off, 4);
	CHECK_INT(detect_img(&im), -1);
	/* A note table too short for a note header. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	off = add_note(&im, "Xen", 18, "abcd", 4);
	add_phdr(&im, ELF_PT_NOTE, off, 5, 4);
	CHECK_INT(detect_img(&im), -1);
	/* An empty note table is fine. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_phdr(&im, ELF_PT_NOTE, PHOFF, 0, 4);
	CHECK_INT(detect_img(&im), 0);
}

TEST(hostile_sections)
{
	struct img im;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	add_shdr(&im, ELF_SHT_NOTE, 0, 0xffffffffffff0000ull, 0x100, 0, 0);
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: a section lies past the end of the file");
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	add_shdr(&im, ELF_SHT_NOTE, 0, 0x100, 0, 0, 0);
	put(&im, 60, 0xffff, 2);				/* e_shnum */
	CHECK_INT(detect_img(&im), -1);
	CHECK_STR(err, "corrupt ELF: section headers lie past the end of the file");
	/* NOBITS sections take no file space, wherever they claim to be. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_pvh_note_segment(&im);
	add_shdr(&im, ELF_SHT_NOBITS, 0, 0xffffffffffff0000ull, 0x10000, 0, 0);
	CHECK_INT(detect_img(&im), 0);
}

TEST(random_garbage_never_crashes)
{
	struct img im;
	unsigned int seed = 12345, i, j;

	/* Valid ELF headers, random everything after: detect must survive. */
	for (i = 0; i < 2000; i++) {
		elf_begin(&im, i & 1, i & 2, ELF_EM_X86_64);
		add_pvh_note_segment(&im);
		add_shdr(&im, ELF_SHT_NOTE, 0, 0x200, 0x20, 0, 0);
		for (j = 0; j < 8; j++) {
			seed = seed * 1103515245 + 12345;
			im.b[24 + (seed >> 8) % (im.len - 24)] = (unsigned char)(seed >> 16);
		}
		image_detect_mem(im.b, im.len, &info, err, sizeof(err));
	}
	CHECK(1);
}

/* Symbols from synthesized ELF files of other classes and byte orders. */
static void add_symtab(struct img *im, bool arm)
{
	static const char strtab[] = "\0main\0helper\0$a\0.Lfoo\0start\0data";
	size_t stroff = add_data(im, strtab, sizeof(strtab));
	size_t entsize = im->is64 ? 24 : 16, off, i;
	struct {
		uint32_t name;
		uint64_t value, size;
		unsigned char info;
		uint16_t shndx;
	} syms[] = {
		{ 0, 0, 0, 0, 0 },
		{ 1, 0x1000 | arm, 0x40, ELF_STT_FUNC | 0x10, 3 },  /* main */
		{ 6, 0x1040 | arm, 0x20, ELF_STT_FUNC, 3 },	     /* helper */
		{ 13, 0x1050, 0, ELF_STT_NOTYPE, 3 },		     /* $a */
		{ 16, 0x1058, 0, ELF_STT_NOTYPE, 3 },		     /* .Lfoo */
		{ 22, 0x2000, 0, ELF_STT_NOTYPE, 3 },		     /* start */
		{ 28, 0x3000, 8, 1 /* OBJECT */, 4 },		     /* data */
	};
	off = (im->data + 7) & ~(size_t)7;
	for (i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		size_t p = off + i * entsize;

		put(im, p, syms[i].name, 4);
		if (im->is64) {
			im->b[p + 4] = syms[i].info;
			put(im, p + 6, syms[i].shndx, 2);
			put(im, p + 8, syms[i].value, 8);
			put(im, p + 16, syms[i].size, 8);
		} else {
			put(im, p + 4, syms[i].value, 4);
			put(im, p + 8, syms[i].size, 4);
			im->b[p + 12] = syms[i].info;
			put(im, p + 14, syms[i].shndx, 2);
		}
	}
	im->data = off + i * entsize;
	/* Sections: 1 .symtab, 2 .strtab, 3 .text (code), 4 .data. */
	add_shdr(im, ELF_SHT_SYMTAB, 0, off, i * entsize, 2, entsize);
	add_shdr(im, 3 /* STRTAB */, 0, stroff, sizeof(strtab), 0, 0);
	add_shdr(im, 1 /* PROGBITS */, ELF_SHF_EXECINSTR | 2, 0x200, 0, 0, 0);
	add_shdr(im, 1, 3, 0x200, 0, 0, 0);
}

/* Build an ELF with add_symtab() and check what symtab_load_mem reads. */
static void check_symbols(bool is64, bool be, uint16_t machine)
{
	bool arm = machine == ELF_EM_ARM;
	struct symtab *tab;
	struct img im;
	uint64_t off = 99;

	elf_begin(&im, is64, be, machine);
	add_symtab(&im, arm);
	tab = symtab_load_mem(im.b, im.len, err, sizeof(err));
	CHECK(tab != NULL);
	if (!tab)
		return;
	CHECK_STR(symtab_lookup(tab, 0x1000, &off), "main");
	CHECK_INT(off, 0);
	CHECK_STR(symtab_lookup(tab, 0x103f, &off), "main");
	CHECK_INT(off, 0x3f);
	CHECK_STR(symtab_lookup(tab, 0x1044, &off), "helper");
	CHECK_INT(off, 4);
	/* $a and .Lfoo are not names: helper's size ends at 0x1060. */
	CHECK_STR(symtab_lookup(tab, 0x1058, &off), "helper");
	CHECK(symtab_lookup(tab, 0x1060, &off) == NULL);
	CHECK(symtab_lookup(tab, 0xfff, &off) == NULL);
	/* An untyped code label without a size reaches to the next one. */
	CHECK_STR(symtab_lookup(tab, 0x2100, &off), "start");
	CHECK_INT(off, 0x100);
	/* Data symbols are never functions; start's reach goes past them. */
	CHECK_STR(symtab_lookup(tab, 0x3004, &off), "start");
	symtab_free(tab);
}

TEST(symtab_from_elf32_big_endian)
{
	check_symbols(false, true, 8 /* EM_MIPS: any machine will do */);
}

TEST(symtab_from_elf64_little_endian)
{
	check_symbols(true, false, ELF_EM_AARCH64);
}

TEST(symtab_arm_thumb_bit_is_not_part_of_the_address)
{
	check_symbols(false, false, ELF_EM_ARM);
}

TEST(symtab_errors)
{
	struct img im;
	const char *text = "hello";

	CHECK(symtab_load_mem(text, strlen(text), err, sizeof(err)) == NULL);
	CHECK_STR(err, "not an ELF file");
	elf_begin(&im, true, false, ELF_EM_X86_64);
	CHECK(symtab_load_mem(im.b, im.len, err, sizeof(err)) == NULL);
	CHECK_STR(err, "no .symtab (stripped?)");
	/* String table index out of range. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_shdr(&im, ELF_SHT_SYMTAB, 0, 0x200, 24, 77, 24);
	CHECK(symtab_load_mem(im.b, im.len, err, sizeof(err)) == NULL);
	CHECK_STR(err, "corrupt ELF: bad .symtab string table");
	/* Entry size too small to hold a symbol. */
	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_shdr(&im, ELF_SHT_SYMTAB, 0, 0x200, 24, 2, 4);
	add_shdr(&im, 3, 0, 0x200, 1, 0, 0);
	CHECK(symtab_load_mem(im.b, im.len, err, sizeof(err)) == NULL);
	CHECK_STR(err, "corrupt ELF: bad .symtab entry size");
}

TEST(symtab_names_past_strtab_are_skipped)
{
	struct img im;
	struct symtab *tab;
	uint64_t off;

	elf_begin(&im, true, false, ELF_EM_X86_64);
	add_symtab(&im, false);
	/* Shrink .strtab to 3 bytes: "main" no longer fits, others vanish. */
	put(&im, SHOFF + 2 * 64 + 32, 3, 8);
	tab = symtab_load_mem(im.b, im.len, err, sizeof(err));
	CHECK(tab != NULL);
	if (tab) {
		/* "ma" is what is left of main's name, cut at the table end. */
		CHECK_STR(symtab_lookup(tab, 0x1000, &off), "ma");
		CHECK(symtab_lookup(tab, 0x1044, &off) == NULL);
	}
	symtab_free(tab);
}

TEST(zz_cleanup)
{
	CHECK(rmdir(tmpdir) == 0);
}
