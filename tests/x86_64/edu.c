// SPDX-License-Identifier: MIT
/*
 * edu.c - QEMU's "edu" PCI device (-device edu), after QEMU's
 * docs/specs/edu.rst, as a guest driver meets it through KVM or TCG: its
 * IDs and BAR; the identification, liveness (reads back inverted) and
 * factorial registers; interrupts it raises by request, at the end of a
 * factorial and at the end of a DMA transfer, taken as INTx (PIIX3's
 * PIRQ routing to an ISA IRQ, level-triggered at the I/O APIC) and as
 * MSI; DMA from RAM into its buffer and back.  Skips (77) without the
 * device.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <pci.h>
#include <asm/io.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define EDU_VENDOR	0x1234
#define EDU_DEVICE	0x11e8

#define EDU_ID		0x00
#define EDU_ALIVE	0x04
#define EDU_FACT	0x08
#define EDU_STATUS	0x20
#define EDU_INT_STATUS	0x24
#define EDU_INT_RAISE	0x60
#define EDU_INT_ACK	0x64
#define EDU_DMA_SRC	0x80
#define EDU_DMA_DST	0x88
#define EDU_DMA_COUNT	0x90
#define EDU_DMA_CMD	0x98

#define STATUS_COMPUTING 0x01
#define STATUS_IRQ_FACT	0x80
#define DMA_START	0x01
#define DMA_TO_RAM	0x02
#define DMA_IRQ		0x04
#define INT_FACT	0x001
#define INT_DMA		0x100
#define EDU_BUFFER	0x40000

/* PIIX3's PCI interrupt routing registers (PIRQA..D -> ISA IRQ). */
#define PIIX3_VENDOR	0x8086
#define PIIX3_DEVICE	0x7000
#define PIIX3_PIRQ_ROUTE 0x60
#define INTX_IRQ	11

#define INTX_VEC	0x6b
#define MSI_VEC		0x7c

static volatile u8 *edu;
static volatile int irqs;
static volatile u32 irq_status;

static u32 rd(unsigned reg)
{
	return *(volatile u32 *)(edu + reg);
}

static void wr(unsigned reg, u32 v)
{
	*(volatile u32 *)(edu + reg) = v;
}

static void wr64(unsigned reg, u64 v)
{
	wr(reg, v);
	wr(reg + 4, v >> 32);
}

static void edu_isr(isr_regs_t *regs)
{
	(void)regs;
	irq_status = rd(EDU_INT_STATUS);
	/* Acknowledge at the device before the EOI: INTx is a level. */
	wr(EDU_INT_ACK, irq_status);
	irqs++;
	eoi();
}

static bool wait_idle(unsigned reg, u32 busy)
{
	u64 start = rdtsc();

	while ((rd(reg) & busy) && rdtsc() - start < 20 * LOST_CYCLES)
		pause();
	return !(rd(reg) & busy);
}

static void check_registers(void)
{
	u32 id = rd(EDU_ID);

	report((id & 0xff) == 0xed, "identification %#x: 0x..ed, version %u.%u",
	       id, id >> 24, id >> 16 & 0xff);
	wr(EDU_ALIVE, 0x12345678);
	report(rd(EDU_ALIVE) == ~0x12345678u, "liveness: reads back inverted");
	wr(EDU_FACT, 10);
	/* (Arguments are evaluated in no set order: wait first.) */
	wait_idle(EDU_STATUS, STATUS_COMPUTING);
	report(rd(EDU_FACT) == 3628800, "factorial: 10! = %u", rd(EDU_FACT));
}

/* Request interrupt bit @bit, then a factorial that raises one too. */
static void interrupts(const char *how)
{
	irqs = 0;
	wr(EDU_INT_RAISE, 0x40);
	wait_for_count(&irqs, 1, LOST_CYCLES);
	report(irqs == 1 && irq_status == 0x40,
	       "%s: a raised interrupt comes, status %#x", how, irq_status);
	wait_for_count(&irqs, 2, QUIET_CYCLES);
	report(irqs == 1 && rd(EDU_INT_STATUS) == 0,
	       "%s: acknowledged, it stops (%d interrupts)", how, irqs);

	irqs = 0;
	wr(EDU_STATUS, STATUS_IRQ_FACT);
	wr(EDU_FACT, 5);
	wait_for_count(&irqs, 1, 20 * LOST_CYCLES);
	report(irqs >= 1 && irq_status == INT_FACT && rd(EDU_FACT) == 120,
	       "%s: the end of a factorial interrupts (5! = %u)", how,
	       rd(EDU_FACT));
	wr(EDU_STATUS, 0);
}

