/* SPDX-License-Identifier: MIT */
/*
 * asm/sbi.h - calls into the Supervisor Binary Interface firmware
 * (OpenSBI under QEMU), under upstream kvm-unit-tests' names.  Extension
 * and function IDs, error codes and the calling convention (a7 extension,
 * a6 function, a0-a5 arguments; a0 error, a1 value back) are those of the
 * RISC-V SBI specification.
 */
#ifndef _ASMRISCV_SBI_H_
#define _ASMRISCV_SBI_H_

#define SBI_SUCCESS			0
#define SBI_ERR_FAILURE			-1
#define SBI_ERR_NOT_SUPPORTED		-2
#define SBI_ERR_INVALID_PARAM		-3
#define SBI_ERR_DENIED			-4
#define SBI_ERR_INVALID_ADDRESS		-5
#define SBI_ERR_ALREADY_AVAILABLE	-6
#define SBI_ERR_ALREADY_STARTED		-7
#define SBI_ERR_ALREADY_STOPPED		-8
#define SBI_ERR_NO_SHMEM		-9
#define SBI_ERR_INVALID_STATE		-10
#define SBI_ERR_BAD_RANGE		-11
#define SBI_ERR_TIMEOUT			-12
#define SBI_ERR_IO			-13
#define SBI_ERR_DENIED_LOCKED		-14

/* Implementation IDs (base GET_IMP_ID). */
#define SBI_IMPL_BBL			0
#define SBI_IMPL_OPENSBI		1
#define SBI_IMPL_XVISOR			2
#define SBI_IMPL_KVM			3
#define SBI_IMPL_RUSTSBI		4
#define SBI_IMPL_DIOSIX			5
#define SBI_IMPL_COFFER			6
#define SBI_IMPL_XEN			7
#define SBI_IMPL_POLARFIRE_HSS		8
#define SBI_IMPL_COREBOOT		9
#define SBI_IMPL_OREBOOT		10
#define SBI_IMPL_BHYVE			11

/* The spec version (base GET_SPEC_VERSION): major in 30:24, minor below. */
#define SBI_SPEC_VERSION_MAJOR_SHIFT	24
#define SBI_SPEC_VERSION_MAJOR_MASK	0x7f
#define SBI_SPEC_VERSION_MINOR_MASK	0xffffff
#define SBI_SPEC_VERSION_MASK		((SBI_SPEC_VERSION_MAJOR_MASK << \
					  SBI_SPEC_VERSION_MAJOR_SHIFT) | \
					 SBI_SPEC_VERSION_MINOR_MASK)

/* Event IDs of SSE (supervisor software events), as assembly needs them. */
/*
 * Each of the four ranges holds local events from its base, global ones
 * from base + 0x8000; in each half, defined events, then reserved ones,
 * then from + 0x4000 platform ones.
 */
