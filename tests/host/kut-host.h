/* SPDX-License-Identifier: MIT */
/*
 * kut-host.h - libkut's functions as host tests see them.
 *
 * The host build links libkut's common code with every symbol prefixed
 * "kut_" (so kut_snprintf can sit next to glibc's snprintf and be compared
 * with it).  Host tests include host headers only, never include/, so the
 * prefixed declarations they call live here, with host types.  Keep each
 * one identical to the unprefixed declaration in include/.
 */
#ifndef KUT_HOST_KUT_HOST_H
#define KUT_HOST_KUT_HOST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* libcflat.h: console and formatting */
int kut_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kut_vprintf(const char *fmt, va_list va)
	__attribute__((format(printf, 1, 0)));
int kut_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int kut_vsnprintf(char *buf, size_t size, const char *fmt, va_list va)
	__attribute__((format(printf, 3, 0)));
void kut_puts(const char *s);
int kut_putchar(int c);
int kut_getchar(void);
int kut___getchar(void);
void kut_binstr(unsigned long x, char *out);
void kut_print_binstr(unsigned long x);
bool kut_simple_glob(const char *text, const char *pattern);
void kut_exit(int code) __attribute__((noreturn));
void kut_abort(void) __attribute__((noreturn));

/* report (the rest is declared by test-lib-report.c) */
void kut_report_passed(void);
int kut_report_summary(void);

/* util.h, migrate.h */
int kut_parse_keyval(char *s, long *val);
void kut_migrate(void);
void kut_migrate_quiet(void);
void kut_migrate_once(void);
void kut_migrate_skip(void);
void kut_migrate_begin_continuous(void);
void kut_migrate_end_continuous(void);

/* memregions.h */
struct kut_mem_region {
	uint64_t start;
	uint64_t end;
	uint32_t flags;
};
#define KUT_MR_F_IO		(1u << 0)
#define KUT_MR_F_CODE		(1u << 1)
#define KUT_MR_F_UNKNOWN	(1u << 31)
extern struct kut_mem_region *kut_mem_regions;
void kut_memregions_init(struct kut_mem_region regions[], size_t nr);
struct kut_mem_region *kut_memregions_add(struct kut_mem_region *r);
struct kut_mem_region *kut_memregions_find(uint64_t paddr);
uint32_t kut_memregions_get_flags(uint64_t paddr);
void kut_memregions_split(uint64_t addr, struct kut_mem_region **r1,
			  struct kut_mem_region **r2);

/* div64.h (internal): 64-bit division for 32-bit guests, and libgcc's names */
uint64_t kut_kut_udivmod64(uint64_t n, uint64_t d, uint64_t *rem);
int64_t kut_kut_sdivmod64(int64_t n, int64_t d, int64_t *rem);
uint64_t kut___udivdi3(uint64_t n, uint64_t d);
uint64_t kut___umoddi3(uint64_t n, uint64_t d);
uint64_t kut___udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
int64_t kut___divdi3(int64_t n, int64_t d);
int64_t kut___moddi3(int64_t n, int64_t d);
int64_t kut___divmoddi4(int64_t n, int64_t d, int64_t *rem);

/* smp.h */
int kut_cpu_count(void);
int kut_smp_id(void);
void kut_on_cpu(int cpu, void (*func)(void *data), void *data);
void kut_on_cpu_async(int cpu, void (*func)(void *data), void *data);
void kut_on_cpus(void (*func)(void *data), void *data);

