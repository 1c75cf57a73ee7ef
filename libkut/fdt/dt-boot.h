/* SPDX-License-Identifier: MIT */
/*
 * dt-boot.h - the first steps of booting from a device tree, the same on
 * arm and riscv (internal, not installed).
 */
#ifndef KUT_FDT_DT_BOOT_H
#define KUT_FDT_DT_BOOT_H

#include <stdint.h>

/*
 * Copy the device tree the firmware left at @fdt to the end of the image
 * (where the page allocator will not hand it out), and dt_init() the
 * copy; *@end is the first page after it.  Ends the test with a message
 * if @fdt holds no valid device tree.
 */
void dt_boot_init(const void *fdt, uintptr_t *end);

/* Print what of the device tree was wrong (@err: -FDT_ERR_*) and abort. */
void dt_boot_fail(const char *what, int err) __attribute__((noreturn));

#endif /* KUT_FDT_DT_BOOT_H */