#define SBI_SSE_EVENT_LOCAL_HIGH_PRIO_RAS	0x00000000
#define SBI_SSE_EVENT_LOCAL_DOUBLE_TRAP		0x00000001
#define SBI_SSE_EVENT_LOCAL_RESERVED_0_START	0x00000002
#define SBI_SSE_EVENT_LOCAL_RESERVED_0_END	0x00003fff
#define SBI_SSE_EVENT_LOCAL_PLAT_0_START	0x00004000
#define SBI_SSE_EVENT_LOCAL_PLAT_0_END		0x00007fff
#define SBI_SSE_EVENT_GLOBAL_HIGH_PRIO_RAS	0x00008000
#define SBI_SSE_EVENT_GLOBAL_RESERVED_0_START	0x00008001
#define SBI_SSE_EVENT_GLOBAL_RESERVED_0_END	0x0000bfff
#define SBI_SSE_EVENT_GLOBAL_PLAT_0_START	0x0000c000
#define SBI_SSE_EVENT_GLOBAL_PLAT_0_END		0x0000ffff
#define SBI_SSE_EVENT_LOCAL_PMU_OVERFLOW	0x00010000
#define SBI_SSE_EVENT_LOCAL_RESERVED_1_START	0x00010001
#define SBI_SSE_EVENT_LOCAL_RESERVED_1_END	0x00013fff
#define SBI_SSE_EVENT_LOCAL_PLAT_1_START	0x00014000
#define SBI_SSE_EVENT_LOCAL_PLAT_1_END		0x00017fff
#define SBI_SSE_EVENT_GLOBAL_RESERVED_1_START	0x00018000
#define SBI_SSE_EVENT_GLOBAL_RESERVED_1_END	0x0001bfff
#define SBI_SSE_EVENT_GLOBAL_PLAT_1_START	0x0001c000
#define SBI_SSE_EVENT_GLOBAL_PLAT_1_END		0x0001ffff
#define SBI_SSE_EVENT_LOCAL_LOW_PRIO_RAS	0x00100000
#define SBI_SSE_EVENT_LOCAL_RESERVED_2_START	0x00100001
#define SBI_SSE_EVENT_LOCAL_RESERVED_2_END	0x00103fff
#define SBI_SSE_EVENT_LOCAL_PLAT_2_START	0x00104000
#define SBI_SSE_EVENT_LOCAL_PLAT_2_END		0x00107fff
#define SBI_SSE_EVENT_GLOBAL_LOW_PRIO_RAS	0x00108000
#define SBI_SSE_EVENT_GLOBAL_RESERVED_2_START	0x00108001
#define SBI_SSE_EVENT_GLOBAL_RESERVED_2_END	0x0010bfff
#define SBI_SSE_EVENT_GLOBAL_PLAT_2_START	0x0010c000
#define SBI_SSE_EVENT_GLOBAL_PLAT_2_END		0x0010ffff
#define SBI_SSE_EVENT_LOCAL_SOFTWARE		0xffff0000
#define SBI_SSE_EVENT_LOCAL_RESERVED_3_START	0xffff0001
#define SBI_SSE_EVENT_LOCAL_RESERVED_3_END	0xffff3fff
#define SBI_SSE_EVENT_LOCAL_PLAT_3_START	0xffff4000
#define SBI_SSE_EVENT_LOCAL_PLAT_3_END		0xffff7fff
#define SBI_SSE_EVENT_GLOBAL_SOFTWARE		0xffff8000
#define SBI_SSE_EVENT_GLOBAL_RESERVED_3_START	0xffff8001
#define SBI_SSE_EVENT_GLOBAL_RESERVED_3_END	0xffffbfff
#define SBI_SSE_EVENT_GLOBAL_PLAT_3_START	0xffffc000
#define SBI_SSE_EVENT_GLOBAL_PLAT_3_END		0xffffffff
/* In an event ID: a platform-defined event, a global (any hart) event. */
#define SBI_SSE_EVENT_PLATFORM_BIT		(1UL << 14)
#define SBI_SSE_EVENT_GLOBAL_BIT		(1UL << 15)

/*
 * For assembly, <asm/asm-offsets.h> has the SSE IDs (ASM_SBI_EXT_SSE,
 * ASM_SBI_EXT_SSE_COMPLETE) and struct sbi_sse_handler_arg's offsets
 * (SBI_SSE_REG_TMP, SBI_SSE_HANDLER, SBI_SSE_HANDLER_DATA,
 * SBI_SSE_HANDLER_STACK).
 */

#ifndef __ASSEMBLY__
#include <cpumask.h>
#include <asm/ptrace.h>

enum sbi_ext_id {
	SBI_EXT_BASE = 0x10,
	SBI_EXT_TIME = 0x54494d45,	/* "TIME" */
	SBI_EXT_IPI = 0x735049,		/* "sPI" */
	SBI_EXT_RFENCE = 0x52464e43,	/* "RFNC" */
	SBI_EXT_HSM = 0x48534d,		/* "HSM" */
	SBI_EXT_SRST = 0x53525354,	/* "SRST" */
	SBI_EXT_DBCN = 0x4442434e,	/* "DBCN" */
	SBI_EXT_PMU = 0x504d55,		/* "PMU" */
	SBI_EXT_SUSP = 0x53555350,	/* "SUSP" */
	SBI_EXT_FWFT = 0x46574654,	/* "FWFT" */
	SBI_EXT_SSE = 0x535345,		/* "SSE" */
	SBI_EXT_DBTR = 0x44425452,	/* "DBTR" */
};

