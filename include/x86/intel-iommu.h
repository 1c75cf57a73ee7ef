/* SPDX-License-Identifier: MIT */
/*
 * x86/intel-iommu.h - Intel VT-d as QEMU's -device intel-iommu models it
 * on the q35 machine: the remapping unit's registers, and the helpers
 * upstream kvm-unit-tests' intel_iommu test calls to turn on DMA
 * remapping and interrupt remapping and to route a device through them.
 *
 * Register names and bits are those of the VT-d specification (Intel,
 * "Virtualization Technology for Directed I/O", chapter 11).  QEMU puts
 * the unit's registers at Q35_HOST_BRIDGE_IOMMU_ADDR and implements
 * 39-bit (3-level) second-level translation; interrupt remapping needs
 * its intremap=on, and the machine's split or userspace irqchip.
 * Typical use: vtd_init(), then vtd_map_range() for a device's DMA and
 * vtd_setup_msi() / vtd_setup_ioapic_irq() for its interrupts.
 */
#ifndef _X86_INTEL_IOMMU_H_
#define _X86_INTEL_IOMMU_H_

#include <libcflat.h>
#include <pci.h>
#include <asm/io.h>
#include <asm/page.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/desc.h>
#include <smp.h>

#define Q35_HOST_BRIDGE_IOMMU_ADDR	0xfed90000ULL
#define VTD_PAGE_SHIFT			PAGE_SHIFT
#define VTD_PAGE_SIZE			PAGE_SIZE

/* Register offsets; the _HI names are the upper halves of 64-bit ones. */
#define DMAR_VER_REG		0x00	/* architecture version */
#define DMAR_CAP_REG		0x08	/* capabilities */
#define DMAR_CAP_REG_HI		0x0c
#define DMAR_ECAP_REG		0x10	/* extended capabilities */
#define DMAR_ECAP_REG_HI	0x14
#define DMAR_GCMD_REG		0x18	/* global command */
#define DMAR_GSTS_REG		0x1c	/* global status (GCMD's bits) */
#define DMAR_RTADDR_REG		0x20	/* root table address */
#define DMAR_RTADDR_REG_HI	0x24
#define DMAR_CCMD_REG		0x28	/* context command */
#define DMAR_CCMD_REG_HI	0x2c
#define DMAR_FSTS_REG		0x34	/* fault status */
#define DMAR_FECTL_REG		0x38	/* fault event control */
#define DMAR_FEDATA_REG		0x3c	/* fault event MSI data */
#define DMAR_FEADDR_REG		0x40	/* ... its address */
#define DMAR_FEUADDR_REG	0x44	/* ... its upper address */
#define DMAR_AFLOG_REG		0x58	/* advanced fault log */
#define DMAR_AFLOG_REG_HI	0x5c
#define DMAR_PMEN_REG		0x64	/* protected memory enable */
#define DMAR_PLMBASE_REG	0x68	/* protected low memory base */
#define DMAR_PLMLIMIT_REG	0x6c	/* ... limit */
#define DMAR_PHMBASE_REG	0x70	/* protected high memory base */
#define DMAR_PHMBASE_REG_HI	0x74
#define DMAR_PHMLIMIT_REG	0x78	/* ... limit */
#define DMAR_PHMLIMIT_REG_HI	0x7c
#define DMAR_IQH_REG		0x80	/* invalidation queue head */
#define DMAR_IQH_REG_HI		0x84
#define DMAR_IQT_REG		0x88	/* invalidation queue tail */
#define DMAR_IQT_REG_HI		0x8c
#define DMAR_IQA_REG		0x90	/* invalidation queue address */
#define DMAR_IQA_REG_HI		0x94
#define DMAR_ICS_REG		0x9c	/* invalidation completion status */
#define DMAR_IECTL_REG		0xa0	/* invalidation event control */
#define DMAR_IEDATA_REG		0xa4	/* invalidation event MSI data */
#define DMAR_IEADDR_REG		0xa8	/* ... its address */
#define DMAR_IEUADDR_REG	0xac	/* ... its upper address */
#define DMAR_IRTA_REG		0xb8	/* interrupt remapping table address */
#define DMAR_IRTA_REG_HI	0xbc
#define DMAR_PQH_REG		0xc0	/* page request queue head */
#define DMAR_PQH_REG_HI		0xc4
#define DMAR_PQT_REG		0xc8	/* ... tail */
#define DMAR_PQT_REG_HI		0xcc
#define DMAR_PQA_REG		0xd0	/* ... address */
#define DMAR_PQA_REG_HI		0xd4
#define DMAR_PRS_REG		0xdc	/* page request status */
#define DMAR_PECTL_REG		0xe0	/* page request event control */
#define DMAR_PEDATA_REG		0xe4	/* ... MSI data */
#define DMAR_PEADDR_REG		0xe8	/* ... its address */
#define DMAR_PEUADDR_REG	0xec	/* ... its upper address */
#define DMAR_MTRRCAP_REG	0x100	/* MTRR capability */
#define DMAR_MTRRCAP_REG_HI	0x104
#define DMAR_MTRRDEF_REG	0x108	/* MTRR default type */
#define DMAR_MTRRDEF_REG_HI	0x10c

