// SPDX-License-Identifier: MIT
/*
 * x86-api.c - the newer parts of upstream's x86 API, used as upstream's
 * tests use them: CPUID properties and KVM's signature, the asm_safe()
 * family and forced emulation, XCRs, INVPCID, DR6/DR7 and #PF error-code
 * names, descriptor-table helpers, sti_nop(), the exception generators,
 * the x2APIC register table and fault_test.h.  Each check looks at what
 * the machine did, so it passes under TCG and KVM alike.
 */
#include "libcflat.h"
#include "processor.h"
#include "desc.h"
#include "isr.h"
#include "apic.h"
#include "fwcfg.h"
#include "vmalloc.h"
#include "alloc_page.h"
#include "asm/io.h"
#include "bitops.h"
#include "asm/page.h"
#include "asm/debugreg.h"
#ifdef __x86_64__
#include "fault_test.h"
#endif

static void test_cpuid_properties(void)
{
	struct cpuid c;
	u32 sig[3];

	report_prefix_push("cpuid");
	report(this_cpu_property(X86_PROPERTY_MAX_BASIC_LEAF) == cpuid(0).a,
	       "X86_PROPERTY_MAX_BASIC_LEAF is CPUID.0:EAX");
	report(this_cpu_has_p(X86_PROPERTY_MAX_PHY_ADDR) &&
	       this_cpu_property(X86_PROPERTY_MAX_PHY_ADDR) ==
	       (raw_cpuid(0x80000008, 0).a & 0xff) &&
	       cpuid_maxphyaddr() == this_cpu_property(X86_PROPERTY_MAX_PHY_ADDR),
	       "MAXPHYADDR %u", this_cpu_property(X86_PROPERTY_MAX_PHY_ADDR));
	report(!this_cpu_has_p(X86_CPU_PROPERTY(0x7fffffff, 0, EAX, 0, 31)),
	       "a leaf past the basic range is absent");
	c = raw_cpuid(0x40000000, 0);
	sig[0] = c.b;
	sig[1] = c.c;
	sig[2] = c.d;
	report(this_cpu_has_kvm() == (this_cpu_has(X86_FEATURE_HYPERVISOR) &&
				      !memcmp(sig, "KVMKVMKVM\0\0\0", 12)),
	       "this_cpu_has_kvm() is %s", this_cpu_has_kvm() ? "true" : "false");
	report(x86_family(0x000906ea) == 6 && x86_model(0x000906ea) == 0x9e &&
	       x86_family(0x00a20f10) == 0x19 && x86_model(0x00a20f10) == 0x21,
	       "x86_family()/x86_model() decode signatures");
	report(((this_cpu_supported_xcr0() & XFEATURE_MASK_FP_SSE) ==
		XFEATURE_MASK_FP_SSE) == this_cpu_has(X86_FEATURE_XSAVE),
	       "supported XCR0 has x87 and SSE exactly with XSAVE");
	report_prefix_pop();
}

static void test_asm_safe(void)
{
	ulong cr4 = read_cr4();
	u64 v = 1;

	report_prefix_push("asm_safe");
	report(asm_safe("ud2") == UD_VECTOR, "ud2 raises #UD");
	report(asm_safe("nop") == 0, "nop raises nothing");
	report(asm_safe("mov %0, %%es", "r"(0xfff8u)) == GP_VECTOR &&
	       exception_error_code() == 0xfff8 && read_es() == KERNEL_DS,
	       "a selector past the GDT's limit raises #GP(selector)");
	report(write_cr4_safe(cr4) == 0 && read_cr4() == cr4,
	       "write_cr4_safe() of the same value");
	report(write_cr3_safe(read_cr3()) == 0, "write_cr3_safe()");
	asm_safe_report("nop");
	asm_safe_report_ex(UD_VECTOR, "ud2");
	report(ltr_safe(0xfff8) == GP_VECTOR && str() == TSS_MAIN,
	       "ltr_safe() past the GDT's limit raises #GP");
	report(lldt_safe(0) == 0 && sldt() == 0, "lldt_safe(0) clears LDTR");
	report(rdpmc_safe(0x7fff, &v) != 0 && v == 0,
	       "rdpmc_safe() of a missing counter faults, value 0");
	if (is_fep_available) {
		report(asm_fep_safe("nop") == 0, "emulated nop");
		report(asm_fep_safe("ud2") == UD_VECTOR, "emulated ud2");
	} else {
		report(asm_safe(KVM_FEP "nop") == UD_VECTOR,
		       "no forced emulation: KVM_FEP raises #UD");
	}
	report_prefix_pop();
}

