/* SPDX-License-Identifier: MIT */
/*
 * format.h - the printf formatter's core, shared by vsnprintf() (printf.c)
 * and the console functions (console.c); internal to libkut.
 *
 * The formatter hands its output to a sink in pieces as it goes, so it
 * needs no buffer of its own and no output is ever cut at a fixed length:
 * vsnprintf's sink copies into the caller's buffer, the console's sink
 * gathers a small chunk and writes it to the UART whenever it fills.
 */
#ifndef KUT_LIBKUT_FORMAT_H
#define KUT_LIBKUT_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

struct format_sink {
	/* Take @len bytes of output (not NUL-terminated); never fails. */
	void (*write)(struct format_sink *sink, const char *s, size_t len);
};

/*
 * Format @fmt with @va into @sink, as vsnprintf() documents it in
 * printf.c.  Returns the number of bytes produced, or -1 if that exceeds
 * INT_MAX (the output still went to the sink).
 */
int format_vprint(struct format_sink *sink, const char *fmt, va_list va);

#endif /* KUT_LIBKUT_FORMAT_H */
