// SPDX-License-Identifier: MIT
/*
 * libc.c - the libc subset and helper macros upstream tests lean on:
 * string and memory functions, number parsing, formatted output, ctype,
 * setjmp, and the kernel-style macros of libcflat.h and the linux/ headers.
 */
#include "libcflat.h"
#include "ctype.h"
#include "errno.h"
#include "limits.h"
#include "setjmp.h"
#include "linux/compiler.h"
#include "linux/const.h"

struct item {
	int key;
	int payload;
};

static jmp_buf env;

static noinline void jump_back(void)
{
	longjmp(env, 42);
}

static void test_strings(void)
{
	char buf[64];

	report_prefix_push("string");
	strcpy(buf, "kvm");
	strcat(buf, "-unit-tests");
	report(!strcmp(buf, "kvm-unit-tests") && strlen(buf) == 14, "strcpy/strcat");
	report(!strncmp(buf, "kvm-x", 4) && strncmp(buf, "kvm-x", 5), "strncmp");
	report(strchr(buf, '-') == buf + 3 && strrchr(buf, '-') == buf + 8,
	       "strchr/strrchr");
	report(strstr(buf, "unit") == buf + 4, "strstr");
	memset(buf, 'x', 8);
	report(!memcmp(buf, "xxxxxxxx", 8), "memset/memcmp");
	memmove(buf + 1, buf, 8);
	report(buf[8] == 'x' && memchr(buf, 't', sizeof(buf)) == buf + 9,
	       "memmove/memchr");
	report_prefix_pop();
}

static void test_numbers(void)
{
	char buf[64];
	u64 big = 0x123456789abcdefull;

	report_prefix_push("numbers");
	report(atol("-42") == -42, "atol");
	report(strtoul("ff", NULL, 16) == 255, "strtoul");
	errno = 0;
	report(strtol("99999999999999999999", NULL, 10) == LONG_MAX &&
	       errno == ERANGE, "strtol overflow sets ERANGE");
	snprintf(buf, sizeof(buf), "%#" PRIx64 " %d %s %c", big, -7, "s", 'c');
	report(!strcmp(buf, "0x123456789abcdef -7 s c"), "snprintf with PRIx64");
	report(isdigit('7') && isalpha('q') && isspace('\t') && toupper('a') == 'A',
	       "ctype");
	report(INT_MAX == 0x7fffffff && UINT_MAX == 0xffffffffu, "limits.h");
	report_prefix_pop();
}

static void test_macros(void)
{
	struct item items[4] = { { 1, 10 }, { 2, 20 } };
	int *payload = &items[1].payload;
	int shared = 0;

	report_prefix_push("macros");
	report(ARRAY_SIZE(items) == 4, "ARRAY_SIZE");
	report(container_of(payload, struct item, payload)->key == 2, "container_of");
	report(MIN(3, 5) == 3 && MAX(3, 5) == 5, "MIN/MAX");
	report(ALIGN(5, 4) == 8 && IS_ALIGNED(16, 8) && !IS_ALIGNED(12, 8), "ALIGN");
	report(BIT(3) == 8 && BIT_ULL(40) == 1ull << 40, "BIT/BIT_ULL");
	report(SZ_4K == 4096 && SZ_1M == 1 << 20, "SZ_*");
	WRITE_ONCE(shared, 5);
	report(likely(READ_ONCE(shared) == 5), "READ_ONCE/WRITE_ONCE");
	report(!strcmp(xstr(SZ_4K), "(1 << 12)"), "xstr");
	assert(shared == 5);
	assert_msg(shared == 5, "shared is %d", shared);
	report_prefix_pop();
}

int main(void)
{
	volatile int passes = 0;

	test_strings();
	test_numbers();
	test_macros();

	if (setjmp(env) == 0) {
		passes++;
		jump_back();
	}
	report(passes == 1, "setjmp/longjmp");

	return report_summary();
}
