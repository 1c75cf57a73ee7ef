/* SPDX-License-Identifier: MIT */
/*
 * x86.h - what the x86 boot, descriptor, APIC and SMP files tell each
 * other (internal, not installed).
 */
#ifndef KUT_X86_X86_H
#define KUT_X86_X86_H

#include <libcflat.h>
#include <x86/acpi.h>

/* setup.c: the ACPI RSDP the PVH start_info named (0: none). */
extern u64 kut_x86_rsdp_paddr;

/*
 * desc.c: load the boot GDT and IDT on CPU @cpu and give it its per-CPU
 * data (GS base) and its TSS, with @rsp0 as the ring-0 stack.
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
