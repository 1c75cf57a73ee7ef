// SPDX-License-Identifier: MIT
/*
 * delay.c - delay() and io_delay() (x86/delay.h) wait at least as many
 * TSC cycles as asked, from a few hundred to tens of millions, at CPL 0
 * and, through run_in_user(), at CPL 3 (RDTSC is allowed there unless
 * CR4.TSD is set); and they do end.
 */
#include <libcflat.h>
#include <x86/delay.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include <x86/vm.h>

static u64 waited(u64 count)
{
	u64 start = rdtsc();

	delay(count);
	return rdtsc() - start;
}

static u64 user_delay(u64 count)
{
	return waited(count);
}

int main(void)
{
	static const u64 counts[] = { 0, 1, 500, 100000, 50000000 };
	u64 t, start;
	unsigned int i;
	bool raised;

	report_prefix_push("delay");
	for (i = 0; i < ARRAY_SIZE(counts); i++) {
		t = waited(counts[i]);
		report(t >= counts[i], "delay(%lu) took %lu cycles",
		       (ulong)counts[i], (ulong)t);
	}
	start = rdtsc();
	io_delay();
	t = rdtsc() - start;
	report(t >= IPI_DELAY, "io_delay() took %lu cycles, IPI_DELAY %d",
	       (ulong)t, IPI_DELAY);

	setup_vm();
	t = run_in_user((usermode_func)(void (*)(void))user_delay, GP_VECTOR,
			1000000, 0, 0, 0, &raised);
	report(!raised && t >= 1000000, "delay(1000000) at CPL 3 took %lu cycles",
	       (ulong)t);
	return report_summary();
}
