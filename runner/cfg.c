// SPDX-License-Identifier: MIT
/*
 * cfg.c - the unittests.cfg reader.
 *
 * Upstream reads the file with bash regexes and evals what it found; here
 * the same lines are recognised by hand and kept as plain strings.  The
 * reader is forgiving where upstream is (blank and comment lines, spaces
 * around '=', CRLF line ends) and loud where upstream is silent (unknown
 * keys, repeated keys or sections, lines that mean nothing).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "shdate.h"
#include "shsplit.h"

#define KEY_IGNORED	(-1)	/* known to upstream, meaningless to us */

static const struct {
	const char *name;
	int key;
} key_table[] = {
	{ "file", CFG_FILE },
	{ "smp", CFG_SMP },
	{ "extra_params", CFG_PARAMS },
	{ "qemu_params", CFG_PARAMS },
	{ "test_args", CFG_TEST_ARGS },
	{ "groups", CFG_GROUPS },
	{ "arch", CFG_ARCH },
	{ "machine", CFG_MACHINE },
	{ "accel", CFG_ACCEL },
	{ "timeout", CFG_TIMEOUT },
	{ "check", CFG_CHECK },
	{ "disabled_if", CFG_DISABLED_IF },
	{ "kvmtool_params", KEY_IGNORED },
};

#define N_KEYS (sizeof(key_table) / sizeof(key_table[0]))

const char *cfg_key_name(enum cfg_key key)
{
	size_t i;

	for (i = 0; i < N_KEYS; i++)
		if (key_table[i].key == (int)key)
			return key_table[i].name;
	return "?";
}

struct parser {
	const char *path;
	const char *p, *end;	/* the text not read yet */
	unsigned int lineno;
	struct cfg *cfg;
	struct cfg_test *cur;	/* NULL: outside a section, or ignoring one */
	bool in_ignored;	/* inside a section that is ignored */
	cfg_warn_fn *warn;
	void *ctx;
	/* test names seen: indexes into cfg->tests + 1, open addressing */
	size_t *names;
	size_t names_size;	/* a power of two, or 0 */
};

__attribute__((format(printf, 3, 4)))
static void warnf(struct parser *ps, unsigned int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!ps->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ps->warn(ps->ctx, ps->path, line, msg);
}

/* The next line without its end (\n or \r\n) and outer blanks, malloc'd. */
static char *next_line(struct parser *ps, bool trim)
{
	const char *s = ps->p, *e, *nl;

	if (ps->p >= ps->end)
		return NULL;
	nl = memchr(s, '\n', (size_t)(ps->end - s));
	e = nl ? nl : ps->end;
	ps->p = nl ? nl + 1 : ps->end;
	ps->lineno++;
	if (e > s && e[-1] == '\r')
		e--;
	if (trim) {
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
	}
	return xasprintf("%.*s", (int)(e - s), s);
}

/* FNV-1a: a cfg of 50 000 sections is read in linear time. */
static size_t name_hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * (size_t)1099511628211ULL;
	return h;
}

/* The slot of @name in the names table: its test's, or a free one. */
static size_t *name_slot(struct parser *ps, const char *name)
{
	size_t mask = ps->names_size - 1, i = name_hash(name) & mask;

	while (ps->names[i] &&
	       strcmp(ps->cfg->tests[ps->names[i] - 1].name, name))
		i = (i + 1) & mask;
	return &ps->names[i];
}

static struct cfg_test *find_test(struct parser *ps, const char *name)
{
	size_t *slot;

	if (!ps->names_size)
		return NULL;
	slot = name_slot(ps, name);
	return *slot ? &ps->cfg->tests[*slot - 1] : NULL;
}

/* Record the newest test's name, keeping the table at most half full. */
static void add_name(struct parser *ps)
{
	size_t n = ps->cfg->n, old_size = ps->names_size, *old = ps->names, i;

	if (2 * n > ps->names_size) {
		ps->names_size = old_size ? 2 * old_size : 64;
		ps->names = xmalloc(ps->names_size * sizeof(*ps->names));
		memset(ps->names, 0, ps->names_size * sizeof(*ps->names));
		for (i = 0; i < old_size; i++)
			if (old[i])
				*name_slot(ps, ps->cfg->tests[old[i] - 1].name) =
					old[i];
		free(old);
	}
	*name_slot(ps, ps->cfg->tests[n - 1].name) = n;
}

static void start_section(struct parser *ps, const char *name)
{
	struct cfg *cfg = ps->cfg;
	struct cfg_test *old = find_test(ps, name);

	ps->cur = NULL;
	ps->in_ignored = true;
	if (!*name) {
		warnf(ps, ps->lineno, "empty test name []; section ignored");
		return;
	}
	if (old) {
		warnf(ps, ps->lineno,
		      "test [%s] defined again (first at line %u); "
		      "this section is ignored", name, old->line);
		return;
	}
	cfg->tests = xrealloc(cfg->tests, (cfg->n + 1) * sizeof(*cfg->tests));
	ps->cur = &cfg->tests[cfg->n++];
	memset(ps->cur, 0, sizeof(*ps->cur));
	ps->cur->name = xstrdup(name);
	ps->cur->line = ps->lineno;
	ps->in_ignored = false;
	add_name(ps);
}

