/* SPDX-License-Identifier: MIT */
/*
 * powerpc.h - what the ppc64 boot, interrupt and SMP files tell each
 * other (internal, not installed; the .S files include it for the
 * offsets).
 */
#ifndef KUT_POWERPC_POWERPC_H
#define KUT_POWERPC_POWERPC_H

/* The image's link address (linker-scripts/ppc64.lds). */
#define IMAGE_LINK_BASE		0x400000

/* Each CPU's stack; CPU 0's is in the image's BSS. */
#define STACK_SIZE		(64 * 1024)

/* struct cpu (asm/smp.h), as head.S and exceptions.S read it. */
#define CPU_STACK		8
#define CPU_EXCEPTION_STACK	16
#define CPU_ENTRY_SAVE		56

/* Each CPU's interrupt stack (a 64 KiB multiple: exceptions.S). */
#define EXCEPTION_STACK_SIZE	(64 * 1024)

/* An interrupt frame: the call frame, then struct pt_regs (exceptions.S). */
#define INT_FRAME_REGS		STACK_FRAME_OVERHEAD

/* Where the stack protector's canary is, below r13. */
#define CANARY_OFFSET		0x7010

/* vmalloc's window: the top half of the 52-bit address space. */
#define VM_WINDOW_START		(1UL << 51)
#define VM_WINDOW_END		(1UL << 52)

/* The interrupt vectors: one stub every 0x20 bytes from 0x100 to here. */
#define VECTORS_START		0x100
#define VECTORS_END		0x1000
#define VECTOR_SPACING		0x20

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <asm/ptrace.h>
#include <asm/smp.h>

/* The end of the image's text and read-only data (ppc64.lds). */
extern char __text_end[];

/* head.S: where the boot ROM entered (CPU 0) and RTAS starts others. */
extern char _start[], secondary_start[];

/* exceptions.S: the stub copied to each vector, and the common entry. */
extern char ppc_vector_template[], ppc_vector_template_end[];
extern char exception_entry[], exception_return[];

/* processor.c: install the vectors at real address 0. */
void exceptions_init(void);

/* smp.c: the boot CPU's struct cpu, its guard set (before any libfdt). */
void smp_boot_cpu_init(void);

/* setup.c: the device-tree node of CPU @cpu (-1 if unknown). */
int cpu_fdt_node(int cpu);

/* console.c: the vty to write to (its "reg"), from the device tree. */
void console_init(void);

/* setup.c: the facilities (MSR[FP]) every CPU runs with. */
void ppc_enable_facilities(void);

/* rtas.c: find /rtas and its tokens (after the device tree is in). */
void rtas_boot_init(void);

/* time.c: the decrementer's width from the device tree, DEC set far. */
void time_init(void);
/* time.c: the decrementer's largest positive value. */
uint64_t ppc_dec_max(void);

/* mmu.c: translate on this CPU if (and only if) CPUs are to. */
void ppc_mmu_follow(void);

/* stack.c: a backtrace from an interrupt's registers. */
void ppc_dump_stack(const struct pt_regs *regs);

/* C entry points called by head.S. */
void kut_ppc_setup(const void *fdt) __attribute__((noreturn));
void kut_ppc_secondary_setup(struct cpu *cpu) __attribute__((noreturn));

#endif /* !__ASSEMBLY__ */
#endif /* KUT_POWERPC_POWERPC_H */
