/* SPDX-License-Identifier: MIT */
/*
 * asm/vpa.h - the Virtual Processor Area of PAPR (Linux calls it the
 * lppaca): 640 bytes a partition registers per CPU with H_REGISTER_VPA
 * (asm/hcall.h), through which the guest tells the hypervisor about
 * itself (cede latency, which registers to keep) and the hypervisor
 * counts for it (dispatches, faults, time spent waiting).
 *
 * Every field is big-endian, in either byte order of the guest: read
 * them with be16_to_cpu() and friends (asm/io.h).  The names are
 * upstream kvm-unit-tests'; the offsets are PAPR's.
 */
#ifndef _ASMPPC64_VPA_H_
#define _ASMPPC64_VPA_H_

#ifndef __ASSEMBLER__

#include <stdint.h>

struct vpa {
	uint32_t descriptor;			/* 0x000 */
	uint16_t size;				/* 0x004: bytes the guest gives */
	uint8_t reserved_006[3];
	uint8_t status;				/* 0x009 */
	uint8_t reserved_00a[14];
	uint32_t fru_node_id;			/* 0x018 */
	uint32_t fru_proc_id;			/* 0x01c */
	uint8_t reserved_020[56];
	uint8_t vhpn_change_counters[8];	/* 0x058 */
	uint8_t reserved_060[80];
	uint8_t cede_latency;			/* 0x0b0 */
	uint8_t maintain_ebb;			/* 0x0b1 */
	uint8_t reserved_0b2[6];
	uint8_t dtl_enable_mask;		/* 0x0b8: dispatch trace log */
	uint8_t dedicated_cpu_donate;		/* 0x0b9 */
	uint8_t maintain_fpr;			/* 0x0ba */
	uint8_t maintain_pmc;			/* 0x0bb */
	uint8_t reserved_0bc[28];
	uint64_t idle_estimate_purr;		/* 0x0d8 */
	uint8_t reserved_0e0[28];
	uint16_t maintain_nr_slb;		/* 0x0fc */
	uint8_t idle;				/* 0x0fe */
	uint8_t maintain_vmx;			/* 0x0ff */
	uint32_t vp_dispatch_count;		/* 0x100: odd while preempted */
	uint32_t vp_dispatch_dispersion;	/* 0x104 */
	uint64_t vp_fault_count;		/* 0x108 */
	uint64_t vp_fault_tb;			/* 0x110 */
	uint64_t purr_exprop_idle;		/* 0x118 */
	uint64_t spurr_exprop_idle;		/* 0x120 */
	uint64_t purr_exprop_busy;		/* 0x128 */
	uint64_t spurr_exprop_busy;		/* 0x130 */
	uint64_t purr_donate_idle;		/* 0x138 */
	uint64_t spurr_donate_idle;		/* 0x140 */
	uint64_t purr_donate_busy;		/* 0x148 */
	uint64_t spurr_donate_busy;		/* 0x150 */
	uint64_t vp_wait3_tb;			/* 0x158 */
	uint64_t vp_wait2_tb;			/* 0x160 */
	uint64_t vp_wait1_tb;			/* 0x168 */
	uint64_t purr_exprop_adjunct_busy;	/* 0x170 */
	uint64_t spurr_exprop_adjunct_busy;	/* 0x178 */
	uint32_t supervisor_pagein_count;	/* 0x180 */
	uint8_t reserved_184[4];
	uint64_t purr_exprop_adjunct_idle;	/* 0x188 */
	uint64_t spurr_exprop_adjunct_idle;	/* 0x190 */
	uint64_t adjunct_insns_executed;	/* 0x198 */
	uint8_t reserved_1a0[120];
	uint64_t dtl_index;			/* 0x218 */
	uint8_t reserved_220[96];
};

_Static_assert(__builtin_offsetof(struct vpa, vp_dispatch_count) == 0x100,
	       "struct vpa: vp_dispatch_count is at 0x100");
_Static_assert(__builtin_offsetof(struct vpa, dtl_index) == 0x218,
	       "struct vpa: dtl_index is at 0x218");
_Static_assert(sizeof(struct vpa) == 640, "struct vpa is 640 bytes");

#endif /* __ASSEMBLER__ */

#endif /* _ASMPPC64_VPA_H_ */