static void test_xcr(void)
{
	u64 xcr0;

	report_prefix_push("xcr");
	/*
	 * (Not XGETBV with CR4.OSXSAVE clear: some nested KVM hosts fail to
	 * emulate the #UD it must raise and stop the guest.)
	 */
	if (!(read_cr4() & X86_CR4_OSXSAVE) && this_cpu_has(X86_FEATURE_XSAVE))
		write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	if (read_cr4() & X86_CR4_OSXSAVE) {
		xcr0 = read_xcr0();
		report(xcr0 & XFEATURE_MASK_FP, "XCR0 has x87 (%#llx)",
		       (unsigned long long)xcr0);
		report(write_xcr0_safe(0) == GP_VECTOR,
		       "XCR0 without x87 raises #GP");
		report(xsetbv_safe(0, xcr0) == 0 && read_xcr0() == xcr0,
		       "XCR0 written back");
		report(xgetbv_safe(0x7fffffff, &xcr0) == GP_VECTOR,
		       "a missing XCR raises #GP");
	} else {
		report_skip("no XSAVE");
	}
	report_prefix_pop();
}

static void test_invpcid(void)
{
	struct invpcid_desc desc = { .pcid = 0, .addr = 0 };

	report_prefix_push("invpcid");
	if (this_cpu_has(X86_FEATURE_INVPCID)) {
		report(invpcid_safe(2, &desc) == 0, "type 2 flushes everything");
		report(invpcid_safe(4, &desc) == GP_VECTOR, "type 4 raises #GP");
	} else {
		report(invpcid_safe(2, &desc) == UD_VECTOR, "no INVPCID: #UD");
	}
	report_prefix_pop();
}

static volatile ulong db_dr6;

static void db_handler(struct ex_regs *regs)
{
	db_dr6 = read_dr6();
	regs->rflags &= ~X86_EFLAGS_TF;
}

static void test_debugreg(void)
{
	report_prefix_push("debugreg");
	write_dr6(0);
	report((read_dr6() & DR6_FIXED_1) == DR6_FIXED_1,
	       "DR6 written 0 keeps its fixed bits (%#lx)", read_dr6());
	write_dr7(0);
	report(read_dr7() == DR7_FIXED_1, "DR7 written 0 reads DR7_FIXED_1");
	write_dr0((void *)&db_dr6);
	report(read_dr0() == (ulong)&db_dr6, "write_dr0() takes an address");
	write_dr6(DR6_ACTIVE_LOW);
	handle_exception(DB_VECTOR, db_handler);
	generate_single_step_db();
	handle_exception(DB_VECTOR, NULL);
	report(db_dr6 & DR6_BS, "single step sets DR6_BS (%#lx)", db_dr6);
	write_dr6(DR6_ACTIVE_LOW);
	report_prefix_pop();
}

static volatile u64 pf_error;

static void pf_handler(struct ex_regs *regs)
{
	pf_error = regs->error_code;
	regs->rip += 3;		/* "movl %ecx, (%rax)" / "movl %ecx, (%eax)" */
}

static void test_pferr(void)
{
	volatile u32 *p;

	report_prefix_push("pferr");
	setup_vm();
	p = alloc_vpage();	/* nothing mapped there */
	handle_exception(PF_VECTOR, pf_handler);
	asm volatile(".byte 0x89, 0x08" "\n\tnop" : : "a"(p), "c"(0) : "memory");
	handle_exception(PF_VECTOR, NULL);
	report(pf_error == PFERR_WRITE_MASK,
	       "write to an unmapped page: error code %#llx",
	       (unsigned long long)pf_error);
	report_prefix_pop();
}

static volatile int irqs;

static void ipi_handler(isr_regs_t *regs)
{
	(void)regs;
	irqs++;
	eoi();
}

static void self_ipi(void)
{
	apic_icr_write(APIC_DEST_SELF | APIC_DM_FIXED | 0xe0, 0);
}

static void test_sti_nop(void)
{
	ulong flags = read_rflags();

	report_prefix_push("sti_nop");
	handle_irq(0xe0, ipi_handler);
	cli();
	self_ipi();
	report(irqs == 0, "held while IF is clear");
	sti_nop_cli();
	report(irqs == 1 && !(read_rflags() & X86_EFLAGS_IF),
	       "sti_nop_cli() lets it in and clears IF");
	self_ipi();
	sti_nop();
	report(irqs == 2 && (read_rflags() & X86_EFLAGS_IF),
	       "sti_nop() lets it in and leaves IF set");
	cli();
	handle_irq(0xe0, NULL);
	write_rflags(flags);
#ifdef __x86_64__
	report(((u8 *)isr_iret_ip)[0] == 0x48 && ((u8 *)isr_iret_ip)[1] == 0xcf,
	       "isr_iret_ip is an iretq");
#else
	report(((u8 *)isr_iret_ip)[0] == 0xcf, "isr_iret_ip is an iret");
#endif
	report_prefix_pop();
}

