/* SPDX-License-Identifier: MIT */
/*
 * x86/desc.h - descriptor tables and exceptions.
 *
 * kut boots with a GDT whose selectors are those upstream kvm-unit-tests
 * tests hard-code (table below), an IDT whose 256 vectors all lead to one
 * dispatcher, and one TSS per CPU (64-bit on x86_64, 32-bit on i386).  A
 * test catches an exception in one of three ways:
 *   - handle_exception(vector, fn): fn(regs) runs for every such exception
 *     on any CPU; it may change regs (e.g. advance regs->rip) to resume;
 *   - ASM_TRY("label") before one instruction in inline asm: if that
 *     instruction faults and no handler is installed for the vector,
 *     execution resumes at the label and exception_vector() tells which
 *     fault it was (0 when none);
 *   - test_for_exception(vector, fn, data): runs fn(data) and reports
 *     whether it raised @vector.
 * Any other exception prints the vector, error code, registers, control
 * registers and a backtrace, then ends the test as failed.
 *
 * Each TSS's I/O permission bitmap lets ring 3 use the console's ports
 * (0x3f8-0x3ff) and the exit device's (0xf4-0xf7), so that user code
 * (x86/usermode.h) can print and end the test; other ports raise #GP at
 * CPL 3 unless IOPL is 3.
 *
 * i386: a fault on an unusable stack still gets its report because #DF
 * is a task gate (TSS_DF) to a task with a stack of its own (x86_64 uses
 * an IST stack); per-CPU data is a GDT data segment in GS (x86_64: the GS
 * base MSR).  set_intr_task_gate() and friends are upstream's 32-bit
 * task-switch API.
 */
#ifndef _X86_DESC_H_
#define _X86_DESC_H_

/*
 * Selectors:         x86_64                    i386
 * 0x00               null                      null
 * 0x08               ring-0 code (64-bit)      ring-0 code (32-bit)
 * 0x10               ring-0 data               ring-0 data
 * 0x18               ring-0 code, P=0          ring-0 code, P=0
 * 0x20               ring-0 code (32-bit)      TSS_INTR: tss_intr
 * 0x28               ring-0 code (16-bit)      same
 * 0x30               ring-0 data (16-bit)      same
 * 0x38               ring-3 code (32-bit)      same
 * 0x40               ring-3 data               same
 * 0x48               ring-3 code (64-bit)      TSS_DF: the #DF task
 * 0x50-0x78          free for tests            same
 * 0x80 + 16 * cpu    that CPU's TSS            same
 * 0x88 + 16 * cpu    (TSS, upper half)         that CPU's per-CPU data (GS)
 * (ring-3 selectors have RPL 3: USER_CS32 is 0x3b.)  0x08/0x10 and
 * 0x3b..0x4b are laid out for SYSCALL/SYSRET.
 */
#define KERNEL_CS	0x08
#define KERNEL_DS	0x10
#define NP_SEL		0x18
#define KERNEL_CS16	0x28
#define KERNEL_DS16	0x30
#define USER_CS32	0x3b
#define USER_DS		0x43
#define FIRST_SPARE_SEL	0x50
#define TSS_MAIN	0x80

#define KERNEL_DS32	KERNEL_DS
#define USER_DS32	USER_DS
#ifdef __x86_64__
#define KERNEL_CS32	0x20
#define USER_CS64	0x4b
#define KERNEL_CS64	KERNEL_CS
#define KERNEL_DS64	KERNEL_DS
#define USER_CS		USER_CS64
#define USER_DS64	USER_DS
#else
#define KERNEL_CS32	KERNEL_CS
#define USER_CS		USER_CS32
/* The TSS of set_intr_task_gate()'s task (tss_intr). */
#define TSS_INTR	0x20
/* kut's double-fault task: #DF is a task gate to it. */
#define TSS_DF		0x48
#endif


#ifndef __ASSEMBLY__
#include <libcflat.h>
#include <setjmp.h>

/* The registers at the time of an exception, as handlers see them. */
struct ex_regs {
	unsigned long rax, rcx, rdx, rbx;
	unsigned long dummy, rbp, rsi, rdi;
#ifdef __x86_64__
	unsigned long r8, r9, r10, r11;
	unsigned long r12, r13, r14, r15;
#endif
	unsigned long vector;
	unsigned long error_code;
	unsigned long rip;
	unsigned long cs;
	unsigned long rflags;
#ifdef __x86_64__
	unsigned long rsp;
	unsigned long ss;
#endif
};

typedef void (*handler)(struct ex_regs *regs);

