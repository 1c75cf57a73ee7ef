// SPDX-License-Identifier: MIT
/*
 * emulator.c - instructions with a memory operand in MMIO, which KVM
 * cannot let the CPU run and so emulates itself (and which QEMU's TCG
 * sends through its MMIO path): each must leave memory, registers and
 * flags as the Intel SDM (vol. 2) says the instruction does.  The MMIO
 * is pc-testdev's window at 0xff000000, which reads back what was
 * written (kut-run attaches pc-testdev to every x86 guest).
 *   mov       stores and loads of 1, 2, 4 (and 8) bytes, MOVZX, MOVSX
 *   alu       ADD, SUB, AND, OR, XOR, ADC, SBB, CMP, TEST, INC, DEC, NEG,
 *             NOT with MMIO destinations and sources, and their flags
 *   atomic    XCHG, XADD, CMPXCHG, LOCK'd ADD
 *   bits      BT, BTS, BTR, BTC with immediate and register offsets
 *             (a register offset past the operand reaches the next dword)
 *   shift     SHL, SHR, SAR, ROL, ROR by 1, an immediate and CL; SHLD
 *   muldiv    MUL, IMUL, DIV with an MMIO source
 *   string    REP MOVS both ways, REP STOS, LODS, REPE CMPS, SCAS, with
 *             DF clear and set
 *   stack     PUSH and POP with an MMIO operand
 *   sse       MOVDQU, MOVUPS, MOVAPS to and from MMIO
 *   far       a far JMP through a pointer in MMIO
 *   fep       with KVM's forced-emulation prefix, where the host enables
 *             it (kvm.force_emulation_prefix), MOV, ADD and a string MOVS
 *             on RAM (skipped otherwise)
 * All areas by default; one per argument otherwise.
 */
#include <libcflat.h>
#include <x86/processor.h>
#include <x86/desc.h>
#include "accel.h"

#define IOMEM_BASE	0xff000000ul
#define ALU_FLAGS	(X86_EFLAGS_CF | X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

static volatile u8 *io = (volatile u8 *)IOMEM_BASE;

#define IO32(off)	(*(volatile u32 *)(io + (off)))
#define IO8(off)	(*(volatile u8 *)(io + (off)))

static unsigned long flags_of(unsigned long f)
{
	return f & ALU_FLAGS;
}

static void test_mov(void)
{
	unsigned long v;
	u32 z;
	s32 sx;

	report_prefix_push("mov");
	asm volatile("movb %1, (%0)" : : "r"(io), "q"((u8)0x5a) : "memory");
	report(IO8(0) == 0x5a, "store 1 byte");
	asm volatile("movw %1, 2(%0)" : : "r"(io), "r"((u16)0x1234) : "memory");
	report(*(volatile u16 *)(io + 2) == 0x1234, "store 2 bytes");
	asm volatile("movl %1, 4(%0)" : : "r"(io), "r"(0x89abcdefu) : "memory");
	report(IO32(4) == 0x89abcdef && IO8(5) == 0xcd, "store 4 bytes, a byte of them reads back");
#ifdef __x86_64__
	asm volatile("movq %1, 8(%0)" : : "r"(io), "r"(0x0123456789abcdefull) : "memory");
	report(*(volatile u64 *)(io + 8) == 0x0123456789abcdefull && IO32(12) == 0x01234567,
	       "store 8 bytes");
	asm volatile("movq $-2, 8(%0)" : : "r"(io) : "memory");
	report(*(volatile u64 *)(io + 8) == (u64)-2, "store a sign-extended imm32 in 8 bytes");
#endif
	asm volatile("mov 4(%1), %0" : "=r"(v) : "r"(io) : "memory");
	report((u32)v == 0x89abcdef, "load 4 bytes");
	asm volatile("movzbl 7(%1), %0" : "=r"(z) : "r"(io) : "memory");
	report(z == 0x89, "MOVZX from a byte");
	asm volatile("movsbl 7(%1), %0" : "=r"(sx) : "r"(io) : "memory");
	report(sx == (s8)0x89, "MOVSX from a byte");
	asm volatile("movswl 6(%1), %0" : "=r"(sx) : "r"(io) : "memory");
	report(sx == (s16)0x89ab, "MOVSX from a word");
	report_prefix_pop();
}

