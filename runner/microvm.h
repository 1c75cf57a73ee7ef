/* SPDX-License-Identifier: MIT */
/*
 * microvm.h - which upstream x86 images kut-run boots on QEMU's microvm
 * machine (a faster start than pc with SeaBIOS), by what the image holds.
 */
#ifndef KUT_RUNNER_MICROVM_H
#define KUT_RUNNER_MICROVM_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether the x86 ELF at @path can need nothing of pc that microvm lacks:
 * it loads at or above 1 MiB and has no PCI, ACPI or HPET function.  When
 * not, @why says what keeps it on pc.
 */
bool microvm_fits_image(const char *path, char *why, size_t whysize);

#endif /* KUT_RUNNER_MICROVM_H */
