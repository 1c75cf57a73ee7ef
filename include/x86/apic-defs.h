/* SPDX-License-Identifier: MIT */
/*
 * x86/apic-defs.h - local APIC and I/O APIC register numbers and bits,
 * usable from C and assembly.
 *
 * Offsets are the xAPIC MMIO offsets of the Intel SDM (vol. 3, "Advanced
 * Programmable Interrupt Controller"); in x2APIC mode register @reg is
 * MSR APIC_BASE_MSR + (@reg >> 4) (x2apic_msr() in x86/apic.h does the
 * sum).  The names are Linux's and upstream kvm-unit-tests', so tests
 * port unchanged; docs/api/smp.md lists them by register.
 */
#ifndef _X86_APIC_DEFS_H_
#define _X86_APIC_DEFS_H_

/* Where the local APIC and the I/O APIC sit after reset. */
#define APIC_DEFAULT_PHYS_BASE		0xfee00000
#define IO_APIC_DEFAULT_PHYS_BASE	0xfec00000

/* IA32_APIC_BASE (MSR 0x1b): boot CPU, x2APIC mode, APIC enabled. */
#define APIC_BSP		(1UL << 8)
#define APIC_EXTD		(1UL << 10)
#define APIC_EN			(1UL << 11)

/* First x2APIC MSR: register @reg is MSR APIC_BASE_MSR + (@reg >> 4). */
#define APIC_BASE_MSR		0x00000800	/* as x86/msr.h has it */

/* Local APIC ID (xAPIC: bits 31:24; x2APIC: all 32 bits). */
#define APIC_ID			0x20

/* Version: version in 7:0, highest LVT entry in 23:16. */
#define APIC_LVR		0x30
#define APIC_LVR_MASK		0xff00ff
#define GET_APIC_VERSION(x)	((x) & 0xffu)
#define GET_APIC_MAXLVT(x)	(((x) >> 16) & 0xffu)
#define APIC_INTEGRATED(x)	(1)
#define APIC_XAPIC(x)		((x) >= 0x14)

/* Task, arbitration and processor priority; end of interrupt. */
#define APIC_TASKPRI		0x80
#define APIC_TPRI_MASK		0xffu
#define APIC_ARBPRI		0x90
#define APIC_ARBPRI_MASK	0xffu
#define APIC_PROCPRI		0xa0
#define APIC_EOI		0xb0
#define APIC_EIO_ACK		0x0
#define APIC_RRR		0xc0

/* Logical destination and (xAPIC only) destination format. */
#define APIC_LDR		0xd0
#define APIC_LDR_MASK		(0xffu << 24)
#define GET_APIC_LOGICAL_ID(x)	(((x) >> 24) & 0xffu)
#define SET_APIC_LOGICAL_ID(x)	((x) << 24)
#define APIC_ALL_CPUS		0xffu
#define APIC_DFR		0xe0
#define APIC_DFR_CLUSTER	0x0fffffffUL
#define APIC_DFR_FLAT		0xffffffffUL

/* Spurious-interrupt vector register: vector in 7:0, software enable. */
#define APIC_SPIV		0xf0
#define APIC_SPIV_FOCUS_DISABLED	(1 << 9)
#define APIC_SPIV_APIC_ENABLED	(1 << 8)

/*
 * In-service, trigger-mode and request registers: 8 registers of 32
 * vectors each, 0x10 apart (apic_read_bit() indexes them by vector).
 */
#define APIC_ISR		0x100
#define APIC_ISR_NR		0x8
#define APIC_TMR		0x180
#define APIC_IRR		0x200

/* Error status (write before reading to latch the errors). */
#define APIC_ESR		0x280
#define APIC_ESR_SEND_CS	0x00001
#define APIC_ESR_RECV_CS	0x00002
#define APIC_ESR_SEND_ACC	0x00004
#define APIC_ESR_RECV_ACC	0x00008
#define APIC_ESR_SENDILL	0x00020
#define APIC_ESR_RECVILL	0x00040
#define APIC_ESR_ILLREGA	0x00080

/* LVT entry for corrected machine-check interrupts. */
#define APIC_CMCI		0x2f0

