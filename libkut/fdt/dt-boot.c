// SPDX-License-Identifier: MIT
/*
 * dt-boot.c - taking over the firmware's device tree at boot (dt-boot.h).
 * QEMU leaves it in RAM the page allocator is about to hand out (near
 * the top of RAM, or after the image): it moves to right after the
 * image, a region boot keeps out of the allocator.  Then the RAM, less
 * what the tree reserves, and /chosen's command line and environment.
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
	const char *initrd;
	u32 initrd_size;
	size_t size;
	int ret;

	if (!fdt || fdt_check_header(fdt) < 0) {
		printf("kut: no valid device tree at %p (was the image booted as a kernel, with -kernel?)\n",
		       fdt);
		abort();
	}
	size = fdt_totalsize(fdt);
	/*
	 * An initrd QEMU put right after the image (pseries does) stays
	 * where it is: the copy goes after it, and is kept with it.
	 */
	if (dt_init(fdt) == 0 && dt_get_initrd(&initrd, &initrd_size) == 0 &&
	    initrd >= __image_start && initrd + initrd_size > (char *)copy)
		copy = (void *)PAGE_ALIGN((uintptr_t)initrd + initrd_size);
	memmove(copy, fdt, size);
	*end = PAGE_ALIGN((uintptr_t)copy + size);
	ret = dt_init(copy);
	if (ret < 0)
		dt_boot_fail("header", ret);
}

#define MAX_RESERVED	16

struct range {
	u64 start, end;
};

/* The RAM the device tree keeps for firmware: memreserves and nodes. */
static int reserved_ranges(struct range *r, int max)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg reg;
	int n = 0, i, node, parent;
	u64 addr, size;

	for (i = 0; i < fdt_num_mem_rsv(fdt) && n < max; i++) {
		if (fdt_get_mem_rsv(fdt, i, &addr, &size) == 0 && size)
			r[n++] = (struct range){ addr, addr + size };
	}
	parent = fdt_path_offset(fdt, "/reserved-memory");
	if (parent < 0)
		return n;
	fdt_for_each_subnode(node, fdt, parent) {
		for (i = 0; n < max && dt_pbus_translate_node(node, i, &reg) == 0; i++)
			r[n++] = (struct range){ reg.addr, reg.addr + reg.size };
	}
	return n;
}

/* Add [start, end) but the reserved ranges @r[0 .. n) to the RAM list. */
static void add_ram(struct kut_boot_info *bi, u64 start, u64 end,
		    const struct range *r, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (r[i].end <= start || r[i].start >= end)
			continue;
		add_ram(bi, start, r[i].start, r + i + 1, n - i - 1);
		add_ram(bi, r[i].end, end, r + i + 1, n - i - 1);
		return;
	}
	if (start < end && kut_boot_add_mem(bi, start, end) < 0)
		printf("kut: too many RAM regions; [%#llx, %#llx) ignored\n",
		       (unsigned long long)start, (unsigned long long)end);
}

int dt_boot_memory(struct kut_boot_info *bi, uintptr_t reserved_end,
		   struct dt_pbus_reg *regs, int max)
{
	struct range resv[MAX_RESERVED];
	int n, nr_resv, i;

	n = dt_get_memory_params(regs, max);
	if (n < 0)
		dt_boot_fail("memory nodes", n);
	if (n == 0)
		dt_boot_fail("memory nodes", -FDT_ERR_NOTFOUND);
	resv[0] = (struct range){ (uintptr_t)__image_start, reserved_end };
	nr_resv = 1 + reserved_ranges(resv + 1, MAX_RESERVED - 1);
	for (i = 0; i < n; i++)
		add_ram(bi, regs[i].addr, regs[i].addr + regs[i].size, resv, nr_resv);
	return n;
}

void dt_boot_args(struct kut_boot_info *bi)
{
	const char *initrd;
	u32 initrd_size;

	dt_get_bootargs(&bi->cmdline);
	if (dt_get_initrd(&initrd, &initrd_size) == 0) {
		bi->initrd = initrd;
		bi->initrd_size = initrd_size;
	}
}