static void do_de(void *d) { (void)d; generate_de(); }
static void do_ud(void *d) { (void)d; generate_ud(); }
static void do_bp(void *d) { (void)d; generate_bp(); }
#ifdef __x86_64__
static void do_gp(void *d) { (void)d; generate_non_canonical_gp(); }
#endif

static void test_generators(void)
{
	report_prefix_push("generate");
	report(test_for_exception(DE_VECTOR, do_de, NULL), "generate_de()");
	report(test_for_exception(UD_VECTOR, do_ud, NULL), "generate_ud()");
	report(test_for_exception(BP_VECTOR, do_bp, NULL), "generate_bp()");
#ifdef __x86_64__
	report(test_for_exception(GP_VECTOR, do_gp, NULL),
	       "generate_non_canonical_gp()");
#endif
	report(is_canonical(CANONICAL_48_VAL) && !is_canonical(NONCANONICAL) &&
	       get_non_canonical(0x1000, LAM48_MASK) == 0x2aaa000000001000ull,
	       "canonical addresses");
	report(!is_la57_enabled() && !is_lam_sup_enabled() &&
	       !is_lam_u48_enabled() && !is_lam_u57_enabled(),
	       "neither LA57 nor LAM is on");
	report_prefix_pop();
}

static void test_descriptors(void)
{
	u16 tr = str();
	gdt_entry_t *d = get_tss_descr();

	report_prefix_push("descriptors");
	report(get_gdt_entry(tr) == &gdt[tr >> 3], "get_gdt_entry(TR)");
	report(get_gdt_entry_base(get_gdt_entry(KERNEL_DS)) == 0,
	       "KERNEL_DS has base 0");
	report(d->type == 0xb, "the current TSS is busy");
	clear_tss_busy(tr);
	report(d->type == 0x9, "clear_tss_busy() makes it available");
	load_gdt_tss(tr);
	report(str() == tr && d->type == 0xb, "load_gdt_tss() loads it again");
	set_gdt_entry(FIRST_SPARE_SEL, 0x1000, 0xfff, 0x93, 0);
	set_gdt_entry_base(FIRST_SPARE_SEL, 0x12345000);
	report(get_gdt_entry_base(&gdt[FIRST_SPARE_SEL >> 3]) == 0x12345000 &&
	       get_gdt_entry_limit(&gdt[FIRST_SPARE_SEL >> 3]) == 0xfff,
	       "set_gdt_entry_base() keeps the limit");
	load_idt();
	report(asm_safe("ud2") == UD_VECTOR, "load_idt() keeps the IDT working");
	report_prefix_pop();
}

/* As a 64-bit number on both arches. */
static u64 phys_of(void *p)
{
	return virt_to_phys(p);
}

static void test_areas(void)
{
	void *lowest = alloc_pages_flags(0, AREA_DMA24);
	void *dma32 = alloc_pages_flags(0, AREA_DMA32);
	void *any = alloc_page();

	report_prefix_push("areas");
	report(lowest && phys_of(lowest) < (AREA_LOW_PFN << PAGE_SHIFT),
	       "AREA_DMA24 is below 16 MiB (%p)", lowest);
	report(dma32 && phys_of(dma32) < (AREA_HIGH_PFN << PAGE_SHIFT),
	       "AREA_DMA32 is below 4 GiB (%p)", dma32);
	/* Without RAM above 16 MiB nothing else is there to prefer. */
	report(any && phys_of(any) >= (AREA_LOW_PFN << PAGE_SHIFT),
	       "any area prefers RAM above 16 MiB (%p)", any);
	report(!alloc_pages_flags(0, AREA_NORMAL),
	       "no AREA_NORMAL without RAM above 64 GiB");
	free_page(lowest);
	free_page(dma32);
	free_page(any);
	report_prefix_pop();
}

