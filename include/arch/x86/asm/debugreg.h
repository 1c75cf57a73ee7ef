/* SPDX-License-Identifier: MIT */
/*
 * asm/debugreg.h - the bits of the debug status (DR6) and debug control
 * (DR7) registers, under upstream kvm-unit-tests' (and Linux's) names.
 */
#ifndef _ASM_X86_DEBUGREG_H_
#define _ASM_X86_DEBUGREG_H_

#include <linux/const.h>

/*
 * DR6.  The bits in DR6_ACTIVE_LOW read as 1 when their condition did
 * not happen (the reserved ones always); DR6_VOLATILE are the bits a
 * debug exception may change.  DR6_FIXED_1 is what reads as 1 always.
 */
#define DR6_ACTIVE_LOW	0xffff0ff0
#define DR6_VOLATILE	0x0001e80f
#define DR6_FIXED_1	(DR6_ACTIVE_LOW & ~DR6_VOLATILE)
#define DR6_TRAP0	BIT(0)		/* breakpoint 0 hit */
#define DR6_TRAP1	BIT(1)
#define DR6_TRAP2	BIT(2)
#define DR6_TRAP3	BIT(3)
#define DR6_TRAP_BITS	(DR6_TRAP0 | DR6_TRAP1 | DR6_TRAP2 | DR6_TRAP3)
#define DR6_BUS_LOCK	BIT(11)		/* bus lock detected (active low) */
#define DR6_BD		BIT(13)		/* debug-register access (DR7.GD) */
#define DR6_BS		BIT(14)		/* single step */
#define DR6_BT		BIT(15)		/* task switch with the T bit */
#define DR6_RTM		BIT(16)		/* in an RTM region (active low) */

/* DR7: reset value, writable bits, and the per-breakpoint fields. */
#define DR7_FIXED_1	0x00000400
#define DR7_VOLATILE	0xffff2bff
#define DR7_BP_EN_MASK	0x000000ff
#define DR7_LE		BIT(8)
#define DR7_GE		BIT(9)
#define DR7_RTM		BIT(11)
#define DR7_GD		BIT(13)		/* #DB on any debug-register access */

/* Breakpoint @x (0-3): local and global enable. */
#define DR7_LOCAL_ENABLE_DRx(x)		(BIT(0) << ((x) * 2))
#define DR7_GLOBAL_ENABLE_DRx(x)	(BIT(1) << ((x) * 2))
#define DR7_ENABLE_DRx(x) \
	(DR7_LOCAL_ENABLE_DRx(x) | DR7_GLOBAL_ENABLE_DRx(x))
#define DR7_GLOBAL_ENABLE_DR0	DR7_GLOBAL_ENABLE_DRx(0)
#define DR7_GLOBAL_ENABLE_DR1	DR7_GLOBAL_ENABLE_DRx(1)
#define DR7_GLOBAL_ENABLE_DR2	DR7_GLOBAL_ENABLE_DRx(2)
#define DR7_GLOBAL_ENABLE_DR3	DR7_GLOBAL_ENABLE_DRx(3)

/* Breakpoint @x's condition (R/W field): execute, write, I/O, access. */
#define DR7_RW_TYPE_DRx(x, rw)	((rw) << (((x) * 4) + 16))
#define DR7_EXECUTE_DRx(x)	DR7_RW_TYPE_DRx(x, 0)
#define DR7_WRITE_DRx(x)	DR7_RW_TYPE_DRx(x, 1)
#define DR7_PORT_IO_DRx(x)	DR7_RW_TYPE_DRx(x, 2)
#define DR7_DATA_IO_DRx(x)	DR7_RW_TYPE_DRx(x, 3)

/* Breakpoint @x's length field; the encoding of 8 bytes is 2. */
#define DR7_LEN_DRx(x, enc)	((enc) << (((x) * 4) + 18))
#define DR7_LEN_1_DRx(x)	DR7_LEN_DRx(x, 0)
#define DR7_LEN_2_DRx(x)	DR7_LEN_DRx(x, 1)
#define DR7_LEN_4_DRx(x)	DR7_LEN_DRx(x, 3)
#define DR7_LEN_8_DRx(x)	DR7_LEN_DRx(x, 2)

#endif /* _ASM_X86_DEBUGREG_H_ */
