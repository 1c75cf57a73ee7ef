// SPDX-License-Identifier: MIT
/*
 * sie-probe.c - a test with a snippet, built out of tree with kut.mk's
 * <test>_SNIPPETS (tests/e2e/install-arm.sh).  The snippet image the
 * build linked in is checked everywhere: it starts at guest address 0
 * with the IPL and restart PSWs of snippet.lds, its code at 0x4000, and
 * fills whole pages.  Running it needs SIE, which QEMU's TCG lacks: the
 * rest is skipped there, as upstream's SIE tests skip.
 */
#include <libcflat.h>
#include <sclp.h>
#include <sie.h>
#include <snippet.h>
#include <snippet-exit.h>
#include <uv.h>

extern const char SNIPPET_NAME_START(c, answer)[], SNIPPET_NAME_END(c, answer)[];

int main(void)
{
	const uint64_t *img = (const uint64_t *)SNIPPET_NAME_START(c, answer);
	uint64_t len = SNIPPET_LEN(c, answer);
	struct vm vm;

	report_prefix_push("snippet");
	report(len && len % PAGE_SIZE == 0 && len > SNIPPET_ENTRY_ADDR,
	       "image of %lu bytes, whole pages past the entry", len);
	report(img[0] == 0x0008000080004000UL, "IPL PSW at 0: 31-bit, at 0x4000");
	report(img[0x1a0 / 8] == 0x0000000180000000UL &&
	       img[0x1a8 / 8] == SNIPPET_ENTRY_ADDR,
	       "restart PSW at 0x1a0: 64-bit, at 0x4000");
	report(img[SNIPPET_ENTRY_ADDR / 8] != 0, "code at 0x4000");
	report(!uv_os_is_guest(), "not a protected guest");
	report_prefix_pop();

	if (!sclp_facilities.has_sief2) {
		report_skip("SIEF2 facility unavailable");
		return report_summary();
	}
	snippet_setup_guest(&vm, false);
	snippet_init(&vm, SNIPPET_NAME_START(c, answer), len, SNIPPET_UNPACK_OFF);
	sie(&vm);
	snippet_check_force_exit_value(&vm, 42);
	sie_guest_destroy(&vm);
	return report_summary();
}
