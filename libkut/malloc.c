// SPDX-License-Identifier: MIT
/*
 * malloc.c - malloc(), calloc(), realloc(), free(), memalign(),
 * aligned_alloc(), and alloc_ops, the hook that feeds them pages.
 *
 * Tests and library code (strdup, report prefixes, device lists) make
 * many small allocations, so giving each its own page (as a pure page
 * allocator would) wastes memory and hides overruns far from where they
 * happen.  Instead:
 *
 *   small blocks (up to MAX_SMALL bytes) come from slabs: one page per
 *     size class, a header at its start, then equal objects.  The header
 *     holds a bitmap of objects in use, so a double free or a pointer
 *     that is not an object is caught; the objects themselves carry no
 *     metadata an overrun could destroy.  Objects of a power-of-two class
 *     sit at multiples of their size, which is how memalign() serves
 *     alignments up to MAX_SMALL without wasting a page.
 *   large blocks take whole pages straight from alloc_ops, always page
 *     aligned (so never confused with a slab object), and are recorded
 *     in a small hash table of (address, size) records that are
 *     themselves slab objects.
 *
 * Every slab and large block remembers the alloc_ops it came from, so
 * switching providers mid-test (e.g. to a virtual memory allocator) never
 * frees memory to the wrong one.  One lock covers the heap.
 */
#include <libcflat.h>
#include <asm/page.h>
#include <asm/spinlock.h>

#define MALLOC_ALIGN	16
#define MAX_SMALL	1024
#define SLAB_MAGIC	0x6b75744dul
#define POISON		0x6b

#define BITS_PER_ULONG	(sizeof(unsigned long) * 8)
#define MAX_OBJS	(PAGE_SIZE / MALLOC_ALIGN)
#define BITMAP_LONGS	((MAX_OBJS + BITS_PER_ULONG - 1) / BITS_PER_ULONG)

#define BIG_BUCKETS	64

struct alloc_ops *alloc_ops;

static const unsigned short class_size[] = {
	16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
};
#define NR_CLASSES	ARRAY_SIZE(class_size)

/* The header at the start of a slab page. */
struct slab {
	unsigned long magic;		/* SLAB_MAGIC ^ the slab's address */
	struct alloc_ops *ops;		/* where the page came from */
	struct slab *next, *prev;	/* the class's slabs with free objects */
	unsigned int class;
	unsigned int nr_free;
	unsigned long used[BITMAP_LONGS];
};

/* A large block: whole pages from @ops. */
struct big {
	void *ptr;
	size_t size;
	struct alloc_ops *ops;
	struct big *next;
};

static struct slab *partial[NR_CLASSES];
static struct big *big_hash[BIG_BUCKETS];
static struct spinlock heap_lock;

static void __noreturn heap_fail(const char *fn, const void *ptr,
				 const char *why)
{
	spin_unlock(&heap_lock);
	printf("%s(%p): %s\n", fn, ptr, why);
	abort();
}

static struct alloc_ops *heap_ops(const char *fn)
{
	if (!alloc_ops)
		heap_fail(fn, NULL,
			  "no memory allocator yet (page_alloc_ops_enable() not called)");
	return alloc_ops;
}

static bool is_power_of_two(size_t x)
{
	return x && !(x & (x - 1));
}

/* Where the objects of class @c start in their slab. */
static size_t first_offset(unsigned int c)
{
	size_t size = class_size[c];
	size_t align = is_power_of_two(size) ? size : MALLOC_ALIGN;

	return (sizeof(struct slab) + align - 1) & ~(align - 1);
}

static unsigned int nr_objs(unsigned int c)
{
	return (PAGE_SIZE - first_offset(c)) / class_size[c];
}

/*
 * The class for @size bytes aligned to @align, or -1 for a large block.
 * Alignments above MALLOC_ALIGN need a power-of-two class at least that
 * large, whose objects are naturally aligned.
 */
