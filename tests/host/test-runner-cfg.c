// SPDX-License-Identifier: MIT
/*
 * test-runner-cfg.c - host tests of the unittests.cfg reader: upstream's
 * files read the same, odd files (CRLF, duplicates, missing keys, huge
 * lines, multi-line values) read sensibly with a warning naming the line,
 * and the smp, disabled_if and check values are evaluated without a shell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "cfg.h"

static char warnings[8192];

static void collect(void *ctx, const char *path, unsigned int line,
		    const char *msg)
{
	size_t len = strlen(warnings);

	(void)ctx;
	snprintf(warnings + len, sizeof(warnings) - len, "%s:%u: %s\n", path,
		 line, msg);
}

static void parse(struct cfg *cfg, const char *text)
{
	warnings[0] = '\0';
	memset(cfg, 0, sizeof(*cfg));
	cfg_parse("t.cfg", text, strlen(text), cfg, collect, NULL);
}

static const char *val(const struct cfg *cfg, size_t i, enum cfg_key k)
{
	return i < cfg->n ? cfg->tests[i].val[k] : NULL;
}

TEST(upstream_style_file)
{
	struct cfg c;

	parse(&c, "# comment\n\n[apic]\nfile = apic.flat\nsmp = 2\n"
		  "extra_params = -cpu qemu64,+x2apic -append 'a b'\n"
		  "arch = x86_64\ntimeout = 30\n\n[vmexit]\nfile=vmexit.flat\n"
		  "groups = vmexit nodefault\naccel = kvm\n"
		  "check = /sys/module/kvm_intel/parameters/nested=Y\n");
	CHECK_INT(c.n, 2);
	CHECK_STR(c.tests[0].name, "apic");
	CHECK_INT(c.tests[0].line, 3);
	CHECK_STR(val(&c, 0, CFG_FILE), "apic.flat");
	CHECK_STR(val(&c, 0, CFG_SMP), "2");
	CHECK_STR(val(&c, 0, CFG_PARAMS), "-cpu qemu64,+x2apic -append 'a b'");
	CHECK_STR(val(&c, 0, CFG_ARCH), "x86_64");
	CHECK_STR(val(&c, 0, CFG_TIMEOUT), "30");
	CHECK_STR(val(&c, 1, CFG_FILE), "vmexit.flat");
	CHECK(cfg_in_group(&c.tests[1], "nodefault"));
	CHECK(cfg_in_group(&c.tests[1], "vmexit"));
	CHECK(!cfg_in_group(&c.tests[1], "vm"));
	CHECK(!cfg_in_group(&c.tests[0], "vmexit"));
	CHECK_STR(val(&c, 1, CFG_ACCEL), "kvm");
	CHECK(!c.tests[0].error && !c.tests[1].error);
	CHECK_STR(warnings, "");
	cfg_free(&c);
}

TEST(qemu_params_and_test_args)
{
	struct cfg c;

	parse(&c, "[a]\nfile = a.flat\nqemu_params = -m 256\n"
		  "test_args = \"x y\"\n");
	CHECK_STR(val(&c, 0, CFG_PARAMS), "-m 256");
	CHECK_STR(val(&c, 0, CFG_TEST_ARGS), "\"x y\"");
	cfg_free(&c);
}

TEST(crlf_and_blanks_around_everything)
{
	struct cfg c;

	parse(&c, "  [crlf]  \r\n\tfile   =   x.flat  \r\n smp=3\r\n"
		  "groups =  a  b \r\n");
	CHECK_INT(c.n, 1);
	CHECK_STR(c.tests[0].name, "crlf");
	CHECK_STR(val(&c, 0, CFG_FILE), "x.flat");
	CHECK_STR(val(&c, 0, CFG_SMP), "3");
	CHECK(cfg_in_group(&c.tests[0], "b"));
	CHECK_STR(warnings, "");
	cfg_free(&c);
}

TEST(empty_values)
{
	struct cfg c;

	parse(&c, "[a]\nfile = a.flat\nextra_params =\ngroups =\n"
		  "[b]\nfile =\n");
	CHECK_STR(val(&c, 0, CFG_PARAMS), "");
	CHECK_STR(val(&c, 0, CFG_GROUPS), "");
	CHECK(!c.tests[0].error);
	CHECK(c.tests[1].error && strstr(c.tests[1].error, "t.cfg:6: file: empty"));
	cfg_free(&c);
}

TEST(missing_file_key_is_the_tests_error)
{
	struct cfg c;

	parse(&c, "[nofile]\nsmp = 2\n[ok]\nfile = ok.flat\n");
	CHECK_INT(c.n, 2);
	CHECK(c.tests[0].error &&
	      strstr(c.tests[0].error, "t.cfg:1: [nofile] has no 'file =' key"));
	CHECK(!c.tests[1].error);
	cfg_free(&c);
}

TEST(duplicate_sections_and_keys_warn)
{
	struct cfg c;

	parse(&c, "[a]\nfile = 1.flat\nfile = 2.flat\n[a]\nfile = 3.flat\n"
		  "extra_params = -m 1\nqemu_params = -m 2\n"
		  "[b]\nfile = b.flat\n"
		  "extra_params = -m 1\nqemu_params = -m 2\n");
	CHECK_INT(c.n, 2);
	CHECK_STR(val(&c, 0, CFG_FILE), "2.flat");
	CHECK_STR(val(&c, 1, CFG_PARAMS), "-m 2");
	CHECK(strstr(warnings, "t.cfg:3: [a]: file given again (first at line 2)"));
	CHECK(strstr(warnings, "t.cfg:4: test [a] defined again (first at line 1)"));
	CHECK(strstr(warnings, "t.cfg:11: [b]: qemu_params given again (first at line 10)"));
	/* Keys of the ignored duplicate section do not warn on their own. */
	CHECK(!strstr(warnings, "t.cfg:5:"));
	cfg_free(&c);
}

