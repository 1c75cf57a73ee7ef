// SPDX-License-Identifier: MIT
/*
 * pci.c - the x86 half of PCI (../pci-host.h): configuration mechanism
 * #1 (an address written to port 0xcf8 selects a register, port 0xcfc
 * and the three ports after it are its bytes) and the windows of QEMU's
 * PC machines.
 *
 * The windows are not given by any table qboot leaves behind, so they
 * are the ones both "pc" and "q35" forward to PCI whatever the RAM size:
 * below 4 GiB, RAM ends at 3.5 GiB at most (2.75 GiB on q35, whose ECAM
 * sits at 2.75-3 GiB), and the I/O APIC, HPET and local APIC start at
 * 0xfec00000; I/O ports from 0xc000 up are free of legacy devices, as
 * SeaBIOS also assumes.  No 64-bit window: QEMU forwards only a
 * firmware-announced range above 4 GiB to PCI, and nothing announces it
 * here, so 64-bit BARs share the 32-bit window.  PCI addresses are CPU
 * addresses on x86.
 */
#include <libcflat.h>
#include <pci.h>
#include <asm/io.h>
#include <asm/spinlock.h>

#include "../pci-host.h"

#define PCI_CONF1_ADDR_PORT	0xcf8
#define PCI_CONF1_DATA_PORT	0xcfc
#define PCI_CONF1_ENABLE	0x80000000u

#define PCI_MEM32_START		0xe0000000ull
#define PCI_MEM32_END		0xfec00000ull
#define PCI_IO_START		0xc000
#define PCI_IO_END		0x10000

/* The address/data pair is one resource for every CPU. */
static struct spinlock conf1_lock;

/*
 * Read (or, if @write, write @val to) the @size bytes at @reg of @dev:
 * the address goes to 0xcf8 without its low two bits, which pick the
 * data port.
 */
static u32 conf1_access(pcidevaddr_t dev, u8 reg, int size, bool write, u32 val)
{
	u16 port = PCI_CONF1_DATA_PORT + (reg & 3);

	spin_lock(&conf1_lock);
	outl(PCI_CONF1_ENABLE | (u32)dev << 8 | (reg & 0xfc), PCI_CONF1_ADDR_PORT);
	switch (size) {
	case 1:
		if (write)
			outb(val, port);
		else
			val = inb(port);
		break;
	case 2:
		if (write)
			outw(val, port);
		else
			val = inw(port);
		break;
	default:
		if (write)
			outl(val, port);
		else
			val = inl(port);
	}
	spin_unlock(&conf1_lock);
	return val;
}

uint8_t pci_config_readb(pcidevaddr_t dev, uint8_t reg)
{
	return conf1_access(dev, reg, 1, false, 0);
}

uint16_t pci_config_readw(pcidevaddr_t dev, uint8_t reg)
{
	return conf1_access(dev, reg, 2, false, 0);
}

uint32_t pci_config_readl(pcidevaddr_t dev, uint8_t reg)
{
	return conf1_access(dev, reg, 4, false, 0);
}

void pci_config_writeb(pcidevaddr_t dev, uint8_t reg, uint8_t val)
{
	conf1_access(dev, reg, 1, true, val);
}

void pci_config_writew(pcidevaddr_t dev, uint8_t reg, uint16_t val)
{
	conf1_access(dev, reg, 2, true, val);
}

void pci_config_writel(pcidevaddr_t dev, uint8_t reg, uint32_t val)
{
	conf1_access(dev, reg, 4, true, val);
}

bool pci_host_init(struct pci_host *host)
{
	/* No host bridge answers at 00.00.0 on a machine without PCI (microvm). */
	if (pci_config_readw(0, PCI_VENDOR_ID) == 0xffff)
		return false;
	host->bus_min = 0;
	host->bus_max = 255;
	host->identity = true;
	host->windows[0] = (struct pci_window){
		.type = PCI_WINDOW_IO,
		.pci_start = PCI_IO_START, .cpu_start = PCI_IO_START,
		.size = PCI_IO_END - PCI_IO_START,
	};
	host->windows[1] = (struct pci_window){
		.type = PCI_WINDOW_MEM32,
		.pci_start = PCI_MEM32_START, .cpu_start = PCI_MEM32_START,
		.size = PCI_MEM32_END - PCI_MEM32_START,
	};
	host->nr_windows = 2;
	return true;
}

unsigned long pci_host_io_map(phys_addr_t addr, phys_addr_t size)
{
	(void)size;
	return addr;
}

u8 pci_host_io_readb(unsigned long addr)
{
	return inb(addr);
}

u16 pci_host_io_readw(unsigned long addr)
{
	return inw(addr);
}

u32 pci_host_io_readl(unsigned long addr)
{
	return inl(addr);
}

void pci_host_io_writeb(u8 val, unsigned long addr)
{
	outb(val, addr);
}

void pci_host_io_writew(u16 val, unsigned long addr)
{
	outw(val, addr);
}

void pci_host_io_writel(u32 val, unsigned long addr)
{
	outl(val, addr);
}
