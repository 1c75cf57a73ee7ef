/* SPDX-License-Identifier: MIT */
/*
 * asm/asm-offsets.h - offsets into struct lowcore, the interrupt stack
 * frame and SIE's save area, for assembly and for tests that reach
 * lowcore fields by offset (OPAQUE_PTR()).  Upstream kvm-unit-tests
 * generates this file; kut writes it out, and libkut/s390x/interrupt.c
 * and sie.c check every value against the structures at build time.
 */
#ifndef _ASMS390X_ASM_OFFSETS_H_
#define _ASMS390X_ASM_OFFSETS_H_

#define GEN_LC_EXT_INT_PARAM		0x080
#define GEN_LC_CPU_ADDR			0x084
#define GEN_LC_EXT_INT_CODE		0x086
#define GEN_LC_SVC_INT_ID		0x088
#define GEN_LC_SVC_INT_CODE		0x08a
#define GEN_LC_PGM_INT_ID		0x08c
#define GEN_LC_PGM_INT_CODE		0x08e
#define GEN_LC_DXC_VXC			0x090
#define GEN_LC_MON_CLASS_NB		0x094
#define GEN_LC_PER_CODE			0x096
#define GEN_LC_PER_ATMID		0x097
#define GEN_LC_PER_ADDR			0x098
#define GEN_LC_EXC_ACC_ID		0x0a0
#define GEN_LC_PER_ACC_ID		0x0a1
#define GEN_LC_OP_ACC_ID		0x0a2
#define GEN_LC_ARCH_MODE_ID		0x0a3
#define GEN_LC_TRANS_EXC_ID		0x0a8
#define GEN_LC_MON_CODE			0x0b0
#define GEN_LC_SUBSYS_ID_WORD		0x0b8
#define GEN_LC_IO_INT_PARAM		0x0bc
#define GEN_LC_IO_INT_WORD		0x0c0
#define GEN_LC_STFL			0x0c8
#define GEN_LC_MCCK_INT_CODE		0x0e8
#define GEN_LC_EXT_DAMAGE_CODE		0x0f4
#define GEN_LC_FAILING_STORAGE_ADDR	0x0f8
#define GEN_LC_EMON_CA_ORIGIN		0x100
#define GEN_LC_EMON_CA_SIZE		0x108
#define GEN_LC_EMON_EXC_COUNT		0x10c
#define GEN_LC_BREAKING_EVENT_ADDR	0x110
#define GEN_LC_RESTART_OLD_PSW		0x120
#define GEN_LC_EXT_OLD_PSW		0x130
#define GEN_LC_SVC_OLD_PSW		0x140
#define GEN_LC_PGM_OLD_PSW		0x150
#define GEN_LC_MCCK_OLD_PSW		0x160
#define GEN_LC_IO_OLD_PSW		0x170
#define GEN_LC_RESTART_NEW_PSW		0x1a0
#define GEN_LC_EXT_NEW_PSW		0x1b0
#define GEN_LC_SVC_NEW_PSW		0x1c0
#define GEN_LC_PGM_NEW_PSW		0x1d0
#define GEN_LC_MCCK_NEW_PSW		0x1e0
#define GEN_LC_IO_NEW_PSW		0x1f0
#define GEN_LC_SW_INT_GRS		0x200
#define GEN_LC_SW_INT_CRS		0x308
#define GEN_LC_SW_INT_PSW		0x388
#define GEN_LC_THIS_CPU			0x398
#define GEN_LC_MCCK_EXT_SA_ADDR		0x11b0
#define GEN_LC_FPRS_SA			0x1200
#define GEN_LC_GRS_SA			0x1280
#define GEN_LC_PSW_SA			0x1300
#define GEN_LC_PREFIX_SA		0x1318
#define GEN_LC_FPC_SA			0x131c
#define GEN_LC_TOD_PR_SA		0x1324
#define GEN_LC_CPUTM_SA			0x1328
#define GEN_LC_CC_SA			0x1330
#define GEN_LC_ARS_SA			0x1340
#define GEN_LC_CRS_SA			0x1380
#define GEN_LC_PGM_INT_TDB		0x1800

#define STACK_FRAME_INT_BACKCHAIN	0
#define STACK_FRAME_INT_GRS0		16
#define STACK_FRAME_INT_GRS1		128
#define STACK_FRAME_INT_FPC		148
#define STACK_FRAME_INT_FPRS		152
#define STACK_FRAME_INT_CRS		280
#define STACK_FRAME_INT_SIZE		408
#define STACK_FRAME_SIZE		160

/* sie64a()'s slots in its caller's frame (struct stack_frame's argument_area). */
#define __SF_SIE_CONTROL		16
#define __SF_SIE_SAVEAREA		24
#define __SF_SIE_REASON			32
#define __SF_SIE_FLAGS			40
/* struct vm_save_area (sie.h). */
#define SIE_SAVEAREA_GUEST_ASCE		0
#define SIE_SAVEAREA_GUEST_GRS		8
#define SIE_SAVEAREA_GUEST_FPRS		136
#define SIE_SAVEAREA_GUEST_FPC		264
#define SIE_SAVEAREA_HOST_ASCE		272
#define SIE_SAVEAREA_HOST_GRS		280
#define SIE_SAVEAREA_HOST_FPRS		408
#define SIE_SAVEAREA_HOST_FPC		536

#endif /* _ASMS390X_ASM_OFFSETS_H_ */
