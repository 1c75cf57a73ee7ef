/* SPDX-License-Identifier: MIT */
/*
 * asm/csr.h - supervisor control and status registers: numbers, the bits
 * tests use, trap causes, and accessors (upstream kvm-unit-tests' names,
 * which are Linux's).  Numbers and bit positions are those of the RISC-V
 * privileged specification.
 */
#ifndef _ASMRISCV_CSR_H_
#define _ASMRISCV_CSR_H_

#include <linux/const.h>

/* CSR numbers. */
#define CSR_SSTATUS		0x100
#define CSR_SIE			0x104
#define CSR_STVEC		0x105
#define CSR_SCOUNTEREN		0x106
#define CSR_SENVCFG		0x10a
#define CSR_SSCRATCH		0x140
#define CSR_SEPC		0x141
#define CSR_SCAUSE		0x142
#define CSR_STVAL		0x143
#define CSR_SIP			0x144
#define CSR_STIMECMP		0x14d
#define CSR_SISELECT		0x150	/* Ssaia: indirect register select */
#define CSR_SIREG		0x151	/* Ssaia: the selected register */
#define CSR_STOPEI		0x15c	/* Ssaia: top external interrupt (IMSIC) */
#define CSR_SATP		0x180
#define CSR_CYCLE		0xc00
#define CSR_TIME		0xc01
#define CSR_INSTRET		0xc02
#define CSR_STOPI		0xdb0	/* Ssaia: top interrupt, read only */

/*
 * The IMSIC interrupt file's registers behind siselect/sireg (RISC-V
 * AIA): delivery on (1) or off (0), the threshold (IDs at or above it
 * are masked; 0 masks none), and the pending and enable bits, 32 IDs a
 * register; with XLEN 64 only the even-numbered ones exist, each then
 * holding 64 IDs.
 */
#define IMSIC_EIDELIVERY	0x70
#define IMSIC_EITHRESHOLD	0x72
#define IMSIC_EIP0		0x80
#define IMSIC_EIP63		0xbf
#define IMSIC_EIE0		0xc0
#define IMSIC_EIE63		0xff
/* stopei and stopi: the identity in bits 26:16, the priority in 10:0. */
#define TOPEI_ID_SHIFT		16
#define TOPEI_ID_MASK		0x7ff
#define TOPI_IID_SHIFT		16
#define TOPI_IID_MASK		0xfff

/* sstatus: interrupt enable, previous mode and interrupt enable, FP state. */
#define SR_SIE			_AC(0x00000002, UL)
#define SR_SPIE			_AC(0x00000020, UL)
#define SR_SPP			_AC(0x00000100, UL)
#define SR_FS			_AC(0x00006000, UL)
#define SR_FS_INITIAL		_AC(0x00002000, UL)
#define SR_SUM			_AC(0x00040000, UL)
#define SR_MXR			_AC(0x00080000, UL)
#define SR_SDT			_AC(0x01000000, UL)	/* Ssdbltrp: double trap */

/* scause: the top bit says interrupt; the rest is the cause number. */
#define CAUSE_IRQ_FLAG		(_AC(1, UL) << (__riscv_xlen - 1))

/* Exception causes. */
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_INST_ILLEGAL	2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_SYSCALL		8
#define EXC_HYPERVISOR_SYSCALL	9
#define EXC_SUPERVISOR_SYSCALL	10
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15

/* Interrupt causes (scause without CAUSE_IRQ_FLAG), and sie/sip bits. */
#define IRQ_S_SOFT		1
#define IRQ_S_TIMER		5
#define IRQ_S_EXT		9
#define IE_SSIE			(_AC(1, UL) << IRQ_S_SOFT)
#define IE_TIE			(_AC(1, UL) << IRQ_S_TIMER)
#define IE_EIE			(_AC(1, UL) << IRQ_S_EXT)
#define IP_TIP			IE_TIE

#ifndef __ASSEMBLY__

/*
 * Read, write, swap, set bits in and clear bits in CSR @csr (a constant:
 * a number above or a name the assembler knows).  The _read_ forms of
 * set and clear return the old value.  Each is a compiler barrier.
 */
#define __csr_str(csr)		#csr
#define __csr_op(insn, csr)	insn " %0, " __csr_str(csr) ", %1"

#define csr_read(csr) ({						\
	unsigned long __v;						\
	asm volatile("csrr %0, " __csr_str(csr) : "=r"(__v) : : "memory"); \
	__v;								\
})

#define csr_write(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	asm volatile("csrw " __csr_str(csr) ", %0" : : "rK"(__v) : "memory"); \
})

#define csr_swap(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	asm volatile(__csr_op("csrrw", csr) : "=r"(__v) : "rK"(__v) : "memory"); \
	__v;								\
})

#define csr_read_set(csr, val) ({					\
	unsigned long __v = (unsigned long)(val);			\
	asm volatile(__csr_op("csrrs", csr) : "=r"(__v) : "rK"(__v) : "memory"); \
	__v;								\
})

#define csr_set(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	asm volatile("csrs " __csr_str(csr) ", %0" : : "rK"(__v) : "memory"); \
})

#define csr_read_clear(csr, val) ({					\
	unsigned long __v = (unsigned long)(val);			\
	asm volatile(__csr_op("csrrc", csr) : "=r"(__v) : "rK"(__v) : "memory"); \
	__v;								\
})

#define csr_clear(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	asm volatile("csrc " __csr_str(csr) ", %0" : : "rK"(__v) : "memory"); \
})

#endif /* !__ASSEMBLY__ */
#endif /* _ASMRISCV_CSR_H_ */
