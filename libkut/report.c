// SPDX-License-Identifier: MIT
/*
 * report.c - the report API: one line per check, counted, and a summary
 * whose return value is the test's exit code.
 *
 * Line prefixes and counting follow upstream kvm-unit-tests so that logs
 * and tools that read them (kut-run's suite mode among them) see the same
 * format: "PASS: ", "FAIL: ", "SKIP: ", "XFAIL: ", "XPASS: ", "KFAIL: ",
 * then the pushed prefixes each followed by ": ", then the message.
 */
#include <libcflat.h>
#include <asm/spinlock.h>
#include <kut_abi.h>

/* Our definitions of the functions libcflat.h wraps in selector macros. */
#undef report
#undef report_xfail

#define PREFIX_DELIMITER	": "

static unsigned int tests, failures, xfailures, kfailures, skipped;
static char prefixes[256];
static struct spinlock lock;

void report_prefix_pushf(const char *prefix_fmt, ...)
{
	va_list va;
	size_t len, start;
	int n;

	spin_lock(&lock);
	start = len = strlen(prefixes);
	va_start(va, prefix_fmt);
	n = vsnprintf(prefixes + len, sizeof(prefixes) - len, prefix_fmt, va);
	va_end(va);
	len += n;
	if (len + strlen(PREFIX_DELIMITER) >= sizeof(prefixes)) {
		prefixes[start] = '\0';
		spin_unlock(&lock);
		report_abort("report prefix too long (%zu bytes at most)",
			     sizeof(prefixes) - 1);
	}
	if (strstr(prefixes + start, PREFIX_DELIMITER)) {
		prefixes[start] = '\0';
		spin_unlock(&lock);
		report_abort("report prefix must not contain \"%s\"",
			     PREFIX_DELIMITER);
	}
	strcpy(prefixes + len, PREFIX_DELIMITER);
	spin_unlock(&lock);
}

void report_prefix_push(const char *prefix)
{
	report_prefix_pushf("%s", prefix);
}

/* Drop the last prefix: cut just after the delimiter before the last one. */
static void pop_one(void)
{
	size_t dlen = strlen(PREFIX_DELIMITER);
	size_t end = strlen(prefixes);
	size_t i;

	if (end < dlen) {
		prefixes[0] = '\0';
		return;
	}
	end -= dlen;
	for (i = end; i >= dlen; i--)
		if (strncmp(prefixes + i - dlen, PREFIX_DELIMITER, dlen) == 0)
			break;
	prefixes[i >= dlen ? i : 0] = '\0';
}

void report_prefix_popn(int n)
{
	spin_lock(&lock);
	while (n-- > 0 && prefixes[0])
		pop_one();
	spin_unlock(&lock);
}

void report_prefix_pop(void)
{
	report_prefix_popn(1);
}

/*
 * What one check came to.  XPASS (an expected failure that passed) counts
 * as a failure: the expectation is out of date.
 */
enum outcome { OUT_PASS, OUT_FAIL, OUT_SKIP, OUT_XFAIL, OUT_XPASS, OUT_KFAIL };

static const char *const outcome_tag[] = {
	[OUT_PASS] = "PASS", [OUT_FAIL] = "FAIL", [OUT_SKIP] = "SKIP",
	[OUT_XFAIL] = "XFAIL", [OUT_XPASS] = "XPASS", [OUT_KFAIL] = "KFAIL",
};

/* An outcome that counts as the check going the way the test wanted. */
static bool wanted(enum outcome o)
{
	return o == OUT_PASS || o == OUT_XFAIL || o == OUT_XPASS;
}

/* Without an expected failure: PASS, or FAIL (KFAIL for a known one). */
static enum outcome plain(bool pass, bool kfail)
{
	return pass ? OUT_PASS : kfail ? OUT_KFAIL : OUT_FAIL;
}

static void count(enum outcome o)
{
	tests++;
	switch (o) {
	case OUT_FAIL:
	case OUT_XPASS:
		failures++;
		break;
	case OUT_XFAIL:
		xfailures++;
		break;
	case OUT_KFAIL:
		kfailures++;
		break;
	case OUT_SKIP:
		skipped++;
		break;
	case OUT_PASS:
		break;
	}
}

