// SPDX-License-Identifier: MIT
/*
 * stack.c - arm and arm64 backtraces by walking frame records (kut
 * builds with -fno-omit-frame-pointer).
 *
 * arm64: x29 points at {previous x29, return address}.  arm: the record
 * a frame pointer points at depends on the compiler that built the
 * function: Clang's fp points at {previous fp, lr}, GCC's (ARM state)
 * at the saved lr with the previous fp just below it.  We walk with the
 * layout of the compiler that built libkut.  Caveat: a test built with
 * the other compiler shows only the frames up to its own code.  The walk
 * stops at a zero, misaligned or non-RAM frame pointer, or when frames
 * stop going up the stack.
 */
#include <libcflat.h>
#include <asm/setup.h>

#include "../arch.h"

static bool frame_ok(uintptr_t f)
{
	return f && !(f & (sizeof(long) - 1)) && f >= (1UL << 30);
}

int arch_backtrace(const void *frame, const void **ret, int max)
{
	uintptr_t fp = (uintptr_t)(frame ? frame : __builtin_frame_address(0));
	const uintptr_t *rec;
	uintptr_t next, lr;
	int n = 0;

	while (n < max && frame_ok(fp)) {
#if defined(__aarch64__) || defined(__clang__)
		rec = (const uintptr_t *)fp;
		next = rec[0];
		lr = rec[1];
#else
		rec = (const uintptr_t *)fp;
		lr = rec[0];
		next = rec[-1];
#endif
		if (!lr)
			break;
		ret[n++] = (const void *)lr;
		if (next <= fp)
			break;
		fp = next;
	}
	return n;
}
