// SPDX-License-Identifier: MIT
/*
 * sbi.c - SBI calls (asm/sbi.h).  An ECALL from S-mode traps to the
 * firmware in M-mode, which answers in a0 (error) and a1 (value); every
 * other argument register is preserved, per the SBI calling convention.
 */
#include <libcflat.h>
#include <limits.h>
#include <asm/io.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/smp.h>

struct sbiret sbi_ecall(int ext, int fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2,
			unsigned long arg3, unsigned long arg4,
			unsigned long arg5)
{
	register unsigned long a0 asm("a0") = arg0;
	register unsigned long a1 asm("a1") = arg1;
	register unsigned long a2 asm("a2") = arg2;
	register unsigned long a3 asm("a3") = arg3;
	register unsigned long a4 asm("a4") = arg4;
	register unsigned long a5 asm("a5") = arg5;
	register unsigned long a6 asm("a6") = (unsigned long)fid;
	register unsigned long a7 asm("a7") = (unsigned long)ext;
	struct sbiret ret;

	asm volatile("ecall"
		     : "+r"(a0), "+r"(a1)
		     : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7)
		     : "memory");
	ret.error = (long)a0;
	ret.value = (long)a1;
	return ret;
}

static struct sbiret sbi_call0(int ext, int fid)
{
	return sbi_ecall(ext, fid, 0, 0, 0, 0, 0, 0);
}

void sbi_shutdown(bool passed)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_SRST, SBI_EXT_SRST_RESET,
				      SBI_SRST_RESET_TYPE_SHUTDOWN,
				      passed ? SBI_SRST_RESET_REASON_NONE :
					       SBI_SRST_RESET_REASON_SYSFAIL,
				      0, 0, 0, 0);

	printf("kut: SBI system reset (shutdown) failed: %ld\n", ret.error);
}

struct sbiret sbi_hart_start(unsigned long hartid, unsigned long entry,
			     unsigned long sp)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_START, hartid, entry,
			 sp, 0, 0, 0);
}

struct sbiret sbi_hart_stop(void)
{
	int cpu = smp_processor_id();
	struct sbiret ret;

	/* Off to on_cpu(), which starts it again on next use (as halt()). */
	set_cpu_online(cpu, false);
	ret = sbi_call0(SBI_EXT_HSM, SBI_EXT_HSM_HART_STOP);
	set_cpu_online(cpu, true);
	return ret;
}

struct sbiret sbi_hart_get_status(unsigned long hartid)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_STATUS, hartid, 0, 0,
			 0, 0, 0);
}

struct sbiret sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
	return sbi_ecall(SBI_EXT_IPI, SBI_EXT_IPI_SEND_IPI, hart_mask,
			 hart_mask_base, 0, 0, 0, 0);
}

struct sbiret sbi_send_ipi_cpu(int cpu)
{
	return sbi_send_ipi(1, cpus[cpu].hartid);
}

/*
 * Hart masks are one unsigned long wide from a base: send one call per
 * window of BITS_PER_LONG hart ids that holds CPUs of @mask.
 */
struct sbiret sbi_send_ipi_cpumask(const cpumask_t *mask)
{
	struct sbiret ret = { SBI_SUCCESS, 0 };
	cpumask_t left;
	int cpu;

	if (cpumask_weight(mask) == nr_cpus)
		return sbi_send_ipi_broadcast();
	cpumask_copy(&left, mask);
	while (!cpumask_empty(&left)) {
		unsigned long base = ULONG_MAX, bits = 0;

		for_each_cpu(cpu, &left)
			base = MIN(base, cpus[cpu].hartid);
		for_each_cpu(cpu, &left) {
			if (cpus[cpu].hartid - base < BITS_PER_LONG) {
				bits |= 1UL << (cpus[cpu].hartid - base);
				cpumask_clear_cpu(cpu, &left);
			}
		}
		ret = sbi_send_ipi(bits, base);
		if (ret.error)
			break;
	}
	return ret;
}

/* Every hart, the caller's included (hart_mask_base -1). */
struct sbiret sbi_send_ipi_broadcast(void)
{
	return sbi_send_ipi(0, -1UL);
}

struct sbiret sbi_remote_fence_i(unsigned long hart_mask,
				 unsigned long hart_mask_base)
{
	return sbi_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_FENCE_I,
			 hart_mask, hart_mask_base, 0, 0, 0, 0);
}

struct sbiret sbi_remote_sfence_vma(unsigned long hart_mask,
				    unsigned long hart_mask_base,
				    unsigned long start, unsigned long size)
{
	return sbi_ecall(SBI_EXT_RFENCE, SBI_EXT_RFENCE_REMOTE_SFENCE_VMA,
			 hart_mask, hart_mask_base, start, size, 0, 0);
}

struct sbiret sbi_set_timer(unsigned long stime_value)
{
	return sbi_ecall(SBI_EXT_TIME, SBI_EXT_TIME_SET_TIMER, stime_value, 0,
			 0, 0, 0, 0);
}

struct sbiret sbi_get_spec_version(void)
{
	return sbi_call0(SBI_EXT_BASE, SBI_EXT_BASE_GET_SPEC_VERSION);
}

