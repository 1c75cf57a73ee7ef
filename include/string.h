/* SPDX-License-Identifier: MIT */
/*
 * string.h - the string and memory functions of the kut libc subset.
 *
 * Standard ISO C/POSIX signatures and semantics, so that code written for
 * a hosted libc (a distro-built libfdt.a among it) links against libkut
 * unchanged.  There are no locales: comparisons are of unsigned bytes and
 * strcasecmp() folds ASCII letters only.  Nothing here checks for NULL;
 * passing one faults like it would in a hosted libc.
 */
#ifndef KUT_STRING_H
#define KUT_STRING_H

#include <stddef.h>

/* Copy @n bytes from @src to @dest; the two must not overlap.  Returns @dest. */
extern void *memcpy(void *dest, const void *src, size_t n);

/* Copy @n bytes from @src to @dest; they may overlap.  Returns @dest. */
extern void *memmove(void *dest, const void *src, size_t n);

/* Fill @n bytes at @s with (unsigned char)@c.  Returns @s. */
extern void *memset(void *s, int c, size_t n);

/*
 * Compare @n bytes as unsigned chars: <0, 0 or >0 as @s1 sorts before,
 * equal to or after @s2.  Only the sign of the result is meaningful.
 */
extern int memcmp(const void *s1, const void *s2, size_t n);

/* The first byte (unsigned char)@c in @n bytes at @s, or NULL. */
extern void *memchr(const void *s, int c, size_t n);

/* The last byte (unsigned char)@c in @n bytes at @s, or NULL (GNU). */
extern void *memrchr(const void *s, int c, size_t n);

/* The length of @s, its terminating NUL not counted. */
extern size_t strlen(const char *s);

/* strlen(@s), but reads at most @maxlen bytes and returns at most @maxlen. */
extern size_t strnlen(const char *s, size_t maxlen);

/* Copy @src with its NUL to @dest, which must have room.  Returns @dest. */
extern char *strcpy(char *dest, const char *src);

/*
 * Copy at most @n bytes of @src to @dest and pad with NULs up to @n bytes.
 * Caveat (as in ISO C): if @src is @n bytes or longer, @dest is left
 * without a terminating NUL.  Returns @dest.
 */
extern char *strncpy(char *dest, const char *src, size_t n);

/* Append @src to the string in @dest, which must have room.  Returns @dest. */
extern char *strcat(char *dest, const char *src);

/*
 * Append at most @n bytes of @src to the string in @dest, then a NUL
 * (so @dest needs strlen(dest) + n + 1 bytes).  Returns @dest.
 */
extern char *strncat(char *dest, const char *src, size_t n);

/* Compare two strings as unsigned chars; the sign says the order. */
extern int strcmp(const char *s1, const char *s2);

/* strcmp() of at most the first @n bytes. */
extern int strncmp(const char *s1, const char *s2, size_t n);

/* strcmp() with ASCII letters folded to lower case (POSIX). */
extern int strcasecmp(const char *s1, const char *s2);

/* strncmp() with ASCII letters folded to lower case (POSIX). */
extern int strncasecmp(const char *s1, const char *s2, size_t n);

/*
 * The first (char)@c in @s, or NULL.  The terminating NUL counts as part of
 * the string, so strchr(s, '\0') points at it.
 */
extern char *strchr(const char *s, int c);

/* Like strchr(), but returns the end of @s instead of NULL (GNU). */
extern char *strchrnul(const char *s, int c);

/* The last (char)@c in @s, or NULL; '\0' finds the terminator. */
extern char *strrchr(const char *s, int c);

/* The first occurrence of @needle in @haystack; an empty needle matches at
 * @haystack itself.  NULL if there is none. */
extern char *strstr(const char *haystack, const char *needle);

/* The length of the leading run of @s made only of bytes in @accept. */
extern size_t strspn(const char *s, const char *accept);

/* The length of the leading run of @s made only of bytes not in @reject. */
extern size_t strcspn(const char *s, const char *reject);

/* The first byte of @s that is in @accept, or NULL. */
extern char *strpbrk(const char *s, const char *accept);

/*
 * A copy of @s in memory from malloc(), to be released with free().
 * NULL if malloc() fails.
 */
extern char *strdup(const char *s);

/* strdup() of at most the first @n bytes, always NUL-terminated. */
extern char *strndup(const char *s, size_t n);

#endif /* KUT_STRING_H */
