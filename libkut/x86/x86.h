/* SPDX-License-Identifier: MIT */
/*
 * x86.h - what the x86 boot, descriptor, APIC and SMP files tell each
 * other (internal, not installed).
 */
#ifndef KUT_X86_X86_H
#define KUT_X86_X86_H

#include <libcflat.h>
#include <x86/acpi.h>
#include <x86/desc.h>
#include <asm/smp.h>		/* MAX_TEST_CPUS */

/*
 * The boot page tables map [0, X86_BOOT_MAPPED) 1:1 (and, on i386, the
 * MMIO gigabyte [3 GiB, 4 GiB) too; [2 GiB, 3 GiB) is vmalloc's window).
 */
#ifdef __x86_64__
#define X86_BOOT_MAPPED		(4ull << 30)
#else
#define X86_BOOT_MAPPED		(2ull << 30)
#endif

/* Hex digits of a register in dumps: 16 on x86_64, 8 on i386. */
#define X86_REG_DIGITS		((int)(2 * sizeof(unsigned long)))

/* The TSS of this mode, and where it keeps the ring-0 stack pointer. */
#ifdef __x86_64__
typedef tss64_t kut_tss_t;
#define TSS_SP0_FIELD		rsp0
#else
typedef tss32_t kut_tss_t;
#define TSS_SP0_FIELD		esp0
#endif
#define TSS_SP0(t)		((t)->TSS_SP0_FIELD)

/* GDT selector of CPU @cpu's TSS (the slot after it: see desc32.c). */
#define X86_TSS_SEL(cpu)	(TSS_MAIN + 16 * (cpu))

/* desc.c: the exception dispatcher every vector enters (isr*.S). */
void kut_x86_exception(struct ex_regs *regs);

/*
 * desc32.c / desc64.c: what differs between the modes around the
 * common descriptor code of desc.c.
 */
/* Fill CPU @cpu's zeroed TSS @t: ring-0 stack @sp0, alternate stacks. */
void kut_x86_init_tss(kut_tss_t *t, u32 cpu, void *sp0);
/* After setup_idt() has pointed every vector at its stub: #DF, NMI, #MC. */
void kut_x86_setup_alt_vectors(void);
/* Print @regs' general registers and stack pointer as the dump shows them. */
void kut_x86_dump_gprs(const struct ex_regs *regs);

/* setup.c: the ACPI RSDP the PVH start_info named (0: none). */
extern u64 kut_x86_rsdp_paddr;

/*
 * desc.c: load the boot GDT and IDT on CPU @cpu and give it its per-CPU
 * data (GS) and its TSS, with @rsp0 as the ring-0 stack.
 */
void kut_x86_setup_ap(u32 cpu, void *rsp0);

/*
 * apic.c: learn the calling CPU's APIC mode from IA32_APIC_BASE, enable
 * the APIC, and switch to x2APIC mode if @x2apic.
 */
void kut_x86_apic_init_cpu(bool x2apic);

/*
 * acpi.c: call @handler with each MADT subtable of type @type (-1: of
 * every type) in table order, until it returns non-zero; how many it was
 * called with, -1 without a MADT.  smp.c takes CPUs of both kinds of
 * entry in one pass, keeping the table's order.
 */
int kut_acpi_walk_madt(int type, acpi_table_handler handler);

/* trampoline.S: the real-mode code copied below 1 MiB for the APs. */
extern const char ap_trampoline[], ap_trampoline_end[];

/* smp.c: where each AP finds its stack, by CPU number (trampoline.S). */
extern u64 ap_stack_tops[];
extern u32 kut_nr_cpus;

/* C entry of an AP, on its own stack (called by trampoline.S). */
void kut_x86_ap_start(u32 cpu) __attribute__((noreturn));

#endif /* KUT_X86_X86_H */
