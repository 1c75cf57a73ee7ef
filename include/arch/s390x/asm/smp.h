/* SPDX-License-Identifier: MIT */
/*
 * asm/smp.h - the CPUs of an s390x machine: upstream kvm-unit-tests'
 * s390x SMP API (lib/s390x/smp.h, which its tests include as <smp.h>)
 * and kut's, shared with the other arches (<asm-generic/smp.h>:
 * cpu_count(), smp_id(), on_cpu(), on_cpus()).
 *
 * CPUs are numbered by index: 0 is the boot CPU, the others follow in
 * the order of the SCLP's CPU list; a CPU's address (what SIGP and STAP
 * use) is smp_cpu_addr(idx).  Only the boot CPU runs at first.
 * smp_cpu_setup() gives a stopped CPU a lowcore and a stack of its own
 * and starts it at a PSW; smp_cpu_start(), smp_cpu_restart(),
 * smp_cpu_stop() and friends then drive it with SIGP.  on_cpu() starts
 * a CPU into kut's idle loop on first use (smp_boot_secondary()), where
 * it waits, in an enabled wait, for an emergency signal announcing work.
 */
#ifndef _ASMS390X_SMP_H_
#define _ASMS390X_SMP_H_

#include <libcflat.h>
#include <asm-generic/smp.h>
#include <cpumask.h>
#include <asm/arch_def.h>
#include <asm/barrier.h>

/* The index of the calling CPU. */
static inline int smp_processor_id(void)
{
	return THIS_CPU->idx;
}

/* Spin-wait hints (upstream's names); nothing to wait for on s390x. */
#define smp_wait_for_event()	cpu_relax()
#define smp_send_event()	cpu_relax()

typedef void (*secondary_func_t)(void);

/*
 * Start CPU @cpu running @func() (NULL: nothing), then kut's idle loop,
 * where on_cpu() work reaches it.  Waits until it runs.  Starting a CPU
 * kut started already ends the test; the _nofail form returns at once.
 */
extern void smp_boot_secondary(int cpu, secondary_func_t func);
extern void smp_boot_secondary_nofail(int cpu, secondary_func_t func);

/* What SIGP STORE STATUS AT ADDRESS stores (the lowcore's 0x1200 area). */
struct cpu_status {
	uint64_t fprs[16];			/* 0x0000 */
	uint64_t grs[16];			/* 0x0080 */
	struct psw psw;				/* 0x0100 */
	uint8_t pad_0x0110[0x0118 - 0x0110];	/* 0x0110 */
	uint32_t prefix;			/* 0x0118 */
	uint32_t fpc;				/* 0x011c */
	uint8_t pad_0x0120[0x0124 - 0x0120];	/* 0x0120 */
	uint32_t todpr;				/* 0x0124 */
	uint64_t cputm;				/* 0x0128 */
	uint64_t ckc;				/* 0x0130 */
	uint8_t pad_0x0138[0x0140 - 0x0138];	/* 0x0138 */
	uint32_t ars[16];			/* 0x0140 */
	uint64_t crs[16];			/* 0x0180 */
};

/* The number of CPUs (the SCLP's list). */
int smp_query_num_cpus(void);
/* A CPU's state by address or index; its address by index. */
struct cpu *smp_cpu_from_addr(uint16_t addr);
struct cpu *smp_cpu_from_idx(uint16_t idx);
uint16_t smp_cpu_addr(uint16_t idx);
/* SIGP SENSE says stopped (or check-stopped). */
bool smp_cpu_stopped(uint16_t idx);
/* SIGP SENSE RUNNING STATUS says running. */
bool smp_sense_running_status(uint16_t idx);
/*
 * Stop CPU @idx (not the boot CPU: -1) and wait until it is stopped; the
 * _nowait form only sends the order; _store_status stores its status in
 * its lowcore (STOP AND STORE STATUS).  0, or -1 if refused.
 */
int smp_cpu_stop(uint16_t idx);
int smp_cpu_stop_nowait(uint16_t idx);
int smp_cpu_stop_store_status(uint16_t idx);
/*
 * Stop CPU @idx and restart it: it continues at its lowcore's restart
 * new PSW (after smp_cpu_setup(), the PSW it was started with); waits
 * until it runs.  smp_cpu_start() first sets that PSW to @psw.  The
 * _nowait form only sends the order.  0, or a SIGP condition code.
 */
int smp_cpu_restart(uint16_t idx);
int smp_cpu_restart_nowait(uint16_t idx);
int smp_cpu_start(uint16_t idx, struct psw psw);
/*
 * Give stopped CPU @idx a lowcore (a copy of the boot CPU's interrupt
 * PSWs) and a 16 KiB stack, and start it at @psw with CR0 = AFP; when
 * the code @psw points at returns, the CPU spins there.  -1 if the CPU
 * runs already.  smp_cpu_destroy() stops it and frees both.
 */
int smp_cpu_setup(uint16_t idx, struct psw psw);
int smp_cpu_destroy(uint16_t idx);
/* Stop every other CPU that kut or the test started. */
void smp_teardown(void);
/* Fill the CPU list (kut does it at boot). */
void smp_setup(void);
/* SIGP @order to CPU @idx, again while it says busy; the condition code. */
int smp_sigp(uint16_t idx, uint8_t order, unsigned long parm, uint32_t *status);
/* CPU @idx's lowcore (the calling CPU's: &lowcore). */
struct lowcore *smp_get_lowcore(uint16_t idx);

#endif /* _ASMS390X_SMP_H_ */
