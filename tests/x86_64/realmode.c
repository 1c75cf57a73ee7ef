// SPDX-License-Identifier: MIT
/*
 * realmode.c - real-address mode, as the Intel SDM (vol. 3 ch. 20, vol. 1
 * 3.3 and the 16-bit forms in vol. 2) defines it: what a 16-bit
 * instruction stream computes there, and how the mode's addressing,
 * stack and interrupt table work.
 *
 * kut boots in protected mode (PVH), not in real mode as upstream's
 * realmode test does, so the test goes there and back itself: from
 * 64-bit (or 32-bit) code to compatibility mode, paging off, a 16-bit
 * protected-mode segment whose base is the code's copy at REAL_BASE (below
 * 1 MiB), CR0.PE off, and a far jump into real mode; then the checks,
 * each setting its bit in a result word; then CR0.PE and CR0.PG on again
 * and back to kut.  Checks: 16- and 32-bit arithmetic and flags,
 * segment:offset addressing and 16-bit offset wrap-around, the stack
 * (PUSH/POP, near and far CALL/RET, ENTER/LEAVE), string instructions
 * (forwards and with DF), INT n and IRET through the real-mode interrupt
 * table, #DE through it, the BCD instructions, LOOP/JCXZ, XLAT,
 * CBW/CWD, MUL/DIV, LES.
 */
#include <libcflat.h>
#include <x86/processor.h>
#include <x86/desc.h>
#include <x86/msr.h>
#include "modes.h"

#define REAL_BASE	0x10000
#define REAL_SEG	(REAL_BASE >> 4)
#define RM_CS16		FIRST_SPARE_SEL
#define RM_DS16		(FIRST_SPARE_SEL + 8)

static const char *const checks[] = {
	"16-bit ADD: result and CF, ZF",
	"32-bit operand size (66h) in real mode",
	"segment * 16 + offset addressing",
	"16-bit offset wrap-around (0xffff + 1 is 0)",
	"PUSH and POP, PUSHF and POPF",
	"near CALL/RET and far CALL/RETF",
	"REP MOVSB and REPE CMPSB between segments",
	"REP STOSW with DF set runs backwards",
	"INT 80h and IRET through the interrupt table",
	"#DE through the interrupt table, at the DIV",
	"DAA, AAM, AAD",
	"LOOP and JCXZ",
	"XLAT",
	"CBW and CWD",
	"16-bit MUL and DIV",
	"ENTER and LEAVE",
	"LES loads a far pointer",
};

extern u8 rm_blob[], rm_blob_end[], rm_results[];
void realmode_enter(void);

/* Offset of @sym in the copy (and so in segment REAL_SEG). */
#define OFF(sym)	"(" #sym " - rm_blob)"

