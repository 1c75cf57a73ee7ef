/* SPDX-License-Identifier: MIT */
/*
 * sie.h - run a guest with START INTERPRETIVE EXECUTION (upstream
 * kvm-unit-tests' lib/s390x/sie.h API).  A struct vm is one guest CPU:
 * its state description (sblk), the registers the guest and the host
 * keep while the other runs, and the guest's memory, a host range that
 * SIE maps to guest absolute 0 (MSO/MSL, 1 MiB units).
 *
 *	struct vm vm;
 *	uint8_t *mem = sie_guest_alloc(SZ_1M);
 *
 *	sie_guest_create(&vm, (uint64_t)mem, SZ_1M);
 *	... put code into mem, set vm.sblk->gpsw ...
 *	sie(&vm);		(returns at the first interception)
 *	report(vm.sblk->icptcode == ICPT_INST, ...);
 *	sie_guest_destroy(&vm);
 *
 * SIE needs the SIEF2 facility (sclp_facilities.has_sief2), which a
 * machine gives only when it can run guests itself (KVM with nested
 * virtualization, an LPAR); QEMU's TCG has none: tests check first and
 * skip, as upstream's do.  docs/s390x.md says more.
 */
#ifndef _S390X_SIE_H_
#define _S390X_SIE_H_

#include <stdint.h>
#include <stdbool.h>
#include <asm/arch_def.h>
#include <asm/sie-arch.h>

/* What the Ultravisor gave a protected guest (uv.h). */
struct vm_uv {
	uint64_t vm_handle;
	uint64_t vcpu_handle;
	uint64_t asce;
	void *conf_base_stor;
	void *conf_var_stor;
	void *cpu_stor;
};

/* One side's registers while the other side runs. */
struct vm_save_regs {
	uint64_t asce;
	uint64_t grs[16];
	uint64_t fprs[16];
	uint32_t fpc;
};

/*
 * sie64a()'s save area: guest.grs[0..13] and the FP registers go into
 * the guest on entry and come back on exit (r14 and r15 are the state
 * description's gg14 and gg15, which sie() copies to guest.grs[14, 15]);
 * guest.asce is the primary ASCE the guest runs with.
 */
struct vm_save_area {
	struct vm_save_regs guest;
	struct vm_save_regs host;
};

struct vm {
	struct kvm_s390_sie_block *sblk;
	struct vm_save_area save_area;
	struct esca_block *sca;		/* the guest's CPUs (ESCA), or NULL */
	uint8_t *crycb;			/* crypto control block, below 2 GiB */
	struct vm_uv uv;		/* protected guests only */
	uint8_t *guest_mem;		/* guest absolute 0 in the host */
	bool validity_expected;
};

/*
 * Labels in sie64a() (libkut/s390x/sie64a.S): a program interrupt between
 * sie_entry and sie_exit happened in the guest's SIE, one between
 * sie_entry_gregs and sie_exit_gregs while guest registers were loaded.
 */
extern void sie_entry(void);
extern void sie_exit(void);
extern void sie_entry_gregs(void);
extern void sie_exit_gregs(void);

/*
 * Enter the guest once: load its registers from save_area->guest, run
 * SIE until it returns (an interception, or an interruption of the
 * host), store them back.  sie() is what tests call.
 */
extern void sie64a(struct kvm_s390_sie_block *sblk,
		   struct vm_save_area *save_area);

/*
 * Run the guest until it intercepts (vm->sblk->icptcode != 0) or the
 * host takes an expected program interrupt.  The host runs in the home
 * space meanwhile (CR13 = CR1), so a guest's primary ASCE may differ
 * from the host's.  A validity interception nobody announced with
 * sie_expect_validity() ends the test (report_abort()).
 */
void sie(struct vm *vm);
/* The next validity interception is the test's to check. */
void sie_expect_validity(struct vm *vm);
/* The validity-interception reason, or 0xffff if SIE gave none. */
uint16_t sie_get_validity(struct vm *vm);
/* report() that the last interception was validity reason @vir_exp. */
void sie_check_validity(struct vm *vm, uint16_t vir_exp);
/* What sie() does after each entry: abort on unexpected validity. */
void sie_handle_validity(struct vm *vm);

/* A protected guest's state description is format 4 (sdf 2). */
static inline bool sie_is_pv(struct vm *vm)
{
	return vm->sblk->sdf == 2;
}

/* Give the guest an ESCA with CPU 0 in it (needed by protected guests). */
void sie_guest_sca_create(struct vm *vm);
/*
 * Set up @vm for the guest memory at host address @guest_mem (1 MiB
 * aligned, @guest_mem_len a multiple of 1 MiB): a state description in
 * z/Architecture mode, running, the host's primary ASCE, and a crypto
 * control block.
 */
void sie_guest_create(struct vm *vm, uint64_t guest_mem, uint64_t guest_mem_len);
/* Free what sie_guest_create() and sie_guest_sca_create() allocated. */
void sie_guest_destroy(struct vm *vm);

/*
 * @guest_size bytes of zeroed guest memory, mapped (DAT on, setup_vm())
 * at a 2 GiB-aligned host virtual address above all RAM, a different
 * one per call; the pages themselves come from the page allocator.
 */
uint8_t *sie_guest_alloc(uint64_t guest_size);

#endif /* _S390X_SIE_H_ */
