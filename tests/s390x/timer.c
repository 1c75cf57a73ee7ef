// SPDX-License-Identifier: MIT
/*
 * timer.c - the TOD clock, the CPU timer and the clock comparator: the
 * clock runs forward, STCK, STCKF and STCKE agree; the CPU timer counts
 * down; each interrupt (CPU timer, clock comparator) arrives once its
 * condition holds, not before, only with its CR0 subclass enabled, and
 * stays pending for as long as the condition holds.  QEMU's TCG delivers
 * each only once per setting (the architecture has them pending while
 * the condition holds) and reads a run-out CPU timer as a large positive
 * number: those checks are expected failures there.
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/barrier.h>
#include <asm/interrupt.h>
#include <asm/time.h>
#include <hardware.h>

#define TOD_PER_MS	(1000UL << STCK_SHIFT_US)

static volatile int ext_count;
static volatile uint16_t last_code;
/* The interrupt counted, and how many more are wanted before it stops. */
static uint16_t want_code;
static int limit;

/*
 * The ext cleanup function runs after every external interrupt, the
 * SCLP's service signals (printf()) included: only @want_code counts.
 * Until @limit of them came, external interrupts stay on (kut, as
 * upstream, turns them off after one unless a service-signal, external
 * call or emergency subclass is on); then the subclass goes off.
 */
static void count_ext(struct stack_frame_int *stack)
{
	if (lowcore.ext_int_code != want_code)
		return;
	ext_count++;
	last_code = lowcore.ext_int_code;
	if (ext_count < limit) {
		expect_ext_int();
		lowcore.ext_old_psw.mask |= PSW_MASK_EXT;
		return;
	}
	stack->crs[0] &= ~(1UL << (want_code == EXT_IRQ_CPU_TIMER ?
				   CTL0_CPU_TIMER : CTL0_CLOCK_COMPARATOR));
	lowcore.ext_old_psw.mask &= ~PSW_MASK_EXT;
}

static uint64_t tod(void)
{
	uint64_t t;

	stck(&t);
	return t;
}

/* Wait until @n interrupts were counted, for at most @ms milliseconds. */
static bool wait_count(int n, int ms)
{
	uint64_t end = tod() + ms * TOD_PER_MS;

	while (ext_count < n)
		if (tod() > end)
			return false;
	return true;
}

/* Count interrupts @code, at most @max of them, subclass @bit on. */
static void arm(uint16_t code, int max, unsigned int bit)
{
	want_code = code;
	limit = max;
	ext_count = 0;
	last_code = 0;
	expect_ext_int();
	ctl_set_bit(0, bit);
	psw_mask_set_bits(PSW_MASK_EXT);
}

static void disarm(unsigned int bit)
{
	psw_mask_clear_bits(PSW_MASK_EXT);
	ctl_clear_bit(0, bit);
}

static void check_clock(void)
{
	uint64_t a, b, f;
	uint8_t e[16];
	int cc;

	report_prefix_push("tod");
	cc = stck(&a);
	report(cc == 0, "STCK: clock set and running (cc %d)", cc);
	mdelay(2);
	stckf(&f);
	b = tod();
	report(f > a && b >= f, "STCKF and STCK go forward");
	report(b - a >= 2 * TOD_PER_MS, "mdelay(2) took at least 2 ms of TOD (%lu us)",
	       (b - a) >> STCK_SHIFT_US);
	asm volatile("stcke %0" : "=Q" (e) : : "cc");
	/* STCKE's bytes 1-8 are the 64-bit clock, one epoch byte before. */
	report(((uint64_t)e[1] << 56 | (uint64_t)e[2] << 48 | (uint64_t)e[3] << 40 |
		(uint64_t)e[4] << 32 | (uint64_t)e[5] << 24 | (uint64_t)e[6] << 16 |
		(uint64_t)e[7] << 8 | e[8]) >= b, "STCKE agrees with STCK");
	report_prefix_pop();
}

static void check_cpu_timer(void)
{
	uint64_t start, elapsed;
	int64_t t1, t2;

	report_prefix_push("cpu timer");
	register_ext_cleanup_func(count_ext);
	set_cpu_timer(1000 * TOD_PER_MS);
	t1 = get_cpu_timer();
	mdelay(1);
	t2 = get_cpu_timer();
	report(t2 < t1 && t1 <= (int64_t)(1000 * TOD_PER_MS), "counts down");

	/* It runs out with the subclass off: nothing, until it is on. */
	cpu_timer_set_ms(1);
	want_code = EXT_IRQ_CPU_TIMER;
	ext_count = 0;
	psw_mask_set_bits(PSW_MASK_EXT);
	mdelay(5);
	psw_mask_clear_bits(PSW_MASK_EXT);
	t1 = get_cpu_timer();
	report(ext_count == 0, "run out, but no interrupt with the CR0 subclass off");
	report_xfail(host_is_tcg(), t1 < 0, "STPT reads it negative (%ld us)",
		     t1 >> CPU_TIMER_SHIFT_US);
	arm(EXT_IRQ_CPU_TIMER, 1, CTL0_CPU_TIMER);
	report(wait_count(1, 1000) && last_code == EXT_IRQ_CPU_TIMER,
	       "it was pending: taken once the subclass is on (code %#x)", last_code);
	disarm(CTL0_CPU_TIMER);

	start = tod();
	cpu_timer_set_ms(10);
	arm(EXT_IRQ_CPU_TIMER, 3, CTL0_CPU_TIMER);
	wait_count(1, 1000);
	elapsed = tod() - start;
	report(ext_count >= 1 && elapsed >= 10 * TOD_PER_MS,
	       "10 ms: interrupt after %lu us, not before", elapsed >> STCK_SHIFT_US);
	wait_count(3, 100);
	report_xfail(host_is_tcg(), ext_count == 3,
		     "pending again and again while negative (%d of 3 in 100 ms)", ext_count);
	disarm(CTL0_CPU_TIMER);
	register_ext_cleanup_func(NULL);
	report_prefix_pop();
}

static void check_clock_comparator(void)
{
	uint64_t deadline, now;

	report_prefix_push("clock comparator");
	register_ext_cleanup_func(count_ext);
	set_clock_comparator(-1UL);
	report(get_clock_comparator() == -1UL, "SCKC/STCKC round trip");

	deadline = tod() + 10 * TOD_PER_MS;
	set_clock_comparator(deadline);
	arm(EXT_IRQ_CLOCK_COMP, 3, CTL0_CLOCK_COMPARATOR);
	wait_count(1, 1000);
	now = tod();
	report(ext_count >= 1 && last_code == EXT_IRQ_CLOCK_COMP && now >= deadline,
	       "interrupt (code %#x) once the clock passed the comparator, %lu us later",
	       last_code, (now - deadline) >> STCK_SHIFT_US);
	wait_count(3, 100);
	report_xfail(host_is_tcg(), ext_count == 3,
		     "pending again and again while the clock is past it (%d of 3 in 100 ms)",
		     ext_count);
	disarm(CTL0_CLOCK_COMPARATOR);

	set_clock_comparator(tod() - TOD_PER_MS);
	arm(EXT_IRQ_CLOCK_COMP, 1, CTL0_CLOCK_COMPARATOR);
	report(wait_count(1, 1000), "a comparator in the past interrupts at once");
	disarm(CTL0_CLOCK_COMPARATOR);
	set_clock_comparator(-1UL);
	register_ext_cleanup_func(NULL);
	report_prefix_pop();
}

int main(void)
{
	check_clock();
	check_cpu_timer();
	check_clock_comparator();
	return report_summary();
}
