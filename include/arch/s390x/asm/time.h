/* SPDX-License-Identifier: MIT */
/*
 * asm/time.h - the TOD clock, the clock comparator and the CPU timer.
 *
 * The TOD clock counts 2^-12 microseconds in bit 63 (bit 51 is one
 * microsecond); the CPU timer runs down at the same rate.  Both
 * interrupts are external interrupts (EXT_IRQ_CLOCK_COMP,
 * EXT_IRQ_CPU_TIMER) enabled by CR0 bits CTL0_CLOCK_COMPARATOR and
 * CTL0_CPU_TIMER; they stay pending for as long as the condition holds,
 * so a handler disables the subclass or moves the deadline.  Names are
 * upstream kvm-unit-tests'; set_clock_comparator(), get_cpu_timer() and
 * friends are kut's.
 */
#ifndef _ASMS390X_TIME_H_
#define _ASMS390X_TIME_H_

#include <stdint.h>

#define S390_CLOCK_SHIFT_US	(63 - 51)
#define STCK_SHIFT_US		S390_CLOCK_SHIFT_US
#define STCK_MAX		((1UL << 52) - 1)
#define CPU_TIMER_SHIFT_US	S390_CLOCK_SHIFT_US

/* SET CLOCK (privileged); returns the condition code. */
static inline int sck(uint64_t *time)
{
	int cc;

	asm volatile("sck %[time]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [cc] "=d" (cc) : [time] "Q" (*time) : "cc");
	return cc;
}

/* STORE CLOCK; returns the condition code (0: set and running). */
static inline int stck(uint64_t *time)
{
	int cc;

	asm volatile("stck %[time]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [time] "=Q" (*time), [cc] "=d" (cc)
		     :
		     : "cc");
	return cc;
}

/* STORE CLOCK FAST. */
static inline int stckf(uint64_t *time)
{
	int cc;

	asm volatile("stckf %[time]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [time] "=Q" (*time), [cc] "=d" (cc)
		     :
		     : "cc");
	return cc;
}

/* The TOD clock in microseconds (milliseconds). */
static inline uint64_t get_clock_us(void)
{
	uint64_t clk;

	stck(&clk);
	return clk >> STCK_SHIFT_US;
}

static inline uint64_t get_clock_ms(void)
{
	return get_clock_us() / 1000;
}

/* Busy-wait @us microseconds on the TOD clock (it may wrap once). */
static inline void udelay(unsigned long us)
{
	unsigned long start = get_clock_us(), now;

	do {
		now = get_clock_us();
		if (now < start)
			now += STCK_MAX;
	} while (now < start + us);
}

static inline void mdelay(unsigned long ms)
{
	udelay(ms * 1000);
}

/* SET CPU TIMER / STORE CPU TIMER, in TOD units. */
static inline void set_cpu_timer(int64_t value)
{
	asm volatile("spt %[v]" : : [v] "Q" (value));
}

static inline int64_t get_cpu_timer(void)
{
	int64_t value;

	asm volatile("stpt %[v]" : [v] "=Q" (value));
	return value;
}

/* The CPU timer to @timeout_ms milliseconds. */
static inline void cpu_timer_set_ms(int64_t timeout_ms)
{
	set_cpu_timer((timeout_ms * 1000) << CPU_TIMER_SHIFT_US);
}

/* SET CLOCK COMPARATOR / STORE CLOCK COMPARATOR, in TOD units. */
static inline void set_clock_comparator(uint64_t value)
{
	asm volatile("sckc %[v]" : : [v] "Q" (value));
}

static inline uint64_t get_clock_comparator(void)
{
	uint64_t value;

	asm volatile("stckc %[v]" : [v] "=Q" (value));
	return value;
}

#endif /* _ASMS390X_TIME_H_ */