static int class_for(size_t size, size_t align)
{
	unsigned int c;

	if (align > MALLOC_ALIGN && size < align)
		size = align;
	for (c = 0; c < NR_CLASSES; c++) {
		if (class_size[c] >= size &&
		    (align <= MALLOC_ALIGN || is_power_of_two(class_size[c])))
			return c;
	}
	return -1;
}

static void slab_link(struct slab *s)
{
	s->prev = NULL;
	s->next = partial[s->class];
	if (s->next)
		s->next->prev = s;
	partial[s->class] = s;
}

static void slab_unlink(struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		partial[s->class] = s->next;
	if (s->next)
		s->next->prev = s->prev;
}

static struct slab *slab_new(unsigned int c)
{
	struct alloc_ops *ops = heap_ops("malloc");
	struct slab *s = ops->memalign(PAGE_SIZE, PAGE_SIZE);

	if (!s)
		return NULL;
	if ((uintptr_t)s & (PAGE_SIZE - 1))
		heap_fail("malloc", s, "alloc_ops returned an unaligned page");
	memset(s, 0, sizeof(*s));
	s->magic = SLAB_MAGIC ^ (uintptr_t)s;
	s->ops = ops;
	s->class = c;
	s->nr_free = nr_objs(c);
	slab_link(s);
	return s;
}

/* The first object of @s not in use; there is one. */
static unsigned int slab_find_free(struct slab *s)
{
	unsigned int i = 0, bit = 0;

	while (s->used[i] == ~0ul)
		i++;
	while (s->used[i] & (1ul << bit))
		bit++;
	return i * BITS_PER_ULONG + bit;
}

static void *slab_alloc(unsigned int c)
{
	struct slab *s = partial[c];
	unsigned int idx;

	if (!s)
		s = slab_new(c);
	if (!s)
		return NULL;
	idx = slab_find_free(s);
	s->used[idx / BITS_PER_ULONG] |= 1ul << (idx % BITS_PER_ULONG);
	if (!--s->nr_free)
		slab_unlink(s);
	return (char *)s + first_offset(c) + (size_t)idx * class_size[c];
}

/* The slab that holds the object at @ptr (not page aligned), or NULL. */
static struct slab *slab_of(const void *ptr)
{
	struct slab *s = (struct slab *)((uintptr_t)ptr & ~(PAGE_SIZE - 1));

	if (s->magic != (SLAB_MAGIC ^ (uintptr_t)s) || s->class >= NR_CLASSES)
		return NULL;
	return s;
}

/* The index of the in-use object at @ptr in its slab; stops if none. */
static unsigned int slab_index(const char *fn, struct slab *s,
			       const void *ptr)
{
	size_t off = (uintptr_t)ptr - (uintptr_t)s;
	size_t first = first_offset(s->class);
	size_t size = class_size[s->class];
	unsigned int idx;

	if (off < first || (off - first) % size ||
	    (off - first) / size >= nr_objs(s->class))
		heap_fail(fn, ptr, "not a block from malloc (inside one?)");
	idx = (off - first) / size;
	if (!(s->used[idx / BITS_PER_ULONG] & (1ul << (idx % BITS_PER_ULONG))))
		heap_fail(fn, ptr, "double free");
	return idx;
}

static void slab_free(const char *fn, struct slab *s, void *ptr)
{
	unsigned int c = s->class, idx = slab_index(fn, s, ptr);

	memset(ptr, POISON, class_size[c]);
	s->used[idx / BITS_PER_ULONG] &= ~(1ul << (idx % BITS_PER_ULONG));
	if (!s->nr_free++)
		slab_link(s);
	/* Give an empty slab back, unless it is its class's only one. */
	if (s->nr_free == nr_objs(c) && (partial[c] != s || s->next)) {
		slab_unlink(s);
		s->magic = 0;
		s->ops->free(s);
	}
}

static struct big **big_bucket(const void *ptr)
{
	return &big_hash[((uintptr_t)ptr >> PAGE_SHIFT) % BIG_BUCKETS];
}

