// SPDX-License-Identifier: MIT
/* uv.c - whether this is a protected guest (uv.h). */
#include <libcflat.h>
#include <uv.h>
#include <asm/facility.h>

bool uv_os_is_guest(void)
{
	return test_facility(158);
}
