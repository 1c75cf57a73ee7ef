/* SPDX-License-Identifier: MIT */
/*
 * arch-stubs.h - the host's implementation of libkut's arch interface.
 *
 * Host tests link libkut's common code with every symbol prefixed "kut_"
 * (so it cannot clash with the host libc).  These stubs stand in for the
 * arch layer: console output is captured in a buffer, and the guest's
 * exit() returns to the test through host_run().
 */
#ifndef KUT_HOST_ARCH_STUBS_H
#define KUT_HOST_ARCH_STUBS_H

#include <stddef.h>

/* Everything the common code wrote to the console since the last reset. */
extern char host_console[1 << 16];
extern size_t host_console_len;
void host_console_reset(void);

/*
 * Call @fn; if it ends in the guest's exit(), return that exit code,
 * otherwise return -1.
 */
int host_run(void (*fn)(void));

#endif