enum sbi_ext_base_fid {
	SBI_EXT_BASE_GET_SPEC_VERSION = 0,
	SBI_EXT_BASE_GET_IMP_ID,
	SBI_EXT_BASE_GET_IMP_VERSION,
	SBI_EXT_BASE_PROBE_EXT,
	SBI_EXT_BASE_GET_MVENDORID,
	SBI_EXT_BASE_GET_MARCHID,
	SBI_EXT_BASE_GET_MIMPID,
};

enum sbi_ext_time_fid {
	SBI_EXT_TIME_SET_TIMER = 0,
};

enum sbi_ext_ipi_fid {
	SBI_EXT_IPI_SEND_IPI = 0,
};

enum sbi_ext_rfence_fid {
	SBI_EXT_RFENCE_REMOTE_FENCE_I = 0,
	SBI_EXT_RFENCE_REMOTE_SFENCE_VMA,
	SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID,
};

enum sbi_ext_hsm_fid {
	SBI_EXT_HSM_HART_START = 0,
	SBI_EXT_HSM_HART_STOP,
	SBI_EXT_HSM_HART_STATUS,
	SBI_EXT_HSM_HART_SUSPEND,
};

/* HART_STATUS values. */
enum sbi_ext_hsm_hart_suspend_type {
	SBI_EXT_HSM_HART_SUSPEND_RETENTIVE = 0,
	SBI_EXT_HSM_HART_SUSPEND_NON_RETENTIVE = 0x80000000,
};

enum sbi_ext_hsm_sid {
	SBI_EXT_HSM_STARTED = 0,
	SBI_EXT_HSM_STOPPED,
	SBI_EXT_HSM_START_PENDING,
	SBI_EXT_HSM_STOP_PENDING,
	SBI_EXT_HSM_SUSPENDED,
	SBI_EXT_HSM_SUSPEND_PENDING,
	SBI_EXT_HSM_RESUME_PENDING,
};

enum sbi_ext_srst_fid {
	SBI_EXT_SRST_RESET = 0,
};

/* SYSTEM_RESET types and reasons. */
enum sbi_srst_reset_type {
	SBI_SRST_RESET_TYPE_SHUTDOWN = 0,
	SBI_SRST_RESET_TYPE_COLD_REBOOT,
	SBI_SRST_RESET_TYPE_WARM_REBOOT,
};

enum sbi_srst_reset_reason {
	SBI_SRST_RESET_REASON_NONE = 0,
	SBI_SRST_RESET_REASON_SYSFAIL,
};

enum sbi_ext_pmu_fid {
	SBI_EXT_PMU_NUM_COUNTERS = 0,
	SBI_EXT_PMU_COUNTER_GET_INFO,
	SBI_EXT_PMU_COUNTER_CFG_MATCH,
	SBI_EXT_PMU_COUNTER_START,
	SBI_EXT_PMU_COUNTER_STOP,
	SBI_EXT_PMU_COUNTER_FW_READ,
};

enum sbi_ext_fwft_fid {
	SBI_EXT_FWFT_SET = 0,
	SBI_EXT_FWFT_GET,
};