/* The link that points at the record of the large block @ptr, or NULL. */
static struct big **big_find(const void *ptr)
{
	struct big **link;

	for (link = big_bucket(ptr); *link; link = &(*link)->next) {
		if ((*link)->ptr == ptr)
			return link;
	}
	return NULL;
}

static void *big_alloc(size_t align, size_t size)
{
	struct alloc_ops *ops = heap_ops("malloc");
	struct big *rec = slab_alloc(class_for(sizeof(*rec), 0));
	struct big **bucket;
	void *p;

	if (!rec)
		return NULL;
	p = ops->memalign(align > PAGE_SIZE ? align : PAGE_SIZE, size);
	if (!p) {
		slab_free("malloc", slab_of(rec), rec);
		return NULL;
	}
	if ((uintptr_t)p & (PAGE_SIZE - 1) || (uintptr_t)p & (align - 1))
		heap_fail("malloc", p, "alloc_ops returned misaligned memory");
	rec->ptr = p;
	rec->size = size;
	rec->ops = ops;
	bucket = big_bucket(p);
	rec->next = *bucket;
	*bucket = rec;
	return p;
}

static void big_free(const char *fn, void *ptr)
{
	struct big **link = big_find(ptr);
	struct big *rec;

	if (!link)
		heap_fail(fn, ptr, "double free, or not a block from malloc");
	rec = *link;
	*link = rec->next;
	rec->ops->free(ptr);
	slab_free(fn, slab_of(rec), rec);
}

static bool is_big(const void *ptr)
{
	return !((uintptr_t)ptr & (PAGE_SIZE - 1));
}

/* How many bytes the block at @ptr can hold; stops if it is no block. */
static size_t usable_size(const char *fn, void *ptr)
{
	struct big **link;
	struct slab *s;

	if (is_big(ptr)) {
		link = big_find(ptr);
		if (!link)
			heap_fail(fn, ptr, "double free, or not a block from malloc");
		return (*link)->size;
	}
	s = slab_of(ptr);
	if (!s)
		heap_fail(fn, ptr, "not a block from malloc");
	slab_index(fn, s, ptr);
	return class_size[s->class];
}

static void heap_free(const char *fn, void *ptr)
{
	struct slab *s;

	if (is_big(ptr)) {
		big_free(fn, ptr);
		return;
	}
	s = slab_of(ptr);
	if (!s)
		heap_fail(fn, ptr, "not a block from malloc");
	slab_free(fn, s, ptr);
}

void *memalign(size_t alignment, size_t size)
{
	void *p;
	int c;

	if (!is_power_of_two(alignment))
		return NULL;
	if (!size)
		size = 1;
	c = class_for(size, alignment);
	spin_lock(&heap_lock);
	p = c >= 0 ? slab_alloc(c) : big_alloc(alignment, size);
	spin_unlock(&heap_lock);
	return p;
}

void *aligned_alloc(size_t alignment, size_t size)
{
	return memalign(alignment, size);
}

void *malloc(size_t size)
{
	return memalign(MALLOC_ALIGN, size);
}

void *calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > (size_t)-1 / size)
		return NULL;
	p = malloc(nmemb * size);
	if (p)
		memset(p, 0, nmemb * size);
	return p;
}

void free(void *ptr)
{
	if (!ptr)
		return;
	spin_lock(&heap_lock);
	heap_free("free", ptr);
	spin_unlock(&heap_lock);
}

void *realloc(void *ptr, size_t size)
{
	size_t old;
	void *p;

	if (!ptr)
		return malloc(size);
	if (!size) {
		free(ptr);
		return NULL;
	}
	spin_lock(&heap_lock);
	old = usable_size("realloc", ptr);
	spin_unlock(&heap_lock);
	if (size <= old)
		return ptr;
	p = malloc(size);
	if (!p)
		return NULL;
	memcpy(p, ptr, old);
	free(ptr);
	return p;
}
