/* SPDX-License-Identifier: MIT */
/*
 * ctype.h - character classes of the C locale, as static inlines.
 *
 * A kut guest has no locales: every function here answers for 7-bit ASCII
 * only, and any other value (bytes >= 0x80, EOF) belongs to no class and
 * is returned unchanged by toupper()/tolower().  Pass a char through
 * (unsigned char) first, as with the ISO C functions.
 */
#ifndef KUT_CTYPE_H
#define KUT_CTYPE_H

/* 'a'..'z'. */
static inline int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

/* 'A'..'Z'. */
static inline int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* A letter of either case. */
static inline int isalpha(int c)
{
	return islower(c) || isupper(c);
}

/* '0'..'9'. */
static inline int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* A hex digit: '0'..'9', 'a'..'f', 'A'..'F'. */
static inline int isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* A letter or a digit. */
static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

/* Space or horizontal tab. */
static inline int isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* Space, \t, \n, \v, \f or \r: what strtol() skips. */
static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The control characters 0x00-0x1f and DEL (0x7f). */
static inline int iscntrl(int c)
{
	return (c >= 0 && c < 0x20) || c == 0x7f;
}

/* A printing character, space included (0x20-0x7e). */
static inline int isprint(int c)
{
	return c >= 0x20 && c < 0x7f;
}

/* A printing character other than space (0x21-0x7e). */
static inline int isgraph(int c)
{
	return c > 0x20 && c < 0x7f;
}

/* A printing character that is neither a space nor alphanumeric. */
static inline int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

/* The upper-case letter of @c if it is a lower-case one, else @c. */
static inline int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

/* The lower-case letter of @c if it is an upper-case one, else @c. */
static inline int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}

#endif /* KUT_CTYPE_H */