/* FWFT features (firmware features the supervisor may set). */
#define SBI_FWFT_MISALIGNED_EXC_DELEG		0x0
#define SBI_FWFT_LANDING_PAD			0x1
#define SBI_FWFT_SHADOW_STACK			0x2
#define SBI_FWFT_DOUBLE_TRAP			0x3
#define SBI_FWFT_PTE_AD_HW_UPDATING		0x4
#define SBI_FWFT_POINTER_MASKING_PMLEN		0x5
#define SBI_FWFT_LOCAL_RESERVED_START		0x6
#define SBI_FWFT_LOCAL_RESERVED_END		0x3fffffff
#define SBI_FWFT_LOCAL_PLATFORM_START		0x40000000
#define SBI_FWFT_LOCAL_PLATFORM_END		0x7fffffff
#define SBI_FWFT_GLOBAL_RESERVED_START		0x80000000
#define SBI_FWFT_GLOBAL_RESERVED_END		0xbfffffff
#define SBI_FWFT_GLOBAL_PLATFORM_START		0xc0000000
#define SBI_FWFT_GLOBAL_PLATFORM_END		0xffffffff
#define SBI_FWFT_PLATFORM_FEATURE_BIT		(1UL << 30)
#define SBI_FWFT_GLOBAL_FEATURE_BIT		(1UL << 31)
/* FWFT SET flags: the value stays until the next reset. */
#define SBI_FWFT_SET_FLAG_LOCK			(1UL << 0)

enum sbi_ext_sse_fid {
	SBI_EXT_SSE_READ_ATTRS = 0,
	SBI_EXT_SSE_WRITE_ATTRS,
	SBI_EXT_SSE_REGISTER,
	SBI_EXT_SSE_UNREGISTER,
	SBI_EXT_SSE_ENABLE,
	SBI_EXT_SSE_DISABLE,
	SBI_EXT_SSE_COMPLETE,
	SBI_EXT_SSE_INJECT,
	SBI_EXT_SSE_HART_UNMASK,
	SBI_EXT_SSE_HART_MASK,
};

/* SSE event attributes. */
enum sbi_sse_attr_id {
	SBI_SSE_ATTR_STATUS = 0,
	SBI_SSE_ATTR_PRIORITY,
	SBI_SSE_ATTR_CONFIG,
	SBI_SSE_ATTR_PREFERRED_HART,
	SBI_SSE_ATTR_ENTRY_PC,
	SBI_SSE_ATTR_ENTRY_ARG,
	SBI_SSE_ATTR_INTERRUPTED_SEPC,
	SBI_SSE_ATTR_INTERRUPTED_FLAGS,
	SBI_SSE_ATTR_INTERRUPTED_A6,
	SBI_SSE_ATTR_INTERRUPTED_A7,
};

/* The STATUS attribute: state (enum sbi_sse_state), pending, injectable. */
#define SBI_SSE_ATTR_STATUS_STATE_OFFSET	0
#define SBI_SSE_ATTR_STATUS_STATE_MASK		0x3
#define SBI_SSE_ATTR_STATUS_PENDING_OFFSET	2
#define SBI_SSE_ATTR_STATUS_INJECT_OFFSET	3
/* The CONFIG attribute: disabled again after one delivery. */
#define SBI_SSE_ATTR_CONFIG_ONESHOT		(1UL << 0)
/* The INTERRUPTED_FLAGS attribute: the interrupted state's bits. */
#define SBI_SSE_ATTR_INTERRUPTED_FLAGS_SSTATUS_SPP	(1UL << 0)
#define SBI_SSE_ATTR_INTERRUPTED_FLAGS_SSTATUS_SPIE	(1UL << 1)
#define SBI_SSE_ATTR_INTERRUPTED_FLAGS_HSTATUS_SPV	(1UL << 2)
#define SBI_SSE_ATTR_INTERRUPTED_FLAGS_HSTATUS_SPVP	(1UL << 3)
#define SBI_SSE_ATTR_INTERRUPTED_FLAGS_SSTATUS_SPELP	(1UL << 4)
#define SBI_SSE_ATTR_INTERRUPTED_FLAGS_SSTATUS_SDT	(1UL << 5)

enum sbi_sse_state {
	SBI_SSE_STATE_UNUSED = 0,
	SBI_SSE_STATE_REGISTERED,
	SBI_SSE_STATE_ENABLED,
	SBI_SSE_STATE_RUNNING,
};