TEST(unknown_keys_and_stray_lines_warn_with_their_line)
{
	struct cfg c;

	parse(&c, "file = early.flat\n[a]\nfile = a.flat\nfrobnicate = 1\n"
		  "kvmtool_params = --mem 256\nthis is not a line\n[]\n");
	CHECK_INT(c.n, 1);
	CHECK(strstr(warnings, "t.cfg:1: file outside of any [test] section"));
	CHECK(strstr(warnings, "t.cfg:4: unknown key 'frobnicate' (ignored)"));
	CHECK(!strstr(warnings, "kvmtool_params"));
	CHECK(strstr(warnings, "t.cfg:6: neither a [test] header"));
	CHECK(strstr(warnings, "t.cfg:7: empty test name"));
	cfg_free(&c);
}

TEST(comments_after_simple_values)
{
	struct cfg c;

	parse(&c, "[a]\nfile = a.flat # the image\nsmp = 2\t# two\n"
		  "extra_params = -append 'x # y' # z\ngroups = g#h\n");
	CHECK_STR(val(&c, 0, CFG_FILE), "a.flat");
	CHECK_STR(val(&c, 0, CFG_SMP), "2");
	/* QEMU parameters keep it: the splitter drops the comment. */
	CHECK_STR(val(&c, 0, CFG_PARAMS), "-append 'x # y' # z");
	CHECK_STR(val(&c, 0, CFG_GROUPS), "g#h");
	cfg_free(&c);
}

TEST(multi_line_values)
{
	struct cfg c;

	parse(&c, "[a]\nfile = a.flat\nqemu_params = \"\"\"-m 256\n"
		  "  -append 'x y' \\\n  -smp 2\"\"\"\ngroups = g\n"
		  "[b]\nfile = b.flat\nqemu_params = \"\"\"-m 1\"\"\"\n");
	CHECK_STR(val(&c, 0, CFG_PARAMS),
		  "-m 256\n  -append 'x y' \\\n  -smp 2");
	CHECK_STR(val(&c, 0, CFG_GROUPS), "g");
	CHECK_STR(val(&c, 1, CFG_PARAMS), "-m 1");
	CHECK_STR(warnings, "");
	cfg_free(&c);
	parse(&c, "[a]\nfile = a.flat\nqemu_params = \"\"\"-m 256\n");
	CHECK(c.tests[0].error && strstr(c.tests[0].error, "no closing"));
	cfg_free(&c);
}

TEST(bad_values_are_the_tests_error)
{
	struct cfg c;

	parse(&c, "[q]\nfile = q.flat\nextra_params = -append 'oops\n"
		  "[t]\nfile = t.flat\ntimeout = soon\n"
		  "[a]\nfile = a.flat\naccel = hvf\n");
	CHECK(strstr(c.tests[0].error, "t.cfg:3: extra_params: unterminated"));
	CHECK(strstr(c.tests[1].error, "t.cfg:6: timeout: not a duration"));
	CHECK(strstr(c.tests[2].error, "t.cfg:9: accel: must be kvm or tcg"));
	cfg_free(&c);
}