/*
 * Interrupt command register.  xAPIC: low half at APIC_ICR, destination
 * in bits 31:24 of APIC_ICR2; x2APIC: one 64-bit MSR, destination in the
 * high 32 bits.  Shorthand, trigger, level, delivery status, destination
 * mode and delivery mode bits, then the vector.
 */
#define APIC_ICR		0x300
#define APIC_DEST_SELF		0x40000
#define APIC_DEST_ALLINC	0x80000
#define APIC_DEST_ALLBUT	0xc0000
#define APIC_ICR_RR_MASK	0x30000
#define APIC_ICR_RR_INVALID	0x00000
#define APIC_ICR_RR_INPROG	0x10000
#define APIC_ICR_RR_VALID	0x20000
#define APIC_INT_LEVELTRIG	0x08000
#define APIC_INT_ASSERT		0x04000
#define APIC_ICR_BUSY		0x01000
#define APIC_DEST_LOGICAL	0x00800
#define APIC_DEST_PHYSICAL	0x00000
#define APIC_DM_FIXED		0x00000
#define APIC_DM_LOWEST		0x00100
#define APIC_DM_SMI		0x00200
#define APIC_DM_REMRD		0x00300
#define APIC_DM_NMI		0x00400
#define APIC_DM_INIT		0x00500
#define APIC_DM_STARTUP		0x00600
#define APIC_DM_EXTINT		0x00700
#define APIC_VECTOR_MASK	0x000ff
#define APIC_ICR2		0x310
#define GET_APIC_DEST_FIELD(x)	(((x) >> 24) & 0xff)
#define SET_APIC_DEST_FIELD(x)	((x) << 24)

/* Local vector table: timer, thermal, performance counters, LINT0/1, error. */
#define APIC_LVTT		0x320
#define APIC_LVTTHMR		0x330
#define APIC_LVTPC		0x340
#define APIC_LVT0		0x350
#define APIC_LVT1		0x360
#define APIC_LVTERR		0x370

/* Bits of an LVT entry: timer mode, mask, trigger, polarity, delivery. */
#define APIC_LVT_TIMER_MASK		(3 << 17)
#define APIC_LVT_TIMER_ONESHOT		(0 << 17)
#define APIC_LVT_TIMER_PERIODIC		(1 << 17)
#define APIC_LVT_TIMER_TSCDEADLINE	(2 << 17)
#define APIC_LVT_MASKED			(1 << 16)
#define APIC_LVT_LEVEL_TRIGGER		(1 << 15)
#define APIC_LVT_REMOTE_IRR		(1 << 14)
#define APIC_INPUT_POLARITY		(1 << 13)
#define APIC_SEND_PENDING		(1 << 12)
#define APIC_MODE_MASK			0x700
#define GET_APIC_DELIVERY_MODE(x)	(((x) >> 8) & 0x7)
#define SET_APIC_DELIVERY_MODE(x, y)	(((x) & ~0x700) | ((y) << 8))
#define APIC_MODE_FIXED			0x0
#define APIC_MODE_NMI			0x4
#define APIC_MODE_EXTINT		0x7

/* Timer: initial count, current count, divide configuration. */
#define APIC_TMICT		0x380
#define APIC_TMCCT		0x390
#define APIC_TDCR		0x3e0
#define APIC_TDR_DIV_TMBASE	(1 << 2)
#define APIC_TDR_DIV_1		0xb
#define APIC_TDR_DIV_2		0x0
#define APIC_TDR_DIV_4		0x1
#define APIC_TDR_DIV_8		0x2
#define APIC_TDR_DIV_16		0x3
#define APIC_TDR_DIV_32		0x8
#define APIC_TDR_DIV_64		0x9
#define APIC_TDR_DIV_128	0xa

/* x2APIC only: send a fixed IPI to this CPU by writing the vector. */
#define APIC_SELF_IPI		0x3f0

/* AMD's extended LVT entries. */
#define APIC_EILVT0		0x500
#define APIC_EILVT1		0x510
#define APIC_EILVT2		0x520
#define APIC_EILVT3		0x530
#define APIC_EILVT_MASKED	(1 << 16)

#endif /* _X86_APIC_DEFS_H_ */