/* Run "insn" on IO32(0x20) = @init with source @src; result and flags. */
#define ALU_MR(insn, init, src, res, fl)					\
do {									\
	unsigned long __f;						\
	IO32(0x20) = (init);						\
	asm volatile("clc\n\t" insn " %2, (%1)\n\tpushf\n\tpop %0"	\
		     : "=r"(__f) : "r"(io + 0x20), "r"((u32)(src)) : "memory", "cc"); \
	res = IO32(0x20);						\
	fl = flags_of(__f);						\
} while (0)

static void test_alu(void)
{
	unsigned long fl, f;
	u32 r;

	report_prefix_push("alu");
	ALU_MR("addl", 0xffffffffu, 1, r, fl);
	report(r == 0 && fl == (X86_EFLAGS_CF | X86_EFLAGS_ZF), "ADD to MMIO: carry out, zero");
	ALU_MR("subl", 0, 1, r, fl);
	report(r == 0xffffffffu && fl == (X86_EFLAGS_CF | X86_EFLAGS_SF), "SUB: borrow, sign");
	ALU_MR("addl", 0x7fffffffu, 1, r, fl);
	report(r == 0x80000000u && fl == (X86_EFLAGS_SF | X86_EFLAGS_OF), "ADD: signed overflow");
	ALU_MR("andl", 0xf0f0f0f0u, 0x0ff00ff0u, r, fl);
	report(r == 0x00f000f0u && fl == 0, "AND");
	ALU_MR("orl", 0xf0000000u, 0x0000000fu, r, fl);
	report(r == 0xf000000fu && fl == X86_EFLAGS_SF, "OR");
	ALU_MR("xorl", 0x12345678u, 0x12345678u, r, fl);
	report(r == 0 && fl == X86_EFLAGS_ZF, "XOR to zero");

	IO32(0x20) = 5;
	asm volatile("stc\n\tadcl %1, (%0)" : : "r"(io + 0x20), "r"(1u) : "memory", "cc");
	report(IO32(0x20) == 7, "ADC adds the carry");
	IO32(0x20) = 5;
	asm volatile("stc\n\tsbbl %1, (%0)" : : "r"(io + 0x20), "r"(1u) : "memory", "cc");
	report(IO32(0x20) == 3, "SBB subtracts the borrow");

	IO32(0x20) = 10;
	asm volatile("cmpl $10, (%1)\n\tpushf\n\tpop %0" : "=r"(f) : "r"(io + 0x20) : "memory", "cc");
	report(flags_of(f) == X86_EFLAGS_ZF && IO32(0x20) == 10, "CMP sets ZF, writes nothing");
	asm volatile("testl $0x80000000, (%1)\n\tpushf\n\tpop %0" : "=r"(f) : "r"(io + 0x20)
		     : "memory", "cc");
	report(flags_of(f) == X86_EFLAGS_ZF, "TEST");

	IO32(0x20) = 0xffffffffu;
	asm volatile("incl (%0)" : : "r"(io + 0x20) : "memory", "cc");
	report(IO32(0x20) == 0, "INC wraps");
	asm volatile("decl (%0)" : : "r"(io + 0x20) : "memory", "cc");
	report(IO32(0x20) == 0xffffffffu, "DEC");
	IO32(0x20) = 1;
	asm volatile("negl (%0)" : : "r"(io + 0x20) : "memory", "cc");
	report(IO32(0x20) == 0xffffffffu, "NEG");
	asm volatile("notl (%0)" : : "r"(io + 0x20) : "memory", "cc");
	report(IO32(0x20) == 0, "NOT");

	IO32(0x20) = 40;
	r = 2;
	asm volatile("addl (%1), %0" : "+r"(r) : "r"(io + 0x20) : "memory", "cc");
	report(r == 42, "ADD from MMIO to a register");
	report_prefix_pop();
}

static void test_atomic(void)
{
	u32 r, old;
	u8 z;

	report_prefix_push("atomic");
	IO32(0x30) = 0x11111111;
	r = 0x22222222;
	asm volatile("xchgl %0, (%1)" : "+r"(r) : "r"(io + 0x30) : "memory");
	report(r == 0x11111111 && IO32(0x30) == 0x22222222, "XCHG");
	r = 1;
	asm volatile("lock xaddl %0, (%1)" : "+r"(r) : "r"(io + 0x30) : "memory", "cc");
	report(r == 0x22222222 && IO32(0x30) == 0x22222223, "LOCK XADD");
	old = 0x22222223;
	asm volatile("lock cmpxchgl %2, (%3)\n\tsetz %1"
		     : "+a"(old), "=q"(z) : "r"(0x33333333u), "r"(io + 0x30) : "memory", "cc");
	report(z && IO32(0x30) == 0x33333333, "LOCK CMPXCHG, equal: stored");
	old = 5;
	asm volatile("lock cmpxchgl %2, (%3)\n\tsetz %1"
		     : "+a"(old), "=q"(z) : "r"(0x44444444u), "r"(io + 0x30) : "memory", "cc");
	report(!z && old == 0x33333333 && IO32(0x30) == 0x33333333,
	       "LOCK CMPXCHG, not equal: EAX loaded");
	asm volatile("lock addl $2, (%0)" : : "r"(io + 0x30) : "memory", "cc");
	report(IO32(0x30) == 0x33333335, "LOCK ADD");
	report_prefix_pop();
}

