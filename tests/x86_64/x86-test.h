/* SPDX-License-Identifier: MIT */
/*
 * x86-test.h - small helpers the bundled x86 tests of interrupts, timers
 * and devices share: waiting for an interrupt with a bound so that a
 * lost one fails instead of hanging, sections picked by name, the ACPI
 * PM timer as a reference clock; the accelerator comes from accel.h.
 * Not part of the SDK: tests include it as "x86-test.h".
 */
#ifndef KUT_TESTS_X86_TEST_H
#define KUT_TESTS_X86_TEST_H

#include <libcflat.h>
#include <string.h>
#include <asm/io.h>
#include <x86/acpi.h>
#include <x86/processor.h>
#include "accel.h"

/* TSC cycles after which an awaited interrupt counts as lost (>= 0.3 s). */
#define LOST_CYCLES	1000000000ull
/* TSC cycles in which an interrupt that must not come stays away. */
#define QUIET_CYCLES	10000000ull

/* CPUID leaves of KVM's paravirtual interfaces. */
#define KVM_CPUID_SIGNATURE	0x40000000
#define KVM_CPUID_FEATURES	0x40000001

/*
 * With interrupts enabled, spin until *@count reaches @want or @cycles
 * TSC cycles pass; interrupts are disabled again on return.  Returns
 * whether the count was reached.
 */
static inline bool wait_for_count(volatile int *count, int want, u64 cycles)
{
	u64 start = rdtsc();
	bool got;

	sti();
	while (*count < want && rdtsc() - start < cycles)
		pause();
	got = *count >= want;
	cli();
	return got;
}

/* The same, with interrupts left as they are (another CPU counts). */
static inline bool spin_for_count(volatile int *count, int want, u64 cycles)
{
	u64 start = rdtsc();

	while (*count < want && rdtsc() - start < cycles)
		pause();
	return *count >= want;
}

/*
 * Sections of a test, picked by name on its command line: with no
 * arguments, those marked by_default run; an unknown name aborts.
 */
struct test_section {
	const char *name;
	void (*run)(void);
	bool by_default;
};

/* Whether @name is among the arguments (or there are none). */
static inline bool arg_wanted(const char *name, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return true;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

static inline void run_sections(const struct test_section *s, int n,
				int argc, char **argv)
{
	int i, j;

	for (j = 1; j < argc; j++) {
		for (i = 0; i < n && strcmp(argv[j], s[i].name); i++)
			;
		if (i == n)
			report_abort("unknown section '%s'", argv[j]);
	}
	for (i = 0; i < n; i++)
		if (argc < 2 ? s[i].by_default : arg_wanted(s[i].name, argc, argv))
			s[i].run();
}

/*
 * on_cpu_async() work: halt with interrupts off, then set *@data (a
 * volatile bool) once something (an NMI, a KVM kick) woke the CPU.
 */
static inline void halt_with_if_clear(void *data)
{
	cli();
	asm volatile("hlt" ::: "memory");
	*(volatile bool *)data = true;
	sti();
}

/*
 * The ACPI PM timer: 3.579545 MHz, 24 bits (32 with the FADT's
 * TMR_VAL_EXT), a clock independent of the TSC and of the device under
 * test, to measure other timers against.
 */
#define PM_TIMER_HZ		3579545u
#define FADT_TMR_VAL_EXT	(1u << 8)

struct pm_timer {
	u16 port;
	u32 mask;
};

/* Find it through the FADT; false when there is none. */
static inline bool pm_timer_init(struct pm_timer *t)
{
	struct acpi_table_fadt *fadt = find_acpi_table_addr(FACP_SIGNATURE);

	if (!fadt || !fadt->pm_tmr_blk)
		return false;
	t->port = fadt->pm_tmr_blk;
	t->mask = fadt->flags & FADT_TMR_VAL_EXT ? 0xffffffff : 0xffffff;
	return true;
}

static inline u32 pm_timer_read(const struct pm_timer *t)
{
	return inl(t->port) & t->mask;
}

/* Ticks from @from to now, across one wrap. */
static inline u32 pm_timer_since(const struct pm_timer *t, u32 from)
{
	return (pm_timer_read(t) - from) & t->mask;
}

/* Spin for @ticks of the PM timer (less than half its range). */
static inline void pm_timer_wait(const struct pm_timer *t, u32 ticks)
{
	u32 start = pm_timer_read(t);

	while (pm_timer_since(t, start) < ticks)
		pause();
}

#endif
