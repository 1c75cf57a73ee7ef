// SPDX-License-Identifier: MIT
/*
 * pvpanic.c - the guest tells the host it panicked, through QEMU's
 * pvpanic ISA device (-device pvpanic, port 0x505).  In the cfg's "panic"
 * group, as upstream's panic tests: it passes when QEMU reports the
 * panic to the runner (GUEST_PANICKED on its monitor).
 */
#include <libcflat.h>
#include <asm/io.h>

#define PVPANIC_PORT		0x505
#define PVPANIC_PANICKED	0x1

int main(void)
{
	report_info("telling the host the guest panicked (pvpanic)");
	outb(PVPANIC_PANICKED, PVPANIC_PORT);
	/* QEMU stops the guest now: getting here means it did not. */
	report_fail("the guest runs on after its panic");
	return report_summary();
}
