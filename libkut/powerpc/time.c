// SPDX-License-Identifier: MIT
/*
 * time.c - the timebase and the decrementer (asm/time.h).
 *
 * The decrementer counts down at the timebase's rate and interrupts
 * (vector 0x900, with MSR[EE] on) once it goes negative.  Its width is
 * the cpu node's "ibm,dec-bits" (56 with QEMU's large decrementer, else
 * 32); kut keeps it at its largest positive value whenever nothing waits
 * on it, which is years away at 56 bits: H_CEDE, which the idle loop and
 * sleep_tb() use, returns with MSR[EE] on.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/handlers.h>
#include <asm/hcall.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/time.h>

#include "powerpc.h"

static uint64_t dec_max = 0x7fffffff;
static uint64_t boot_tb;

void time_init(void)
{
	int node = cpu_fdt_node(0);
	const fdt32_t *bits = node >= 0 ?
		fdt_getprop(dt_fdt(), node, "ibm,dec-bits", NULL) : NULL;

	if (bits && fdt32_to_cpu(*bits) > 32 && fdt32_to_cpu(*bits) <= 64)
		dec_max = (1ULL << (fdt32_to_cpu(*bits) - 1)) - 1;
	mtspr(SPR_DEC, dec_max);
	boot_tb = get_tb();
}

/* The largest value the decrementer counts down from without firing. */
uint64_t ppc_dec_max(void)
{
	return dec_max;
}

uint64_t get_clock_us(void)
{
	return (get_tb() - boot_tb) * 1000000 / tb_hz;
}

uint64_t get_clock_ms(void)
{
	return (get_tb() - boot_tb) * 1000 / tb_hz;
}

void delay(uint64_t cycles)
{
	uint64_t start = get_tb();

	while (get_tb() - start < cycles)
		cpu_relax();
}

void udelay(uint64_t us)
{
	delay(us * tb_hz / 1000000);
}

void dec_handler_oneshot(struct pt_regs *regs, void *data)
{
	(void)regs;
	(void)data;
	mtspr(SPR_DEC, dec_max);
}

void sleep_tb(uint64_t cycles)
{
	uint64_t end = get_tb() + cycles, now;

	assert_msg(!(mfmsr() & MSR_EE), "sleep_tb() with interrupts on");
	handle_exception(0x900, dec_handler_oneshot, NULL);
	while ((now = get_tb()) < end) {
		mtspr(SPR_DEC, MIN(end - now, dec_max));
		/* Returns with EE on; the interrupt then comes at once. */
		if (hcall(H_CEDE) != H_SUCCESS) {
			printf("kut: H_CEDE failed\n");
			abort();
		}
		local_irq_disable();
	}
	handle_exception(0x900, NULL, NULL);
	mtspr(SPR_DEC, dec_max);
}

void usleep(uint64_t us)
{
	sleep_tb(us * tb_hz / 1000000);
}
