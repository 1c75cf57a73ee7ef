/* SPDX-License-Identifier: MIT */
/*
 * asm/smp.h - x86's part of <smp.h>: how kut starts the CPUs and hands
 * them work, and the x86-only names upstream's "smp.h" has.
 *
 * Before main(), kut reads the CPUs from the ACPI MADT (falling back to
 * QEMU's fw_cfg CPU count), starts each one with INIT-SIPI-SIPI through a
 * real-mode trampoline below 1 MiB, and gives it its own stack, TSS,
 * per-CPU data (GS base; on i386 a GS segment), the boot CPU's IDT, GDT
 * and page tables, and its local APIC enabled (x2APIC mode where CPUID
 * offers it, as on the boot CPU).  CPU 0 is the boot CPU; the others are numbered in MADT
 * order, and id_map[] (x86/apic.h) gives each one's APIC ID.
 *
 * Idle CPUs wait in "sti; hlt".  on_cpu() queues the work on the target
 * CPU and sends it SMP_IPI_VECTOR; the target's handler sends the EOI
 * first, then runs the queued work in order, with interrupts disabled
 * (IF=0) as an interrupt handler does; @func may enable them.  Caveats:
 *   - work for CPU 0 (or any CPU busy in the test's own code) runs only
 *     when that CPU takes the IPI, i.e. with interrupts enabled, or while
 *     it waits in on_cpu()/on_cpus() itself;
 *   - a CPU whose APIC the test disabled, or whose TPR masks
 *     SMP_IPI_VECTOR, gets no work;
 *   - on_cpu() leaves page tables alone: an AP starts on the boot CPU's
 *     CR3 of that moment, and setup_vm() (x86/vm.h) loads its new tables
 *     on every CPU itself, through on_cpus(); a test that switches page
 *     tables its own way does the same.
 */
#ifndef _ASM_X86_SMP_H_
#define _ASM_X86_SMP_H_

/*
 * Most CPUs kut brings up (the rest halt); sizes the GDT's TSS slots and
 * the per-CPU tables.  Upstream's "smp.h" has it too.
 */
#define MAX_TEST_CPUS	64

/*
 * The vector of on_cpu()'s IPIs (upstream's choice): a test must not
 * take it over with handle_irq(), nor mask it with the TPR on a CPU it
 * wants to give work to.
 */
#define SMP_IPI_VECTOR		0x20

#ifndef __ASSEMBLY__

#include <libcflat.h>
#include <asm-generic/smp.h>
#include <asm/spinlock.h>
#include <x86/atomic.h>
#include <x86/apic-defs.h>

/*
 * 1 plus the number of on_cpu() work items queued or running on all CPUs:
 * upstream's count of "active" CPUs, 1 when every other CPU is idle.
 */
int cpus_active(void);

/* reset_apic() on every CPU (each in xAPIC mode afterwards). */
void smp_reset_apic(void);

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_SMP_H_ */
