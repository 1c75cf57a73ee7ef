// SPDX-License-Identifier: MIT
/*
 * exit.c - the end of every riscv test: the chr-testdev if QEMU has one
 * (../fdt/chr-testdev.c), else an SBI system reset (shutdown: QEMU exits
 * 0 and the result is lost, kut-run reports that the guest stopped
 * without one), else wait for the timeout.
 */
#include <libcflat.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/sbi.h>

#include "../arch.h"
#include "../fdt/virtio.h"

void arch_exit(int code)
{
	local_irq_disable();
	chr_testdev_exit(code);
	sbi_shutdown(code == 0);
	for (;;)
		wfi();
}