asm(".pushsection .text\n"
    ".globl realmode_enter\n"
    "realmode_enter:\n\t"
#ifdef __x86_64__
    "push %rbx\n\tpush %rbp\n\tpush %r12\n\tpush %r13\n\tpush %r14\n\tpush %r15\n\t"
    "mov %rsp, rm_saved_sp(%rip)\n\t"
    ASM_LEAVE_LONG_MODE
#else
    "push %ebx\n\tpush %ebp\n\tpush %esi\n\tpush %edi\n\t"
    "mov %esp, rm_saved_sp\n\t"
    ASM_PAGING_OFF
#endif
    "ljmp $" xstr(RM_CS16) ", $" OFF(rm_pm16) "\n"

    /* 32-bit protected mode again, paging off; then on, and back. */
    "rm_back32:\n\t"
    "mov $" xstr(KERNEL_DS) ", %eax\n\t"
    "mov %eax, %ds\n\t"
    "mov %eax, %es\n\t"
    "mov %eax, %ss\n\t"
    "mov rm_saved_sp, %esp\n\t"
    "mov %cr0, %eax\n\t"
    "or $0x80000000, %eax\n\t"
    "mov %eax, %cr0\n\t"
#ifdef __x86_64__
    "ljmp $" xstr(KERNEL_CS) ", $2f\n"
    ".code64\n"
    "2:\n\t"
    "pop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n\tpop %rbp\n\tpop %rbx\n\t"
#else
    "jmp 2f\n"
    "2:\n\t"
    "pop %edi\n\tpop %esi\n\tpop %ebp\n\tpop %ebx\n\t"
#endif
    "ret\n"

    /* ---- copied to REAL_BASE; runs in segment REAL_SEG ---- */
    ".balign 16\n"
    ".globl rm_blob\n"
    "rm_blob:\n"
    ".code16\n"
    "rm_pm16:\n\t"
    "mov $" xstr(RM_DS16) ", %ax\n\t"
    "mov %ax, %ds\n\t"
    "mov %ax, %es\n\t"
    "mov %ax, %ss\n\t"
    "lidt " OFF(rm_idtr) "\n\t"
    "mov %cr0, %eax\n\t"
    "and $~1, %eax\n\t"
    "mov %eax, %cr0\n\t"
    "ljmp $" xstr(REAL_SEG) ", $" OFF(rm_real) "\n"
    "rm_real:\n\t"
    "mov %cs, %ax\n\t"
    "mov %ax, %ds\n\t"
    "mov %ax, %es\n\t"
    "mov %ax, %ss\n\t"
    "mov $" OFF(rm_stack_top) ", %sp\n\t"
    "call rm_checks\n\t"
    "cli\n\t"
    "mov %cr0, %eax\n\t"
    "or $1, %eax\n\t"
    "mov %eax, %cr0\n\t"
    ".byte 0x66, 0xea\n\t"		/* ljmpl $KERNEL_CS32, $rm_back32 */
    ".long rm_back32\n\t"
    ".word " xstr(KERNEL_CS32) "\n"

#define PASS(n)	"orl $(1 << " #n "), " OFF(rm_results) "\n\t"

    "rm_checks:\n\t"
    /* 0: 16-bit ADD */
    "mov $0xffff, %ax\n\t"
    "add $1, %ax\n\t"
    "jnc 1f\n\tjnz 1f\n\t"
    PASS(0)
    "1:\n\t"
    /* 1: 32-bit operands */
    "mov $0x12345678, %eax\n\t"
    "add $0x11111111, %eax\n\t"
    "cmp $0x23456789, %eax\n\t"
    "jne 1f\n\t"
    PASS(1)
    "1:\n\t"
    /* 2: ES = REAL_SEG + 0x200 reaches DS offset 0x2000 */
    "mov $" xstr(REAL_SEG + 0x200) ", %ax\n\t"
    "mov %ax, %es\n\t"
    "movb $0x77, %es:0\n\t"
    "cmpb $0x77, 0x2000\n\t"
    "jne 1f\n\t"
    PASS(2)
    "1:\n\t"
    "mov %ds, %ax\n\t"
    "mov %ax, %es\n\t"
    /* 3: 16-bit offset wrap: ES:0xffff+1 is ES:0 */
    "movb $0x5c, %es:0x2000\n\t"
    "mov $" xstr(REAL_SEG + 0x200) ", %ax\n\t"
    "mov %ax, %es\n\t"
    "mov $0xffff, %bx\n\t"
    "movb %es:1(%bx), %al\n\t"
    "cmp $0x5c, %al\n\t"
    "jne 1f\n\t"
    PASS(3)
    "1:\n\t"
    "mov %ds, %ax\n\t"
    "mov %ax, %es\n\t"
    /* 4: PUSH/POP, PUSHF/POPF */
    "mov %sp, %si\n\t"
    "pushw $0x1234\n\t"
    "pop %bx\n\t"
    "stc\n\t"
    "pushf\n\t"
    "clc\n\t"
    "popf\n\t"
    "jnc 1f\n\t"
    "cmp $0x1234, %bx\n\t"
    "jne 1f\n\t"
    "cmp %sp, %si\n\t"
    "jne 1f\n\t"
    PASS(4)
    "1:\n\t"
    /* 5: near and far calls */
    "xor %ax, %ax\n\t"
    "call rm_near\n\t"
    "lcall $" xstr(REAL_SEG) ", $" OFF(rm_far) "\n\t"
    "cmp $3, %ax\n\t"
    "jne 1f\n\t"
    "cmp %sp, %si\n\t"
    "jne 1f\n\t"
    PASS(5)
    "1:\n\t"
    /* 6: REP MOVSB to ES = REAL_SEG + 0x300, REPE CMPSB back */
    "mov $" xstr(REAL_SEG + 0x300) ", %ax\n\t"
    "mov %ax, %es\n\t"
    "cld\n\t"
    "mov $" OFF(rm_pattern) ", %si\n\t"
    "xor %di, %di\n\t"
    "mov $16, %cx\n\t"
    "rep movsb\n\t"
    "mov $" OFF(rm_pattern) ", %si\n\t"
    "xor %di, %di\n\t"
    "mov $16, %cx\n\t"
    "repe cmpsb\n\t"
    "jne 1f\n\t"
    "cmp $" OFF(rm_pattern) " + 16, %si\n\t"
    "jne 1f\n\t"
    PASS(6)
    "1:\n\t"
    /* 7: STD; REP STOSW from ES:0x106 down to ES:0x100 */
    "std\n\t"
    "mov $0x106, %di\n\t"
    "mov $4, %cx\n\t"
    "mov $0xbeef, %ax\n\t"
    "rep stosw\n\t"
    "cld\n\t"
    "cmp $0xfe, %di\n\t"
    "jne 1f\n\t"
    "cmpw $0xbeef, %es:0x100\n\t"
    "jne 1f\n\t"
    "cmpw $0xbeef, %es:0x106\n\t"
    "jne 1f\n\t"
    PASS(7)
    "1:\n\t"
    /* 8: INT 80h: the handler's vector is set below 0x400 by C */
    "xor %ax, %ax\n\t"
    "mov %ax, %es\n\t"
    "xor %dx, %dx\n\t"
    "int $0x80\n\t"
    "cmp $0x80, %dx\n\t"
    "jne 1f\n\t"
    PASS(8)
    "1:\n\t"
    /* 9: #DE at DIV: the handler skips the 2-byte DIV */
    "xor %dx, %dx\n\t"
    "mov $10, %ax\n\t"
    "xor %bl, %bl\n\t"
    "div %bl\n\t"
    "cmp $0xde, %dx\n\t"
    "jne 1f\n\t"
    PASS(9)
    "1:\n\t"
    /* 10: BCD */
    "mov $0x19, %al\n\t"
    "add $0x28, %al\n\t"
    "daa\n\t"
    "cmp $0x47, %al\n\t"
    "jne 1f\n\t"
    "mov $42, %al\n\t"
    "aam\n\t"
    "cmp $0x0402, %ax\n\t"
    "jne 1f\n\t"
    "aad\n\t"
    "cmp $42, %ax\n\t"
    "jne 1f\n\t"
    PASS(10)
    "1:\n\t"
    /* 11: LOOP, JCXZ */
    "mov $5, %cx\n\t"
    "xor %ax, %ax\n"
    "2:\n\t"
    "inc %ax\n\t"
    "loop 2b\n\t"
    "jcxz 3f\n\t"
    "jmp 1f\n"
    "3:\n\t"
    "cmp $5, %ax\n\t"
    "jne 1f\n\t"
    PASS(11)
    "1:\n\t"
    /* 12: XLAT */
    "mov $" OFF(rm_pattern) ", %bx\n\t"
    "mov $3, %al\n\t"
    "xlat\n\t"
    "cmp $0x13, %al\n\t"
    "jne 1f\n\t"
    PASS(12)
    "1:\n\t"
    /* 13: CBW, CWD */
    "mov $0x80, %al\n\t"
    "cbw\n\t"
    "cmp $0xff80, %ax\n\t"
    "jne 1f\n\t"
    "cwd\n\t"
    "cmp $0xffff, %dx\n\t"
    "jne 1f\n\t"
    PASS(13)
    "1:\n\t"
    /* 14: MUL, DIV */
    "mov $300, %ax\n\t"
    "mov $7, %bx\n\t"
    "mul %bx\n\t"
    "cmp $2100, %ax\n\t"
    "jne 1f\n\t"
    "test %dx, %dx\n\t"
    "jne 1f\n\t"
    "add $3, %ax\n\t"
    "div %bx\n\t"
    "cmp $300, %ax\n\t"
    "jne 1f\n\t"
    "cmp $3, %dx\n\t"
    "jne 1f\n\t"
    PASS(14)
    "1:\n\t"
    /* 15: ENTER $4, $0 / LEAVE */
    "mov %sp, %si\n\t"
    "mov %bp, %di\n\t"
    "enter $4, $0\n\t"
    "lea -4(%bp), %ax\n\t"
    "cmp %sp, %ax\n\t"
    "leave\n\t"
    "jne 1f\n\t"
    "cmp %sp, %si\n\t"
    "jne 1f\n\t"
    "cmp %bp, %di\n\t"
    "jne 1f\n\t"
    PASS(15)
    "1:\n\t"
    /* 16: LES */
    "les " OFF(rm_farptr) ", %di\n\t"
    "mov %es, %ax\n\t"
    "cmp $0x1357, %ax\n\t"
    "jne 1f\n\t"
    "cmp $0x2468, %di\n\t"
    "jne 1f\n\t"
    PASS(16)
    "1:\n\t"
    "mov %ds, %ax\n\t"
    "mov %ax, %es\n\t"
    "ret\n"

    "rm_near:\n\t"
    "inc %ax\n\t"
    "ret\n"
    "rm_far:\n\t"
    "add $2, %ax\n\t"
    "lret\n"
    "rm_int80:\n\t"
    "mov $0x80, %dx\n\t"
    "iret\n"
    "rm_de:\n\t"
    "mov $0xde, %dx\n\t"
    "push %bp\n\t"
    "mov %sp, %bp\n\t"
    "addw $2, 2(%bp)\n\t"		/* the saved IP: past DIV */
    "pop %bp\n\t"
    "iret\n"

    ".balign 4\n"
    ".globl rm_results\n"
    "rm_results: .long 0\n"
    "rm_idtr: .word 0x3ff\n\t.long 0\n"
    "rm_farptr: .word 0x2468, 0x1357\n"
    "rm_pattern: .byte 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17\n\t"
    ".byte 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f\n"
    ".balign 16\n"
    "rm_stack: .fill 512, 1, 0\n"
    "rm_stack_top:\n"
    ".globl rm_blob_end\n"
    "rm_blob_end:\n"
#ifdef __x86_64__
    ".code64\n"
#else
    ".code32\n"
#endif
    ".popsection");

