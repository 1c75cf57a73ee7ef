// SPDX-License-Identifier: MIT
/*
 * sigp.c - SIGNAL PROCESSOR and the SMP API on top of it: CPUs started
 * at a PSW, stopped, restarted and sensed; status stored on stop;
 * emergency signals and external calls delivered with the sender's
 * address; SIGP to a CPU that does not exist and an order that does not
 * exist; and kut's on_cpu()/on_cpus(), which run on CPUs idling in an
 * enabled wait.  Needs at least 2 CPUs (-smp 2); skips with fewer.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <smp.h>
#include <asm/arch_def.h>
#include <asm/barrier.h>
#include <asm/interrupt.h>
#include <asm/sigp.h>
#include <asm/time.h>

#define NO_SUCH_CPU	0x1234
#define NO_SUCH_ORDER	0xff

static volatile int counter;
static volatile uint16_t seen_ext_code, seen_ext_from;
static volatile bool ready;

/* Started with smp_cpu_start(): counts, then spins (it must not return). */
static void count_and_spin(void)
{
	__atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
	for (;;)
		mb();
}

static void wait_count(int want)
{
	while (__atomic_load_n(&counter, __ATOMIC_SEQ_CST) < want)
		mb();
}

static void check_start_stop(void)
{
	struct lowcore *lc;
	uint32_t status = 0;
	int cc;

	report_prefix_push("start-stop");
	counter = 0;
	report(smp_cpu_stopped(1), "CPU 1 is stopped before use");
	report(smp_cpu_setup(1, PSW_WITH_CUR_MASK(count_and_spin)) == 0,
	       "smp_cpu_setup(1)");
	wait_count(1);
	report(!smp_cpu_stopped(1) && smp_sense_running_status(1),
	       "started: SENSE says not stopped, SENSE RUNNING says running");
	report(smp_cpu_setup(1, PSW_WITH_CUR_MASK(count_and_spin)) == -1,
	       "smp_cpu_setup() of a running CPU is refused");
	lc = smp_get_lowcore(1);
	report(lc && lc != &lowcore && lc->this_cpu == smp_cpu_from_idx(1),
	       "CPU 1 has a lowcore of its own");

	report(smp_cpu_stop(1) == 0 && smp_cpu_stopped(1), "stop");
	cc = smp_sigp(1, SIGP_SENSE, 0, &status);
	report(cc == SIGP_CC_STATUS_STORED && (status & SIGP_STATUS_STOPPED),
	       "SENSE of a stopped CPU: cc 1, status stopped (%#x)", status);
	report(smp_cpu_stop(0) == -1, "the boot CPU is never stopped");

	report(smp_cpu_restart(1) == 0, "restart");
	wait_count(2);
	report(counter == 2, "restarted at its restart PSW, the one it was set up with");

	report(smp_cpu_start(1, PSW_WITH_CUR_MASK(count_and_spin)) == 0,
	       "start at a new PSW");
	wait_count(3);
	report_pass("started again (count %d)", counter);

	lowcore.prefix_sa = 0;
	lowcore.grs_sa[15] = 0;
	report(smp_cpu_stop_store_status(1) == 0, "stop and store status");
	/*
	 * The status goes to absolute 0x1200, the save area of the lowcore
	 * at absolute 0: the boot CPU's (prefix 0).
	 */
	mb();
	report(get_prefix() == 0 && lowcore.prefix_sa == (uint32_t)(uintptr_t)lc &&
	       lowcore.grs_sa[15] && lowcore.psw_sa.addr >= (uintptr_t)count_and_spin &&
	       lowcore.psw_sa.addr < (uintptr_t)count_and_spin + 0x100,
	       "stored at absolute 0x1200: its prefix %#x, r15 %#lx, PSW in count_and_spin (%#lx)",
	       lowcore.prefix_sa, lowcore.grs_sa[15], lowcore.psw_sa.addr);
	report(smp_cpu_destroy(1) == 0 && smp_cpu_stopped(1), "destroy");
	report_prefix_pop();
}

