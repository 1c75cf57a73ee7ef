// SPDX-License-Identifier: MIT
/*
 * arch-stubs.c - libkut's arch interface (libkut/arch.h) on the host,
 * under the "kut_" prefix the host build gives every libkut symbol.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "arch-stubs.h"

char host_console[1 << 16];
size_t host_console_len;

static jmp_buf exit_jmp;
static int exit_armed;

void host_console_reset(void)
{
	host_console_len = 0;
	host_console[0] = '\0';
}

void kut_arch_console_write(const char *buf, size_t len);
void kut_arch_console_write(const char *buf, size_t len)
{
	size_t room = sizeof(host_console) - 1 - host_console_len;

	if (len > room)
		len = room;
	memcpy(host_console + host_console_len, buf, len);
	host_console_len += len;
	host_console[host_console_len] = '\0';
}

void kut_arch_exit(int code) __attribute__((noreturn));
void kut_arch_exit(int code)
{
	if (!exit_armed)
		abort();
	longjmp(exit_jmp, code + 1);
}

int kut_arch_backtrace(const void *frame, const void **ret, int max);
int kut_arch_backtrace(const void *frame, const void **ret, int max)
{
	(void)frame;
	(void)ret;
	(void)max;
	return 0;
}

int host_run(void (*fn)(void))
{
	int r;

	r = setjmp(exit_jmp);
	if (r) {
		exit_armed = 0;
		return r - 1;
	}
	exit_armed = 1;
	fn();
	exit_armed = 0;
	return -1;
}
