// SPDX-License-Identifier: MIT
/*
 * kvmclock.c - KVM's paravirtual clock, as Linux's
 * Documentation/virt/kvm/x86/msr.rst gives it: each CPU writes the
 * address of its pvclock_vcpu_time_info (bit 0 set: enabled) to
 * MSR_KVM_SYSTEM_TIME_NEW and KVM keeps it updated (an even version when
 * consistent); nanoseconds since boot = system_time + the TSC delta
 * scaled by tsc_to_system_mul and tsc_shift.  Checked: the structure is
 * filled, time never goes back on a CPU, nor between CPUs when KVM sets
 * PVCLOCK_TSC_STABLE_BIT, it runs at the PM timer's rate, and the wall
 * clock (MSR_KVM_WALL_CLOCK_NEW) plus the clock agrees with the CMOS RTC.
 * Skips (77) where CPUID does not offer KVM_FEATURE_CLOCKSOURCE2.
 */
#include <libcflat.h>
#include <smp.h>
#include <asm/io.h>
#include <asm/spinlock.h>
#include <linux/compiler.h>
#include <x86/processor.h>
#include "x86-test.h"

#define MSR_KVM_WALL_CLOCK_NEW	0x4b564d00
#define MSR_KVM_SYSTEM_TIME_NEW	0x4b564d01
#define FEATURE_CLOCKSOURCE2	(1u << 3)
#define FEATURE_STABLE_BIT	(1u << 24)
#define PVCLOCK_TSC_STABLE	(1u << 0)

struct pvclock_vcpu_time_info {
	u32 version;
	u32 pad0;
	u64 tsc_timestamp;
	u64 system_time;
	u32 tsc_to_system_mul;
	s8 tsc_shift;
	u8 flags;
	u8 pad[2];
};

struct pvclock_wall_clock {
	u32 version;
	u32 sec;
	u32 nsec;
};

/* The layouts the ABI gives, which natural alignment already makes. */
_Static_assert(sizeof(struct pvclock_vcpu_time_info) == 32, "32 bytes");
_Static_assert(sizeof(struct pvclock_wall_clock) == 12, "12 bytes");

static struct pvclock_vcpu_time_info pvti[MAX_TEST_CPUS] __attribute__((aligned(64)));
static struct pvclock_wall_clock wall;

/* (delta << shift, or >> -shift) * mul / 2^32, without a 128-bit type. */
static u64 scale_delta(u64 delta, u32 mul, s8 shift)
{
	u64 hi, lo;

	if (shift < 0)
		delta >>= -shift;
	else
		delta <<= shift;
	hi = (delta >> 32) * mul;
	lo = ((delta & 0xffffffff) * mul) >> 32;
	return hi + lo;
}

static u64 clock_ns(u8 *flags)
{
	struct pvclock_vcpu_time_info *t = &pvti[smp_id()];
	u32 version;
	u64 ns;

	do {
		version = READ_ONCE(t->version);
		barrier();
		ns = t->system_time +
		     scale_delta(fenced_rdtsc() - t->tsc_timestamp,
				 t->tsc_to_system_mul, t->tsc_shift);
		if (flags)
			*flags = t->flags;
		barrier();
	} while ((version & 1) || version != READ_ONCE(t->version));
	return ns;
}

static void enable_clock(void *data)
{
	(void)data;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, virt_to_phys(&pvti[smp_id()]) | 1);
}

static void disable_clock(void *data)
{
	(void)data;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);
}

/* ---- time never goes back: per CPU, and across CPUs if stable */

static u64 last_global;
static volatile int warps_local, warps_global;
static struct spinlock lock;

static void monotonic_loop(void *data)
{
	u64 end = rdtsc() + (u64)(ulong)data, prev = 0, now;

	while (rdtsc() < end) {
		/* Read under the lock: reads are then ordered in time. */
		spin_lock(&lock);
		now = clock_ns(NULL);
		if (now < last_global)
			warps_global++;
		else
			last_global = now;
		spin_unlock(&lock);
		if (now < prev)
			warps_local++;
		prev = now;
	}
}

static void check_monotonic(bool stable)
{
	on_cpus(monotonic_loop, (void *)(ulong)(200000000));
	report(warps_local == 0, "never back on one CPU (%d warps)", warps_local);
	if (stable)
		report(warps_global == 0,
		       "stable bit set: never back between %d CPUs (%d warps)",
		       cpu_count(), warps_global);
	else
		report_skip("between CPUs: KVM sets no PVCLOCK_TSC_STABLE_BIT");
}

