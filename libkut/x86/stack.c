// SPDX-License-Identifier: MIT
/*
 * stack.c - x86 backtraces (both modes) by walking the frame-pointer
 * chain (kut builds with -fno-omit-frame-pointer): each frame holds the
 * caller's frame pointer and the return address.  The walk stops at a
 * frame pointer of 0 (set at entry), at a misaligned frame or one outside
 * the boot map, or when frames stop going up the stack.
 */
#include <libcflat.h>

#include "../arch.h"
#include "x86.h"

int arch_backtrace(const void *frame, const void **ret, int max)
{
	const uintptr_t *fp = frame ? frame : __builtin_frame_address(0);
	int n = 0;

	while (n < max && fp) {
		uintptr_t f = (uintptr_t)fp;

		if ((f & (sizeof(f) - 1)) || f < 4096 ||
		    f + 2 * sizeof(f) > X86_BOOT_MAPPED)
			break;
		if (!fp[1])
			break;
		ret[n++] = (const void *)fp[1];
		if (fp[0] <= f)
			break;
		fp = (const uintptr_t *)fp[0];
	}
	return n;
}
