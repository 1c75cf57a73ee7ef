// SPDX-License-Identifier: MIT
/*
 * alloc_page.c - the buddy page allocator (alloc_page.h).
 *
 * Every page a test allocates, directly or through malloc, comes from
 * here, so the allocator must be simple enough to trust and loud when
 * misused: a double free or a stray pointer stops the test with a message
 * instead of corrupting memory that a later check would blame on KVM.
 *
 * Layout of an area [first, top):
 *   - the first pages hold one status byte per remaining page;
 *   - the remaining pages [base, top) are carved into naturally aligned
 *     blocks: a block of order n starts at a pfn that is a multiple of
 *     2^n, so its buddy is at pfn ^ 2^n and alignment comes for free.
 * The status byte of a block's first page says what the block is (see
 * PG_* below) and its order; every other page of a block has status 0.
 * A free block sits on one of its area's lists for its order, linked
 * through its own first page, so the allocator needs no memory besides
 * the areas it manages and a small static table.
 *
 * Free blocks are "fresh" (never allocated since boot) or "used", on
 * separate lists: allocations take used blocks first, so fresh memory
 * lasts for FLAG_FRESH.  A freed block merges with its free buddy of
 * either kind (the result is used), so freshness never fragments memory.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/page.h>
#include <asm/spinlock.h>

#define BITS_PER_ULONG	(sizeof(unsigned long) * 8)
/* Orders 0 .. NR_ORDERS - 1: a block's byte size fits in unsigned long. */
#define NR_ORDERS	(BITS_PER_ULONG - PAGE_SHIFT)

/*
 * Status bytes: PG_HEAD | order is an allocated block, PG_HEAD | PG_FREE |
 * order a used free block, PG_FREE | order a fresh free block, and 0 any
 * page that does not start a block.
 */
#define PG_HEAD		0x80
#define PG_FREE		0x40
#define PG_ORDER	0x3f

enum { USED, FRESH };

struct free_block {
	struct free_block *next, *prev;
};

struct area {
	bool used;
	unsigned long first;	/* the area's first pfn: status bytes */
	unsigned long base;	/* the first pfn that can be allocated */
	unsigned long top;	/* the pfn after the area */
	u8 *status;		/* status[pfn - base] */
	struct free_block *free[2][NR_ORDERS];
};

static struct area areas[PAGE_ALLOC_MAX_AREAS];
static struct spinlock page_lock;

static void *pfn_to_ptr(unsigned long pfn)
{
	return (void *)(pfn << PAGE_SHIFT);
}

static unsigned long ptr_to_pfn(const void *p)
{
	return (uintptr_t)p >> PAGE_SHIFT;
}

static u8 *status_of(struct area *a, unsigned long pfn)
{
	return &a->status[pfn - a->base];
}

static bool in_area(struct area *a, unsigned long pfn)
{
	return pfn >= a->base && pfn < a->top;
}

static void list_add(struct area *a, unsigned long pfn, unsigned int order,
		     int kind)
{
	struct free_block *b = pfn_to_ptr(pfn);

	b->prev = NULL;
	b->next = a->free[kind][order];
	if (b->next)
		b->next->prev = b;
	a->free[kind][order] = b;
	*status_of(a, pfn) = (kind == USED ? PG_HEAD : 0) | PG_FREE | order;
}

/* Take the free block at @pfn off its list; returns its kind. */
static int list_del(struct area *a, unsigned long pfn, unsigned int order)
{
	struct free_block *b = pfn_to_ptr(pfn);
	int kind = *status_of(a, pfn) & PG_HEAD ? USED : FRESH;

	if (b->prev)
		b->prev->next = b->next;
	else
		a->free[kind][order] = b->next;
	if (b->next)
		b->next->prev = b->prev;
	*status_of(a, pfn) = 0;
	return kind;
}

/* The largest order a block at @pfn can have without passing @top. */
static unsigned int fit_order(unsigned long pfn, unsigned long top)
{
	unsigned int order = 0;

	while (order + 1 < NR_ORDERS && !(pfn & ((2ul << order) - 1)) &&
	       top - pfn >= (2ul << order))
		order++;
	return order;
}