static void check_rate(void)
{
	struct pm_timer pm;
	u32 pm_start, pm_ticks;
	u64 ns0, ns1, pm_ns;

	if (!pm_timer_init(&pm)) {
		report_skip("rate: no ACPI PM timer to compare with");
		return;
	}
	pm_start = pm_timer_read(&pm);
	ns0 = clock_ns(NULL);
	pm_timer_wait(&pm, PM_TIMER_HZ / 10);
	ns1 = clock_ns(NULL);
	pm_ticks = pm_timer_since(&pm, pm_start);
	pm_ns = (u64)pm_ticks * 1000000000ull / PM_TIMER_HZ;
	report((ns1 - ns0) * 20 >= pm_ns * 19 && (ns1 - ns0) * 20 <= pm_ns * 21,
	       "runs at the PM timer's rate, within 5%% (%llu ns vs %llu ns)",
	       (unsigned long long)(ns1 - ns0), (unsigned long long)pm_ns);
}

/* ---- the wall clock against the CMOS RTC */

static u8 cmos(u8 reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static unsigned bcd(u8 v, bool binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0xf);
}

/* Seconds since 1970 from a civil date (days from civil, Howard Hinnant). */
static u64 epoch_seconds(unsigned y, unsigned m, unsigned d, unsigned hh,
			 unsigned mm, unsigned ss)
{
	unsigned era, yoe, doy, doe;
	u64 days;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = (u64)era * 146097 + doe - 719468;
	return days * 86400 + hh * 3600 + mm * 60 + ss;
}

static u64 rtc_seconds(void)
{
	bool binary;
	unsigned s, m, h, d, mo, y, c;

	/* Not while an update is in progress (register A bit 7). */
	while (cmos(0x0a) & 0x80)
		pause();
	binary = cmos(0x0b) & 0x04;
	s = bcd(cmos(0x00), binary);
	m = bcd(cmos(0x02), binary);
	h = bcd(cmos(0x04), binary);
	d = bcd(cmos(0x07), binary);
	mo = bcd(cmos(0x08), binary);
	y = bcd(cmos(0x09), binary);
	c = bcd(cmos(0x32), binary);
	return epoch_seconds((c ? c : 20) * 100 + y, mo, d, h, m, s);
}

static void check_wall_clock(void)
{
	u64 now, rtc;
	u32 version;

	wrmsr(MSR_KVM_WALL_CLOCK_NEW, virt_to_phys(&wall));
	version = READ_ONCE(wall.version);
	report(!(version & 1) && wall.sec, "the wall clock of boot is filled "
	       "(version %u, %u s)", version, wall.sec);
	now = wall.sec + (wall.nsec + clock_ns(NULL)) / 1000000000ull;
	rtc = rtc_seconds();
	report(now + 5 >= rtc && now <= rtc + 5,
	       "wall clock + kvmclock agrees with the CMOS RTC within 5 s "
	       "(%llu vs %llu)", (unsigned long long)now,
	       (unsigned long long)rtc);
}

int main(void)
{
	u32 features = cpuid(KVM_CPUID_FEATURES).a;
	struct pvclock_vcpu_time_info *t = &pvti[0];
	u64 a, b;
	u8 flags = 0;

	report_prefix_push("kvmclock");
	if (!accel_is_kvm() || !(features & FEATURE_CLOCKSOURCE2)) {
		report_skip("CPUID has no KVM_FEATURE_CLOCKSOURCE2 (not KVM?)");
		return report_summary();
	}
	on_cpus(enable_clock, NULL);
	report(!(t->version & 1) && t->version && t->tsc_to_system_mul,
	       "CPU 0's time info is filled (version %u, mul %u, shift %d)",
	       t->version, t->tsc_to_system_mul, t->tsc_shift);
	a = clock_ns(&flags);
	b = clock_ns(NULL);
	report(a && b >= a, "it reads nanoseconds since boot (%llu)",
	       (unsigned long long)a);
	report((flags & PVCLOCK_TSC_STABLE) == 0 ||
	       (features & FEATURE_STABLE_BIT),
	       "the stable flag (%s) only where CPUID offers it",
	       flags & PVCLOCK_TSC_STABLE ? "set" : "clear");
	check_monotonic(flags & PVCLOCK_TSC_STABLE);
	check_rate();
	check_wall_clock();
	on_cpus(disable_clock, NULL);
	return report_summary();
}
