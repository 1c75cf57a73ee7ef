/* SPDX-License-Identifier: MIT */
/*
 * stdlib.h - the memory allocation and number parsing functions of the kut
 * libc subset.
 *
 * malloc() and friends are the general-purpose heap of a test; they sit on
 * the allocator behind alloc_ops (alloc.h), which the boot code points at
 * the page allocator (alloc_page.h) before main() runs.  exit(), abort()
 * and getenv() are declared by libcflat.h.
 */
#ifndef KUT_STDLIB_H
#define KUT_STDLIB_H

#include <stddef.h>

/*
 * @size bytes aligned to 16, uninitialised.  Small requests share pages
 * (size classes up to 1024 bytes); larger ones take whole pages.
 * malloc(0) returns a unique pointer (to be freed like any other), and
 * NULL means out of memory.
 */
extern void *malloc(size_t size);

/*
 * Zeroed memory for @nmemb objects of @size bytes; NULL if the product
 * overflows size_t or memory runs out.
 */
extern void *calloc(size_t nmemb, size_t size);

/*
 * Resize the block at @ptr to @size bytes, keeping its contents up to the
 * smaller size; the block may move.  realloc(NULL, n) is malloc(n);
 * realloc(ptr, 0) frees @ptr and returns NULL (glibc's behaviour).  On
 * failure NULL is returned and @ptr is left untouched.  Caveat: a moved
 * block is only 16-byte aligned, whatever memalign() gave before.
 */
extern void *realloc(void *ptr, size_t size);

/*
 * Release a block from malloc(), calloc(), realloc(), memalign() or
 * aligned_alloc().  free(NULL) does nothing.  Freeing a block twice, or a
 * pointer that malloc did not return, is caught: the test stops with a
 * message naming the pointer (abort()), rather than corrupting the heap.
 */
extern void free(void *ptr);

/*
 * C11's name for memalign(): @size bytes aligned to @alignment, which
 * must be a power of two (else NULL).
 */
extern void *aligned_alloc(size_t alignment, size_t size);

/*
 * Parse an integer from @nptr in @base (2..36, or 0 to take it from the
 * prefix: "0x"/"0X" hex, "0" octal, else decimal), after leading white
 * space and an optional sign; base 16 also accepts the "0x" prefix.  Letters
 * of either case are digits from 10 up.  If @endptr is not NULL, *@endptr
 * is set past the last digit used, or to @nptr when there was no number.
 * On overflow the result clamps to the type's limit (LONG_MAX or LONG_MIN,
 * ULONG_MAX, ...) and errno is set to ERANGE; a bad base returns 0 with
 * errno EINVAL.  errno is left alone on success, as in ISO C: clear it
 * first to tell an overflow from a legitimate limit value.  The unsigned
 * forms accept a '-' and negate in the unsigned type ("-1" is ULONG_MAX).
 */
extern long strtol(const char *nptr, char **endptr, int base);
extern unsigned long strtoul(const char *nptr, char **endptr, int base);
extern long long strtoll(const char *nptr, char **endptr, int base);
extern unsigned long long strtoull(const char *nptr, char **endptr, int base);

/*
 * strtol(@nptr, NULL, 10), and its int conversion for atoi().  Caveat: no
 * error indication at all, and atoi() of a value outside int wraps.
 */
extern long atol(const char *nptr);
extern int atoi(const char *nptr);

#endif /* KUT_STDLIB_H */
