// SPDX-License-Identifier: MIT
/*
 * timer.c - the timer's frequency and each hart's Sstc (asm/timer.h).
 *
 * Sstc lets S-mode program stimecmp itself instead of asking the firmware
 * through SBI; it is usable only if the hart has it (riscv,isa) and the
 * firmware enabled it (menvcfg.STCE): otherwise reading stimecmp traps,
 * which the probe below catches.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/isa.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include <asm/delay.h>
#include <asm/sbi.h>

#include "riscv.h"

uint64_t timebase_frequency;

void timer_get_frequency(void)
{
	const void *fdt = dt_fdt();
	const fdt32_t *val;
	int node, len;

	node = fdt_path_offset(fdt, "/cpus");
	val = node < 0 ? NULL : fdt_getprop(fdt, node, "timebase-frequency", &len);
	if (!val || (len != 4 && len != 8)) {
		printf("kut: device tree: no /cpus/timebase-frequency\n");
		abort();
	}
	timebase_frequency = fdt32_to_cpu(val[0]);
	if (len == 8)
		timebase_frequency = timebase_frequency << 32 | fdt32_to_cpu(val[1]);
}

static volatile bool probe_trapped;

static void probe_trap(struct pt_regs *regs)
{
	probe_trapped = true;
	regs->epc += insn_len(regs->epc);
}

void timer_hart_init(void)
{
	struct thread_info *info = current_thread_info();
	exception_fn old = info->exception_handlers[EXC_INST_ILLEGAL];

	if (!cpu_has_extension_name(info->cpu, "sstc"))
		return;
	probe_trapped = false;
	info->exception_handlers[EXC_INST_ILLEGAL] = probe_trap;
	(void)csr_read(CSR_STIMECMP);
	info->exception_handlers[EXC_INST_ILLEGAL] = old;
	if (!probe_trapped)
		set_bit(ISA_SSTC, info->isa);
}

bool timer_has_sstc(void)
{
	return cpu_has_extension(smp_processor_id(), ISA_SSTC);
}

void timer_start(unsigned long duration_us)
{
	uint64_t next = timer_get_cycles() + usec_to_cycles(duration_us);
	struct sbiret ret;

	if (timer_has_sstc()) {
		timer_set_stimecmp(next);
		return;
	}
	assert_msg(sbi_probe(SBI_EXT_TIME), "no timer: no Sstc, no SBI TIME");
	ret = sbi_set_timer(next);
	assert_msg(!ret.error, "SBI set_timer: error %ld", ret.error);
}

void timer_stop(void)
{
	if (timer_has_sstc()) {
		/*
		 * One less than all ones, as upstream writes it: upstream
		 * found QEMU leaving the timer alone for exactly all ones.
		 */
		timer_set_stimecmp(~0ULL - 1);
		return;
	}
	sbi_set_timer(~0UL);
}