static void test_bits(void)
{
	unsigned long bits[3] = { 0, 0, 0 };

	report_prefix_push("bits");
	__set_bit(3, bits);
	__set_bit(BITS_PER_LONG + 1, bits);
	report(bits[0] == 8 && bits[1] == 2, "__set_bit() across words");
	report(__test_and_clear_bit(3, bits) && !__test_and_clear_bit(3, bits) &&
	       bits[0] == 0, "__test_and_clear_bit()");
	__clear_bit(BITS_PER_LONG + 1, bits);
	report(bits[1] == 0 && GENMASK_ULL(39, 8) == 0xffffffff00ull,
	       "__clear_bit(), GENMASK_ULL()");
	report_prefix_pop();
}

static void test_misc(void)
{
	report_prefix_push("misc");
	report(test_device_enabled() && !no_test_device,
	       "kut-run gives QEMU its test devices");
	report(get_x2apic_reg_semantics(APIC_EOI) == X2APIC_WO &&
	       get_x2apic_reg_semantics(APIC_ID) == X2APIC_RO &&
	       get_x2apic_reg_semantics(APIC_TASKPRI) == X2APIC_RW &&
	       get_x2apic_reg_semantics(APIC_ICR2) == X2APIC_INVALID,
	       "x2APIC register semantics");
	report(get_x2apic_reg_semantics(APIC_IRR + 0x70) == X2APIC_RO &&
	       get_x2apic_reg_semantics(APIC_TMCCT) == X2APIC_RO &&
	       get_x2apic_reg_semantics(APIC_ESR) == X2APIC_RW &&
	       get_x2apic_reg_semantics(APIC_TDCR) == X2APIC_RW &&
	       get_x2apic_reg_semantics(APIC_SELF_IPI) == X2APIC_WO &&
	       get_x2apic_reg_semantics(APIC_DFR) == X2APIC_INVALID &&
	       get_x2apic_reg_semantics(0x3a0) == X2APIC_INVALID &&
	       get_x2apic_reg_semantics(0x400) == X2APIC_INVALID,
	       "x2APIC register semantics at the edges of each range");
	if (this_cpu_has(X86_FEATURE_RDRAND))
		report(rdrand() != 0 || rdrand() != 0, "rdrand() gives numbers");
	if (this_cpu_has(X86_FEATURE_TSC_DEADLINE_TIMER)) {
		/* The MSR holds a deadline only in TSC-deadline mode. */
		apic_write(APIC_LVTT, APIC_LVT_TIMER_TSCDEADLINE |
			   APIC_LVT_MASKED | 0xe1);
		wrmsr_tscdeadline_serialize(rdtsc() + (1ull << 40));
		report(rdmsr(MSR_IA32_TSCDEADLINE) != 0,
		       "wrmsr_tscdeadline_serialize() arms the deadline");
		wrmsr(MSR_IA32_TSCDEADLINE, 0);
		apic_write(APIC_LVTT, APIC_LVT_MASKED);
	}
	report_prefix_pop();
}

#ifdef __x86_64__
static uint64_t ft_ud(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	(void)a; (void)b; (void)c; (void)d;
	asm volatile("ud2");
	return 0;
}

static uint64_t ft_sum(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	return a + b + c + d;
}

static bool ft_is_ten(struct fault_test_arg *arg)
{
	return arg->retval == 10;
}

static struct fault_test fault_tests[] = {
	FAULT_TEST("fault_test: ring 0 #UD",
		   ((struct fault_test_arg){ .fault_vector = UD_VECTOR,
		     .should_fault = true, .func = ft_ud })),
	FAULT_TEST("fault_test: ring 0 sum with callback",
		   ((struct fault_test_arg){ .fault_vector = UD_VECTOR,
		     .arg = { 4, 3, 2, 1 }, .func = ft_sum,
		     .callback = ft_is_ten })),
	FAULT_TEST("fault_test: ring 3 #UD",
		   ((struct fault_test_arg){ .usermode = true,
		     .fault_vector = UD_VECTOR, .should_fault = true,
		     .func = ft_ud })),
	FAULT_TEST("fault_test: ring 3 sum with callback",
		   ((struct fault_test_arg){ .usermode = true,
		     .fault_vector = UD_VECTOR, .arg = { 1, 2, 3, 4 },
		     .func = ft_sum, .callback = ft_is_ten })),
};
#endif

int main(void)
{
	test_cpuid_properties();
	test_asm_safe();
	test_xcr();
	test_invpcid();
	test_debugreg();
	test_pferr();
	test_sti_nop();
	test_generators();
	test_descriptors();
	test_misc();
	test_areas();
	test_bits();
#ifdef __x86_64__
	for (unsigned int i = 0; i < ARRAY_SIZE(fault_tests); i++)
		test_run(&fault_tests[i]);
#endif
	return report_summary();
}
