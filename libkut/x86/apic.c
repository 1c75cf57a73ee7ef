// SPDX-License-Identifier: MIT
/*
 * apic.c - local APIC access in xAPIC and x2APIC mode, the I/O APIC, the
 * legacy PIC (x86/apic.h).
 *
 * The mode is a property of each CPU, so it is remembered per CPU number
 * rather than read back from IA32_APIC_BASE on every access: an MSR read
 * is a VM exit, and tests poll APIC registers in loops.
 */
#include <libcflat.h>
#include <smp.h>
#include <asm/io.h>
#include <x86/apic.h>
#include <x86/processor.h>

#include "x86.h"

/* Software enabled, spurious vector 0xff, as upstream sets it. */
#define SPIV_ENABLED_0XFF	(APIC_SPIV_APIC_ENABLED | 0xff)

#define PIC_MASTER_IMR		0x21
#define PIC_SLAVE_IMR		0xa1
#define IOAPIC_REGSEL		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REDIR_BASE	0x10
#define TESTDEV_IRQ_PORT	0x2000

void *g_apic = (void *)APIC_DEFAULT_PHYS_BASE;
void *g_ioapic = (void *)IO_APIC_DEFAULT_PHYS_BASE;
u8 id_map[MAX_TEST_CPUS];

static bool x2apic_mode[MAX_TEST_CPUS];

_Static_assert(sizeof(ioapic_redir_entry_t) == 8,
	       "an I/O APIC redirection entry is two 32-bit registers");

static bool in_x2apic_mode(void)
{
	return x2apic_mode[smp_id()];
}

static void set_x2apic_mode(bool on)
{
	x2apic_mode[smp_id()] = on;
}

static u32 xapic_read(unsigned reg)
{
	return *(volatile u32 *)(g_apic + reg);
}

static void xapic_write(unsigned reg, u32 val)
{
	*(volatile u32 *)(g_apic + reg) = val;
}

u32 apic_read(unsigned reg)
{
	if (in_x2apic_mode())
		return rdmsr(x2apic_msr(reg));
	return xapic_read(reg);
}

void apic_write(unsigned reg, u32 val)
{
	if (in_x2apic_mode())
		wrmsr(x2apic_msr(reg), val);
	else
		xapic_write(reg, val);
}

bool apic_read_bit(unsigned reg, int n)
{
	return (apic_read(reg + (n / 32) * 0x10) >> (n % 32)) & 1;
}

void apic_icr_write(u32 val, u32 dest)
{
	unsigned long flags;

	if (in_x2apic_mode()) {
		/*
		 * WRMSR to an x2APIC register does not wait for earlier
		 * stores: fence them, so the target sees what the IPI is for.
		 */
		asm volatile("mfence; lfence" : : : "memory");
		wrmsr(x2apic_msr(APIC_ICR), (u64)dest << 32 | val);
		return;
	}
	/* ICR2 then ICR: an interrupt between them must not send its own. */
	flags = read_rflags();
	cli();
	while (xapic_read(APIC_ICR) & APIC_ICR_BUSY)
		pause();
	xapic_write(APIC_ICR2, SET_APIC_DEST_FIELD(dest));
	xapic_write(APIC_ICR, val);
	write_rflags(flags);
}

u32 apic_id(void)
{
	if (in_x2apic_mode())
		return rdmsr(x2apic_msr(APIC_ID));
	return xapic_read(APIC_ID) >> 24;
}

u32 pre_boot_apic_id(void)
{
	if (rdmsr(MSR_IA32_APICBASE) & APIC_EXTD)
		return rdmsr(x2apic_msr(APIC_ID));
	return xapic_read(APIC_ID) >> 24;
}

void eoi(void)
{
	apic_write(APIC_EOI, APIC_EIO_ACK);
}

/* CR8 is the TPR's priority class in long mode; i386 has no CR8. */
u8 apic_get_tpr(void)
{
#ifdef __x86_64__
	return read_cr8();
#else
	return apic_read(APIC_TASKPRI) >> 4;
#endif
}

void apic_set_tpr(u8 tpr)
{
#ifdef __x86_64__
	write_cr8(tpr);
#else
	apic_write(APIC_TASKPRI, tpr << 4);
#endif
}

void enable_apic(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (!(base & APIC_EN)) {
		wrmsr(MSR_IA32_APICBASE, base | APIC_EN);
		set_x2apic_mode(false);
	}
	apic_write(APIC_SPIV, SPIV_ENABLED_0XFF);
}