TEST(shell_syntax_is_data_and_warned_about)
{
	struct cfg c;

	parse(&c, "[k]\nfile = k.flat\n"
		  "extra_params = --append \"10000000 `whoami`\"\n"
		  "[d]\nfile = d.flat\n"
		  "extra_params = --append \"10000000 `date +%s`\"\n");
	CHECK(strstr(warnings, "t.cfg:3: [k]: extra_params: $, `, ;"));
	/* The date form kut-run expands itself is not warned about. */
	CHECK(!strstr(warnings, "[d]"));
	CHECK(!c.tests[0].error);
	CHECK(!c.tests[1].error);
	cfg_free(&c);
}

TEST(very_long_lines)
{
	size_t n = 1 << 20;
	char *text = malloc(n + 128);
	struct cfg c;

	strcpy(text, "[long]\nfile = l.flat\nextra_params = -append ");
	memset(text + strlen(text), 'x', n);
	text[strlen("[long]\nfile = l.flat\nextra_params = -append ") + n] = '\0';
	strcat(text, "\n[next]\nfile = n.flat\n");
	parse(&c, text);
	CHECK_INT(c.n, 2);
	CHECK_INT(strlen(val(&c, 0, CFG_PARAMS)), n + strlen("-append "));
	CHECK_STR(c.tests[1].name, "next");
	CHECK_INT(c.tests[1].line, 4);
	cfg_free(&c);
	free(text);
}

TEST(no_final_newline_and_empty_file)
{
	struct cfg c;

	parse(&c, "[a]\nfile = a.flat");
	CHECK_STR(val(&c, 0, CFG_FILE), "a.flat");
	cfg_free(&c);
	parse(&c, "");
	CHECK_INT(c.n, 0);
	cfg_free(&c);
}

TEST(load_names_the_directory)
{
	char dir[] = "/tmp/kut-cfg-XXXXXX", path[64], err[128];
	struct cfg c;
	FILE *f;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/unittests.cfg", dir);
	f = fopen(path, "w");
	fputs("[a]\nfile = a.flat\n", f);
	fclose(f);
	CHECK_INT(cfg_load(path, &c, NULL, NULL, err, sizeof(err)), 0);
	CHECK_STR(c.dir, dir);
	cfg_free(&c);
	f = fopen(path, "w");
	fwrite("[a]\0\n", 1, 5, f);
	fclose(f);
	CHECK_INT(cfg_load(path, &c, NULL, NULL, err, sizeof(err)), -1);
	CHECK(strstr(err, "NUL"));
	unlink(path);
	rmdir(dir);
	CHECK_INT(cfg_load(path, &c, NULL, NULL, err, sizeof(err)), -1);
	CHECK_STR(err, "No such file or directory");
}

static long smp(const char *expr, long max)
{
	char err[256];
	long v = -1;

	return cfg_eval_smp(expr, max, &v, err, sizeof(err)) < 0 ? -1 : v;
}

TEST(smp_expressions)
{
	CHECK_INT(smp("4", 2), 4);
	CHECK_INT(smp("$MAX_SMP", 6), 6);
	CHECK_INT(smp("${MAX_SMP}", 6), 6);
	CHECK_INT(smp("`getconf _NPROCESSORS_CONF`", 3), 3);
	CHECK_INT(smp("$(getconf _NPROCESSORS_ONLN)", 3), 3);
	CHECK_INT(smp("$((($MAX_SMP < 8)?$MAX_SMP:8))", 4), 4);
	CHECK_INT(smp("$((($MAX_SMP < 8)?$MAX_SMP:8))", 64), 8);
	CHECK_INT(smp("$(( MAX_SMP > 1 ? MAX_SMP - 1 : 1 ))", 4), 3);
	CHECK_INT(smp("$((2 * (3 + 1) % 5))", 1), 3);
	CHECK_INT(smp("$(($MAX_SMP >= 2 && $MAX_SMP != 3 || 0))", 4), 1);
}

TEST(smp_rejects_what_needs_a_shell)
{
	CHECK_INT(smp("$(rm -rf /)", 2), -1);
	CHECK_INT(smp("`id -u`", 2), -1);
	CHECK_INT(smp("$OTHER", 2), -1);
	CHECK_INT(smp("0", 2), -1);
	CHECK_INT(smp("$((1/0))", 2), -1);
	CHECK_INT(smp("2 3", 2), -1);
	CHECK_INT(smp("", 2), -1);
	CHECK_INT(smp("$((1+))", 2), -1);
	CHECK_INT(smp("99999999999", 2), -1);
}

/* The evaluator's error for @expr, or "" when it evaluates. */
static const char *smp_error(const char *expr, long max)
{
	static char err[256];
	long v;

	err[0] = '\0';
	if (cfg_eval_smp(expr, max, &v, err, sizeof(err)) == 0)
		return "";
	return strstr(err, "': ") ? strstr(err, "': ") + 3 : err;
}

