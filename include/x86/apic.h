/* SPDX-License-Identifier: MIT */
/*
 * x86/apic.h - the local APIC of each CPU, the I/O APIC and the legacy PIC.
 *
 * The local APIC is reached through MMIO at APIC_DEFAULT_PHYS_BASE in
 * xAPIC mode and through MSRs in x2APIC mode; apic_read(), apic_write()
 * and apic_icr_write() take the xAPIC register offsets (x86/apic-defs.h)
 * and use whichever access the calling CPU's mode needs.  kut remembers
 * each CPU's mode from the calls below (enable_x2apic(), reset_apic(),
 * disable_apic()): a test that switches the mode by writing
 * MSR_IA32_APIC_BASE itself calls reset_apic() or enable_x2apic()
 * afterwards, as upstream's tests do.
 *
 * At main() every CPU's APIC is enabled (SPIV 0x1ff: software enabled,
 * spurious vector 0xff), in x2APIC mode if CPUID has it, else xAPIC;
 * the 8259 PIC is masked; interrupts are off (IF=0) on CPU 0 and on in
 * the other CPUs' idle loops.
 */
#ifndef _X86_APIC_H_
#define _X86_APIC_H_

#include <libcflat.h>
#include <linux/const.h>
#include <asm/smp.h>		/* MAX_TEST_CPUS */
#include <x86/apic-defs.h>
#include <x86/msr.h>
#include <x86/processor.h>

/* APIC ID of each CPU, by CPU number (smp.h). */
extern u8 id_map[MAX_TEST_CPUS];

/* The xAPIC and I/O APIC MMIO windows (identity mapped at boot). */
extern void *g_apic;
extern void *g_ioapic;

/* Local APIC registers in the calling CPU's current mode. */
u32 apic_read(unsigned reg);
void apic_write(unsigned reg, u32 val);
/* Bit @n of the 256-bit register at @reg (APIC_ISR, APIC_TMR, APIC_IRR). */
bool apic_read_bit(unsigned reg, int n);

/*
 * Send an IPI: @val is the low half of the ICR (vector, delivery mode,
 * shorthand...), @dest the destination APIC ID.  In xAPIC mode it first
 * waits for the previous IPI to leave (ICR delivery status).
 */
void apic_icr_write(u32 val, u32 dest);

/* The calling CPU's APIC ID. */
u32 apic_id(void);
/* The same, read in whatever mode IA32_APIC_BASE says (no remembered mode). */
u32 pre_boot_apic_id(void);

/* Write the EOI register: the interrupt in service is done. */
void eoi(void);

/* Task priority, bits 7:4 of TPR (CR8 on x86_64): class 0 .. 15. */
u8 apic_get_tpr(void);
void apic_set_tpr(u8 tpr);

/*
 * Software-enable the APIC (SPIV 0x1ff), hardware-enabling it first in
 * xAPIC mode if IA32_APIC_BASE has it off.
 */
void enable_apic(void);
/*
 * Switch the calling CPU to x2APIC mode; returns 1, or 0 (and nothing
 * changes) when CPUID does not offer x2APIC.
 */
int enable_x2apic(void);
/* Turn the APIC off (IA32_APIC_BASE EN and EXTD clear). */
void disable_apic(void);
/* Off, then on again in xAPIC mode and software-enabled (SPIV 0x1ff). */
void reset_apic(void);
/* Fill id_map[]: kut has done it before main(), so this does nothing. */
void init_apic_map(void);

/*
 * The APIC timer: apic_setup_timer() stops it and programs vector and
 * mode (APIC_LVT_TIMER_ONESHOT, _PERIODIC or _TSCDEADLINE) with divide
 * by 1; apic_start_timer() loads the initial count; apic_stop_timer()
 * zeroes it; apic_cleanup_timer() stops and masks the timer, then opens
 * interrupts for one instruction so that a pending tick is taken.
 */
void apic_setup_timer(int vector, u32 mode);
void apic_start_timer(u32 value);
void apic_stop_timer(void);
void apic_cleanup_timer(void);

/* Mask every line of both 8259 PICs (kut does so before main()). */
void mask_pic_interrupts(void);

/* An I/O APIC redirection-table entry, as the hardware lays it out. */
typedef struct {
	u8 vector;
	u8 delivery_mode : 3;
	u8 dest_mode : 1;
	u8 delivery_status : 1;
	u8 polarity : 1;
	u8 remote_irr : 1;
	u8 trig_mode : 1;
	u8 mask : 1;
	u8 reserve : 7;
	u8 reserved[4];
	u8 dest_id;
} ioapic_redir_entry_t;

typedef enum trigger_mode {
	TRIGGER_EDGE = 0,
	TRIGGER_LEVEL,
	TRIGGER_MAX,
} trigger_mode_t;

