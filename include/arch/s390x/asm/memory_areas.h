/* SPDX-License-Identifier: MIT */
/*
 * asm/memory_areas.h - the page allocator's areas on s390x (alloc_page.h):
 * AREA_LOW is RAM below 2 GiB, which 31-bit structures need (SCCBs,
 * channel programs, ORBs: AREA_DMA31 says so), AREA_NORMAL the RAM above
 * it.  A request for any area tries AREA_NORMAL first, which keeps low
 * memory for the requests that need it.
 */
#ifndef _ASMS390X_MEMORY_AREAS_H_
#define _ASMS390X_MEMORY_AREAS_H_

#define AREA_NORMAL_PFN		(1 << 19)
#define AREA_NORMAL_NUMBER	0
#define AREA_NORMAL		(1 << AREA_NORMAL_NUMBER)

#define AREA_LOW_PFN		0
#define AREA_LOW_NUMBER		1
#define AREA_LOW		(1 << AREA_LOW_NUMBER)

#define MAX_AREAS		2

#define AREA_DMA31		AREA_LOW

#endif /* _ASMS390X_MEMORY_AREAS_H_ */
