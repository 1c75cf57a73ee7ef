// SPDX-License-Identifier: MIT
/*
 * answer.c - a C snippet for sie-probe.c: write a word the host can
 * read in guest memory, then leave SIE with the answer in r2.
 */
#include <libcflat.h>
#include <snippet-exit.h>

static volatile uint64_t mailbox = 0x1234;

int main(void)
{
	mailbox = 0xfeed;
	force_exit_value(42);
	return 0;
}