static bool setup_intx(struct pci_dev *dev)
{
	pcidevaddr_t piix = pci_find_dev(PIIX3_VENDOR, PIIX3_DEVICE);
	int i;

	if (piix == PCIDEVADDR_INVALID) {
		report_skip("INTx: no PIIX3 to route it (-machine pc only)");
		return false;
	}
	/* Whatever PIRQ the slot uses goes to INTX_IRQ. */
	for (i = 0; i < 4; i++)
		pci_config_writeb(piix, PIIX3_PIRQ_ROUTE + i, INTX_IRQ);
	pci_config_writeb(dev->bdf, PCI_INTERRUPT_LINE, INTX_IRQ);
	report(pci_config_readb(dev->bdf, PCI_INTERRUPT_PIN) == 1,
	       "INTx: interrupt pin A");
	ioapic_set_redir(INTX_IRQ, INTX_VEC, TRIGGER_LEVEL);
	return true;
}

static void check_intx(struct pci_dev *dev)
{
	if (!setup_intx(dev))
		return;
	handle_irq(INTX_VEC, edu_isr);
	interrupts("INTx");
	set_mask(INTX_IRQ, 1);
}

static void check_msi(struct pci_dev *dev)
{
	handle_irq(MSI_VEC, edu_isr);
	if (!pci_setup_msi(dev, APIC_DEFAULT_PHYS_BASE | id_map[0] << 12,
			   MSI_VEC)) {
		report_fail("MSI: the device has no MSI capability");
		return;
	}
	interrupts("MSI");
}

static void check_dma(void)
{
	u8 *src = alloc_page(), *dst = alloc_page();
	bool same = true;
	int i;

	for (i = 0; i < 128; i++) {
		src[i] = i * 7 + 3;
		dst[i] = 0;
	}
	irqs = 0;
	wr64(EDU_DMA_SRC, virt_to_phys(src));
	wr64(EDU_DMA_DST, EDU_BUFFER);
	wr64(EDU_DMA_COUNT, 128);
	wr(EDU_DMA_CMD, DMA_START | DMA_IRQ);
	report(wait_idle(EDU_DMA_CMD, DMA_START), "DMA RAM -> device: done");
	wait_for_count(&irqs, 1, LOST_CYCLES);
	report(irqs == 1 && irq_status == INT_DMA,
	       "DMA: its end interrupts (MSI), status %#x", irq_status);

	wr64(EDU_DMA_SRC, EDU_BUFFER);
	wr64(EDU_DMA_DST, virt_to_phys(dst));
	wr64(EDU_DMA_COUNT, 128);
	wr(EDU_DMA_CMD, DMA_START | DMA_TO_RAM);
	report(wait_idle(EDU_DMA_CMD, DMA_START), "DMA device -> RAM: done");
	for (i = 0; i < 128; i++)
		same &= dst[i] == src[i];
	report(same, "the 128 bytes came back through the device");
	free_page(src);
	free_page(dst);
}

int main(void)
{
	pcidevaddr_t bdf = pci_find_dev(EDU_VENDOR, EDU_DEVICE);
	struct pci_dev dev;

	report_prefix_push("edu");
	if (bdf == PCIDEVADDR_INVALID) {
		report_skip("no edu device (-device edu)");
		return report_summary();
	}
	pci_dev_init(&dev, bdf);
	pci_enable_defaults(&dev);
	if (!dev.resource[0] || !pci_bar_is_memory(&dev, 0)) {
		report_fail("BAR 0 is not an assigned memory BAR");
		return report_summary();
	}
	edu = ioremap(dev.resource[0], pci_bar_size(&dev, 0));
	report(pci_bar_size(&dev, 0) == 1 << 20, "BAR 0: 1 MiB of registers at %#llx",
	       (unsigned long long)dev.resource[0]);
	check_registers();
	check_intx(&dev);
	check_msi(&dev);
	check_dma();
	return report_summary();
}