int enable_x2apic(void)
{
	u64 base;

	if (!this_cpu_has(X86_FEATURE_X2APIC))
		return 0;
	/* x2APIC is entered from xAPIC mode: from "off", go through it. */
	base = rdmsr(MSR_IA32_APICBASE);
	if (!(base & APIC_EN)) {
		base |= APIC_EN;
		wrmsr(MSR_IA32_APICBASE, base);
	}
	wrmsr(MSR_IA32_APICBASE, base | APIC_EXTD);
	set_x2apic_mode(true);
	return 1;
}

void disable_apic(void)
{
	wrmsr(MSR_IA32_APICBASE,
	      rdmsr(MSR_IA32_APICBASE) & ~(APIC_EN | APIC_EXTD));
	set_x2apic_mode(false);
}

void reset_apic(void)
{
	disable_apic();
	wrmsr(MSR_IA32_APICBASE, rdmsr(MSR_IA32_APICBASE) | APIC_EN);
	xapic_write(APIC_SPIV, SPIV_ENABLED_0XFF);
}

/*
 * Upstream rebuilds id_map[] from its online-CPU mask here.  kut fills
 * it from the firmware's CPU list at boot and brings every one of those
 * CPUs up (smp.c), so it already holds what the rebuild would give.
 */
void init_apic_map(void)
{
}

void kut_x86_apic_init_cpu(bool x2apic)
{
	set_x2apic_mode(rdmsr(MSR_IA32_APICBASE) & APIC_EXTD);
	enable_apic();
	if (x2apic)
		enable_x2apic();
}

void apic_setup_timer(int vector, u32 mode)
{
	apic_cleanup_timer();
	assert((mode & APIC_LVT_TIMER_MASK) == mode);
	apic_write(APIC_TDCR, APIC_TDR_DIV_1);
	apic_write(APIC_LVTT, vector | mode);
}

void apic_start_timer(u32 value)
{
	apic_write(APIC_TMICT, value);
}

void apic_stop_timer(void)
{
	apic_write(APIC_TMICT, 0);
}

void apic_cleanup_timer(void)
{
	apic_stop_timer();
	apic_write(APIC_LVTT, apic_read(APIC_LVTT) | APIC_LVT_MASKED);
	/* A tick that fired before the mask is taken now, not later. */
	asm volatile("sti; nop; cli" : : : "memory");
}

void mask_pic_interrupts(void)
{
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);
}

u32 ioapic_read_reg(unsigned reg)
{
	*(volatile u32 *)(g_ioapic + IOAPIC_REGSEL) = reg;
	return *(volatile u32 *)(g_ioapic + IOAPIC_WINDOW);
}

void ioapic_write_reg(unsigned reg, u32 value)
{
	*(volatile u32 *)(g_ioapic + IOAPIC_REGSEL) = reg;
	*(volatile u32 *)(g_ioapic + IOAPIC_WINDOW) = value;
}

ioapic_redir_entry_t ioapic_read_redir(unsigned line)
{
	ioapic_redir_entry_t e;
	u32 half[2];

	half[0] = ioapic_read_reg(IOAPIC_REDIR_BASE + line * 2);
	half[1] = ioapic_read_reg(IOAPIC_REDIR_BASE + line * 2 + 1);
	memcpy(&e, half, sizeof(e));
	return e;
}

void ioapic_write_redir(unsigned line, ioapic_redir_entry_t e)
{
	u32 half[2];

	memcpy(half, &e, sizeof(half));
	ioapic_write_reg(IOAPIC_REDIR_BASE + line * 2, half[0]);
	ioapic_write_reg(IOAPIC_REDIR_BASE + line * 2 + 1, half[1]);
}

void ioapic_set_redir(unsigned line, unsigned vec, trigger_mode_t trig_mode)
{
	ioapic_redir_entry_t e = {
		.vector = vec,
		.trig_mode = trig_mode,
	};

	ioapic_write_redir(line, e);
}

void set_mask(unsigned line, int mask)
{
	ioapic_redir_entry_t e = ioapic_read_redir(line);

	e.mask = mask;
	ioapic_write_redir(line, e);
}

void set_irq_line(unsigned line, int val)
{
	outb(val, TESTDEV_IRQ_PORT + line);
}