/*
 * Global command bits, read back at the same place in DMAR_GSTS_REG.
 * The enables (DMAR, IR, QI) hold while set; the others act once each
 * time they are written as 1 (their status bit says it happened).
 */
#define VTD_GCMD_IR_TABLE	BIT(24)	/* latch DMAR_IRTA_REG */
#define VTD_GCMD_IR		BIT(25)	/* interrupt remapping on */
#define VTD_GCMD_QI		BIT(26)	/* invalidation queue on */
#define VTD_GCMD_WBF		BIT(27)	/* write-buffer flush */
#define VTD_GCMD_SFL		BIT(29)	/* latch the fault log */
#define VTD_GCMD_ROOT		BIT(30)	/* latch DMAR_RTADDR_REG */
#define VTD_GCMD_DMAR		BIT(31)	/* DMA remapping on */
#define VTD_GCMD_ONE_SHOT_BITS	(VTD_GCMD_IR_TABLE | VTD_GCMD_WBF | \
				 VTD_GCMD_SFL | VTD_GCMD_ROOT)

/* DMAR_CAP_REG: guest address widths (SAGAW) and large pages (SLLPS). */
#define VTD_CAP_SAGAW_SHIFT	8
#define VTD_CAP_SAGAW_39bit	(0x2ULL << VTD_CAP_SAGAW_SHIFT)	/* 3 levels */
#define VTD_CAP_SAGAW_48bit	(0x4ULL << VTD_CAP_SAGAW_SHIFT)	/* 4 levels */
#define VTD_CAP_SAGAW		VTD_CAP_SAGAW_39bit	/* what the helpers use */
#define VTD_CAP_SLLPS		(BIT_ULL(34) | BIT_ULL(35))	/* 2 MiB and 1 GiB */

/* Context-entry translation types. */
#define VTD_CONTEXT_TT_MULTI_LEVEL	0
#define VTD_CONTEXT_TT_DEV_IOTLB	1
#define VTD_CONTEXT_TT_PASS_THROUGH	2

/* Second-level page-table entries. */
#define VTD_PTE_R		BIT(0)
#define VTD_PTE_W		BIT(1)
#define VTD_PTE_RW		(VTD_PTE_R | VTD_PTE_W)
#define VTD_PTE_HUGE		BIT(7)
#define VTD_PTE_ADDR		GENMASK_ULL(63, 12)

/* The unit's registers, mapped by vtd_init() (NULL before). */
extern void *vtd_reg_base;

#define vtd_reg(reg)	({ assert(vtd_reg_base);			\
			   (volatile void *)((u8 *)vtd_reg_base + (reg)); })

static inline uint32_t vtd_readl(unsigned int reg)
{
	return readl(vtd_reg(reg));
}

static inline uint64_t vtd_readq(unsigned int reg)
{
	return readq(vtd_reg(reg));
}

static inline void vtd_writel(unsigned int reg, uint32_t value)
{
	writel(value, vtd_reg(reg));
}

static inline void vtd_writeq(unsigned int reg, uint64_t value)
{
	writeq(value, vtd_reg(reg));
}

/*
 * Map the unit and turn on, in this order: the invalidation queue, an
 * empty root table (every device blocked: DMA faults until
 * vtd_map_range()), an empty interrupt remapping table (xAPIC format,
 * 65536 entries), DMA remapping and interrupt remapping.  Prints the
 * version and capabilities.  The test stops when there is no unit.
 */
void vtd_init(void);

/*
 * Let device @sid (its bdf) reach [@pa, @pa + @size) at bus addresses
 * [@iova, @iova + @size), read and write, in 4 KiB pages (all three
 * 4 KiB aligned, @iova below 2^39).  The device's context entry (domain
 * @sid, 3-level tables) is made on first use; the caches are
 * invalidated through the queue.
 */
void vtd_map_range(uint16_t sid, iova_t iova, phys_addr_t pa, size_t size);

/*
 * Send @dev's MSI through a new interrupt remapping entry: fixed delivery
 * of @vector to APIC ID @dest_id, edge, from @dev only.  False (and a
 * message) if @dev has no MSI capability.
 */
bool vtd_setup_msi(struct pci_dev *dev, int vector, int dest_id);

/*
 * The same for @dev's INTx: a new remapping entry for @vector, @dest_id
 * and @trigger, and the I/O APIC input pci_intx_line(@dev) reports
 * programmed in remappable format to use it (unmasked).
 */
void vtd_setup_ioapic_irq(struct pci_dev *dev, int vector, int dest_id,
			  trigger_mode_t trigger);

#endif
