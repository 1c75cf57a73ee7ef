// SPDX-License-Identifier: MIT
/*
 * ppc-pseries.c - a ppc64 test written as upstream's powerpc tests are:
 * quoted includes of "asm/hcall.h", "asm/rtas.h", "asm/time.h", ...,
 * hcall(), rtas_token()/rtas_call(), handle_exception() with its data
 * pointer, mfspr() with the SPR_ names, get_tb() and tb_hz, and
 * start_all_cpus()/stop_all_cpus() with cpus[].server_no.
 */
#include "libcflat.h"
#include "devicetree.h"
#include "asm/barrier.h"
#include "asm/handlers.h"
#include "asm/hcall.h"
#include "asm/ppc_asm.h"
#include "asm/processor.h"
#include "asm/rtas.h"
#include "asm/setup.h"
#include "asm/smp.h"
#include "asm/time.h"

static int traps;
static int started[NR_CPUS];

static void trap_handler(struct pt_regs *regs, void *data)
{
	int *count = data;

	(*count)++;
	regs_advance_insn(regs);
}

static void entry(int server)
{
	started[smp_processor_id()] = server + 1;
}

int main(void)
{
	uint32_t token;
	int out[8], i, ok = 1;
	uint64_t tb;

	report(hcall(H_SET_SPRG0, 0x1234) == H_SUCCESS &&
	       mfspr(SPR_SPRG0) == 0x1234, "hcall(H_SET_SPRG0)");
	report(rtas_token("get-time-of-day", &token) == 0 &&
	       rtas_call(token, 0, 8, out) == 0 && out[0] >= 2000,
	       "rtas_call(get-time-of-day): year %d", out[0]);
	handle_exception(0x700, trap_handler, &traps);
	asm volatile("tw 31,0,0");
	handle_exception(0x700, NULL, NULL);
	report(traps == 1, "handle_exception(0x700) with data");
	tb = get_tb();
	udelay(1000);
	report(get_tb() - tb >= tb_hz / 1000, "get_tb(), udelay(), tb_hz");
	start_all_cpus(entry);
	stop_all_cpus();
	for (i = 1; i < nr_cpus_present; i++)
		ok &= started[i] == (int)cpus[i].server_no + 1;
	report(ok && nr_cpus_present == 2, "start_all_cpus() on %d CPUs",
	       nr_cpus_present);
	return report_summary();
}
