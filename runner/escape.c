// SPDX-License-Identifier: MIT
/*
 * escape.c - JSON, XML and TAP escaping over a forgiving UTF-8 decoder.
 */
#include <stdbool.h>
#include <stdint.h>

#include "escape.h"

#define REPLACEMENT	0xfffd

/* Length of the sequence a lead byte announces; 0 for a bad lead byte. */
static int seq_length(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/*
 * Decode one code point at *@p and move past it.  A byte that does not
 * start a valid, shortest-form sequence gives U+FFFD and is skipped alone.
 */
static uint32_t next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	int len = seq_length(s[0]), i;
	uint32_t cp;

	*p = s + 1;
	if (len == 1)
		return s[0];
	if (!len)
		return REPLACEMENT;
	cp = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return REPLACEMENT;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return REPLACEMENT;
	*p = s + len;
	return cp;
}

static void put_utf8(FILE *f, uint32_t cp)
{
	if (cp < 0x80) {
		fputc((int)cp, f);
	} else if (cp < 0x800) {
		fputc((int)(0xc0 | cp >> 6), f);
		fputc((int)(0x80 | (cp & 0x3f)), f);
	} else if (cp < 0x10000) {
		fputc((int)(0xe0 | cp >> 12), f);
		fputc((int)(0x80 | ((cp >> 6) & 0x3f)), f);
		fputc((int)(0x80 | (cp & 0x3f)), f);
	} else {
		fputc((int)(0xf0 | cp >> 18), f);
		fputc((int)(0x80 | ((cp >> 12) & 0x3f)), f);
		fputc((int)(0x80 | ((cp >> 6) & 0x3f)), f);
		fputc((int)(0x80 | (cp & 0x3f)), f);
	}
}

void put_json_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	fputc('"', f);
	while (*p) {
		cp = next_cp(&p);
		if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (int)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || cp == 0x7f)
			fprintf(f, "\\u%04x", (unsigned int)cp);
		else
			put_utf8(f, cp);
	}
	fputc('"', f);
}

static int xml_allowed(uint32_t cp)
{
	return cp == 0x9 || cp == 0xa || cp == 0xd ||
	       (cp >= 0x20 && cp <= 0xd7ff) ||
	       (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
}

static void put_xml(FILE *f, const char *s, bool attr)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (*p) {
		cp = next_cp(&p);
		if (!xml_allowed(cp))
			cp = REPLACEMENT;
		switch (cp) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&apos;", f);
			break;
		case '\n':
		case '\t':
			/* As references, so attribute values keep them. */
			if (attr)
				fprintf(f, "&#%u;", (unsigned int)cp);
			else
				fputc((int)cp, f);
			break;
		case '\r':
			fputs("&#13;", f);
			break;
		default:
			put_utf8(f, cp);
		}
	}
}

void put_xml_text(FILE *f, const char *s)
{
	put_xml(f, s, false);
}

void put_xml_attr(FILE *f, const char *s)
{
	put_xml(f, s, true);
}

void put_tap_text(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (*p) {
		cp = next_cp(&p);
		if (cp == '#' || cp == '\\')
			fputc('\\', f);
		if (cp < 0x20 || cp == 0x7f)
			continue;
		put_utf8(f, cp);
	}
}

void put_terminal_text(FILE *f, const char *s, bool multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (*p) {
		cp = next_cp(&p);
		if ((cp < 0x20 && cp != '\t' && !(multiline && cp == '\n')) ||
		    (cp >= 0x7f && cp < 0xa0))
			fprintf(f, "\\x%02x", (unsigned int)cp);
		else
			put_utf8(f, cp);
	}
}

void put_yaml_line(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (*p) {
		cp = next_cp(&p);
		put_utf8(f, cp < 0x20 || cp == 0x7f ? ' ' : cp);
	}
}