/*
 * Install @fn for vector @v on all CPUs (NULL restores the default, which
 * reports the exception and fails the test).  Returns the previous handler.
 */
handler handle_exception(u8 v, handler fn);
/* The same, under the name the other kut arches use. */
handler install_exception_handler(int vector, handler fn);

/* A 32-bit TSS (i386), field by field; t is the debug-trap flag. */
typedef struct {
	u16 prev;
	u16 res1;
	u32 esp0;
	u16 ss0;
	u16 res2;
	u32 esp1;
	u16 ss1;
	u16 res3;
	u32 esp2;
	u16 ss2;
	u16 res4;
	u32 cr3;
	u32 eip;
	u32 eflags;
	u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u16 es;
	u16 res5;
	u16 cs;
	u16 res6;
	u16 ss;
	u16 res7;
	u16 ds;
	u16 res8;
	u16 fs;
	u16 res9;
	u16 gs;
	u16 res10;
	u16 ldt;
	u16 res11;
	u16 t : 1;
	u16 res12 : 15;
	u16 iomap_base;
} tss32_t;

/* A 64-bit TSS (x86_64). */
typedef struct __attribute__((packed)) {
	u32 res1;
	u64 rsp0;
	u64 rsp1;
	u64 rsp2;
	u64 res2;
	u64 ist1;
	u64 ist2;
	u64 ist3;
	u64 ist4;
	u64 ist5;
	u64 ist6;
	u64 ist7;
	u64 res3;
	u16 res4;
	u16 iomap_base;
} tss64_t;

typedef struct {
	u16 offset0;
	u16 selector;
	u16 ist : 3;
	u16 : 5;
	u16 type : 4;
	u16 : 1;
	u16 dpl : 2;
	u16 p : 1;
	u16 offset1;
#ifdef __x86_64__
	u32 offset2;
	u32 reserved;
#endif
} idt_entry_t;

typedef struct {
	u16 limit1;
	u16 base1;
	u8 base2;
	union {
		u16 type_limit_flags;
		struct {
			u16 type : 4;
			u16 s : 1;
			u16 dpl : 2;
			u16 p : 1;
			u16 limit2 : 4;
			u16 avl : 1;
			u16 l : 1;
			u16 db : 1;
			u16 g : 1;
		} __attribute__((packed));
	} __attribute__((packed));
	u8 base3;
} __attribute__((packed)) gdt_entry_t;

struct system_desc64 {
	gdt_entry_t common;
	u32 base4;
	u32 zero;
} __attribute__((packed));

#define DESC_BUSY	2

extern idt_entry_t boot_idt[256];
extern gdt_entry_t gdt[];
/* The TSSs, by CPU number. */
#ifdef __x86_64__
extern tss64_t tss[];
#else
extern tss32_t tss[];

/*
 * i386 task switches, upstream's API.  tss_intr is a second task that
 * TSS_INTR selects: setup_tss32() readies it (ring-0 segments, this
 * CPU's GS, the current CR3, a 4 KiB stack of its own, IF clear) and
 * gives this CPU's TSS the current CR3, which a switch back loads;
 * set_intr_task_gate(vec, fn) makes vector @vec switch to it at @fn, on
 * a fresh stack (it calls setup_tss32() the first time).  A task ends with "iret", which
 * switches back to the task it interrupted (the back link, prev); run
 * again, it resumes after that iret.  One tss_intr serves every CPU:
 * one CPU at a time may be in it.
 */
extern tss32_t tss_intr;
void setup_tss32(void);
void set_intr_task_gate(int vec, void *fn);
/* Make IDT vector @vec a task gate to the TSS selector @sel. */
void set_idt_task_gate(int vec, u16 sel);
/* Make GDT slot @sel a task gate to @tss_sel (for lcall/ljmp through it). */
void set_gdt_task_gate(u16 sel, u16 tss_sel);
#endif

/*
 * (Re)load the IDT with kut's default entries: every vector reaches the
 * dispatcher.  Start-up already did this; upstream tests that call it
 * first thing keep working.  Handlers installed with handle_exception()
 * stay installed.
 */
void setup_idt(void);
/* Print this CPU's task register and the TSS it selects. */
void print_current_tss_info(void);

/*
 * Point IDT vector @vec at @addr: an interrupt gate (64-bit on x86_64,
 * 32-bit on i386) with DPL @dpl.
 */