unsigned long rm_saved_sp;
extern char rm_int80[], rm_de[];

/*
 * The real-mode interrupt table at physical address 0, through a pointer
 * the compiler cannot see is null.
 */
static volatile u32 *ivt(void)
{
	unsigned long p;

	asm("xor %0, %0" : "=r"(p));
	return (volatile u32 *)p;
}

/* An interrupt-table entry: offset in the low half, segment above. */
static void set_ivt(int vec, void *handler)
{
	ivt()[vec] = ((u32)REAL_SEG << 16) | (u16)((u8 *)handler - rm_blob);
}

int main(void)
{
	struct descriptor_table_ptr idt;
	u32 saved_ivt[2], results;
	unsigned int i;
#ifdef __x86_64__
	u64 gs_base = rdmsr(MSR_GS_BASE);
#else
	u16 gs = read_gs();
#endif

	report((unsigned long)(rm_blob_end - rm_blob) < 0x2000,
	       "the real-mode code fits below REAL_BASE + 0x2000 (%ld bytes)",
	       (long)(rm_blob_end - rm_blob));
	memcpy((void *)REAL_BASE, rm_blob, rm_blob_end - rm_blob);
	*(u32 *)(REAL_BASE + (rm_results - rm_blob)) = 0;
	set_gdt_entry(RM_CS16, REAL_BASE, 0xffff, 0x9b, 0);
	set_gdt_entry(RM_DS16, REAL_BASE, 0xffff, 0x93, 0);

	saved_ivt[0] = ivt()[0];
	saved_ivt[1] = ivt()[0x80];
	set_ivt(0, rm_de);
	set_ivt(0x80, rm_int80);

	cli();
	sidt(&idt);
	realmode_enter();
	lidt(&idt);
#ifdef __x86_64__
	wrmsr(MSR_GS_BASE, gs_base);
#else
	write_gs(gs);
#endif
	ivt()[0] = saved_ivt[0];
	ivt()[0x80] = saved_ivt[1];

	report_pass("back from real mode");
	results = *(volatile u32 *)(REAL_BASE + (rm_results - rm_blob));
	for (i = 0; i < ARRAY_SIZE(checks); i++)
		report(results & (1u << i), "real mode: %s", checks[i]);
	return report_summary();
}