/* Print and count one check of outcome @o. */
static void va_report(enum outcome o, const char *msg_fmt, va_list va)
{
	spin_lock(&lock);
	count(o);
	printf("%s: %s", outcome_tag[o], prefixes);
	vprintf(msg_fmt, va);
	puts("\n");
	spin_unlock(&lock);
}

/*
 * va_report() of outcome @o with the calling function's msg_fmt and the
 * arguments after its parameter @last.
 */
#define report_varargs(o, last)				\
	do {						\
		va_list va_;				\
		va_start(va_, last);			\
		va_report(o, msg_fmt, va_);		\
		va_end(va_);				\
	} while (0)

void report_passed(void)
{
	spin_lock(&lock);
	tests++;
	spin_unlock(&lock);
}

/*
 * The value of report(), report_xfail() and report_kfail() is upstream's:
 * whether the check went as the test wanted (it passed, or it was
 * expected to fail), which tests use to stop early or print more.
 */
bool report(bool pass, const char *msg_fmt, ...)
{
	enum outcome o = plain(pass, false);

	report_varargs(o, msg_fmt);
	return wanted(o);
}

bool kut_report_legacy(const char *msg_fmt, int pass, ...)
{
	enum outcome o = plain(pass, false);

	report_varargs(o, pass);
	return wanted(o);
}

void report_pass(const char *msg_fmt, ...)
{
	report_varargs(OUT_PASS, msg_fmt);
}

void report_fail(const char *msg_fmt, ...)
{
	report_varargs(OUT_FAIL, msg_fmt);
}

/* report_xfail()'s outcome: with @xfail, XFAIL or XPASS. */
static enum outcome expected_to_fail(bool xfail, bool pass)
{
	if (!xfail)
		return plain(pass, false);
	return pass ? OUT_XPASS : OUT_XFAIL;
}

bool report_xfail(bool xfail, bool pass, const char *msg_fmt, ...)
{
	enum outcome o = expected_to_fail(xfail, pass);

	report_varargs(o, msg_fmt);
	return wanted(o);
}

bool kut_report_xfail_legacy(const char *msg_fmt, int xfail, int pass, ...)
{
	enum outcome o = expected_to_fail(xfail, pass);

	report_varargs(o, pass);
	return wanted(o);
}

bool report_kfail(bool kfail, bool pass, const char *msg_fmt, ...)
{
	enum outcome o = plain(pass, kfail);

	report_varargs(o, msg_fmt);
	return wanted(o);
}

void report_skip(const char *msg_fmt, ...)
{
	report_varargs(OUT_SKIP, msg_fmt);
}

static void va_report_line(const char *tag, const char *msg_fmt, va_list va)
{
	spin_lock(&lock);
	printf("%s: %s", tag, prefixes);
	vprintf(msg_fmt, va);
	puts("\n");
	spin_unlock(&lock);
}

void report_info(const char *msg_fmt, ...)
{
	va_list va;

	va_start(va, msg_fmt);
	va_report_line("INFO", msg_fmt, va);
	va_end(va);
}

int report_summary(void)
{
	int ret;

	spin_lock(&lock);
	printf("SUMMARY: %u tests", tests);
	if (failures)
		printf(", %u unexpected failures", failures);
	if (kfailures)
		printf(", %u known failures", kfailures);
	if (xfailures)
		printf(", %u expected failures", xfailures);
	if (skipped)
		printf(", %u skipped", skipped);
	puts("\n");
	if (failures)
		ret = KUT_EXIT_FAIL;
	else if (tests == skipped)
		ret = KUT_EXIT_SKIP;	/* nothing was actually tested */
	else
		ret = KUT_EXIT_PASS;
	spin_unlock(&lock);
	return ret;
}

void report_abort(const char *msg_fmt, ...)
{
	va_list va;

	va_start(va, msg_fmt);
	va_report_line("ABORT", msg_fmt, va);
	va_end(va);
	report_summary();
	abort();
}
