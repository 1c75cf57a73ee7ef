// SPDX-License-Identifier: MIT
/*
 * string.c - the string and memory functions of the libc subset
 * (string.h), and simple_glob().
 *
 * Besides tests, a distro-built libfdt.a links against these, so they keep
 * the exact ISO C semantics.  The bulk functions (memcpy, memmove, memset)
 * move a word at a time when both pointers allow it, because tests clear
 * and copy whole pages often and TCG makes each byte access costly; they
 * never assume unaligned access works, since several guest arches trap on
 * it.
 */
#include <libcflat.h>
#include <ctype.h>

/*
 * GCC turns byte loops into calls to memset()/memcpy() even under
 * -ffreestanding, which inside memset() itself would recurse forever.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#endif

typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD		sizeof(word_t)
#define WORD_MASK	(WORD - 1)

/* Whether @a and @b can reach word alignment together. */
static bool same_misalignment(const void *a, const void *b)
{
	return !(((uintptr_t)a ^ (uintptr_t)b) & WORD_MASK);
}

/* Copy forwards: right for disjoint buffers, and when @d is below @s. */
static void copy_up(unsigned char *d, const unsigned char *s, size_t n)
{
	if (same_misalignment(d, s)) {
		while (n && ((uintptr_t)d & WORD_MASK)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= WORD; n -= WORD, d += WORD, s += WORD)
			*(word_t *)d = *(const word_t *)s;
	}
	while (n--)
		*d++ = *s++;
}

/* Copy backwards, for an overlap where @d is above @s. */
static void copy_down(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	if (same_misalignment(d, s)) {
		while (n && ((uintptr_t)d & WORD_MASK)) {
			*--d = *--s;
			n--;
		}
		for (; n >= WORD; n -= WORD) {
			d -= WORD;
			s -= WORD;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	copy_up(dest, src, n);
	return dest;
}

/*
 * The unsigned distance from @src up to @dest is at least @n exactly when
 * a forward copy cannot overwrite source bytes before reading them.
 */
void *memmove(void *dest, const void *src, size_t n)
{
	if ((uintptr_t)dest - (uintptr_t)src >= n)
		copy_up(dest, src, n);
	else
		copy_down(dest, src, n);
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	word_t w;

	while (n && ((uintptr_t)p & WORD_MASK)) {
		*p++ = (unsigned char)c;
		n--;
	}
	if (n >= WORD) {
		w = (unsigned char)c;
		w |= w << 8;
		w |= w << 16;
		if (WORD > 4)
			w |= (w << 16) << 16;
		for (; n >= WORD; n -= WORD, p += WORD)
			*(word_t *)p = w;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *s1, const void *s2, size_t n)
{
	const unsigned char *a = s1, *b = s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;

	while (n--) {
		if (*--p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++))
		;
	return dest;
}

char *strncpy(char *dest, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dest[i] = src[i];
	for (; i < n; i++)
		dest[i] = '\0';
	return dest;
}

char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

char *strncat(char *dest, const char *src, size_t n)
{
	char *d = dest + strlen(dest);

	while (n-- && *src)
		*d++ = *src++;
	*d = '\0';
	return dest;
}

int strcmp(const char *s1, const char *s2)
{
	const unsigned char *a = (const void *)s1, *b = (const void *)s2;

	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a - *b;
}

int strncmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const void *)s1, *b = (const void *)s2;

	for (; n; n--, a++, b++) {
		if (*a != *b || !*a)
			return *a - *b;
	}
	return 0;
}

int strncasecmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const void *)s1, *b = (const void *)s2;
	int d;

	for (; n; n--, a++, b++) {
		d = tolower(*a) - tolower(*b);
		if (d || !*a)
			return d;
	}
	return 0;
}

int strcasecmp(const char *s1, const char *s2)
{
	return strncasecmp(s1, s2, (size_t)-1);
}

char *strchrnul(const char *s, int c)
{
	for (; *s != '\0'; s++) {
		if (*s == (char)c)
			break;
	}
	return (char *)s;
}

char *strchr(const char *s, int c)
{
	s = strchrnul(s, c);
	return *s == (char)c ? (char *)s : NULL;
}

/* From the end: the terminator counts, so strrchr(s, 0) finds it. */
char *strrchr(const char *s, int c)
{
	size_t i = strlen(s) + 1;

	while (i-- > 0) {
		if (s[i] == (char)c)
			return (char *)&s[i];
	}
	return NULL;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++) {
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	}
	return n ? NULL : (char *)haystack;
}

/* Whether byte @c is one of @set (its NUL excluded). */
static bool in_set(char c, const char *set)
{
	for (; *set; set++) {
		if (*set == c)
			return true;
	}
	return false;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && in_set(s[n], accept))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !in_set(s[n], reject))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);

	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

char *strdup(const char *s)
{
	return strndup(s, (size_t)-1);
}

/*
 * Match with backtracking to the last '*' only: on a mismatch, that star
 * swallows one more character and matching resumes after it.  Earlier
 * stars never need revisiting, so this is linear in practice and never
 * recurses.
 */
bool simple_glob(const char *text, const char *pattern)
{
	const char *star = NULL, *resume = NULL;

	while (*text) {
		if (*pattern == '*') {
			star = pattern++;
			resume = text;
		} else if (*pattern == '?' || *pattern == *text) {
			pattern++;
			text++;
		} else if (star) {
			pattern = star + 1;
			text = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}
