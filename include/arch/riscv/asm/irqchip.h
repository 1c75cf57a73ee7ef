/* SPDX-License-Identifier: MIT */
/*
 * asm/irqchip.h - the external interrupt controllers of QEMU's virt
 * machine, for S-mode: the PLIC (the default), and the AIA's APLIC in
 * direct delivery mode (-machine virt,aia=aplic).  Upstream
 * kvm-unit-tests has neither; the names are kut's.
 *
 * Both are found in the device tree, and deliver to a hart as its
 * supervisor external interrupt (IRQ_S_EXT, sie.SEIE): the PLIC through
 * the hart's S-mode context, the APLIC through the hart's interrupt
 * delivery control (IDC) of the S-level domain.  Which context or IDC
 * belongs to which CPU is read from the controller's
 * interrupts-extended, so CPU numbers are what the functions take.
 * Interrupt source numbers are the device tree's (a device node's
 * "interrupts"); 0 is no source.  OpenSBI resets a hart's PLIC contexts
 * (all sources disabled, the highest threshold) whenever the hart
 * starts, after halt() too: program a CPU's context once it is online.
 */
#ifndef _ASMRISCV_IRQCHIP_H_
#define _ASMRISCV_IRQCHIP_H_

#include <libcflat.h>

/*
 * PLIC ("riscv,plic0", "sifive,plic-1.0.0").  Priorities run from 0
 * (never delivered) up; a CPU takes a pending, enabled source whose
 * priority is above its threshold.
 */

/* Find the PLIC and map it; false if the machine has none. */
extern bool plic_init(void);
/* Its number of sources (riscv,ndev): they are 1 to plic_nr_irqs. */
extern int plic_nr_irqs;
extern void plic_set_priority(int irq, u32 prio);
extern u32 plic_get_priority(int irq);
/* Whether source @irq's gateway holds it pending. */
extern bool plic_pending(int irq);
/* Source @irq enabled, or not, for CPU @cpu's S-mode context. */
extern void plic_enable(int irq, int cpu);
extern void plic_disable(int irq, int cpu);
extern void plic_set_threshold(int cpu, u32 threshold);
/*
 * Claim the highest-priority interrupt for CPU @cpu (0: none), and say
 * it was handled: the gateway forwards the source again only after it.
 */
extern u32 plic_claim(int cpu);
extern void plic_complete(int cpu, u32 irq);

/*
 * APLIC, S-level domain, direct delivery.  Priorities run from 1 (the
 * highest) to 255; an IDC delivers an interrupt whose priority number is
 * below its threshold, or any with threshold 0.
 */

/* Source modes of sourcecfg (APLIC_SOURCECFG_SM_*). */
#define APLIC_SOURCECFG_SM_INACTIVE	0
#define APLIC_SOURCECFG_SM_DETACHED	1
#define APLIC_SOURCECFG_SM_EDGE_RISE	4
#define APLIC_SOURCECFG_SM_EDGE_FALL	5
#define APLIC_SOURCECFG_SM_LEVEL_HIGH	6
#define APLIC_SOURCECFG_SM_LEVEL_LOW	7

/*
 * Find the S-level APLIC, turn its domain on in direct delivery mode
 * and every CPU's IDC on (threshold 0); false if the machine has none,
 * or its domain delivers by MSI only (aia=aplic-imsic).
 */
extern bool aplic_init(void);
/* Its number of sources (riscv,num-sources). */
extern int aplic_nr_irqs;
extern void aplic_set_source_mode(int irq, u32 mode);
/* Deliver source @irq to CPU @cpu's IDC at priority @prio (1..255). */
extern void aplic_set_target(int irq, int cpu, u32 prio);
extern void aplic_enable(int irq);
extern void aplic_disable(int irq);
extern bool aplic_pending(int irq);
extern void aplic_set_threshold(int cpu, u32 threshold);
/*
 * CPU @cpu's highest-priority deliverable interrupt, as its IDC's topi
 * (peek) or claimi (claim, which clears the source's pending bit) give
 * it: the source in bits 25:16, its priority in 7:0; 0 if none.
 */
extern u32 aplic_topi(int cpu);
extern u32 aplic_claim(int cpu);
#define APLIC_TOPI_IRQ(v)	(((v) >> 16) & 0x3ff)
#define APLIC_TOPI_PRIO(v)	((v) & 0xff)

#endif /* _ASMRISCV_IRQCHIP_H_ */