static void test_bits(void)
{
	unsigned long f;
	u32 off;

	report_prefix_push("bits");
	IO32(0x40) = 0x00000100;
	IO32(0x44) = 0;
	asm volatile("btl $8, (%1)\n\tpushf\n\tpop %0" : "=r"(f) : "r"(io + 0x40) : "memory", "cc");
	report(f & X86_EFLAGS_CF, "BT imm: CF is the bit");
	asm volatile("btsl $3, (%0)" : : "r"(io + 0x40) : "memory", "cc");
	report(IO32(0x40) == 0x108, "BTS imm");
	asm volatile("btrl $8, (%0)" : : "r"(io + 0x40) : "memory", "cc");
	report(IO32(0x40) == 0x8, "BTR imm");
	asm volatile("btcl $31, (%0)" : : "r"(io + 0x40) : "memory", "cc");
	report(IO32(0x40) == 0x80000008, "BTC imm");
	off = 32 + 5;			/* the bit string goes on past the dword */
	asm volatile("btsl %1, (%0)" : : "r"(io + 0x40), "r"(off) : "memory", "cc");
	report(IO32(0x44) == 0x20 && IO32(0x40) == 0x80000008,
	       "BTS reg 37: bit 5 of the next dword");
	off = -1;			/* a negative offset: the dword before */
	IO32(0x3c) = 0;
	asm volatile("btsl %1, (%0)" : : "r"(io + 0x40), "r"(off) : "memory", "cc");
	report(IO32(0x3c) == 0x80000000, "BTS reg -1: bit 31 of the dword before");
	report_prefix_pop();
}

static void test_shift(void)
{
	u32 lo = 0x000000ff;

	report_prefix_push("shift");
	IO32(0x50) = 0x80000001;
	asm volatile("shll (%0)" : : "r"(io + 0x50) : "memory", "cc");
	report(IO32(0x50) == 2, "SHL by 1");
	asm volatile("shll $4, (%0)" : : "r"(io + 0x50) : "memory", "cc");
	report(IO32(0x50) == 0x20, "SHL by 4");
	asm volatile("shrl %%cl, (%0)" : : "r"(io + 0x50), "c"(5) : "memory", "cc");
	report(IO32(0x50) == 1, "SHR by CL");
	IO32(0x50) = 0x80000000;
	asm volatile("sarl $4, (%0)" : : "r"(io + 0x50) : "memory", "cc");
	report(IO32(0x50) == 0xf8000000, "SAR keeps the sign");
	asm volatile("roll $8, (%0)" : : "r"(io + 0x50) : "memory", "cc");
	report(IO32(0x50) == 0x000000f8, "ROL");
	asm volatile("rorl $4, (%0)" : : "r"(io + 0x50) : "memory", "cc");
	report(IO32(0x50) == 0x8000000f, "ROR");
	IO32(0x50) = 0x12345678;
	asm volatile("shldl $8, %1, (%0)" : : "r"(io + 0x50), "r"(lo) : "memory", "cc");
	report(IO32(0x50) == 0x34567800, "SHLD brings in the source's high bits");
	report_prefix_pop();
}

static void test_muldiv(void)
{
	u32 a, d;

	report_prefix_push("muldiv");
	IO32(0x60) = 0x10000;
	a = 0x10000;
	asm volatile("mull (%2)" : "+a"(a), "=d"(d) : "r"(io + 0x60) : "memory", "cc");
	report(a == 0 && d == 1, "MUL: EDX:EAX = 2^32");
	IO32(0x60) = (u32)-3;
	a = 7;
	asm volatile("imull (%1), %0" : "+r"(a) : "r"(io + 0x60) : "memory", "cc");
	report((s32)a == -21, "IMUL");
	IO32(0x60) = 7;
	a = 100;
	d = 0;
	asm volatile("divl (%2)" : "+a"(a), "+d"(d) : "r"(io + 0x60) : "memory", "cc");
	report(a == 14 && d == 2, "DIV: quotient and remainder");
	report_prefix_pop();
}

