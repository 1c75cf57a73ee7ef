// SPDX-License-Identifier: MIT
/*
 * vaddr.c - the bookkeeping of the virtual address window (vaddr.h).
 *
 * One record type serves two lists:
 *   the free extents of the window, sorted by address, so that a range
 *     coming back merges with its free neighbours and the window never
 *     splinters for good;
 *   the allocated ranges, in a small hash table keyed by first address,
 *     so vfree() finds its range without walking anything.
 * Records come from whole pages of the page allocator and are recycled,
 * never given back.  They cannot come from malloc: after setup_vm(),
 * malloc takes its pages from vmalloc, which calls in here.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <asm/spinlock.h>

#include "vaddr.h"

#define HASH_BUCKETS	128
#define BITS_PER_ULONG	(sizeof(unsigned long) * 8)

struct range {
	uintptr_t start;
	size_t npages;
	unsigned int kind;
	struct range *next, *prev;	/* prev: free list only */
};

static struct spinlock lock;
static bool ready;
static struct range *free_head, *free_tail;
static struct range *used[HASH_BUCKETS];
static size_t nr_used;
static struct range *spare;

static uintptr_t range_end(const struct range *r)
{
	return r->start + r->npages * PAGE_SIZE;
}

/* Called with the lock held. */
static void __noreturn vaddr_fail(const char *fn, uintptr_t va,
				  const char *why)
{
	spin_unlock(&lock);
	printf("%s(%#lx): %s\n", fn, (unsigned long)va, why);
	abort();
}

static void record_put(struct range *r)
{
	r->next = spare;
	spare = r;
}

/* A record from the spare list, refilled a page at a time; NULL if none. */
static struct range *record_get(void)
{
	struct range *r;
	size_t i;

	if (!spare) {
		r = alloc_pages_flags(0, FLAG_DONTZERO);
		if (!r)
			return NULL;
		for (i = 0; i < PAGE_SIZE / sizeof(*r); i++)
			record_put(&r[i]);
	}
	r = spare;
	spare = r->next;
	return r;
}

static void free_unlink(struct range *r)
{
	if (r->prev)
		r->prev->next = r->next;
	else
		free_head = r->next;
	if (r->next)
		r->next->prev = r->prev;
	else
		free_tail = r->prev;
}

/* Put @r on the free list between @prev and @next (either may be NULL). */
static void free_link(struct range *r, struct range *prev, struct range *next)
{
	r->prev = prev;
	r->next = next;
	if (prev)
		prev->next = r;
	else
		free_head = r;
	if (next)
		next->prev = r;
	else
		free_tail = r;
}

static struct range **bucket(uintptr_t va)
{
	return &used[(va >> PAGE_SHIFT) % HASH_BUCKETS];
}

/* The link that points at the allocated range starting at @va, or NULL. */
static struct range **used_find(uintptr_t va)
{
	struct range **link;

	for (link = bucket(va); *link; link = &(*link)->next) {
		if ((*link)->start == va)
			return link;
	}
	return NULL;
}

void vaddr_init(uintptr_t start, uintptr_t end)
{
	struct range *r;

	spin_lock(&lock);
	if (nr_used)
		vaddr_fail("vaddr_init", start, "ranges of the old window are still allocated");
	while (free_head) {
		r = free_head;
		free_unlink(r);
		record_put(r);
	}
	ready = true;
	if (end > start) {
		r = record_get();
		if (!r)
			vaddr_fail("vaddr_init", start, "no memory for the bookkeeping");
		r->start = start;
		r->npages = (end - start) >> PAGE_SHIFT;
		free_link(r, NULL, NULL);
	}
	spin_unlock(&lock);
}

bool vaddr_ready(void)
{
	return ready;
}

/*
 * The highest start of @npages pages aligned to @align inside @f, or 0 if
 * they do not fit.
 */
static uintptr_t fit(const struct range *f, size_t npages, uintptr_t align)
{
	uintptr_t start;

	if (npages > f->npages)
		return 0;
	start = (range_end(f) - npages * PAGE_SIZE) & ~(align - 1);
	return start >= f->start ? start : 0;
}

uintptr_t vaddr_alloc(size_t npages, unsigned int align_order,
		      unsigned int kind)
{
	struct range *f, *r, *upper;
	uintptr_t start = 0, end;

	if (!npages || align_order >= BITS_PER_ULONG - PAGE_SHIFT)
		return 0;
	spin_lock(&lock);
	/* Two records at most: the allocation and a free piece above it. */
	r = record_get();
	upper = record_get();
	for (f = free_tail; r && upper && f; f = f->prev) {
		start = fit(f, npages, (uintptr_t)PAGE_SIZE << align_order);
		if (start)
			break;
	}
	if (!f || !start) {
		if (r)
			record_put(r);
		if (upper)
			record_put(upper);
		spin_unlock(&lock);
		return 0;
	}
	end = start + npages * PAGE_SIZE;
	if (end < range_end(f)) {
		upper->start = end;
		upper->npages = (range_end(f) - end) >> PAGE_SHIFT;
		free_link(upper, f, f->next);
	} else {
		record_put(upper);
	}
	if (start > f->start) {
		f->npages = (start - f->start) >> PAGE_SHIFT;
	} else {
		free_unlink(f);
		record_put(f);
	}
	r->start = start;
	r->npages = npages;
	r->kind = kind;
	r->next = *bucket(start);
	*bucket(start) = r;
	nr_used++;
	spin_unlock(&lock);
	return start;
}

bool vaddr_find(uintptr_t va, size_t *npages, unsigned int *kind)
{
	struct range **link;

	spin_lock(&lock);
	link = used_find(va);
	if (link) {
		*npages = (*link)->npages;
		*kind = (*link)->kind;
	}
	spin_unlock(&lock);
	return link != NULL;
}

bool vaddr_release(uintptr_t va)
{
	struct range **link, *r, *next, *prev;

	spin_lock(&lock);
	link = used_find(va);
	if (!link) {
		spin_unlock(&lock);
		return false;
	}
	r = *link;
	*link = r->next;
	nr_used--;

	for (next = free_head; next && next->start < va; next = next->next)
		;
	prev = next ? next->prev : free_tail;
	if ((prev && range_end(prev) > va) ||
	    (next && range_end(r) > next->start))
		vaddr_fail("vaddr_release", va, "range overlaps free space (bookkeeping corrupted)");
	if (prev && range_end(prev) == va) {
		prev->npages += r->npages;
		record_put(r);
		if (next && range_end(prev) == next->start) {
			prev->npages += next->npages;
			free_unlink(next);
			record_put(next);
		}
	} else if (next && range_end(r) == next->start) {
		next->start = va;
		next->npages += r->npages;
		record_put(r);
	} else {
		free_link(r, prev, next);
	}
	spin_unlock(&lock);
	return true;
}

size_t vaddr_free_pages(size_t *pieces)
{
	struct range *f;
	size_t pages = 0, n = 0;

	spin_lock(&lock);
	for (f = free_head; f; f = f->next) {
		pages += f->npages;
		n++;
	}
	spin_unlock(&lock);
	if (pieces)
		*pieces = n;
	return pages;
}
