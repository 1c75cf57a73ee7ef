// SPDX-License-Identifier: MIT
/*
 * x86-iommu.c - x86/intel-iommu.h and pci-edu.h as upstream's
 * intel_iommu test uses them, with QEMU's intel-iommu and edu devices on
 * q35: vtd_init() turns each part on; the edu device's DMA reaches
 * pages at the bus addresses vtd_map_range() gave them, which are not
 * their physical ones; its interrupts, as INTx through the I/O APIC
 * and as MSI, arrive with the vectors the remapping entries hold.
 */
#include "libcflat.h"
#include "alloc_page.h"
#include "intel-iommu.h"
#include "pci-edu.h"
#include "x86/apic.h"
#include "x86/isr.h"
#include "vm.h"

#define IOVA_IN		0x200000ul	/* where the device sees page "in" */
#define IOVA_OUT	0x201000ul	/* ... and page "out" */
#define VEC_IOAPIC	0xe1
#define VEC_MSI		0xe2

static struct pci_edu_dev edu;
static volatile int last_vector, irqs;

/* The handler that runs tells which remapping entry delivered it. */
static void edu_irq(int vector)
{
	last_vector = vector;
	irqs++;
	edu_reg_writel(&edu, EDU_REG_INTR_ACK,
		       edu_reg_readl(&edu, EDU_REG_INTR_STATUS));
	eoi();
}

static void irq_ioapic(isr_regs_t *regs)
{
	(void)regs;
	edu_irq(VEC_IOAPIC);
}

static void irq_msi(isr_regs_t *regs)
{
	(void)regs;
	edu_irq(VEC_MSI);
}

static bool raise_and_wait(void)
{
	int before = irqs;
	u64 tsc = rdtsc();

	edu_reg_writel(&edu, EDU_REG_INTR_RAISE, 1);
	while (irqs == before && rdtsc() - tsc < (1ull << 33))
		cpu_relax();
	return irqs != before;
}

static void test_init(void)
{
	u32 gsts = vtd_readl(DMAR_GSTS_REG);

	report_prefix_push("init");
	report(vtd_readl(DMAR_FSTS_REG) == 0, "no fault recorded");
	report(gsts & VTD_GCMD_QI, "invalidation queue on");
	report((gsts & VTD_GCMD_ROOT) && (gsts & VTD_GCMD_IR_TABLE),
	       "root and interrupt remapping tables latched");
	report((gsts & VTD_GCMD_DMAR) && (gsts & VTD_GCMD_IR),
	       "DMA and interrupt remapping on");
	report(vtd_readq(DMAR_CAP_REG) & VTD_CAP_SAGAW,
	       "39-bit guest addresses (3 levels)");
	report(vtd_readq(DMAR_IQH_REG) == vtd_readq(DMAR_IQT_REG),
	       "the queue's head caught up with its tail");
	report_prefix_pop();
}

static void test_dma(void)
{
	u32 *in = alloc_page(), *out = alloc_page();

	report_prefix_push("dma");
	in[0] = 0x1d0a1d0a;
	out[0] = out[1] = 0;
	vtd_map_range(edu.pci_dev.bdf, IOVA_IN, virt_to_phys(in), PAGE_SIZE);
	vtd_map_range(edu.pci_dev.bdf, IOVA_OUT, virt_to_phys(out), PAGE_SIZE);

	edu_dma(&edu, IOVA_IN, 4, 0, false);
	edu_dma(&edu, IOVA_OUT + 4, 4, 0, true);
	/*
	 * The bus addresses are not the pages' physical ones, so the copy
	 * arrives only through the remapping tables.  (A DMA to an unmapped
	 * address would be checked too, but QEMU reports it on its stderr,
	 * which kut-run takes for a QEMU failure.)
	 */
	report(virt_to_phys(in) != IOVA_IN && virt_to_phys(out) != IOVA_OUT &&
	       out[1] == 0x1d0a1d0a, "a word goes in at %#lx and out at %#lx",
	       IOVA_IN, IOVA_OUT + 4);
	report(out[0] == 0, "the rest of the page is untouched");

	report(vtd_readq(DMAR_IQH_REG) == vtd_readq(DMAR_IQT_REG),
	       "mappings invalidated through the queue");
	free_page(in);
	free_page(out);
	report_prefix_pop();
}

static void test_interrupts(void)
{
	bool arrived;

	report_prefix_push("interrupts");
	handle_irq(VEC_IOAPIC, irq_ioapic);
	handle_irq(VEC_MSI, irq_msi);
	sti();

	pci_msi_set_enable(&edu.pci_dev, false);
	vtd_setup_ioapic_irq(&edu.pci_dev, VEC_IOAPIC, 0, TRIGGER_EDGE);
	arrived = raise_and_wait();
	report(arrived && last_vector == VEC_IOAPIC,
	       "INTx through the I/O APIC, remapped to vector %#x (got %#x)",
	       VEC_IOAPIC, last_vector);
	edu_reg_writel(&edu, EDU_REG_INTR_RAISE, 0);

	if (!vtd_setup_msi(&edu.pci_dev, VEC_MSI, 0)) {
		report_skip("the edu device has no MSI");
	} else {
		arrived = raise_and_wait();
		report(arrived && last_vector == VEC_MSI,
		       "MSI, remapped to vector %#x (got %#x)",
		       VEC_MSI, last_vector);
	}
	cli();
	report_prefix_pop();
}

int main(void)
{
	setup_vm();
	vtd_init();
	test_init();
	if (!edu_init(&edu)) {
		report_skip("no edu device: run with -device edu");
		return report_summary();
	}
	test_dma();
	test_interrupts();
	return report_summary();
}
