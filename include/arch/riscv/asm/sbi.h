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

#ifndef __ASSEMBLY__
#include <cpumask.h>

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
 * calling hart; the HSM state (SBI_EXT_HSM_*) of @hartid in .value.
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

#endif /* !__ASSEMBLY__ */
#endif /* _ASMRISCV_SBI_H_ */
