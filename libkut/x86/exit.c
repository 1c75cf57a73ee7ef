// SPDX-License-Identifier: MIT
/*
 * exit.c - ending an x86 test: the result code goes to QEMU's
 * isa-debug-exit device, which makes QEMU exit with (code << 1) | 1
 * (see kut_abi.h for how kut-run decodes it).
 */
#include <libcflat.h>
#include <asm/io.h>
#include <kut_abi.h>

#include "../arch.h"

void arch_exit(int code)
{
	static const char msg[] =
		"kut: no isa-debug-exit device at port 0xf4; halting\n";

	code = KUT_TESTDEV_CODE(code);
	outl(code, KUT_X86_DEBUG_EXIT_PORT);
	/*
	 * Still here: QEMU was started without the device.  Halting is the
	 * one ending that never re-runs the test (a reset would reboot it).
	 */
	arch_console_write(msg, sizeof(msg) - 1);
	for (;;)
		asm volatile("cli; hlt");
}
