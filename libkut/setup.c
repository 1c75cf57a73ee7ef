// SPDX-License-Identifier: MIT
/*
 * setup.c - common start-up, shared by every arch: from the boot info the
 * arch collected to main(argc, argv).
 *
 * The command line and the environment are copied out first, because the
 * firmware left them in RAM that becomes free memory; then the page
 * allocator gets all RAM the arch has mapped except the image and the
 * first megabyte (left alone for firmware data and real-mode code), and
 * malloc() is pointed at it.  Constructors run last, so they may allocate.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <alloc_phys.h>
#include <argv.h>
#include <asm/page.h>

#include "boot.h"

#define LOW_MEMORY_END		(1ull << 20)
#define MIN_AREA_PAGES		16

extern int main(int argc, char **argv, char **envp);

typedef void (*kut_ctor)(void);
extern kut_ctor __init_array_start[], __init_array_end[];

static char cmdline[4096];
static char envbuf[64 * 1024];
static struct kut_boot_info *boot_info;

int kut_boot_add_mem(struct kut_boot_info *bi, uint64_t start, uint64_t end)
{
	int i;

	if (end <= start)
		return 0;
	for (i = 0; i < bi->nr_mem; i++) {
		struct kut_mem_region *r = &bi->mem[i];

		if (start <= r->end && end >= r->start) {
			r->start = MIN(r->start, start);
			r->end = MAX(r->end, end);
			return 0;
		}
	}
	if (bi->nr_mem == KUT_MAX_MEM_REGIONS)
		return -1;
	bi->mem[bi->nr_mem].start = start;
	bi->mem[bi->nr_mem].end = end;
	bi->nr_mem++;
	return 0;
}

static void add_area(u8 n, uint64_t start, uint64_t end)
{
	uint64_t first = (start + PAGE_SIZE - 1) >> PAGE_SHIFT;
	uint64_t top = end >> PAGE_SHIFT;

	if (top > first && top - first >= MIN_AREA_PAGES)
		page_alloc_init_area(n, first, top);
}

/* The area numbers this file has given out. */
static uint32_t named_used;

/* [lo, hi) as the next unused number of named area @a. */
static void add_named_area(const struct kut_area *a, uint64_t lo, uint64_t hi)
{
	unsigned int n, last = a->number + (a->count ? a->count : 1) - 1;
	uint64_t first = (lo + PAGE_SIZE - 1) >> PAGE_SHIFT;
	uint64_t top = hi >> PAGE_SHIFT;

	/* Too small for add_area(): keep the number for a later piece. */
	if (top <= first || top - first < MIN_AREA_PAGES)
		return;
	for (n = a->number; n <= last; n++) {
		if (!(named_used & (1u << n))) {
			named_used |= 1u << n;
			add_area(n, lo, hi);
			return;
		}
	}
	printf("kut: RAM [%#llx, %#llx) left unused: area numbers %u-%u "
	       "all taken\n", (unsigned long long)lo, (unsigned long long)hi,
	       a->number, last);
}

/* [start, end) to the allocator, split along the arch's named areas. */
static void add_free_area(const struct kut_boot_info *bi, uint64_t start,
			  uint64_t end)
{
	uint64_t lo, hi;
	int i;

	if (!bi->nr_areas) {
		add_area(AREA_ANY_NUMBER, start, end);
		return;
	}
	for (i = 0; i < bi->nr_areas; i++) {
		lo = MAX(start, bi->areas[i].base);
		hi = i + 1 < bi->nr_areas ? MIN(end, bi->areas[i + 1].base) : end;
		if (hi > lo)
			add_named_area(&bi->areas[i], lo, hi);
	}
}

/* Give the RAM in [lo, hi), but the image and low memory, to the allocator. */
static void add_free_ram(const struct kut_boot_info *bi, uint64_t lo,
			 uint64_t hi)
{
	uint64_t img_start = (uintptr_t)__image_start;
	uint64_t img_end = (uintptr_t)__image_end;
	int i;

	for (i = 0; i < bi->nr_mem; i++) {
		uint64_t start = MAX(MAX(bi->mem[i].start, LOW_MEMORY_END), lo);
		uint64_t end = MIN(bi->mem[i].end, hi);

		if (end <= start)
			continue;
		if (img_end <= start || img_start >= end) {
			add_free_area(bi, start, end);
			continue;
		}
		add_free_area(bi, start, MIN(img_start, end));
		add_free_area(bi, MAX(img_end, start), end);
	}
}

/*
 * Upstream's boot hands the free RAM after the image (the rest of its
 * region) to its early allocator, then all of it on to the page
 * allocator: alloc_phys.h's record of that, which tests read
 * (phys_alloc_get_unused()).  The RAM list may start past the image
 * (what boot reserved after it): the lowest region ending above it.
 */
static void record_phys_alloc(const struct kut_boot_info *bi)
{
	uint64_t img_end = (uintptr_t)__image_end, base = img_end, end = img_end;
	phys_addr_t b, t;
	int i;

	for (i = 0; i < bi->nr_mem; i++) {
		if (bi->mem[i].end <= img_end ||
		    (end > img_end && bi->mem[i].start >= base))
			continue;
		base = MAX(img_end, bi->mem[i].start);
		end = bi->mem[i].end;
	}
	if (bi->mapped_limit)
		end = MAX(base, MIN(end, bi->mapped_limit));
	phys_alloc_init(base, end - base);
	phys_alloc_get_unused(&b, &t);
}

static void setup_memory(const struct kut_boot_info *bi)
{
	record_phys_alloc(bi);
	add_free_ram(bi, 0, bi->mapped_limit ? bi->mapped_limit : ~0ull);
	if (page_alloc_initialized())
		page_alloc_ops_enable();
}

uint64_t kut_ram_end(void)
{
	uint64_t end = 0;
	int i;

	for (i = 0; boot_info && i < boot_info->nr_mem; i++)
		end = MAX(end, boot_info->mem[i].end);
	return end;
}

void kut_mem_extend(uint64_t limit)
{
	if (!boot_info || !boot_info->mapped_limit ||
	    limit <= boot_info->mapped_limit)
		return;
	add_free_ram(boot_info, boot_info->mapped_limit, limit);
	boot_info->mapped_limit = limit;
}

static void copy_boot_strings(const struct kut_boot_info *bi)
{
	size_t n;

	if (bi->cmdline) {
		n = strnlen(bi->cmdline, sizeof(cmdline) - 1);
		memcpy(cmdline, bi->cmdline, n);
		cmdline[n] = '\0';
	}
	if (bi->initrd && bi->initrd_size) {
		n = MIN(bi->initrd_size, sizeof(envbuf) - 1);
		memcpy(envbuf, bi->initrd, n);
		envbuf[n] = '\0';
		if (bi->initrd_size > n)
			printf("kut: environment truncated to %zu bytes\n", n);
	}
}

void kut_start(struct kut_boot_info *bi)
{
	kut_ctor *c;

	boot_info = bi;
	copy_boot_strings(bi);
	setup_memory(bi);
	setup_args_progname(cmdline);
	setup_env(envbuf, strlen(envbuf));
	for (c = __init_array_start; c < __init_array_end; c++)
		(*c)();
	exit(main(__argc, __argv, __environ));
}