static void take_signal(void)
{
	expect_ext_int();
	ctl_set_bit(0, CTL0_EMERGENCY_SIGNAL);
	ctl_set_bit(0, CTL0_EXTERNAL_CALL);
	psw_mask_set_bits(PSW_MASK_EXT);
	ready = true;
	while (!lowcore.ext_int_code)
		mb();
	psw_mask_clear_bits(PSW_MASK_EXT);
	seen_ext_from = lowcore.cpu_addr;
	seen_ext_code = lowcore.ext_int_code;
	ready = false;
	for (;;)
		mb();
}

static void check_signal(uint8_t order, uint16_t code, const char *what)
{
	int cc;

	seen_ext_code = 0;
	ready = false;
	smp_cpu_setup(1, PSW_WITH_CUR_MASK(take_signal));
	while (!ready)
		mb();
	cc = smp_sigp(1, order, 0, NULL);
	while (ready)
		mb();
	report(cc == SIGP_CC_ORDER_CODE_ACCEPTED && seen_ext_code == code &&
	       seen_ext_from == stap(),
	       "%s: accepted, taken as code %#x from CPU address %d",
	       what, seen_ext_code, seen_ext_from);
	smp_cpu_stop(1);
}

static void check_invalid(void)
{
	uint32_t status = 0;
	int cc;

	report_prefix_push("invalid");
	cc = sigp(NO_SUCH_CPU, SIGP_SENSE, 0, &status);
	report(cc == SIGP_CC_NOT_OPERATIONAL, "SENSE of a CPU that does not exist: cc 3");
	cc = sigp(NO_SUCH_CPU, SIGP_EMERGENCY_SIGNAL, 0, &status);
	report(cc == SIGP_CC_NOT_OPERATIONAL,
	       "emergency signal to a CPU that does not exist: cc 3");
	status = 0;
	cc = smp_sigp(1, NO_SUCH_ORDER, 0, &status);
	report(cc == SIGP_CC_STATUS_STORED && status == SIGP_STATUS_INVALID_ORDER,
	       "order %#x: cc 1, status invalid order (%#x)", NO_SUCH_ORDER, status);
	report_prefix_pop();
}

/* Whether CPU @idx stops running (enters a wait) within a second. */
static bool idles(int idx)
{
	uint64_t end = get_clock_ms() + 1000;

	while (smp_sense_running_status(idx))
		if (get_clock_ms() > end)
			return false;
	return true;
}

static int ran_on[NR_CPUS];

static void mark(void *data)
{
	ran_on[smp_id()] += (long)data;
}

static void check_on_cpu(void)
{
	int cpu, ok = 1;

	report_prefix_push("on_cpu");
	memset(ran_on, 0, sizeof(ran_on));
	on_cpus(mark, (void *)1L);
	for (cpu = 0; cpu < cpu_count(); cpu++)
		ok &= ran_on[cpu] == 1;
	report(ok, "on_cpus() ran once on each of %d CPUs", cpu_count());
	on_cpu(cpu_count() - 1, mark, (void *)10L);
	on_cpu(cpu_count() - 1, mark, (void *)100L);
	report(ran_on[cpu_count() - 1] == 111, "an idle CPU takes more work (%d)",
	       ran_on[cpu_count() - 1]);
	report(!smp_cpu_stopped(1) && idles(1),
	       "an idle CPU waits: not stopped, and soon not running");
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("sigp");
	if (smp_query_num_cpus() < 2) {
		report_skip("needs 2 CPUs (-smp 2)");
		return report_summary();
	}
	report(smp_query_num_cpus() == cpu_count() && smp_cpu_addr(0) == stap() &&
	       smp_cpu_from_addr(stap()) == smp_cpu_from_idx(0),
	       "%d CPUs, the boot CPU is index 0", smp_query_num_cpus());
	check_start_stop();
	report_prefix_push("signals");
	check_signal(SIGP_EMERGENCY_SIGNAL, EXT_IRQ_EMERGENCY_SIG, "emergency signal");
	check_signal(SIGP_EXTERNAL_CALL, EXT_IRQ_EXTERNAL_CALL, "external call");
	report_prefix_pop();
	check_invalid();
	check_on_cpu();
	return report_summary();
}
