// SPDX-License-Identifier: MIT
/*
 * printf.c - the printf formatter, vsnprintf(), snprintf() and binstr().
 *
 * Tests print with printf() far more than with anything else, and what
 * they print must read the same as on a hosted libc, so the formatter
 * follows ISO C (and glibc where C leaves a choice) for everything that
 * carries no floating point:
 *
 *   conversions	d i u o x X c s p %
 *   length		hh h l ll z j t
 *   flags		- 0 + space #
 *   width, precision	decimal or '*' (a negative '*' width means '-',
 *			a negative '*' precision means none)
 *
 * Deliberate differences from glibc:
 *   %p		"0x" and the address in lower-case hex, flags, width and
 *		precision applied as to "%#lx"; NULL prints "0x0" (upstream
 *		kvm-unit-tests' output), where glibc prints "(nil)".
 *   %ls	a string of u16 characters, as upstream kvm-unit-tests
 *		prints UEFI strings: characters above 0x7f print as '?'.
 *   others	%f %e %g %a (no floating point in a guest), %n, %lc and any
 *		unknown conversion are copied to the output as written, and
 *		consume no argument, so arguments after one are misread.
 * %s with NULL prints "(null)", or nothing when the precision is below 6,
 * as glibc does.  Output length is unlimited: the formatter writes into a
 * sink in pieces (format.h).
 */
#include <libcflat.h>

#include "format.h"

#define F_MINUS		0x01
#define F_PLUS		0x02
#define F_SPACE		0x04
#define F_HASH		0x08
#define F_ZERO		0x10

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

/* One parsed conversion specification. */
struct spec {
	unsigned int flags;
	size_t width;		/* 0: none */
	int prec;		/* -1: none */
	enum length len;
	char conv;
};

/* The sink and how much went into it. */
struct out {
	struct format_sink *sink;
	size_t count;
};

static void emit(struct out *o, const char *s, size_t n)
{
	if (n) {
		o->sink->write(o->sink, s, n);
		o->count += n;
	}
}

static void emit_repeat(struct out *o, char c, size_t n)
{
	char run[16];
	size_t i, k;

	for (i = 0; i < sizeof(run); i++)
		run[i] = c;
	while (n) {
		k = n < sizeof(run) ? n : sizeof(run);
		emit(o, run, k);
		n -= k;
	}
}

/* Spaces that right-justify (@before) or left-justify a field of @len. */
static void pad(struct out *o, const struct spec *sp, size_t len, bool before)
{
	if (sp->width > len && before == !(sp->flags & F_MINUS))
		emit_repeat(o, ' ', sp->width - len);
}

static unsigned int flag_bit(char c)
{
	switch (c) {
	case '-':
		return F_MINUS;
	case '+':
		return F_PLUS;
	case ' ':
		return F_SPACE;
	case '#':
		return F_HASH;
	case '0':
		return F_ZERO;
	}
	return 0;
}

/* A decimal number in the format string, clamped to INT_MAX. */
static int parse_decimal(const char **p)
{
	int v = 0;

	while (**p >= '0' && **p <= '9') {
		if (v <= (__INT_MAX__ - 9) / 10)
			v = v * 10 + (**p - '0');
		else
			v = __INT_MAX__;
		(*p)++;
	}
	return v;
}

static const char *parse_width(const char *p, struct spec *sp, va_list *ap)
{
	int w;

	if (*p != '*') {
		sp->width = parse_decimal(&p);
		return p;
	}
	w = va_arg(*ap, int);
	if (w < 0) {
		sp->flags |= F_MINUS;
		sp->width = -(unsigned int)w;
	} else {
		sp->width = w;
	}
	return p + 1;
}

static const char *parse_precision(const char *p, struct spec *sp,
				   va_list *ap)
{
	if (*p != '.')
		return p;
	p++;
	if (*p == '*') {
		sp->prec = va_arg(*ap, int);
		if (sp->prec < 0)
			sp->prec = -1;
		return p + 1;
	}
	sp->prec = parse_decimal(&p);
	return p;
}

static const char *parse_length(const char *p, struct spec *sp)
{
	switch (*p) {
	case 'h':
		sp->len = p[1] == 'h' ? LEN_HH : LEN_H;
		break;
	case 'l':
		sp->len = p[1] == 'l' ? LEN_LL : LEN_L;
		break;
	case 'z':
		sp->len = LEN_Z;
		break;
	case 'j':
		sp->len = LEN_J;
		break;
	case 't':
		sp->len = LEN_T;
		break;
	default:
		sp->len = LEN_NONE;
		return p;
	}
	return p + (sp->len == LEN_HH || sp->len == LEN_LL ? 2 : 1);
}