static void test_string(void)
{
	static u8 ram[64], ram2[64];
	unsigned long n, i;
	void *si, *di;
	u8 al;
	bool ok;

	report_prefix_push("string");
	for (i = 0; i < 64; i++) {
		ram[i] = i + 1;
		ram2[i] = 0;
	}
	n = 16;
	si = ram;
	di = (void *)(io + 0x100);
	asm volatile("cld\n\trep movsl" : "+S"(si), "+D"(di), "+c"(n) : : "memory");
	report(!memcmp((void *)(io + 0x100), ram, 64) && di == (void *)(io + 0x140),
	       "REP MOVSD RAM -> MMIO");
	n = 64;
	si = (void *)(io + 0x100);
	di = ram2;
	asm volatile("cld\n\trep movsb" : "+S"(si), "+D"(di), "+c"(n) : : "memory");
	report(!memcmp(ram2, ram, 64), "REP MOVSB MMIO -> RAM");

	/* DF set: backwards, from the last element. */
	memset(ram2, 0, sizeof(ram2));
	n = 64;
	si = (void *)(io + 0x100 + 63);
	di = ram2 + 63;
	asm volatile("std\n\trep movsb\n\tcld" : "+S"(si), "+D"(di), "+c"(n) : : "memory");
	report(!memcmp(ram2, ram, 64) && si == (void *)(io + 0xff),
	       "REP MOVSB MMIO -> RAM with DF set");

	IO8(0x200 + 32) = 0;
	n = 32;
	di = (void *)(io + 0x200);
	asm volatile("cld\n\trep stosb" : "+D"(di), "+c"(n) : "a"(0xa5) : "memory");
	for (i = 0, ok = true; i < 32; i++)
		ok &= IO8(0x200 + i) == 0xa5;
	report(ok && IO8(0x200 + 32) == 0, "REP STOSB to MMIO, 32 bytes and no more");

	si = (void *)(io + 0x105);
	asm volatile("cld\n\tlodsb" : "=a"(al), "+S"(si) : : "memory");
	report(al == 6, "LODSB from MMIO");

	n = 64;
	si = (void *)(io + 0x100);
	di = ram;
	asm volatile("cld\n\trepe cmpsb" : "+S"(si), "+D"(di), "+c"(n) : : "memory", "cc");
	report(n == 0, "REPE CMPSB MMIO against RAM: all equal");
	IO8(0x100 + 10) = 0;
	n = 64;
	si = (void *)(io + 0x100);
	di = ram;
	asm volatile("cld\n\trepe cmpsb" : "+S"(si), "+D"(di), "+c"(n) : : "memory", "cc");
	report(n == 64 - 11, "REPE CMPSB stops after the first difference (%lu left)", n);

	n = 64;
	di = (void *)(io + 0x100);
	asm volatile("cld\n\trepne scasb" : "+D"(di), "+c"(n) : "a"(0x14) : "memory", "cc");
	report(n == 64 - 20, "REPNE SCASB finds the byte in MMIO (%lu left)", n);
	report_prefix_pop();
}

static void test_stack(void)
{
	unsigned long v;

	report_prefix_push("stack");
#ifdef __x86_64__
	*(volatile u64 *)(io + 0x300) = 0x1122334455667788ull;
	asm volatile("pushq (%1)\n\tpop %0" : "=r"(v) : "r"(io + 0x300) : "memory");
	report(v == 0x1122334455667788ul, "PUSH from MMIO");
	asm volatile("push %1\n\tpopq (%0)" : : "r"(io + 0x308), "r"(0x8877665544332211ul)
		     : "memory");
	report(*(volatile u64 *)(io + 0x308) == 0x8877665544332211ull, "POP to MMIO");
#else
	IO32(0x300) = 0x11223344;
	asm volatile("pushl (%1)\n\tpop %0" : "=r"(v) : "r"(io + 0x300) : "memory");
	report(v == 0x11223344, "PUSH from MMIO");
	asm volatile("push %1\n\tpopl (%0)" : : "r"(io + 0x308), "r"(0x44332211ul) : "memory");
	report(IO32(0x308) == 0x44332211, "POP to MMIO");
#endif
	report_prefix_pop();
}

