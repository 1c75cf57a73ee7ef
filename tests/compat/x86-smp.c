// SPDX-License-Identifier: MIT
/*
 * x86-smp.c - smp.h, x86/apic.h, x86/isr.h, x86/atomic.h, x86/fwcfg.h and
 * bitops.h as upstream's x86 tests (smptest, apic, ioapic) use them:
 * quoted includes, on_cpu() over cpu_count() CPUs checked by smp_id(),
 * a self-IPI to a handle_irq() handler that calls eoi(), atomics and
 * bit operations.
 */
#include "libcflat.h"
#include "smp.h"
#include "bitops.h"
#include "x86/apic.h"
#include "x86/apic-defs.h"
#include "x86/atomic.h"
#include "x86/fwcfg.h"
#include "x86/isr.h"
#include "x86/processor.h"

static atomic_t nipis;
static unsigned long seen[BITS_TO_LONGS(MAX_TEST_CPUS)];

static void count_if_on(void *data)
{
	int n = (long)data;

	if (n == smp_id())
		atomic_inc(&nipis);
	set_bit(smp_id(), seen);
}

static volatile int isr_count;

static void self_ipi_isr(isr_regs_t *regs)
{
	(void)regs;
	isr_count++;
	eoi();
}

static void test_bits(void)
{
	unsigned long word = 0;
	atomic64_t a64 = ATOMIC64_INIT(5);
	int counter = 1;

	report(GENMASK(7, 4) == 0xf0 && GENMASK_ULL(39, 21) == 0xffffe00000ull,
	       "GENMASK");
	report(BIT_MASK(65) == 2 && BIT_WORD(65) == 65 / BITS_PER_LONG,
	       "BIT_MASK, BIT_WORD");
	report(upper_32_bits(0x123456789ull) == 1 &&
	       lower_32_bits(0x123456789ull) == 0x23456789, "upper/lower_32_bits");
	report(fls(1) == 0 && fls(0x80) == 7 && is_power_of_2(64) &&
	       !is_power_of_2(65), "fls, is_power_of_2");
	set_bit(3, &word);
	report(test_bit(3, &word) && test_and_clear_bit(3, &word) && !word &&
	       !test_and_set_bit(5, &word) && word == 0x20, "bit operations");
	report(atomic64_cmpxchg(&a64, 5, 7) == 5 && atomic64_read(&a64) == 7 &&
	       atomic64_cmpxchg(&a64, 5, 9) == 7, "atomic64_cmpxchg");
	report(atomic_fetch_inc(&counter) == 1 && atomic_add_fetch(&counter, 3) == 5,
	       "atomic_fetch_inc, atomic_add_fetch");
}

int main(void)
{
	int ncpus = cpu_count();
	int i;

	printf("found %d cpus\n", ncpus);
	report(ncpus == (int)fwcfg_get_nb_cpus(), "cpu_count() == fw_cfg");
	for (i = ncpus - 1; i >= 0; i--)
		on_cpu(i, count_if_on, (void *)(long)i);
	report(atomic_read(&nipis) == ncpus, "IPI to each CPU");
	for (i = 0; i < ncpus; ++i)
		report(test_bit(i, seen),
		       "CPU %d (APIC ID %u) seen", i, id_map[i]);
	on_cpus(count_if_on, (void *)-1l);
	report(cpus_active() == 1, "cpus_active() back to 1");

	report(apic_read(APIC_SPIV) & APIC_SPIV_APIC_ENABLED, "APIC enabled");
	handle_irq(0xf1, self_ipi_isr);
	irq_enable();
	apic_icr_write(APIC_DEST_SELF | APIC_DEST_PHYSICAL | APIC_DM_FIXED | 0xf1, 0);
	for (i = 0; i < 1000000 && !isr_count; i++)
		pause();
	irq_disable();
	report(isr_count == 1, "self IPI");

	test_bits();
	return report_summary();
}
