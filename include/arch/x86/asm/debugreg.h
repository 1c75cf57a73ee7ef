/* SPDX-License-Identifier: MIT */
/*
 * asm/debugreg.h - the debug status (DR6) and debug control (DR7)
 * registers, bit by bit, under upstream kvm-unit-tests' (and Linux's)
 * names, after the SDM vol. 3, 18.2.
 */
#ifndef _ASM_X86_DEBUGREG_H_
#define _ASM_X86_DEBUGREG_H_

#include <linux/const.h>

/*
 * DR6: what caused the last #DB.  The conditions first; then the masks:
 * DR6_VOLATILE is every condition bit, DR6_ACTIVE_LOW the bits that read
 * 1 when nothing happened (the two active-low conditions and the
 * reserved bits that read as 1), DR6_FIXED_1 those of them that always
 * read 1 (what DR6 holds after a #DB with no condition).
 */
#define DR6_TRAP0	BIT(0)		/* breakpoint 0 hit, likewise 1 to 3 */
#define DR6_TRAP1	BIT(1)
#define DR6_TRAP2	BIT(2)
#define DR6_TRAP3	BIT(3)
#define DR6_BUS_LOCK	BIT(11)		/* bus lock detected; active low */
#define DR6_BD		BIT(13)		/* a debug register accessed with DR7.GD */
#define DR6_BS		BIT(14)		/* single step (RFLAGS.TF) */
#define DR6_BT		BIT(15)		/* task switch into a TSS with T set */
#define DR6_RTM		BIT(16)		/* inside an RTM region; active low */
#define DR6_TRAP_BITS	(DR6_TRAP0 | DR6_TRAP1 | DR6_TRAP2 | DR6_TRAP3)
#define DR6_VOLATILE	(DR6_TRAP_BITS | DR6_BUS_LOCK | DR6_BD | DR6_BS | \
			 DR6_BT | DR6_RTM)			/* 0x0001e80f */
#define DR6_ACTIVE_LOW	0xffff0ff0	/* all but bits 0-3 and 12-15 */
#define DR6_FIXED_1	(DR6_ACTIVE_LOW & ~DR6_VOLATILE)

/*
 * DR7: the low byte holds a local and a global enable per breakpoint;
 * from bit 16 each breakpoint has a 4-bit control field, its condition
 * (R/W, bits 1:0) and its length (LEN, bits 3:2).
 */
#define DR7_BP_EN_MASK	0x000000ff
#define DR7_LE		BIT(8)		/* exact data breakpoints (local) */
#define DR7_GE		BIT(9)		/* ... (global) */
#define DR7_FIXED_1	0x00000400	/* bit 10 reads 1; DR7's reset value */
#define DR7_RTM		BIT(11)		/* breakpoints inside RTM regions */
#define DR7_GD		BIT(13)		/* #DB on any debug-register access */
#define DR7_VOLATILE	0xffff2bff	/* the bits software can change */

#define DR7_LOCAL_ENABLE_DRx(x)		(1ul << (2 * (x)))
#define DR7_GLOBAL_ENABLE_DRx(x)	(2ul << (2 * (x)))
#define DR7_ENABLE_DRx(x)		(3ul << (2 * (x)))	/* both */
#define DR7_GLOBAL_ENABLE_DR0	DR7_GLOBAL_ENABLE_DRx(0)
#define DR7_GLOBAL_ENABLE_DR1	DR7_GLOBAL_ENABLE_DRx(1)
#define DR7_GLOBAL_ENABLE_DR2	DR7_GLOBAL_ENABLE_DRx(2)
#define DR7_GLOBAL_ENABLE_DR3	DR7_GLOBAL_ENABLE_DRx(3)

/* Breakpoint @x's control field set to @bits (unsigned: x = 3 reaches bit 31). */
#define __KUT_DR7_CONTROL(x, bits)	((unsigned int)(bits) << (16 + 4 * (x)))

/* The condition: 0 execute, 1 data write, 2 I/O, 3 data read or write. */
#define DR7_RW_TYPE_DRx(x, rw)	__KUT_DR7_CONTROL(x, rw)
#define DR7_EXECUTE_DRx(x)	DR7_RW_TYPE_DRx(x, 0)
#define DR7_WRITE_DRx(x)	DR7_RW_TYPE_DRx(x, 1)
#define DR7_PORT_IO_DRx(x)	DR7_RW_TYPE_DRx(x, 2)
#define DR7_DATA_IO_DRx(x)	DR7_RW_TYPE_DRx(x, 3)

/* The length, encoded: 1, 2 and 4 bytes are 0, 1 and 3; 8 bytes is 2. */
#define DR7_LEN_DRx(x, enc)	__KUT_DR7_CONTROL(x, (enc) << 2)
#define DR7_LEN_1_DRx(x)	DR7_LEN_DRx(x, 0)
#define DR7_LEN_2_DRx(x)	DR7_LEN_DRx(x, 1)
#define DR7_LEN_4_DRx(x)	DR7_LEN_DRx(x, 3)
#define DR7_LEN_8_DRx(x)	DR7_LEN_DRx(x, 2)

#endif /* _ASM_X86_DEBUGREG_H_ */