void set_idt_entry(int vec, void *addr, int dpl);
void set_idt_sel(int vec, u16 sel);
void set_idt_dpl(int vec, u16 dpl);
/* Write GDT slot @sel: @access is the access byte, @gran the flags nibble << 4. */
void set_gdt_entry(int sel, unsigned long base, u32 limit, u8 access, u8 gran);
/*
 * Run exception @e on a stack of its own, e.g. to survive a bad stack
 * pointer: through IST1 on x86_64; on i386, as upstream, it is
 * set_intr_task_gate(@e, @fn) (and setup_alt_stack() is setup_tss32()).
 */
void set_intr_alt_stack(int e, void *fn);
void setup_alt_stack(void);

gdt_entry_t *get_tss_descr(void);
unsigned long get_gdt_entry_base(gdt_entry_t *entry);
unsigned long get_gdt_entry_limit(gdt_entry_t *entry);

static inline void *get_idt_addr(idt_entry_t *entry)
{
	uintptr_t addr = entry->offset0 | ((u32)entry->offset1 << 16);

#ifdef __x86_64__
	addr |= (u64)entry->offset2 << 32;
#endif
	return (void *)addr;
}

/*
 * ASM_TRY(catch): put before one instruction in inline asm.  It clears
 * this CPU's exception_vector (kept at %gs:4) and records the address of
 * the instruction that follows together with @catch; if that instruction
 * faults and no handler is installed for the vector, execution resumes at
 * @catch.  The records live in section .data.ex, which the linker script
 * keeps even with --gc-sections.
 */
#ifdef __x86_64__
#define __ASM_TRY_ENTRY	".quad"
#else
#define __ASM_TRY_ENTRY	".long"
#endif
/* The record itself: a fault at @src resumes at @dst. */
#define ASM_EX_ENTRY(src, dst)						\
	".pushsection .data.ex, \"aw\"\n\t"				\
	__ASM_TRY_ENTRY " " src ", " dst "\n\t"			\
	".popsection\n\t"
/* ASM_TRY with @prefix (e.g. KVM_FEP) emitted before the instruction. */
#define __ASM_TRY(prefix, catch)					\
	"movl $0, %%gs:4\n\t"						\
	ASM_EX_ENTRY("1111f", catch)					\
	prefix "\n\t"							\
	"1111:"
#define ASM_TRY(catch)	__ASM_TRY("", catch)

/*
 * Forced emulation: under KVM loaded with force_emulation_prefix=1, an
 * instruction after KVM_FEP is run by KVM's instruction emulator instead
 * of the CPU.  Elsewhere KVM_FEP itself raises #UD, so a test checks
 * is_fep_available (found out at start-up) before using ASM_TRY_FEP or
 * the *_fep_safe helpers.
 */
#define KVM_FEP		"ud2; .byte 'k', 'v', 'm';"
#define ASM_TRY_FEP(catch)	__ASM_TRY(KVM_FEP, catch)
extern bool is_fep_available;

/*
 * The assembler spelling of @x for i386 (@a) or x86_64 (@b), as a string
 * to paste into inline asm (or bare, in .S files).
 */
#ifdef __ASSEMBLY__
#define __ASM_FORM(x, ...)	x,## __VA_ARGS__
#else
#define __ASM_FORM(x, ...)	" " xstr(x,##__VA_ARGS__) " "
#endif
#ifdef __x86_64__
#define __ASM_SEL(a, b)		__ASM_FORM(b)
#else
#define __ASM_SEL(a, b)		__ASM_FORM(a)
#endif

/*
 * The asm_safe() family: one instruction @insn (a string) run under
 * ASM_TRY, the result being the vector of the exception it raised, 0 if
 * none.  Every form is __asm_try_insn(): @prefix before the instruction
 * ("" or KVM_FEP, which sends it through KVM's emulator), @outs the asm
 * outputs as one parenthesised list (empty for none), then the inputs.
 * The named forms only fix the prefix and how many outputs there are;
 * their operands number as in any asm statement, outputs first.
 */
#define __asm_try_list(...)	__VA_ARGS__
#define __asm_try_insn(prefix, insn, outs, ins...)			\
({									\
	asm volatile(__ASM_TRY(prefix, "1f") insn "\n\t1:\n\t"		\
		     : __asm_try_list outs : ins : "memory");		\
	exception_vector();						\
})

/* No outputs; asm_conditional_fep_safe() uses KVM_FEP when @fep. */
#define __asm_safe(prefix, insn, ins...)				\
	__asm_try_insn(prefix, insn, (), ins)
