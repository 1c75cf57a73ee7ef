// SPDX-License-Identifier: MIT
/*
 * desc.c - x86 IDT, GDT, TSS and the exception dispatcher, for both
 * modes; desc64.c and desc32.c hold what differs (alternate stacks,
 * per-CPU data, the register dump).
 *
 * Every vector enters kut_x86_exception() (isr64.S, isr32.S; on i386 #DF
 * comes through the double-fault task).  Order of precedence:
 * a handler installed with handle_exception(); then an ASM_TRY record for
 * the faulting instruction; otherwise the exception is unexpected and the
 * test ends with a register dump and a backtrace.  An exception inside
 * that dump stops the machine at once, so a broken handler can never loop.
 */
#include <libcflat.h>
#include <x86/desc.h>
#include <x86/processor.h>
#include <x86/msr.h>
#include <kut_abi.h>

#include "../arch.h"
#include "percpu.h"
#include "x86.h"

/*
 * The I/O ports ring 3 may use without IOPL 3: COM1 (the console) and
 * the exit device, so that user code run_in_user() runs can print and
 * end the test as upstream's can.  One permission bitmap, for ports 0 to
 * USER_IO_PORTS - 1 and followed by the all-ones byte the CPU requires,
 * serves every CPU: it lies in the slots after the last TSS, where each
 * TSS reaches it (a TSS's bitmap must start within 64 KiB of its base).
 */
#define USER_IO_PORTS		0x400
#define IO_BITMAP_BYTES		(USER_IO_PORTS / 8 + 1)
#define IO_BITMAP_SLOTS		\
	((IO_BITMAP_BYTES + sizeof(kut_tss_t) - 1) / sizeof(kut_tss_t))
#define COM1_PORT		0x3f8

idt_entry_t boot_idt[256] __attribute__((aligned(16)));
kut_tss_t tss[MAX_TEST_CPUS + IO_BITMAP_SLOTS] __attribute__((aligned(16)));

static handler exception_handlers[256];
static struct percpu percpu_area[MAX_TEST_CPUS];

extern char isr_stubs[];	/* 256 stubs of 16 bytes */
extern char gdt_end[];
extern char boot_stack_top[];

struct ex_record {
	unsigned long rip;
	unsigned long fixup;
};
extern struct ex_record __ex_table_start[], __ex_table_end[];

/*
 * usermode.c's, when run_in_user() is linked in: claims the exceptions
 * from ring 3 that end the function it runs.
 */
extern bool kut_x86_user_fault(struct ex_regs *regs) __attribute__((weak));

static const char *const mnemonics[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM",
	"#DF", NULL, "#TS", "#NP", "#SS", "#GP", "#PF", NULL,
	"#MF", "#AC", "#MC", "#XM", "#VE", "#CP", NULL, NULL,
	NULL, NULL, NULL, NULL, "#HV", "#VC", "#SX", NULL,
};

const char *exception_mnemonic(int vector)
{
	if (vector < 0 || vector >= 32)
		return NULL;
	return mnemonics[vector];
}

void set_desc_entry(idt_entry_t *e, size_t e_sz, void *addr, u16 sel,
		    u16 type, u16 dpl)
{
	unsigned long a = (unsigned long)addr;

	memset(e, 0, e_sz);
	e->offset0 = a;
	e->offset1 = a >> 16;
#ifdef __x86_64__
	if (e_sz >= sizeof(*e))
		e->offset2 = (u64)a >> 32;
#endif
	e->selector = sel;
	e->type = type;
	e->dpl = dpl;
	e->p = 1;
}

void set_idt_entry(int vec, void *addr, int dpl)
{
	/* An interrupt gate of the current mode's width. */
	set_desc_entry(&boot_idt[vec], sizeof(boot_idt[vec]), addr, KERNEL_CS,
		       0xe, dpl);
}

void set_idt_sel(int vec, u16 sel)
{
	boot_idt[vec].selector = sel;
}

void set_idt_dpl(int vec, u16 dpl)
{
	boot_idt[vec].dpl = dpl;
}

void set_gdt_entry(int sel, unsigned long base, u32 limit, u8 access, u8 gran)
{
	gdt_entry_t *e = &gdt[sel >> 3];

	e->limit1 = limit;
	e->base1 = base;
	e->base2 = base >> 16;
	e->type_limit_flags = access | ((limit >> 16) & 0xf) << 8 |
			      (gran & 0xf0) << 8;
	e->base3 = base >> 24;
#ifdef __x86_64__
	/* A system descriptor (S=0) takes two slots in long mode. */
	if (!(access & 0x10)) {
		struct system_desc64 *d = (struct system_desc64 *)e;

		d->base4 = base >> 32;
		d->zero = 0;
	}
#endif
}

