// SPDX-License-Identifier: MIT
/*
 * test-lib-smp.c - the on_cpu() front end every arch shares (libkut/
 * smp.c), over tests/host/arch-stubs.c's pretend CPUs: work for the
 * caller's own CPU is a plain call, work for another goes through the
 * arch's queue and, for on_cpu(), its wait on that very ticket; on_cpus()
 * queues every other CPU's share before running its own and waits for
 * each; a CPU number out of range stops the test with a message.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "arch-stubs.h"
#include "kut-host.h"

static int ran_on[8];

static void note_cpu(void *data)
{
	(void)data;
	ran_on[host_self]++;
}

static void reset(int cpus, int self)
{
	host_cpus = cpus;
	host_self = self;
	host_smp_events = 0;
	memset(ran_on, 0, sizeof(ran_on));
}

TEST(on_cpu_self_is_a_plain_call)
{
	reset(4, 2);
	kut_on_cpu(2, note_cpu, NULL);
	kut_on_cpu_async(2, note_cpu, NULL);
	CHECK(ran_on[2] == 2);
	CHECK(host_smp_events == 0);
}

TEST(on_cpu_waits_for_its_own_ticket)
{
	reset(4, 0);
	kut_on_cpu(3, note_cpu, NULL);
	CHECK(ran_on[3] == 1);
	CHECK(host_smp_events == 2);
	CHECK(host_smp_log[0].what == 'q' && host_smp_log[0].cpu == 3);
	CHECK(host_smp_log[1].what == 'w' && host_smp_log[1].cpu == 3);
	CHECK(host_smp_log[1].ticket == host_smp_log[0].ticket);
}

TEST(on_cpu_async_does_not_wait)
{
	reset(4, 0);
	kut_on_cpu_async(1, note_cpu, NULL);
	CHECK(ran_on[1] == 1);
	CHECK(host_smp_events == 1 && host_smp_log[0].what == 'q');
}

TEST(on_cpus_runs_everywhere_and_waits_for_each)
{
	int i;

	reset(4, 1);
	kut_on_cpus(note_cpu, NULL);
	for (i = 0; i < 4; i++)
		CHECK(ran_on[i] == 1);
	CHECK(host_smp_events == 6);
	/* three queued (not the caller's), then three waits, same tickets */
	for (i = 0; i < 3; i++) {
		CHECK(host_smp_log[i].what == 'q' && host_smp_log[i].cpu != 1);
		CHECK(host_smp_log[i + 3].what == 'w');
		CHECK(host_smp_log[i + 3].cpu == host_smp_log[i].cpu);
		CHECK(host_smp_log[i + 3].ticket == host_smp_log[i].ticket);
	}
}

static void on_missing_cpu(void)
{
	kut_on_cpu(4, note_cpu, NULL);
}

static void on_negative_cpu(void)
{
	kut_on_cpu_async(-1, note_cpu, NULL);
}

TEST(a_cpu_out_of_range_stops_the_test)
{
	reset(4, 0);
	host_console_reset();
	CHECK(host_aborted_with(host_run(on_missing_cpu),
				"no CPU 4 (cpu_count() is 4)"));
	host_console_reset();
	CHECK(host_aborted_with(host_run(on_negative_cpu),
				"no CPU -1 (cpu_count() is 4)"));
	CHECK(host_smp_events == 0);
}
