/* SPDX-License-Identifier: MIT */
/*
 * console.h - what the library itself needs from console.c beyond the
 * API (internal, not installed).
 */
#ifndef KUT_LIBKUT_CONSOLE_H
#define KUT_LIBKUT_CONSOLE_H

/*
 * Print the guest's exit line, KUT_EXIT_STATUS_LINE "<status>" (kut_abi.h),
 * on a line of its own: a newline first only when the console is in the
 * middle of a line, so a test's output gains no blank line.
 */
void console_exit_line(int status);

#endif /* KUT_LIBKUT_CONSOLE_H */