unsigned long get_gdt_entry_base(gdt_entry_t *entry)
{
	unsigned long base = entry->base1 | ((u32)entry->base2 << 16) |
			     ((u32)entry->base3 << 24);

#ifdef __x86_64__
	if (!entry->s)
		base |= (unsigned long)((struct system_desc64 *)entry)->base4 << 32;
#endif
	return base;
}

unsigned long get_gdt_entry_limit(gdt_entry_t *entry)
{
	unsigned long limit = entry->limit1 | ((u32)entry->limit2 << 16);

	if (entry->g)
		limit = (limit << 12) | 0xfff;
	return limit;
}

void set_gdt_entry_base(int sel, unsigned long base)
{
	gdt_entry_t *e = &gdt[sel >> 3];

	e->base1 = base;
	e->base2 = base >> 16;
	e->base3 = base >> 24;
#ifdef __x86_64__
	if (!e->s) {
		struct system_desc64 *d = (struct system_desc64 *)e;

		d->base4 = base >> 32;
		d->zero = 0;
	}
#endif
}

gdt_entry_t *get_gdt_entry(u16 sel)
{
	struct descriptor_table_ptr gdtr;

	sgdt(&gdtr);
	return &((gdt_entry_t *)gdtr.base)[sel >> 3];
}

gdt_entry_t *get_tss_descr(void)
{
	return get_gdt_entry(str());
}

gdt_entry_t *get_ldt_descr(void)
{
	return get_gdt_entry(sldt());
}

void clear_tss_busy(int sel)
{
	gdt_entry_t *e = &gdt[sel >> 3];

	/* Present, DPL 0, system, available 32/64-bit TSS. */
	e->type_limit_flags = (e->type_limit_flags & ~0xff) | 0x89;
}

handler handle_exception(u8 v, handler fn)
{
	handler old = exception_handlers[v];

	exception_handlers[v] = fn;
	return old;
}

handler install_exception_handler(int vector, handler fn)
{
	return handle_exception(vector, fn);
}

unsigned exception_vector(void)
{
	return this_cpu()->exception_vector;
}

unsigned exception_error_code(void)
{
	return this_cpu()->exception_error_code;
}

bool exception_rflags_rf(void)
{
	return this_cpu()->exception_rflags_rf & 1;
}

int write_cr4_checking(unsigned long val)
{
	return write_cr4_safe(val);
}

void __set_exception_jmpbuf(jmp_buf *addr)
{
	this_cpu()->exception_jmpbuf = addr;
}

static void jmpbuf_handler(struct ex_regs *regs)
{
	struct percpu *pc = this_cpu();
	jmp_buf *jb = pc->exception_jmpbuf;

	(void)regs;
	pc->exception_jmpbuf = NULL;
	longjmp(*jb, 1);
}

bool test_for_exception(unsigned int ex, void (*trigger_func)(void *data),
			void *data)
{
	handler old;
	jmp_buf jb;
	bool raised;

	old = handle_exception(ex, jmpbuf_handler);
	if (set_exception_jmpbuf(jb) == 0) {
		trigger_func(data);
		this_cpu()->exception_jmpbuf = NULL;
		raised = false;
	} else {
		raised = true;
	}
	handle_exception(ex, old);
	return raised;
}

static bool try_fixup(struct ex_regs *regs)
{
	struct percpu *pc = this_cpu();
	struct ex_record *r;

	for (r = __ex_table_start; r < __ex_table_end; r++) {
		if (r->rip != regs->rip)
			continue;
		pc->exception_vector = regs->vector;
		pc->exception_error_code = regs->error_code;
		pc->exception_rflags_rf = !!(regs->rflags & X86_EFLAGS_RF);
		regs->rip = r->fixup;
		return true;
	}
	return false;
}

static void dump_regs(struct ex_regs *regs)
{
	const char *name = exception_mnemonic(regs->vector);
	const int w = X86_REG_DIGITS;

	if (regs->vector < 32)
		printf("Unhandled exception %lu %s at ip %0*lx\n",
		       regs->vector, name ? name : "(reserved)", w, regs->rip);
	else
		printf("Unexpected interrupt, vector %lu, at ip %0*lx\n",
		       regs->vector, w, regs->rip);
	printf("error_code=%0*lx      rflags=%0*lx      cs=%0*lx\n",
	       w, regs->error_code, w, regs->rflags, w, regs->cs);
	kut_x86_dump_gprs(regs);
	printf("cr0=%0*lx cr2=%0*lx cr3=%0*lx cr4=%0*lx\n",
	       w, read_cr0(), w, read_cr2(), w, read_cr3(), w, read_cr4());
}

void unhandled_exception(struct ex_regs *regs, bool cpu)
{
	(void)cpu;
	dump_regs(regs);
	dump_frame_stack((void *)regs->rip, (void *)regs->rbp);
	printf("ABORT: unhandled exception %lu; test aborted\n", regs->vector);
	abort();
}

