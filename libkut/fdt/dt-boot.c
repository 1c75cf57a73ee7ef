// SPDX-License-Identifier: MIT
/*
 * dt-boot.c - taking over the firmware's device tree at boot (dt-boot.h).
 * QEMU leaves it in RAM the page allocator is about to hand out (near
 * the top of RAM, or after the image): it moves to right after the
 * image, a region boot keeps out of the allocator.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/page.h>

#include "../boot.h"
#include "dt-boot.h"

void dt_boot_fail(const char *what, int err)
{
	printf("kut: device tree: %s: %s\n", what, fdt_strerror(err));
	abort();
}

void dt_boot_init(const void *fdt, uintptr_t *end)
{
	void *copy = __image_end;
	size_t size;
	int ret;

	if (!fdt || fdt_check_header(fdt) < 0) {
		printf("kut: no valid device tree at %p (was the image booted as a kernel, with -kernel?)\n",
		       fdt);
		abort();
	}
	size = fdt_totalsize(fdt);
	memmove(copy, fdt, size);
	*end = PAGE_ALIGN((uintptr_t)copy + size);
	ret = dt_init(copy);
	if (ret < 0)
		dt_boot_fail("header", ret);
}
