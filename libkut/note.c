// SPDX-License-Identifier: MIT
/*
 * note.c - the "kut" ELF note naming the image's arch (kut_abi.h), so
 * that kut-run tells i386 from x86_64 images and rejects an image built
 * for an arch its QEMU cannot run, from the file alone.
 */
#include <stdint.h>
#include <kut_abi.h>

#ifndef KUT_ARCH
#error "KUT_ARCH (the arch name) must be defined when building libkut"
#endif

struct kut_arch_note {
	uint32_t namesz;
	uint32_t descsz;
	uint32_t type;
	char name[4];
	char desc[(sizeof(KUT_ARCH) + 3) & ~3];
};

__attribute__((section(".note.kut"), used, aligned(4)))
static const struct kut_arch_note kut_arch_note = {
	.namesz = sizeof(KUT_NOTE_NAME),
	.descsz = sizeof(KUT_ARCH),
	.type = KUT_NOTE_ARCH,
	.name = KUT_NOTE_NAME,
	.desc = KUT_ARCH,
};
