/* SPDX-License-Identifier: MIT */
/*
 * asm/irqchip.h - the external interrupt controllers of QEMU's virt
 * machine, for S-mode: the PLIC (the default), the AIA's APLIC in
 * direct delivery mode (-machine virt,aia=aplic), and with
 * -machine virt,aia=aplic-imsic each hart's IMSIC S-mode interrupt file,
 * which takes MSIs, with the APLIC in MSI delivery mode in front.
 * Upstream kvm-unit-tests has none of them; the names are kut's (the
 * IMSIC's after Linux's).
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

/*
 * IMSIC ("riscv,imsics"), S-mode interrupt files.  An interrupt file
 * holds a pending and an enable bit per interrupt identity (ID, 1 to
 * imsic_nr_ids); a device, the APLIC or a hart raises an ID by writing
 * it to the file's seteipnum register: a message-signalled interrupt.
 * A pending, enabled ID below the threshold raises the hart's
 * supervisor external interrupt; the lowest such ID is the top one,
 * which stopei names and claims.  The file is the hart's own state,
 * reached through CSRs (siselect/sireg, stopei): every function here
 * but imsic_init(), imsic_send() and imsic_msi_address() acts on the
 * calling CPU's file.  Needs the Ssaia extension: QEMU 7.2 gives its
 * CPUs the S-mode AIA CSRs with aia=aplic-imsic.
 */

/*
 * Find the S-mode IMSIC and map every CPU's interrupt file, then
 * imsic_cpu_init() on the calling CPU; false if the machine has none or
 * the hart lacks Ssaia.
 */
extern bool imsic_init(void);
/* Its number of IDs (riscv,num-ids): they are 1 to imsic_nr_ids. */
extern int imsic_nr_ids;
/*
 * The calling CPU's file: every ID disabled and not pending, threshold
 * 0, delivery on.  Run it on each other CPU that takes MSIs.
 */
extern void imsic_cpu_init(void);
/* Read, write, set or clear bits of an indirect register (IMSIC_*). */
extern unsigned long imsic_csr_read(unsigned long reg);
extern void imsic_csr_write(unsigned long reg, unsigned long val);
extern void imsic_csr_set(unsigned long reg, unsigned long bits);
extern void imsic_csr_clear(unsigned long reg, unsigned long bits);
extern void imsic_enable(u32 id);
extern void imsic_disable(u32 id);
extern bool imsic_pending(u32 id);
extern void imsic_clear_pending(u32 id);
/* IDs at or above @threshold held back; 0 lets all through. */
extern void imsic_set_threshold(u32 threshold);
/*
 * The top pending, enabled ID below the threshold (0: none):
 * imsic_top() peeks, imsic_claim() also clears its pending bit.
 */
extern u32 imsic_top(void);
extern u32 imsic_claim(void);
/* Send ID @id to CPU @cpu's file, as a device would: an MSI write. */
extern void imsic_send(int cpu, u32 id);
/* The physical address a device writes CPU @cpu's MSIs to. */
extern phys_addr_t imsic_msi_address(int cpu);

/*
 * APLIC, S-level domain, MSI delivery (aia=aplic-imsic): a source goes
 * to a CPU's IMSIC file as an ID of the test's choosing, instead of to
 * an IDC.  aplic_set_source_mode(), aplic_enable(), aplic_disable() and
 * aplic_pending() work in both modes.  A level source is forwarded
 * once per rise of its pending bit: while the line stays high after
 * the MSI, the pending bit is not set again until the line falls and
 * rises, or aplic_retrigger() sets it.
 */

/*
 * Find the S-level APLIC that sends its MSIs to the S-mode IMSIC
 * (imsic_init() first) and turn its domain on in MSI mode; false if
 * the machine has none.
 */
extern bool aplic_msi_init(void);
/* Forward source @irq to CPU @cpu's IMSIC file as ID @id. */
extern void aplic_set_msi_target(int irq, int cpu, u32 id);
/* Set source @irq's pending bit (setipnum), which a level source's
 * line must hold high for it to stick. */
extern void aplic_retrigger(int irq);

#endif /* _ASMRISCV_IRQCHIP_H_ */