/* I/O APIC registers, through its index/data window. */
u32 ioapic_read_reg(unsigned reg);
void ioapic_write_reg(unsigned reg, u32 value);
/* Redirection entry of input @line. */
ioapic_redir_entry_t ioapic_read_redir(unsigned line);
void ioapic_write_redir(unsigned line, ioapic_redir_entry_t e);
/* Route @line to @vec on APIC ID 0, fixed delivery, unmasked. */
void ioapic_set_redir(unsigned line, unsigned vec, trigger_mode_t trig_mode);
/* Mask (@mask 1) or unmask @line. */
void set_mask(unsigned line, int mask);
/*
 * Drive ISA interrupt line @line to @val through QEMU's pc-testdev (port
 * 0x2000 + @line; kut-run attaches it on -machine pc and q35).
 */
void set_irq_line(unsigned line, int val);

/* IA32_APIC_BASE says: enabled; x2APIC; xAPIC. */
static inline bool is_apic_hw_enabled(void)
{
	return rdmsr(MSR_IA32_APICBASE) & APIC_EN;
}

static inline bool is_x2apic_enabled(void)
{
	return (rdmsr(MSR_IA32_APICBASE) & (APIC_EN | APIC_EXTD)) ==
	       (APIC_EN | APIC_EXTD);
}

static inline bool is_xapic_enabled(void)
{
	return (rdmsr(MSR_IA32_APICBASE) & (APIC_EN | APIC_EXTD)) == APIC_EN;
}

/* SPIV's software-enable bit. */
static inline bool is_apic_sw_enabled(void)
{
	return apic_read(APIC_SPIV) & APIC_SPIV_APIC_ENABLED;
}

/* Index of register @reg in 32-bit words (@reg is a byte offset). */
static inline u32 apic_reg_index(u32 reg)
{
	return reg >> 2;
}

/* The x2APIC MSR of register @reg. */
static inline u32 x2apic_msr(u32 reg)
{
	return APIC_BASE_MSR + (reg >> 4);
}

/* The priority class of @vector (bits 7:4), as TPR and PPR compare it. */
static inline u8 task_priority_class(u8 vector)
{
	return vector >> 4;
}

/* Whether LVT entry @idx (0 timer ... 6 CMCI) exists on this APIC. */
static inline bool apic_lvt_entry_supported(int idx)
{
	return (int)GET_APIC_MAXLVT(apic_read(APIC_LVR)) >= idx;
}

/*
 * Whether @reg has no register behind it in x2APIC mode (a write-only
 * register such as APIC_EOI or APIC_SELF_IPI is not reserved).
 */
static inline bool x2apic_reg_reserved(u32 reg)
{
	switch (reg) {
	case 0x000 ... 0x010:
	case 0x040 ... 0x070:
	case 0x090:
	case 0x0c0:
	case 0x0e0:
	case 0x290 ... 0x2e0:
	case 0x310:
	case 0x3a0 ... 0x3d0:
		return true;
	case APIC_CMCI:
		return !apic_lvt_entry_supported(6);
	default:
		return false;
	}
}

/*
 * What software may do with APIC register @reg (an xAPIC offset) in
 * x2APIC mode: read it, write it, both, or neither (no such MSR).
 */
enum x2apic_reg_semantics {
	X2APIC_INVALID	= 0,
	X2APIC_READABLE	= BIT(0),
	X2APIC_WRITABLE	= BIT(1),
	X2APIC_RO	= X2APIC_READABLE,
	X2APIC_WO	= X2APIC_WRITABLE,
	X2APIC_RW	= X2APIC_READABLE | X2APIC_WRITABLE,
};

static inline enum x2apic_reg_semantics get_x2apic_reg_semantics(u32 reg)
{
	assert(!(reg & 0xf));
	if (reg > APIC_SELF_IPI || x2apic_reg_reserved(reg))
		return X2APIC_INVALID;
	/* Writing is all these two are for. */
	if (reg == APIC_EOI || reg == APIC_SELF_IPI)
		return X2APIC_WO;
	/*
	 * What the APIC itself maintains: its identity and version, the
	 * processor priority, the logical ID (fixed in x2APIC mode), the
	 * in-service, trigger-mode and request bitmaps up to the error
	 * status register, and the timer's current count.
	 */
	if (reg == APIC_ID || reg == APIC_LVR || reg == APIC_PROCPRI ||
	    reg == APIC_LDR || (reg >= APIC_ISR && reg < APIC_ESR) ||
	    reg == APIC_TMCCT)
		return X2APIC_RO;
	return X2APIC_RW;
}

#endif /* _X86_APIC_H_ */