bool page_alloc_initialized(void)
{
	unsigned int i;

	for (i = 0; i < PAGE_ALLOC_MAX_AREAS; i++) {
		if (areas[i].used)
			return true;
	}
	return false;
}

/* Called with the lock held. */
static void __noreturn init_fail(const char *why, u8 n)
{
	spin_unlock(&page_lock);
	printf("page_alloc_init_area(%u): %s\n", n, why);
	abort();
}

/* The lowest unused area number, or AREA_ANY_NUMBER if there is none. */
static u8 pick_area_number(void)
{
	u8 n;

	for (n = 0; n < PAGE_ALLOC_MAX_AREAS; n++) {
		if (!areas[n].used)
			return n;
	}
	return AREA_ANY_NUMBER;
}

static void check_overlap(u8 n, unsigned long first, unsigned long top)
{
	unsigned int i;

	for (i = 0; i < PAGE_ALLOC_MAX_AREAS; i++) {
		if (areas[i].used && first < areas[i].top &&
		    areas[i].first < top)
			init_fail("range overlaps another area", n);
	}
}

/* Carve [base, top) into the largest naturally aligned fresh blocks. */
static void area_fill(struct area *a)
{
	unsigned long pfn = a->base;
	unsigned int order;

	while (pfn < a->top) {
		order = fit_order(pfn, a->top);
		list_add(a, pfn, order, FRESH);
		pfn += 1ul << order;
	}
}

void page_alloc_init_area(u8 n, phys_addr_t base_pfn, phys_addr_t top_pfn)
{
	phys_addr_t limit = ((phys_addr_t)~0ul >> PAGE_SHIFT) + 1;
	unsigned long npages, meta;
	struct area *a;

	if (top_pfn > limit)
		top_pfn = limit;
	if (base_pfn >= top_pfn)
		return;
	npages = top_pfn - base_pfn;
	/* meta pages describe the other npages - meta, a byte each. */
	meta = (npages + PAGE_SIZE) / (PAGE_SIZE + 1);
	if (npages <= meta)
		return;

	spin_lock(&page_lock);
	if (n == AREA_ANY_NUMBER) {
		n = pick_area_number();
		if (n == AREA_ANY_NUMBER) {
			spin_unlock(&page_lock);
			printf("page_alloc: all %d areas in use, pfns %#llx-%#llx left unused\n",
			       PAGE_ALLOC_MAX_AREAS, (unsigned long long)base_pfn,
			       (unsigned long long)top_pfn);
			return;
		}
	}
	if (n >= PAGE_ALLOC_MAX_AREAS)
		init_fail("no such area number", n);
	if (areas[n].used)
		init_fail("area number already in use", n);
	check_overlap(n, base_pfn, top_pfn);

	a = &areas[n];
	memset(a, 0, sizeof(*a));
	a->first = base_pfn;
	a->base = base_pfn + meta;
	a->top = top_pfn;
	a->status = pfn_to_ptr(a->first);
	memset(a->status, 0, a->top - a->base);
	area_fill(a);
	a->used = true;
	spin_unlock(&page_lock);
}

/* The smallest free block of @kind and at least @order, or 0. */
static unsigned long find_block(struct area *a, int kind, unsigned int *order)
{
	unsigned int k;

	for (k = *order; k < NR_ORDERS; k++) {
		if (a->free[kind][k]) {
			*order = k;
			return ptr_to_pfn(a->free[kind][k]);
		}
	}
	return 0;
}

/*
 * Take a free block of at least order max(@order, @align_order) from @a,
 * used before fresh unless @fresh, and split it down to @order, keeping
 * the upper half while that half still has @align_order's alignment.
 * Successive allocations so go down through a block: a test that runs
 * off the bottom of its newest page (a stack too small, as upstream's
 * eventinj's NMI stack) meets memory not handed out yet rather than the
 * page it got just before (setup_vm()'s page tables, there).  Returns
 * its pfn, or 0 if none.
 */
static unsigned long area_alloc(struct area *a, unsigned int order,
				unsigned int align_order, bool fresh)
{
	unsigned int k = order > align_order ? order : align_order;
	unsigned long pfn = 0;
	int kind;

	if (!fresh)
		pfn = find_block(a, USED, &k);
	if (!pfn)
		pfn = find_block(a, FRESH, &k);
	if (!pfn)
		return 0;
	kind = list_del(a, pfn, k);
	while (k > order) {
		k--;
		if (k >= align_order) {
			list_add(a, pfn, k, kind);
			pfn += 1ul << k;
		} else {
			list_add(a, pfn + (1ul << k), k, kind);
		}
	}
	*status_of(a, pfn) = PG_HEAD | order;
	return pfn;
}

