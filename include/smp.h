/* SPDX-License-Identifier: MIT */
/*
 * smp.h - the CPUs of the guest, and running code on them: the arch's
 * <asm/smp.h>, which declares the names every arch shares
 * (<asm-generic/smp.h>: cpu_count(), smp_id(), on_cpu(), on_cpus(), ...)
 * and its own (how CPUs start, per-CPU data).  Upstream's x86 tests
 * include "smp.h" and its arm tests <asm/smp.h>: both work.
 */
#ifndef _SMP_H_
#define _SMP_H_

#include <asm/smp.h>

#endif /* _SMP_H_ */