#define asm_safe(insn, ins...)		__asm_safe("", insn, ins)
#define asm_fep_safe(insn, ins...)	__asm_safe(KVM_FEP, insn, ins)
#define asm_conditional_fep_safe(fep, insn, ins...)			\
	((fep) ? asm_fep_safe(insn, ins) : asm_safe(insn, ins))

/* One output operand. */
#define __asm_safe_out1(prefix, insn, out, ins...)			\
	__asm_try_insn(prefix, insn, (out), ins)
#define asm_safe_out1(insn, out, ins...)				\
	__asm_safe_out1("", insn, out, ins)
#define asm_fep_safe_out1(insn, out, ins...)				\
	__asm_safe_out1(KVM_FEP, insn, out, ins)

/*
 * Two output operands.  asm_safe_out2() takes a first argument it does
 * not use, as upstream's does: callers written for it pass one.
 */
#define __asm_safe_out2(prefix, insn, out1, out2, ins...)		\
	__asm_try_insn(prefix, insn, (out1, out2), ins)
#define asm_safe_out2(unused, insn, out1, out2, ins...)			\
	__asm_safe_out2("", insn, out1, out2, ins)
#define asm_fep_safe_out2(insn, out1, out2, ins...)			\
	__asm_safe_out2(KVM_FEP, insn, out1, out2, ins)

/*
 * asm_safe() as a check of its own: asm_safe_report_ex(vector, insn,
 * ...) passes when @insn raises @vector, asm_safe_report(insn, ...) when
 * it raises nothing.  The report names the instruction and both vectors.
 */
#define __asm_vector_name(v)	((v) ? exception_mnemonic(v) : "none")
#define asm_safe_report_ex(want, insn, ins...)				\
do {									\
	int __got = asm_safe(insn, ins);				\
									\
	report(__got == (want), "%s: exception %s (expected %s)", insn,	\
	       __asm_vector_name(__got), __asm_vector_name(want));	\
} while (0)
#define asm_safe_report(insn, ins...)	asm_safe_report_ex(0, insn, ins)

/* Vector of the last exception caught by ASM_TRY on this CPU, or 0. */
unsigned exception_vector(void);
/* Its error code (0 for vectors that push none). */
unsigned exception_error_code(void);
/* Whether RFLAGS.RF was set in its frame. */
bool exception_rflags_rf(void);

/* Name of a vector: "#GP", "#PF", ...; NULL for vectors above 31. */
const char *exception_mnemonic(int vector);

/*
 * Print @regs as the default handler does, and end the test as failed.
 * (@cpu is accepted for upstream's signature and ignored.)
 */
void unhandled_exception(struct ex_regs *regs, bool cpu) __attribute__((noreturn));

/*
 * Run trigger_func(data) and return whether it raised exception @ex (the
 * function is abandoned at the fault, so it must hold no locks).
 */
bool test_for_exception(unsigned int ex, void (*trigger_func)(void *data),
			void *data);
void __set_exception_jmpbuf(jmp_buf *addr);
#define set_exception_jmpbuf(jmpbuf) \
	(setjmp(jmpbuf) ? : (__set_exception_jmpbuf(&(jmpbuf)), 0))

/* Write CR4; returns the vector of the fault it raised, 0 if none. */
int write_cr4_checking(unsigned long val);

/*
 * Fill a gate descriptor of @e_sz bytes (8: 32-bit, 16: 64-bit) at @e:
 * handler @addr in segment @sel, gate @type (0xe interrupt, 0xf trap,
 * 5 task), privilege @dpl, present.
 */
void set_desc_entry(idt_entry_t *e, size_t e_sz, void *addr, u16 sel,
		    u16 type, u16 dpl);
/* Change only the base of GDT slot @sel. */
void set_gdt_entry_base(int sel, unsigned long base);
/* The descriptor selector @sel picks in the GDT GDTR points to now. */
gdt_entry_t *get_gdt_entry(u16 sel);
/* The GDT descriptor of the current LDT (LDTR; the null slot if none). */
gdt_entry_t *get_ldt_descr(void);
/* Mark the TSS descriptor at @sel available again (clear its busy bit). */
void clear_tss_busy(int sel);
/*
 * Reload kut's GDT, and the task register with the TSS descriptor at
 * GDT offset @tss_offset (which must not be busy: see clear_tss_busy()).
 */
void load_gdt_tss(size_t tss_offset);
/* Reload the IDT register with kut's IDT. */
void load_idt(void);
/* What GDTR and IDTR hold for kut's GDT and IDT. */
extern struct descriptor_table_ptr gdt_descr, idt_descr;

#endif /* !__ASSEMBLY__ */

#endif /* _X86_DESC_H_ */