/*
 * 2^@order pages aligned to 2^@align_order pages, from the areas and with
 * the flags in @flags.
 */
static void *alloc_order(unsigned int flags, unsigned int order,
			 unsigned int align_order)
{
	unsigned int i, mask = flags & AREA_MASK;
	unsigned long pfn = 0;
	void *p;

	if (order >= NR_ORDERS || align_order >= NR_ORDERS)
		return NULL;
	if (!mask)
		mask = AREA_MASK;
	spin_lock(&page_lock);
	for (i = 0; i < PAGE_ALLOC_MAX_AREAS && !pfn; i++) {
		if (areas[i].used && (mask & (1u << i)))
			pfn = area_alloc(&areas[i], order, align_order,
					 flags & FLAG_FRESH);
	}
	spin_unlock(&page_lock);
	if (!pfn)
		return NULL;
	p = pfn_to_ptr(pfn);
	if (!(flags & FLAG_DONTZERO))
		memset(p, 0, PAGE_SIZE << order);
	return p;
}

void *alloc_pages_flags(unsigned int order, unsigned int flags)
{
	return alloc_order(flags, order, 0);
}

void *alloc_pages(unsigned int order)
{
	return alloc_order(AREA_ANY, order, 0);
}

void *alloc_page(void)
{
	return alloc_order(AREA_ANY, 0, 0);
}

void *alloc_pages_area(unsigned int areas_mask, unsigned int order)
{
	return alloc_order(areas_mask & AREA_MASK, order, 0);
}

void *memalign_pages_flags(size_t alignment, size_t size, unsigned int flags)
{
	size_t pages = (size >> PAGE_SHIFT) + !!(size & (PAGE_SIZE - 1));

	if (!alignment || (alignment & (alignment - 1))) {
		printf("memalign_pages(%zu, %zu): alignment is not a power of two\n",
		       alignment, size);
		abort();
	}
	if (!size)
		return NULL;
	return alloc_order(flags, get_order(pages),
			   get_order(alignment >> PAGE_SHIFT));
}

void *memalign_pages(size_t alignment, size_t size)
{
	return memalign_pages_flags(alignment, size, AREA_ANY);
}

void *memalign_pages_area(unsigned int areas_mask, size_t alignment,
			  size_t size)
{
	return memalign_pages_flags(alignment, size, areas_mask & AREA_MASK);
}

/* Called with the lock held. */
static void __noreturn free_fail(const char *fn, void *mem, const char *why)
{
	spin_unlock(&page_lock);
	printf("%s(%p): %s\n", fn, mem, why);
	abort();
}

static struct area *area_of(unsigned long pfn)
{
	unsigned int i;

	for (i = 0; i < PAGE_ALLOC_MAX_AREAS; i++) {
		if (areas[i].used && in_area(&areas[i], pfn))
			return &areas[i];
	}
	return NULL;
}

/*
 * The area and order of the allocated block at @mem; stops the test if
 * @mem is not one.  Called with the lock held.
 */
static struct area *check_block(const char *fn, void *mem,
				unsigned int *order)
{
	unsigned long pfn = ptr_to_pfn(mem);
	struct area *a = area_of(pfn);
	u8 st;

	if ((uintptr_t)mem & (PAGE_SIZE - 1) || !a)
		free_fail(fn, mem, "not memory from the page allocator");
	st = *status_of(a, pfn);
	if (st & PG_FREE)
		free_fail(fn, mem, "double free (the block is free)");
	if (!(st & PG_HEAD))
		free_fail(fn, mem,
			  "not the start of an allocated block (double free, or a pointer inside a block)");
	*order = st & PG_ORDER;
	return a;
}