void kut_x86_exception(struct ex_regs *regs)
{
	struct percpu *pc;
	handler h = exception_handlers[regs->vector & 0xff];

	/* First, and before GS is used: it may be a test's while in ring 3. */
	if ((regs->cs & 3) && kut_x86_user_fault && kut_x86_user_fault(regs))
		return;
	pc = this_cpu();
	if (pc->exception_depth) {
		/* The default handler itself faulted: say so and stop. */
		printf("\nNested exception %lu at ip %0*lx while reporting "
		       "an exception; stopping\n", regs->vector, X86_REG_DIGITS,
		       regs->rip);
		arch_exit(1);
	}
	if (h) {
		h(regs);
		return;
	}
	if (try_fixup(regs))
		return;
	pc->exception_depth++;
	unhandled_exception(regs, false);
}

static void allow_user_ports(u8 *bitmap, unsigned int port, unsigned int n)
{
	for (; n--; port++)
		bitmap[port / 8] &= ~(1u << (port % 8));
}

static void setup_tss(u32 cpu, void *rsp0)
{
	int sel = X86_TSS_SEL(cpu);
	kut_tss_t *t = &tss[cpu];
	u8 *bitmap = (u8 *)&tss[MAX_TEST_CPUS];

	if (cpu == 0) {
		memset(bitmap, 0xff, IO_BITMAP_BYTES);
		allow_user_ports(bitmap, COM1_PORT, 8);
		allow_user_ports(bitmap, KUT_X86_DEBUG_EXIT_PORT, 4);
	}
	memset(t, 0, sizeof(*t));
	kut_x86_init_tss(t, cpu, rsp0);
	t->iomap_base = bitmap - (u8 *)t;
	set_gdt_entry(sel, (unsigned long)t,
		      t->iomap_base + IO_BITMAP_BYTES - 1, 0x89, 0);
	ltr(sel);
}

void setup_idt(void)
{
	struct descriptor_table_ptr idtr = {
		.limit = sizeof(boot_idt) - 1,
		.base = (unsigned long)boot_idt,
	};
	int v;

	for (v = 0; v < 256; v++)
		set_idt_entry(v, isr_stubs + 16 * v, 0);
	/* #BP and #OF are trap instructions tests run from ring 3 too. */
	set_idt_dpl(BP_VECTOR, 3);
	set_idt_dpl(OF_VECTOR, 3);
	kut_x86_setup_alt_vectors();
	lidt(&idtr);
}

/* kut's GDT and IDT as GDTR and IDTR hold them (set up at start). */
struct descriptor_table_ptr gdt_descr, idt_descr;

static void load_gdt(void)
{
	lgdt(&gdt_descr);
}

void load_gdt_tss(size_t tss_offset)
{
	load_gdt();
	ltr(tss_offset);
}

void load_idt(void)
{
	lidt(&idt_descr);
}

bool is_fep_available;

/*
 * Forced emulation is there when KVM_FEP does not raise #UD: KVM, with
 * force_emulation_prefix set, skips it and emulates the nop.  Plain
 * ASM_TRY: the record is for the prefix's own address.
 */
static bool probe_fep(void)
{
	asm goto(ASM_TRY("%l[no_fep]")
		 KVM_FEP "nop\n\t"
		 : : : "memory" : no_fep);
	return true;
no_fep:
	return false;
}

void kut_x86_setup_idt(void);
void kut_x86_setup_idt(void)
{
	gdt_descr.limit = (unsigned long)gdt_end - (unsigned long)gdt - 1;
	gdt_descr.base = (unsigned long)gdt;
	idt_descr.limit = sizeof(boot_idt) - 1;
	idt_descr.base = (unsigned long)boot_idt;
	load_gdt();
	/*
	 * No LDT: the CPU's reset state (which PVH hands over as it is) has
	 * one of 64 KiB at address 0, so a selector with TI set would not
	 * fault #GP as upstream's taskswitch test expects.
	 */
	lldt(0);
	setup_idt();
	percpu_init(&percpu_area[0], 0);
	setup_tss(0, boot_stack_top);
	is_fep_available = probe_fep();
	/* Tests start with no exception caught. */
	this_cpu()->exception_vector = 0;
	this_cpu()->exception_error_code = 0;
}

void kut_x86_setup_ap(u32 cpu, void *rsp0)
{
	struct descriptor_table_ptr idtr = {
		.limit = sizeof(boot_idt) - 1,
		.base = (unsigned long)boot_idt,
	};

	load_gdt();
	lldt(0);
	lidt(&idtr);
	percpu_init(&percpu_area[cpu], cpu);
	setup_tss(cpu, rsp0);
}