/* Keys take names like C identifiers; returns the length, 0 if none. */
static size_t key_length(const char *s)
{
	size_t n = 0;

	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	       (s[n] >= '0' && s[n] <= '9') || s[n] == '_')
		n++;
	return n;
}

static int lookup_key(const char *name, size_t len, bool *known)
{
	size_t i;

	for (i = 0; i < N_KEYS; i++) {
		if (strlen(key_table[i].name) == len &&
		    !strncmp(key_table[i].name, name, len)) {
			*known = true;
			return key_table[i].key;
		}
	}
	*known = false;
	return KEY_IGNORED;
}

static bool ends_with_quotes(const char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n >= 3 && !strncmp(s + n - 3, "\"\"\"", 3);
}

/* Cut @s, of length @n, at its last """ (there is one). */
static void cut_at_last_quotes(char *s, size_t n)
{
	while (n >= 3 && strncmp(s + n - 3, "\"\"\"", 3))
		n--;
	s[n - 3] = '\0';
}

/*
 * A value between """ and """, over as many lines as it takes.  @first is
 * what follows the opening quotes.  NULL if the file ends first.  Lines
 * are appended to a buffer that doubles: linear in the value's size.
 */
static char *multiline_value(struct parser *ps, const char *first)
{
	size_t len = strlen(first), cap = len + 1, n;
	char *value = xstrdup(first), *line;
	bool done = ends_with_quotes(value);

	while (!done && (line = next_line(ps, false))) {
		done = ends_with_quotes(line);
		n = strlen(line);
		if (len + n + 2 > cap) {
			cap = 2 * (len + n + 2);
			value = xrealloc(value, cap);
		}
		value[len++] = '\n';
		memcpy(value + len, line, n + 1);
		len += n;
		free(line);
	}
	if (!done) {
		free(value);
		return NULL;
	}
	cut_at_last_quotes(value, len);
	return value;
}

