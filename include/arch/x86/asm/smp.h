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

/*
 * How many CPUs have come up and run kut's code (a CPU started again by
 * INIT and SIPI counts again when it comes up).
 */
extern atomic_t cpu_online_count;

/*
 * A nested guest's general registers while the host side runs (the
 * nested VMX and SVM tests switch them with x86/virt.h's SWAP_GPRS).
 * The slot of RSP holds CR2: RSP is switched by the VM entry itself.
 */
struct guest_regs {
	u64 rax;
	u64 rcx;
	u64 rdx;
	u64 rbx;
	u64 cr2;
	u64 rbp;
	u64 rsi;
	u64 rdi;
	u64 r8;
	u64 r9;
	u64 r10;
	u64 r11;
	u64 r12;
	u64 r13;
	u64 r14;
	u64 r15;
	u64 rflags;
};

/*
 * The start of each CPU's per-CPU data, which GS addresses (%gs:offset):
 * the fields tests may reach, as upstream lays them out for its accessors
 * this_cpu_read_<field>() / this_cpu_write_<field>(v).  kut keeps its own
 * data after these.
 */
struct percpu_data {
	u32 smp_id;
	u32 exception_vector;
	u32 exception_rflags_rf;
	u32 exception_error_code;
	struct guest_regs guest_regs;
	bool launched;		/* this CPU's current VMCS has been launched */
	bool in_guest;		/* this CPU runs a nested guest */
};

#define typeof_percpu(name)	typeof(((struct percpu_data *)0)->name)
#define offsetof_percpu(name)	__builtin_offsetof(struct percpu_data, name)

#define __KUT_PERCPU_ACCESSORS(name)					\
static inline typeof_percpu(name) this_cpu_read_##name(void)		\
{									\
	typeof_percpu(name) v;						\
									\
	asm volatile("mov %%gs:%c1, %0"					\
		     : "=q"(v) : "i"(offsetof_percpu(name)));		\
	return v;							\
}									\
static inline void this_cpu_write_##name(typeof_percpu(name) v)		\
{									\
	asm volatile("mov %0, %%gs:%c1"					\
		     : : "q"(v), "i"(offsetof_percpu(name)) : "memory");	\
}
__KUT_PERCPU_ACCESSORS(smp_id)
__KUT_PERCPU_ACCESSORS(launched)
__KUT_PERCPU_ACCESSORS(in_guest)
#undef __KUT_PERCPU_ACCESSORS

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_SMP_H_ */
