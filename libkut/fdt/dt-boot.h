/* SPDX-License-Identifier: MIT */
/*
 * dt-boot.h - the first steps of booting from a device tree, the same on
 * every device-tree arch (internal, not installed).
 */
#ifndef KUT_FDT_DT_BOOT_H
#define KUT_FDT_DT_BOOT_H

#include <stdint.h>

/*
 * Copy the device tree the firmware left at @fdt to the end of the image
 * (or of an initrd loaded right after it), where the page allocator will
 * not hand it out, and dt_init() the copy; *@end is the first page after
 * it.  Ends the test with a message if @fdt holds no valid device tree.
 */
void dt_boot_init(const void *fdt, uintptr_t *end);

struct kut_boot_info;
struct dt_pbus_reg;

/*
 * Give @bi the RAM of the memory nodes, less what the tree reserves
 * (/memreserve/ entries, /reserved-memory nodes) and the image with the
 * tree's copy, [__image_start, @reserved_end).  The nodes' ranges go to
 * @regs (at most @max); returns how many, ending the test with a message
 * if there is none.
 */
int dt_boot_memory(struct kut_boot_info *bi, uintptr_t reserved_end,
		   struct dt_pbus_reg *regs, int max);

/* /chosen's bootargs and initrd (the environment) into @bi. */
void dt_boot_args(struct kut_boot_info *bi);

/* Print what of the device tree was wrong (@err: -FDT_ERR_*) and abort. */
void dt_boot_fail(const char *what, int err) __attribute__((noreturn));

#endif /* KUT_FDT_DT_BOOT_H */