/* string.h */
void *kut_memcpy(void *dest, const void *src, size_t n);
void *kut_memmove(void *dest, const void *src, size_t n);
void *kut_memset(void *s, int c, size_t n);
int kut_memcmp(const void *s1, const void *s2, size_t n);
void *kut_memchr(const void *s, int c, size_t n);
void *kut_memrchr(const void *s, int c, size_t n);
size_t kut_strlen(const char *s);
size_t kut_strnlen(const char *s, size_t maxlen);
char *kut_strcpy(char *dest, const char *src);
char *kut_strncpy(char *dest, const char *src, size_t n);
char *kut_strcat(char *dest, const char *src);
char *kut_strncat(char *dest, const char *src, size_t n);
int kut_strcmp(const char *s1, const char *s2);
int kut_strncmp(const char *s1, const char *s2, size_t n);
int kut_strcasecmp(const char *s1, const char *s2);
int kut_strncasecmp(const char *s1, const char *s2, size_t n);
char *kut_strchr(const char *s, int c);
char *kut_strchrnul(const char *s, int c);
char *kut_strrchr(const char *s, int c);
char *kut_strstr(const char *haystack, const char *needle);
size_t kut_strspn(const char *s, const char *accept);
size_t kut_strcspn(const char *s, const char *reject);
char *kut_strpbrk(const char *s, const char *accept);
char *kut_strdup(const char *s);
char *kut_strndup(const char *s, size_t n);

/* stdlib.h and errno.h */
long kut_strtol(const char *nptr, char **endptr, int base);
unsigned long kut_strtoul(const char *nptr, char **endptr, int base);
long long kut_strtoll(const char *nptr, char **endptr, int base);
unsigned long long kut_strtoull(const char *nptr, char **endptr, int base);
long kut_atol(const char *nptr);
int kut_atoi(const char *nptr);
extern int kut_errno;

/* stdlib.h and alloc.h: the heap */
struct kut_alloc_ops {
	void *(*memalign)(size_t alignment, size_t size);
	void (*free)(void *ptr);
};
extern struct kut_alloc_ops *kut_alloc_ops;
void *kut_malloc(size_t size);
void *kut_calloc(size_t nmemb, size_t size);
void *kut_realloc(void *ptr, size_t size);
void kut_free(void *ptr);
void *kut_memalign(size_t alignment, size_t size);
void *kut_aligned_alloc(size_t alignment, size_t size);

/* alloc_page.h */
#define KUT_AREA_ANY		0x00000
#define KUT_AREA_ANY_NUMBER	0xff
#define KUT_FLAG_DONTZERO	0x10000
#define KUT_FLAG_FRESH		0x20000
#define KUT_PAGE_ALLOC_MAX_AREAS 16
bool kut_page_alloc_initialized(void);
void kut_page_alloc_init_area(uint8_t n, uint64_t base_pfn, uint64_t top_pfn);
void kut_page_alloc_ops_enable(void);
void *kut_memalign_pages_flags(size_t alignment, size_t size,
			       unsigned int flags);
void *kut_memalign_pages(size_t alignment, size_t size);
void *kut_alloc_pages_flags(unsigned int order, unsigned int flags);
void *kut_alloc_pages(unsigned int order);
void *kut_alloc_page(void);
void *kut_alloc_pages_area(unsigned int areas, unsigned int order);
void *kut_memalign_pages_area(unsigned int areas, size_t alignment,
			      size_t size);
void kut_free_pages(void *mem);
void kut_free_page(void *mem);
void kut_free_pages_by_order(void *mem, unsigned int order);
int kut_reserve_pages(uint64_t addr, size_t npages);
void kut_unreserve_pages(uint64_t addr, size_t npages);

/* vmalloc.h */
void *kut_alloc_vpages(unsigned long nr);
void *kut_alloc_vpages_aligned(unsigned long nr, unsigned int alignment_order);
void *kut_alloc_vpage(void);
void kut_init_alloc_vpage(void *top);
void kut_setup_vm(void);
void kut___setup_vm(void *opaque);
void *kut_vmap(uint64_t phys, size_t size);
void *kut_vmalloc(unsigned long size);
void kut_vfree(void *mem);

/* libkut/vaddr.h (internal): the window's bookkeeping */
void kut_vaddr_init(uintptr_t start, uintptr_t end);
bool kut_vaddr_ready(void);
uintptr_t kut_vaddr_alloc(size_t npages, unsigned int align_order,
			  unsigned int kind);
bool kut_vaddr_find(uintptr_t va, size_t *npages, unsigned int *kind);
bool kut_vaddr_release(uintptr_t va);
size_t kut_vaddr_free_pages(size_t *pieces);

#endif /* KUT_HOST_KUT_HOST_H */