enum sbi_ext_dbcn_fid {
	SBI_EXT_DBCN_CONSOLE_WRITE = 0,
	SBI_EXT_DBCN_CONSOLE_READ,
	SBI_EXT_DBCN_CONSOLE_WRITE_BYTE,
};

/* What every SBI call returns: an SBI_ERR_* (or SBI_SUCCESS) and a value. */
struct sbiret {
	long error;
	long value;
};

/* A spec version as GET_SPEC_VERSION gives it. */
static inline unsigned long sbi_mk_version(unsigned long major, unsigned long minor)
{
	return (major & SBI_SPEC_VERSION_MAJOR_MASK) << SBI_SPEC_VERSION_MAJOR_SHIFT |
	       (minor & SBI_SPEC_VERSION_MINOR_MASK);
}

/* An OpenSBI version as its GET_IMP_VERSION gives it. */
static inline unsigned long sbi_impl_opensbi_mk_version(unsigned long major,
							unsigned long minor)
{
	return (major & 0xffff) << 16 | (minor & 0xffff);
}

/* Call function @fid of extension @ext with six arguments. */
extern struct sbiret sbi_ecall(int ext, int fid, unsigned long arg0,
			       unsigned long arg1, unsigned long arg2,
			       unsigned long arg3, unsigned long arg4,
			       unsigned long arg5);

/*
 * SRST shutdown, reason none if @passed, else system failure; prints and
 * returns if the firmware refuses.
 */
extern void sbi_shutdown(bool passed);

/*
 * HSM: start hart @hartid at physical address @entry in S-mode, with
 * translation off, a0 = @hartid and a1 = @sp (an opaque value); stop the
 * calling hart (which on_cpu() then counts offline and starts again on
 * its next use, as after halt()); the HSM state (SBI_EXT_HSM_*) of
 * @hartid in .value.
 */
extern struct sbiret sbi_hart_start(unsigned long hartid, unsigned long entry,
				    unsigned long sp);
extern struct sbiret sbi_hart_stop(void);
extern struct sbiret sbi_hart_get_status(unsigned long hartid);
/*
 * Suspend the calling hart (SBI_EXT_HSM_HART_SUSPEND_*): a retentive
 * suspend returns once an interrupt enabled in sie is pending; a
 * non-retentive one resumes at physical @resume_addr as HART_START does,
 * a1 = @opaque.
 */
extern struct sbiret sbi_hart_suspend(unsigned long type,
				      unsigned long resume_addr,
				      unsigned long opaque);

/*
 * IPIs: to the harts of @hart_mask counted from @hart_mask_base (base -1:
 * every hart), to CPU @cpu, to the CPUs of @mask (all of them: a
 * broadcast), to every hart, the caller's included.  The target sees a
 * supervisor software interrupt (IRQ_S_SOFT).
 */
extern struct sbiret sbi_send_ipi(unsigned long hart_mask,
				  unsigned long hart_mask_base);
extern struct sbiret sbi_send_ipi_cpu(int cpu);
extern struct sbiret sbi_send_ipi_cpumask(const cpumask_t *mask);
extern struct sbiret sbi_send_ipi_broadcast(void);

/* Remote FENCE.I on the harts of @hart_mask from @hart_mask_base. */
extern struct sbiret sbi_remote_fence_i(unsigned long hart_mask,
					unsigned long hart_mask_base);
/*
 * Remote SFENCE.VMA of [@start, @start + @size) on the harts of
 * @hart_mask from @hart_mask_base (size -1: every address).
 */
extern struct sbiret sbi_remote_sfence_vma(unsigned long hart_mask,
					   unsigned long hart_mask_base,
					   unsigned long start,
					   unsigned long size);

/* Raise the timer interrupt when time reaches @stime_value (clears it). */
extern struct sbiret sbi_set_timer(unsigned long stime_value);

