// SPDX-License-Identifier: MIT
/*
 * fuzz-image.c - libFuzzer target: a file given as an image, through
 * detection (ELF, multiboot, arm64/riscv Image, zImage headers) and the
 * ELF-to-flat conversion kut-run makes for arches booting raw images.
 */
#include "fuzz.h"
#include "image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image_info info;
	unsigned char *flat = NULL;
	size_t flat_size;
	char err[256];

	image_detect_mem(data, size, &info, err, sizeof(err));
	if (image_flatten_mem(data, size, &flat, &flat_size, err,
			      sizeof(err)) == 0)
		free(flat);
	return 0;
}