/* Simple values may end in a comment, "value # why". */
static void strip_comment(char *v)
{
	char *p;

	for (p = v; *p; p++) {
		if (*p == '#' && (p == v || p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			break;
		}
	}
	p = v + strlen(v);
	while (p > v && (p[-1] == ' ' || p[-1] == '\t'))
		*--p = '\0';
}

static void set_value(struct parser *ps, int key, const char *keyname,
		      char *value, unsigned int line)
{
	struct cfg_test *t = ps->cur;

	if (key != CFG_PARAMS && key != CFG_TEST_ARGS &&
	    key != CFG_DISABLED_IF)
		strip_comment(value);
	if (t->val[key])
		warnf(ps, line,
		      "[%s]: %s given again (first at line %u); the last one "
		      "counts", t->name, keyname, t->val_line[key]);
	free(t->val[key]);
	t->val[key] = value;
	t->val_line[key] = line;
}

static void key_line(struct parser *ps, const char *line, size_t klen)
{
	unsigned int lineno = ps->lineno;
	const char *v = line + klen;
	char *keyname = xasprintf("%.*s", (int)klen, line), *value;
	bool known;
	int key = lookup_key(line, klen, &known);

	while (*v == ' ' || *v == '\t')
		v++;
	v++;			/* '=' */
	while (*v == ' ' || *v == '\t')
		v++;
	if (!strncmp(v, "\"\"\"", 3)) {
		value = multiline_value(ps, v + 3);
		if (!value) {
			warnf(ps, lineno, "%s: no closing \"\"\" before the end "
			      "of the file", keyname);
			value = xstrdup("");
			if (ps->cur && !ps->cur->error)
				ps->cur->error = xasprintf(
					"%s:%u: %s: no closing \"\"\"",
					ps->path, lineno, keyname);
		}
	} else {
		value = xstrdup(v);
	}
	if (!known)
		warnf(ps, lineno, "unknown key '%s' (ignored)", keyname);
	else if (!ps->cur && !ps->in_ignored)
		warnf(ps, lineno, "%s outside of any [test] section (ignored)",
		      keyname);
	if (known && key != KEY_IGNORED && ps->cur)
		set_value(ps, key, keyname, value, lineno);
	else
		free(value);
	free(keyname);
}

static void parse_line(struct parser *ps, char *line)
{
	size_t len = strlen(line), klen;
	const char *p;

	if (!len || line[0] == '#')
		return;
	if (line[0] == '[' && line[len - 1] == ']') {
		line[len - 1] = '\0';
		start_section(ps, line + 1);
		return;
	}
	klen = key_length(line);
	p = line + klen;
	while (*p == ' ' || *p == '\t')
		p++;
	if (klen && *p == '=') {
		key_line(ps, line, klen);
		return;
	}
	warnf(ps, ps->lineno,
	      "neither a [test] header nor a 'key = value' line (ignored)");
}

static void set_error(struct cfg_test *t, const char *path, enum cfg_key key,
		      const char *problem)
{
	if (!t->error)
		t->error = xasprintf("%s:%u: %s: %s", path, t->val_line[key],
				     cfg_key_name(key), problem);
}

/* Whether an accel value names @name, alone or before its options. */
static bool accel_named(const char *v, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(v, name, n) && (v[n] == '\0' || v[n] == ',');
}

/* What can be known wrong about a test before running anything. */
static void validate(struct parser *ps, struct cfg_test *t)
{
	static const enum cfg_key split_keys[] = { CFG_PARAMS, CFG_TEST_ARGS };
	struct strvec words = STRVEC_INIT;
	char err[128], *dated;
	long long ms;
	bool now;
	size_t i;

	if (!t->val[CFG_FILE] && !t->error)
		t->error = xasprintf("%s:%u: [%s] has no 'file =' key",
				     ps->path, t->line, t->name);
	else if (t->val[CFG_FILE] && !*t->val[CFG_FILE])
		set_error(t, ps->path, CFG_FILE, "empty");
	for (i = 0; i < 2; i++) {
		const char *v = t->val[split_keys[i]];

		if (!v)
			continue;
		/* What is left once kut-run did the dates it does. */
		if (sh_expand_dates(v, 0, &dated, &now, err, sizeof(err)) < 0)
			set_error(t, ps->path, split_keys[i], err);
		else if (sh_split(dated ? dated : v, &words, err, sizeof(err)) < 0)
			set_error(t, ps->path, split_keys[i], err);
		else if (sh_wants_shell(dated ? dated : v))
			warnf(ps, t->val_line[split_keys[i]],
			      "[%s]: %s: $, `, ;, |, &, <, > reach QEMU as "
			      "written: kut-run runs no shell", t->name,
			      cfg_key_name(split_keys[i]));
		free(dated);
		strvec_free(&words);
	}
	if (t->val[CFG_TIMEOUT] && parse_duration(t->val[CFG_TIMEOUT], &ms) < 0)
		set_error(t, ps->path, CFG_TIMEOUT,
			  "not a duration (like 90, 90s, 2m)");
	/* A name, then -accel's options, as upstream's "tcg,thread=single". */
	if (t->val[CFG_ACCEL] && *t->val[CFG_ACCEL] &&
	    !accel_named(t->val[CFG_ACCEL], "kvm") &&
	    !accel_named(t->val[CFG_ACCEL], "tcg"))
		set_error(t, ps->path, CFG_ACCEL,
			  "must be kvm or tcg (options may follow a comma)");
}

void cfg_parse(const char *path, const char *text, size_t len,
	       struct cfg *cfg, cfg_warn_fn *warn, void *ctx)
{
	struct parser ps = {
		.path = path, .p = text, .end = text + len, .cfg = cfg,
		.warn = warn, .ctx = ctx,
	};
	char *line;
	size_t i;

	while ((line = next_line(&ps, true))) {
		parse_line(&ps, line);
		free(line);
	}
	free(ps.names);
	for (i = 0; i < cfg->n; i++)
		validate(&ps, &cfg->tests[i]);
}

static int read_all(const char *path, char **data, size_t *len,
		    char *err, size_t errsize)
{
	struct file_map map;

	if (map_file(path, &map, err, errsize) < 0)
		return -1;
	*len = map.size;
	*data = xmalloc(map.size + 1);
	if (map.size)
		memcpy(*data, map.data, map.size);
	(*data)[map.size] = '\0';
	unmap_file(&map);
	if (memchr(*data, '\0', *len)) {
		snprintf(err, errsize, "holds a NUL byte: not a text file");
		free(*data);
		return -1;
	}
	return 0;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xasprintf("%.*s", (int)(slash - path), path);
}

int cfg_load(const char *path, struct cfg *cfg, cfg_warn_fn *warn, void *ctx,
	     char *err, size_t errsize)
{
	char *data;
	size_t len;

	memset(cfg, 0, sizeof(*cfg));
	if (read_all(path, &data, &len, err, errsize) < 0)
		return -1;
	cfg->path = xstrdup(path);
	cfg->dir = dir_of(path);
	cfg_parse(path, data, len, cfg, warn, ctx);
	free(data);
	return 0;
}

void cfg_free(struct cfg *cfg)
{
	size_t i, k;

	for (i = 0; i < cfg->n; i++) {
		free(cfg->tests[i].name);
		free(cfg->tests[i].error);
		for (k = 0; k < CFG_NKEYS; k++)
			free(cfg->tests[i].val[k]);
	}
	free(cfg->tests);
	free(cfg->path);
	free(cfg->dir);
	memset(cfg, 0, sizeof(*cfg));
}

bool cfg_in_group(const struct cfg_test *t, const char *group)
{
	const char *g = t->val[CFG_GROUPS];
	size_t len = strlen(group), n;

	while (g && *g) {
		g += strspn(g, " \t");
		n = strcspn(g, " \t");
		if (n == len && n && !strncmp(g, group, n))
			return true;
		g += n;
	}
	return false;
}