/* Found by fuzzing: traps and wrap-arounds are errors, not crashes. */
TEST(smp_arithmetic_is_checked)
{
	CHECK_STR(smp_error("$((65536*65536*65536*32768 / -1))", 2),
		  "arithmetic overflow");
	CHECK_STR(smp_error("$((-65536*65536*65536*32768 / -1))", 2),
		  "arithmetic overflow");
	CHECK_STR(smp_error("$((-65536*65536*65536*32768 % -1))", 2),
		  "arithmetic overflow");
	CHECK_STR(smp_error("$((65536*65536*65536*65536))", 2),
		  "arithmetic overflow");
	CHECK_STR(smp_error("$((999999999*999999999*999999999))", 2),
		  "arithmetic overflow");
	CHECK_STR(smp_error("$((0-999999999*999999999*999999999-999999999"
			    "*999999999*999999999))", 2), "arithmetic overflow");
	CHECK_STR(smp_error("$((1%0))", 2), "division by zero");
	CHECK_STR(smp_error("$((1/(2-2)))", 2), "division by zero");
	CHECK_INT(smp("$((-65536*65536*65536*32768 / 65536/65536/65536/-8192))",
		      2), 4);
}

/* Nesting far past anything real fails in bounded stack. */
TEST(smp_nesting_is_bounded)
{
	size_t n = 200000, i;
	char *deep = malloc(2 * n + 8);

	memcpy(deep, "$((", 3);
	for (i = 0; i < n; i++)
		deep[3 + i] = '(';
	deep[3 + n] = '1';
	for (i = 0; i < n; i++)
		deep[4 + n + i] = ')';
	strcpy(deep + 4 + 2 * n, "))");
	CHECK_STR(smp_error(deep, 2), "nested too deeply");
	for (i = 0; i < n; i++)
		deep[i] = i % 2 ? ' ' : '-';
	strcpy(deep + n, "1");
	CHECK_STR(smp_error(deep, 2), "nested too deeply");
	for (i = 0; i + 2 < n; i += 2)
		memcpy(deep + i, "1?", 2);
	strcpy(deep + i, "1");
	CHECK_STR(smp_error(deep, 2), "nested too deeply");
	free(deep);
	CHECK_INT(smp("$((((((((((2))))))))))", 2), 2);
	CHECK_INT(smp("- - 2", 2), 2);
}

TEST(disabled_if_forms)
{
	CHECK_INT(cfg_eval_disabled_if("[[ \"$TARGET\" != qemu ]]", "qemu"), 0);
	CHECK_INT(cfg_eval_disabled_if("[[ \"$TARGET\" != qemu ]]", "kvmtool"), 1);
	CHECK_INT(cfg_eval_disabled_if("[[ $TARGET == \"kvmtool\" ]]", "qemu"), 0);
	CHECK_INT(cfg_eval_disabled_if("[[ ${TARGET} == 'qemu' ]]", "qemu"), 1);
	CHECK_INT(cfg_eval_disabled_if("[[ \"$TARGET\" != qemu ]] && true", "qemu"), -1);
	CHECK_INT(cfg_eval_disabled_if("$(rm -rf /)", "qemu"), -1);
	CHECK_INT(cfg_eval_disabled_if("[[ -e /dev/kvm ]]", "qemu"), -1);
}

TEST(check_conditions)
{
	char dir[] = "/tmp/kut-chk-XXXXXX", a[64], b[64], cond[256], why[256];
	FILE *f;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	f = fopen(a, "w");
	fputs("Y\n", f);
	fclose(f);
	f = fopen(b, "w");
	fputs("0\n\n", f);
	fclose(f);
	snprintf(cond, sizeof(cond), "%s=Y  %s=0", a, b);
	CHECK(cfg_check_holds(cond, why, sizeof(why)));
	snprintf(cond, sizeof(cond), "%s=Y %s=1", a, b);
	CHECK(!cfg_check_holds(cond, why, sizeof(why)));
	CHECK(strstr(why, "/b is '0', not '1'"));
	snprintf(cond, sizeof(cond), "%s/missing=Y", dir);
	CHECK(!cfg_check_holds(cond, why, sizeof(why)));
	CHECK(strstr(why, "cannot be read"));
	CHECK(!cfg_check_holds("novalue", why, sizeof(why)));
	CHECK(cfg_check_holds("", why, sizeof(why)));
	unlink(a);
	unlink(b);
	rmdir(dir);
}