static void test_sse(void)
{
	static u8 src[16] __attribute__((aligned(16))), dst[16] __attribute__((aligned(16)));
	int i;

	report_prefix_push("sse");
	for (i = 0; i < 16; i++) {
		src[i] = 0xc0 + i;
		dst[i] = 0;
	}
	asm volatile("movdqu (%0), %%xmm0\n\tmovdqu %%xmm0, (%1)"
		     : : "r"(src), "r"(io + 0x401) : "memory");
	report(!memcmp((void *)(io + 0x401), src, 16), "MOVDQU to MMIO (unaligned)");
	asm volatile("movdqu (%0), %%xmm1\n\tmovdqu %%xmm1, (%1)"
		     : : "r"(io + 0x401), "r"(dst) : "memory");
	report(!memcmp(dst, src, 16), "MOVDQU from MMIO");
	asm volatile("movaps (%0), %%xmm2\n\tmovaps %%xmm2, (%1)"
		     : : "r"(src), "r"(io + 0x410) : "memory");
	report(!memcmp((void *)(io + 0x410), src, 16), "MOVAPS to MMIO");
	for (i = 0; i < 16; i++)
		dst[i] = 0;
	asm volatile("movups (%0), %%xmm3\n\tmovups %%xmm3, (%1)"
		     : : "r"(io + 0x410), "r"(dst) : "memory");
	report(!memcmp(dst, src, 16), "MOVUPS from MMIO");
	report_prefix_pop();
}

static void test_far(void)
{
	extern char far_target[];
	volatile int reached = 0;

	/* m16:32 (and m16:64 with REX.W is not needed: the target is low). */
	IO32(0x500) = (u32)(unsigned long)far_target;
	*(volatile u16 *)(io + 0x504) = KERNEL_CS;
	asm volatile("ljmpl *(%1)\n\t"
		     "movl $2, %0\n\t"
		     "far_target:\n\t"
		     "incl %0"
		     : "+m"(reached) : "r"(io + 0x500) : "memory");
	report(reached == 1, "far JMP through a pointer in MMIO");
}

static bool fep_available(void)
{
	asm volatile(ASM_TRY("1f") "ud2; .byte 'k', 'v', 'm'; nop\n\t" "1:" : : : "memory");
	return exception_vector() != UD_VECTOR;
}

static void test_fep(void)
{
	static u32 ram[4];
	unsigned long n = 4;
	void *si = ram, *di = (void *)(io + 0x600);
	u32 v = 0;

	report_prefix_push("fep");
	if (accel_is_tcg()) {
		report_skip("TCG: forced emulation is KVM's");
		report_prefix_pop();
		return;
	}
	if (!fep_available()) {
		report_skip("KVM's forced-emulation prefix is off (kvm.force_emulation_prefix)");
		report_prefix_pop();
		return;
	}
	ram[0] = 41;
	asm volatile("ud2; .byte 'k', 'v', 'm'; movl (%1), %0" : "=r"(v) : "r"(ram) : "memory");
	report(v == 41, "MOV emulated");
	asm volatile("ud2; .byte 'k', 'v', 'm'; addl $1, (%0)" : : "r"(ram) : "memory", "cc");
	report(ram[0] == 42, "ADD emulated");
	asm volatile("cld\n\tud2; .byte 'k', 'v', 'm'; rep movsl"
		     : "+S"(si), "+D"(di), "+c"(n) : : "memory");
	report(IO32(0x600) == 42 && n == 0, "REP MOVSD emulated");
	report_prefix_pop();
}

static const struct {
	const char *name;
	void (*fn)(void);
} areas[] = {
	{ "mov", test_mov }, { "alu", test_alu }, { "atomic", test_atomic },
	{ "bits", test_bits }, { "shift", test_shift }, { "muldiv", test_muldiv },
	{ "string", test_string }, { "stack", test_stack }, { "sse", test_sse },
	{ "far", test_far }, { "fep", test_fep },
};

int main(int argc, char **argv)
{
	unsigned int i;
	int a;
	bool any = false;

	for (i = 0; i < ARRAY_SIZE(areas); i++) {
		bool run = argc < 2;

		for (a = 1; a < argc; a++)
			run |= !strcmp(argv[a], areas[i].name);
		if (run) {
			areas[i].fn();
			any = true;
		}
	}
	if (!any)
		report_abort("no such area: %s", argv[1]);
	return report_summary();
}
