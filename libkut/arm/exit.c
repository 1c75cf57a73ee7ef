// SPDX-License-Identifier: MIT
/*
 * exit.c - the end of every arm test: the chr-testdev if QEMU has one
 * (../fdt/chr-testdev.c), else PSCI SYSTEM_OFF (QEMU then exits 0 and the
 * result is lost: kut-run reports that the guest stopped without one),
 * else wait for the timeout.
 */
#include <libcflat.h>
#include <asm/psci.h>
#include <asm/barrier.h>

#include "../arch.h"
#include "../fdt/virtio.h"

void arch_exit(int code)
{
	chr_testdev_exit(code);
	psci_system_off();
	for (;;)
		wfi();
}