/* Free the block at @pfn, merging it with its free buddies. */
static void area_free(struct area *a, unsigned long pfn, unsigned int order)
{
	unsigned long buddy;
	u8 st;

	*status_of(a, pfn) = 0;
	while (order + 1 < NR_ORDERS) {
		buddy = pfn ^ (1ul << order);
		if (!in_area(a, buddy))
			break;
		st = *status_of(a, buddy);
		if (!(st & PG_FREE) || (st & PG_ORDER) != order)
			break;
		list_del(a, buddy, order);
		pfn &= ~(1ul << order);
		order++;
	}
	list_add(a, pfn, order, USED);
}

static void free_checked(const char *fn, void *mem, int want_order)
{
	unsigned int order;
	struct area *a;

	if (!mem)
		return;
	spin_lock(&page_lock);
	a = check_block(fn, mem, &order);
	if (want_order >= 0 && order != (unsigned int)want_order) {
		printf("%s: block is of order %u, freed as order %d\n",
		       fn, order, want_order);
		free_fail(fn, mem, "wrong order");
	}
	area_free(a, ptr_to_pfn(mem), order);
	spin_unlock(&page_lock);
}

void free_pages(void *mem)
{
	free_checked("free_pages", mem, -1);
}

void free_page(void *mem)
{
	free_checked("free_page", mem, -1);
}

void free_pages_by_order(void *mem, unsigned int order)
{
	free_checked("free_pages_by_order", mem, order);
}

/*
 * The free block that holds @pfn: its first pfn, and its order in
 * *@order; 0 if @pfn is not free.  The candidates are @pfn rounded down
 * to each order in turn; the first block start met there decides, since
 * blocks never overlap: a free block of exactly that order holds @pfn, a
 * free block of a larger order will be met again at its own order, and
 * anything else means @pfn is not free.
 */
static unsigned long free_block_of(struct area *a, unsigned long pfn,
				   unsigned int *order)
{
	unsigned long head;
	unsigned int k;
	u8 st;

	for (k = 0; k < NR_ORDERS; k++) {
		head = pfn & ~((1ul << k) - 1);
		if (!in_area(a, head))
			break;
		st = *status_of(a, head);
		if (!st)
			continue;
		if ((st & PG_FREE) && (st & PG_ORDER) == k) {
			*order = k;
			return head;
		}
		if (!(st & PG_FREE) || (st & PG_ORDER) < k)
			break;
	}
	return 0;
}

/* Split the free block holding @pfn until @pfn alone is allocated. */
static void reserve_one(struct area *a, unsigned long pfn)
{
	unsigned int order;
	unsigned long head = free_block_of(a, pfn, &order);
	int kind = list_del(a, head, order);

	while (order--) {
		if (pfn & (1ul << order)) {
			list_add(a, head, order, kind);
			head += 1ul << order;
		} else {
			list_add(a, head + (1ul << order), order, kind);
		}
	}
	*status_of(a, pfn) = PG_HEAD;
}

int reserve_pages(phys_addr_t addr, size_t npages)
{
	unsigned long pfn = addr >> PAGE_SHIFT;
	unsigned int order;
	struct area *a;
	size_t i;

	if (addr & (PAGE_SIZE - 1))
		return -1;
	spin_lock(&page_lock);
	for (i = 0; i < npages; i++) {
		a = area_of(pfn + i);
		if (!a || !free_block_of(a, pfn + i, &order)) {
			spin_unlock(&page_lock);
			return -1;
		}
	}
	for (i = 0; i < npages; i++)
		reserve_one(area_of(pfn + i), pfn + i);
	spin_unlock(&page_lock);
	return 0;
}

void unreserve_pages(phys_addr_t addr, size_t npages)
{
	size_t i;

	for (i = 0; i < npages; i++)
		free_checked("unreserve_pages",
			     pfn_to_ptr((addr >> PAGE_SHIFT) + i), 0);
}

/* malloc zeroes what needs it (calloc), so it asks for no zeroing. */
static void *heap_memalign(size_t alignment, size_t size)
{
	return memalign_pages_flags(alignment, size, FLAG_DONTZERO);
}

static struct alloc_ops page_alloc_ops = {
	.memalign = heap_memalign,
	.free = free_pages,
};

void page_alloc_ops_enable(void)
{
	if (!page_alloc_initialized()) {
		printf("page_alloc_ops_enable: no memory area was initialized\n");
		abort();
	}
	alloc_ops = &page_alloc_ops;
}
