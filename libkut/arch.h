/* SPDX-License-Identifier: MIT */
/*
 * arch.h - the per-arch interface of libkut (internal, not installed).
 *
 * Common code (the .c files directly in libkut/) is portable C: it builds for every guest arch
 * and for the host (where tests/host/arch-stubs.c provides this interface),
 * so that printf, the allocators, argv parsing and the report API are unit
 * tested on the build machine.  Everything that touches hardware sits behind
 * the few functions below, implemented once per arch family in
 * libkut/<family>/.
 */
#ifndef KUT_LIBKUT_ARCH_H
#define KUT_LIBKUT_ARCH_H

#include <stddef.h>
#include <stdbool.h>

/* Write raw bytes to the console (the UART the arch's runner attaches). */
void arch_console_write(const char *buf, size_t len);

/*
 * Stop the machine and hand @code to the host through the arch's test
 * device; kut-run turns it into its exit status (kut_abi.h).
 */
void arch_exit(int code) __attribute__((noreturn));

/*
 * Fill @ret with up to @max return addresses of the call chain that starts
 * at frame pointer @frame (NULL: the caller's own chain).  Returns how many
 * were found; stops at the first frame that does not look valid.
 */
int arch_backtrace(const void *frame, const void **ret, int max);

#endif /* KUT_LIBKUT_ARCH_H */