/* The base extension: spec version (major << 24 | minor), implementation. */
extern struct sbiret sbi_get_spec_version(void);
extern struct sbiret sbi_get_imp_id(void);
extern struct sbiret sbi_get_imp_version(void);
/* The same values, asserting the calls succeed. */
extern unsigned long __sbi_get_imp_version(void);
extern unsigned long __sbi_get_imp_id(void);

/* The extension's probe value: 0 if the firmware lacks @ext. */
extern long sbi_probe(int ext);

/*
 * FWFT: set firmware feature @feature (SBI_FWFT_*) to @value (@flags:
 * SBI_FWFT_SET_FLAG_LOCK), read it back.  The _raw forms pass @feature
 * as given, all XLEN bits; the others as the 32 bits the spec defines.
 */
extern struct sbiret sbi_fwft_set_raw(unsigned long feature, unsigned long value,
				      unsigned long flags);
extern struct sbiret sbi_fwft_set(uint32_t feature, unsigned long value,
				  unsigned long flags);
extern struct sbiret sbi_fwft_get_raw(unsigned long feature);
extern struct sbiret sbi_fwft_get(uint32_t feature);

/*
 * SSE: a registered event runs @handler(@handler_data, regs, hartid) on
 * @stack (its top: the handler's frame goes below it) through
 * sbi_sse_entry, which saves the interrupted registers in regs (sepc and
 * sstatus included, so the handler may trap), restores them and tells
 * the firmware the event is complete.  @reg_tmp is sbi_sse_entry's.
 */
typedef void (*sbi_sse_handler_fn)(void *data, struct pt_regs *regs,
				   unsigned int hartid);

struct sbi_sse_handler_arg {
	unsigned long reg_tmp;
	sbi_sse_handler_fn handler;
	void *handler_data;
	void *stack;
};

extern void sbi_sse_entry(void);

/* Whether SSE event @event_id is global (any hart) rather than local. */
static inline bool sbi_sse_event_is_global(uint32_t event_id)
{
	return event_id & SBI_SSE_EVENT_GLOBAL_BIT;
}

/*
 * Read or write @attr_count attributes of event @event_id from
 * @base_attr_id, into or from @values (the _raw forms: the buffer's
 * physical address as two halves).
 */
extern struct sbiret sbi_sse_read_attrs_raw(unsigned long event_id,
					    unsigned long base_attr_id,
					    unsigned long attr_count,
					    unsigned long phys_lo,
					    unsigned long phys_hi);
extern struct sbiret sbi_sse_read_attrs(unsigned long event_id,
					unsigned long base_attr_id,
					unsigned long attr_count,
					unsigned long *values);
extern struct sbiret sbi_sse_write_attrs_raw(unsigned long event_id,
					     unsigned long base_attr_id,
					     unsigned long attr_count,
					     unsigned long phys_lo,
					     unsigned long phys_hi);
extern struct sbiret sbi_sse_write_attrs(unsigned long event_id,
					 unsigned long base_attr_id,
					 unsigned long attr_count,
					 unsigned long *values);
/* Register an entry point and its argument; the second form sbi_sse_entry. */
extern struct sbiret sbi_sse_register_raw(unsigned long event_id,
					  unsigned long entry_pc,
					  unsigned long entry_arg);
extern struct sbiret sbi_sse_register(unsigned long event_id,
				      struct sbi_sse_handler_arg *arg);
extern struct sbiret sbi_sse_unregister(unsigned long event_id);
extern struct sbiret sbi_sse_enable(unsigned long event_id);
extern struct sbiret sbi_sse_disable(unsigned long event_id);
/* Hold back, or let through, every event on the calling hart. */
extern struct sbiret sbi_sse_hart_mask(void);
extern struct sbiret sbi_sse_hart_unmask(void);
/* Raise event @event_id on hart @hart_id (software events). */
extern struct sbiret sbi_sse_inject(unsigned long event_id,
				    unsigned long hart_id);

#endif /* !__ASSEMBLY__ */
#endif /* _ASMRISCV_SBI_H_ */
