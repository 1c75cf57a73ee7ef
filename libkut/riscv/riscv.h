/* SPDX-License-Identifier: MIT */
/*
 * riscv.h - what the riscv boot, trap and SMP files tell each other
 * (internal, not installed; head.S includes it for the offsets).
 */
#ifndef KUT_RISCV_RISCV_H
#define KUT_RISCV_RISCV_H

/* Each CPU's stack: its size, and CPU 0's is in the image's BSS. */
#define STACK_SIZE		(16 * 1024)

/* struct secondary_data, as head.S reads it. */
#define SD_SP			0
#define SD_SATP			8
#define SD_INFO			16
#define SD_HARTID		24

/*
 * A trap frame (entry.S, sse.S): the struct pt_regs, then a frame record
 * {interrupted s0, epc} for backtraces; a multiple of 16, so the stack
 * stays aligned.
 */
#define TRAP_FRAME_RECORD	PT_SIZE
#define TRAP_FRAME_SIZE		((PT_SIZE + 16 + 15) & ~15)

#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <asm/processor.h>

/* What a starting hart needs: given to SBI HART_START as its a1. */
struct secondary_data {
	unsigned long sp;		/* top of its stack */
	unsigned long satp;		/* the tables to translate with */
	struct thread_info *info;	/* its cpus[] entry, for sscratch */
	unsigned long hartid;		/* whose it is (head.S's stray_entry) */
};

/* The secondary_data of the hart being started, for head.S's stray_entry. */
extern struct secondary_data *volatile riscv_starting;

/* uart.c: use the ns16550 at @base for the console. */
void uart_set_base(void *base);

/* mmu.c: build the boot identity map (once) and turn translation on. */
void mmu_boot_setup(void);

/* timer.c: record whether this hart may use Sstc. */
void timer_hart_init(void);

/* setup.c: the device-tree node of CPU @cpu (for asm/isa.h). */
int cpu_fdt_node(int cpu);

/* setup.c: the lowest RAM address (0 until the device tree is read). */
extern uintptr_t riscv_ram_start;

/*
 * stack.c: the backtrace of a trap, from the trapped pc, including the
 * caller of a leaf function (which keeps its return address in ra).
 */
void riscv_dump_trap_stack(const struct pt_regs *regs);

/* C entry points called by head.S. */
void kut_riscv_setup(unsigned long hartid, const void *fdt)
	__attribute__((noreturn));
void kut_riscv_secondary_setup(struct secondary_data *data, bool strayed)
	__attribute__((noreturn));

#endif /* !__ASSEMBLY__ */
#endif /* KUT_RISCV_RISCV_H */