struct sbiret sbi_get_imp_id(void)
{
	return sbi_call0(SBI_EXT_BASE, SBI_EXT_BASE_GET_IMP_ID);
}

struct sbiret sbi_get_imp_version(void)
{
	return sbi_call0(SBI_EXT_BASE, SBI_EXT_BASE_GET_IMP_VERSION);
}

struct sbiret sbi_hart_suspend(unsigned long type, unsigned long resume_addr,
			       unsigned long opaque)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_SUSPEND, type,
			 resume_addr, opaque, 0, 0, 0);
}

static unsigned long sbi_value(struct sbiret ret, const char *what)
{
	assert_msg(!ret.error, "SBI %s: error %ld", what, ret.error);
	return ret.value;
}

unsigned long __sbi_get_imp_version(void)
{
	return sbi_value(sbi_get_imp_version(), "implementation version");
}

unsigned long __sbi_get_imp_id(void)
{
	return sbi_value(sbi_get_imp_id(), "implementation ID");
}

long sbi_probe(int ext)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_EXT_BASE_PROBE_EXT,
				      (unsigned long)ext, 0, 0, 0, 0, 0);

	return ret.error ? 0 : ret.value;
}

struct sbiret sbi_fwft_set_raw(unsigned long feature, unsigned long value,
			       unsigned long flags)
{
	return sbi_ecall(SBI_EXT_FWFT, SBI_EXT_FWFT_SET, feature, value, flags,
			 0, 0, 0);
}

struct sbiret sbi_fwft_set(uint32_t feature, unsigned long value,
			   unsigned long flags)
{
	return sbi_fwft_set_raw(feature, value, flags);
}

struct sbiret sbi_fwft_get_raw(unsigned long feature)
{
	return sbi_ecall(SBI_EXT_FWFT, SBI_EXT_FWFT_GET, feature, 0, 0, 0, 0, 0);
}

struct sbiret sbi_fwft_get(uint32_t feature)
{
	return sbi_fwft_get_raw(feature);
}

/*
 * sbi_sse_read_attrs{,_raw}() and sbi_sse_write_attrs{,_raw}(): READ_ATTRS
 * and WRITE_ATTRS take the same arguments, the attribute buffer by its
 * physical address (split in two for rv32), so one definition makes both
 * pairs.
 */
#define SSE_ATTRS_CALLS(name, fid)					\
struct sbiret sbi_sse_##name##_raw(unsigned long event_id,		\
				   unsigned long base_attr_id,		\
				   unsigned long attr_count,		\
				   unsigned long phys_lo,		\
				   unsigned long phys_hi)		\
{									\
	return sbi_ecall(SBI_EXT_SSE, fid, event_id, base_attr_id,	\
			 attr_count, phys_lo, phys_hi, 0);		\
}									\
									\
struct sbiret sbi_sse_##name(unsigned long event_id,			\
			     unsigned long base_attr_id,		\
			     unsigned long attr_count, unsigned long *values) \
{									\
	return sbi_sse_##name##_raw(event_id, base_attr_id, attr_count,	\
				    virt_to_phys(values), 0);		\
}

SSE_ATTRS_CALLS(read_attrs, SBI_EXT_SSE_READ_ATTRS)
SSE_ATTRS_CALLS(write_attrs, SBI_EXT_SSE_WRITE_ATTRS)

struct sbiret sbi_sse_register_raw(unsigned long event_id,
				   unsigned long entry_pc,
				   unsigned long entry_arg)
{
	return sbi_ecall(SBI_EXT_SSE, SBI_EXT_SSE_REGISTER, event_id, entry_pc,
			 entry_arg, 0, 0, 0);
}

struct sbiret sbi_sse_register(unsigned long event_id,
			       struct sbi_sse_handler_arg *arg)
{
	return sbi_sse_register_raw(event_id, (unsigned long)sbi_sse_entry,
				    (unsigned long)arg);
}

struct sbiret sbi_sse_unregister(unsigned long event_id)
{
	return sbi_ecall(SBI_EXT_SSE, SBI_EXT_SSE_UNREGISTER, event_id, 0, 0,
			 0, 0, 0);
}

struct sbiret sbi_sse_enable(unsigned long event_id)
{
	return sbi_ecall(SBI_EXT_SSE, SBI_EXT_SSE_ENABLE, event_id, 0, 0, 0, 0, 0);
}

struct sbiret sbi_sse_disable(unsigned long event_id)
{
	return sbi_ecall(SBI_EXT_SSE, SBI_EXT_SSE_DISABLE, event_id, 0, 0, 0, 0, 0);
}

struct sbiret sbi_sse_hart_mask(void)
{
	return sbi_call0(SBI_EXT_SSE, SBI_EXT_SSE_HART_MASK);
}

struct sbiret sbi_sse_hart_unmask(void)
{
	return sbi_call0(SBI_EXT_SSE, SBI_EXT_SSE_HART_UNMASK);
}

struct sbiret sbi_sse_inject(unsigned long event_id, unsigned long hart_id)
{
	return sbi_ecall(SBI_EXT_SSE, SBI_EXT_SSE_INJECT, event_id, hart_id, 0,
			 0, 0, 0);
}
