// SPDX-License-Identifier: MIT
/*
 * console.c - printf(), vprintf(), puts(), putchar(), getchar() and
 * print_binstr() on the arch's console (arch_console_write()).
 *
 * Several CPUs print at once in SMP tests, so each call holds the console
 * lock from its first byte out to its last: lines from different CPUs
 * never mix.  printf() formats into a chunk of CHUNK bytes on the stack
 * and writes it out whenever it fills, so a message has no maximum length
 * and needs no big buffer.  The lock is only taken once there is
 * something to write: a message that fits in one chunk (nearly all do) is
 * formatted unlocked, so when formatting faults (a bad %s pointer) the
 * exception handler can still print its report.  Caveat: a fault while
 * formatting a longer message, or printing from an interrupt that hit a
 * console write on the same CPU, waits on the lock forever.
 */
#include <libcflat.h>
#include <asm/spinlock.h>
#include <asm/barrier.h>
#include <kut_abi.h>

#include "arch.h"
#include "console.h"
#include "format.h"

#define CHUNK	256

static struct spinlock console_lock;
static bool mid_line;	/* the last byte written was not a newline */

/* arch_console_write() for a holder of the lock. */
static void console_write(const char *s, size_t len)
{
	if (!len)
		return;
	arch_console_write(s, len);
	mid_line = s[len - 1] != '\n';
}

struct console_sink {
	struct format_sink sink;
	bool locked;
	size_t len;
	char buf[CHUNK];
};

/* Write out the chunk, taking the lock first if this is the first write. */
static void console_flush(struct console_sink *c)
{
	if (!c->locked) {
		spin_lock(&console_lock);
		c->locked = true;
	}
	console_write(c->buf, c->len);
	c->len = 0;
}

static void console_sink_write(struct format_sink *sink, const char *s,
			       size_t n)
{
	struct console_sink *c = container_of(sink, struct console_sink, sink);
	size_t k;

	while (n) {
		if (c->len == CHUNK)
			console_flush(c);
		k = CHUNK - c->len;
		if (k > n)
			k = n;
		memcpy(c->buf + c->len, s, k);
		c->len += k;
		s += k;
		n -= k;
	}
}

int vprintf(const char *fmt, va_list va)
{
	struct console_sink c = {
		.sink = { .write = console_sink_write },
		.locked = false,
		.len = 0,
	};
	int ret;

	ret = format_vprint(&c.sink, fmt, va);
	console_flush(&c);
	spin_unlock(&console_lock);
	return ret;
}

int printf(const char *fmt, ...)
{
	va_list va;
	int ret;

	va_start(va, fmt);
	ret = vprintf(fmt, va);
	va_end(va);
	return ret;
}

void puts(const char *s)
{
	spin_lock(&console_lock);
	console_write(s, strlen(s));
	spin_unlock(&console_lock);
}

int putchar(int c)
{
	char ch = (char)c;

	spin_lock(&console_lock);
	console_write(&ch, 1);
	spin_unlock(&console_lock);
	return (unsigned char)ch;
}

void console_exit_line(int status)
{
	char line[32];
	int n;

	n = snprintf(line, sizeof(line), KUT_EXIT_STATUS_LINE "%d\n", status);
	spin_lock(&console_lock);
	if (mid_line)
		console_write("\n", 1);
	console_write(line, (size_t)n);
	spin_unlock(&console_lock);
}

/* An arch without console input (see arch.h) never has a byte waiting. */
__attribute__((weak)) int arch_console_read(void)
{
	return -1;
}

int __getchar(void)
{
	return arch_console_read();
}

int getchar(void)
{
	int c;

	while ((c = __getchar()) < 0)
		cpu_relax();
	return c;
}

void print_binstr(unsigned long x)
{
	char out[BINSTR_SZ];

	binstr(x, out);
	puts(out);
}
