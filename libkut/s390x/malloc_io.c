// SPDX-License-Identifier: MIT
/* malloc_io.c - alloc_io_mem() and free_io_mem() (malloc_io.h). */
#include <libcflat.h>
#include <alloc_page.h>
#include <malloc_io.h>
#include <asm/memory_areas.h>
#include <asm/page.h>

static unsigned int io_order(int size)
{
	return get_order(PAGE_ALIGN((unsigned long)size) >> PAGE_SHIFT);
}

void *alloc_io_mem(int size, int flags)
{
	assert(size > 0);
	return alloc_pages_flags(io_order(size), AREA_DMA31 | flags);
}

void free_io_mem(void *p, int size)
{
	assert(IS_ALIGNED((uintptr_t)p, PAGE_SIZE));
	free_pages_by_order(p, io_order(size));
}
