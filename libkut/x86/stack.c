// SPDX-License-Identifier: MIT
/*
 * stack.c - x86_64 backtraces by walking the frame-pointer chain (kut
 * builds with -fno-omit-frame-pointer): each frame holds the caller's rbp
 * and the return address.  The walk stops at rbp == 0 (set at entry), at
 * a misaligned or unmapped frame, or when frames stop going up the stack.
 */
#include <stdint.h>

#include "../arch.h"
#include "../boot.h"

#define MAPPED_LIMIT	(4ull << 30)

int arch_backtrace(const void *frame, const void **ret, int max)
{
	const uintptr_t *fp = frame ? frame : __builtin_frame_address(0);
	int n = 0;

	while (n < max && fp) {
		uintptr_t f = (uintptr_t)fp;

		if ((f & 7) || f < 4096 || f + 16 > MAPPED_LIMIT)
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