/*
 * Parse the specification after a '%' at @p into @sp, taking '*'
 * arguments from @ap.  Returns the first character after it; conv is
 * '\0' if the format ended inside the specification.
 */
static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
	sp->flags = 0;
	sp->width = 0;
	sp->prec = -1;
	while (flag_bit(*p))
		sp->flags |= flag_bit(*p++);
	p = parse_width(p, sp, ap);
	p = parse_precision(p, sp, ap);
	p = parse_length(p, sp);
	sp->conv = *p;
	return *p ? p + 1 : p;
}

static long long get_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z:
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long get_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
	case LEN_T:
		return va_arg(*ap, size_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/*
 * Divide @v by 10 in 16-bit steps, each a 32-bit division by a constant
 * (which compilers turn into a multiplication): printing a 64-bit value
 * on a 32-bit arch then needs no 64-bit division helper from libgcc, so
 * printf works on a new arch before anything else does.
 */
static unsigned int div10(unsigned long long *v)
{
	unsigned long long q = 0;
	unsigned int r = 0, cur;
	int shift;

	for (shift = 48; shift >= 0; shift -= 16) {
		cur = (r << 16) | ((*v >> shift) & 0xffff);
		q |= (unsigned long long)(cur / 10) << shift;
		r = cur % 10;
	}
	*v = q;
	return r;
}

/*
 * Write the digits of @v in @base (8, 10 or 16) backwards from @end;
 * returns the first.  Bases 8 and 16 shift; base 10 divides in unsigned
 * long as soon as the value fits, and with div10() before that.
 */
static char *digits_of(char *end, unsigned long long v, unsigned int base,
		       bool upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned int shift = base == 16 ? 4 : 3;
	unsigned long lv;
	char *p = end;

	if (base != 10) {
		do {
			*--p = set[v & (base - 1)];
			v >>= shift;
		} while (v);
		return p;
	}
	while ((unsigned long)v != v)
		*--p = '0' + div10(&v);
	lv = v;
	do {
		*--p = '0' + lv % 10;
		lv /= 10;
	} while (lv);
	return p;
}

/*
 * Print the magnitude @v after @prefix (sign, "0x"), with the precision
 * as a minimum digit count and '0' padding between prefix and digits.
 */
static void put_number(struct out *o, const struct spec *sp,
		       unsigned long long v, unsigned int base, bool upper,
		       const char *prefix)
{
	char buf[sizeof(v) * 8 / 3 + 2];
	char *digits = buf + sizeof(buf);
	size_t ndigits, nprefix = strlen(prefix), zeros = 0, total;

	if (v || sp->prec != 0)
		digits = digits_of(buf + sizeof(buf), v, base, upper);
	ndigits = buf + sizeof(buf) - digits;

	if (sp->prec >= 0 && (size_t)sp->prec > ndigits)
		zeros = sp->prec - ndigits;
	/* '#' with 'o': the first digit printed must be a 0. */
	if (sp->conv == 'o' && (sp->flags & F_HASH) && !zeros &&
	    (!ndigits || *digits != '0'))
		zeros = 1;

	total = nprefix + zeros + ndigits;
	if ((sp->flags & (F_ZERO | F_MINUS)) == F_ZERO && sp->prec < 0 &&
	    sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	pad(o, sp, total, true);
	emit(o, prefix, nprefix);
	emit_repeat(o, '0', zeros);
	emit(o, digits, ndigits);
	pad(o, sp, total, false);
}

static const char *sign_prefix(const struct spec *sp, bool negative)
{
	if (negative)
		return "-";
	if (sp->flags & F_PLUS)
		return "+";
	if (sp->flags & F_SPACE)
		return " ";
	return "";
}

static void put_signed(struct out *o, const struct spec *sp, va_list *ap)
{
	long long v = get_signed(sp, ap);
	unsigned long long mag = v < 0 ? -(unsigned long long)v
				       : (unsigned long long)v;

	put_number(o, sp, mag, 10, false, sign_prefix(sp, v < 0));
}

static void put_unsigned(struct out *o, const struct spec *sp, va_list *ap)
{
	unsigned long long v = get_unsigned(sp, ap);
	const char *prefix = "";
	unsigned int base = 10;

	if (sp->conv == 'o') {
		base = 8;
	} else if (sp->conv == 'x' || sp->conv == 'X') {
		base = 16;
		if ((sp->flags & F_HASH) && v)
			prefix = sp->conv == 'x' ? "0x" : "0X";
	}
	put_number(o, sp, v, base, sp->conv == 'X', prefix);
}

static void put_pointer(struct out *o, const struct spec *sp, va_list *ap)
{
	uintptr_t v = (uintptr_t)va_arg(*ap, void *);
	const char *sign = sign_prefix(sp, false);
	char prefix[4];

	prefix[0] = '\0';
	strcat(prefix, sign);
	strcat(prefix, "0x");
	put_number(o, sp, v, 16, false, prefix);
}

static void put_string(struct out *o, const struct spec *sp, const char *s)
{
	size_t len;

	if (!s)
		s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
	len = sp->prec < 0 ? strlen(s) : strnlen(s, sp->prec);
	pad(o, sp, len, true);
	emit(o, s, len);
	pad(o, sp, len, false);
}

static void put_u16_string(struct out *o, const struct spec *sp,
			   const u16 *s)
{
	size_t len = 0, i;
	char c;

	if (!s) {
		put_string(o, sp, NULL);
		return;
	}
	while (s[len] && (sp->prec < 0 || len < (size_t)sp->prec))
		len++;
	pad(o, sp, len, true);
	for (i = 0; i < len; i++) {
		c = s[i] < 0x80 ? (char)s[i] : '?';
		emit(o, &c, 1);
	}
	pad(o, sp, len, false);
}

static void put_char(struct out *o, const struct spec *sp, va_list *ap)
{
	char c = (char)va_arg(*ap, int);

	pad(o, sp, 1, true);
	emit(o, &c, 1);
	pad(o, sp, 1, false);
}

/* Print one conversion; false if it is not one we support. */
static bool convert(struct out *o, const struct spec *sp, va_list *ap)
{
	switch (sp->conv) {
	case 'd':
	case 'i':
		put_signed(o, sp, ap);
		return true;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		put_unsigned(o, sp, ap);
		return true;
	case 'p':
		put_pointer(o, sp, ap);
		return true;
	case 's':
		if (sp->len == LEN_L)
			put_u16_string(o, sp, va_arg(*ap, const u16 *));
		else
			put_string(o, sp, va_arg(*ap, const char *));
		return true;
	case 'c':
		if (sp->len != LEN_NONE)
			return false;
		put_char(o, sp, ap);
		return true;
	case '%':
		emit(o, "%", 1);
		return true;
	}
	return false;
}

int format_vprint(struct format_sink *sink, const char *fmt, va_list va)
{
	struct out o = { .sink = sink, .count = 0 };
	const char *start;
	struct spec sp;
	va_list ap;

	va_copy(ap, va);
	while (*fmt) {
		start = fmt;
		while (*fmt && *fmt != '%')
			fmt++;
		emit(&o, start, fmt - start);
		if (!*fmt)
			break;
		start = fmt;
		fmt = parse_spec(fmt + 1, &sp, &ap);
		if (!convert(&o, &sp, &ap))
			emit(&o, start, fmt - start);
	}
	va_end(ap);
	return o.count > (size_t)__INT_MAX__ ? -1 : (int)o.count;
}

/* vsnprintf's sink: keeps what fits in size - 1 bytes, counts the rest. */
struct buf_sink {
	struct format_sink sink;
	char *buf;
	size_t size;
	size_t len;
};

static void buf_write(struct format_sink *sink, const char *s, size_t n)
{
	struct buf_sink *b = container_of(sink, struct buf_sink, sink);
	size_t room = b->size ? b->size - 1 - b->len : 0;

	if (n > room)
		n = room;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list va)
{
	struct buf_sink b = {
		.sink = { .write = buf_write },
		.buf = buf,
		.size = size,
		.len = 0,
	};
	int ret;

	ret = format_vprint(&b.sink, fmt, va);
	if (size)
		buf[b.len] = '\0';
	return ret;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list va;
	int ret;

	va_start(va, fmt);
	ret = vsnprintf(buf, size, fmt, va);
	va_end(va);
	return ret;
}

void binstr(unsigned long x, char out[BINSTR_SZ])
{
	int bit = sizeof(x) * 8;
	char *p = out;

	while (bit--) {
		*p++ = (x >> bit) & 1 ? '1' : '0';
		if (bit && bit % 4 == 0)
			*p++ = '\'';
	}
	*p = '\0';
}
