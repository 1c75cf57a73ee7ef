// SPDX-License-Identifier: MIT
/*
 * emulator.c - instructions a hypervisor may have to emulate or refuse:
 *   load/store string (lswi, lswx, stswi): the bytes they move in a
 *   big-endian guest; in a little-endian one, an alignment interrupt;
 *   lwarx/stwcx.: a reservation is needed to store, and a lwarx not on a
 *   word boundary is an alignment interrupt;
 *   an illegal instruction is a program interrupt with SRR1's illegal
 *   bit, resumed after.
 */
#include <libcflat.h>
#include <asm/processor.h>

#define SRR1_ILLEGAL	0x80000UL
#define BIG_ENDIAN	(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)

static volatile unsigned long caught_trap, caught_srr1;

static void catch_and_skip(struct pt_regs *regs, void *data)
{
	(void)data;
	caught_trap = regs->trap;
	caught_srr1 = regs->msr;
	regs_advance_insn(regs);
}

static void reset(void)
{
	caught_trap = 0;
	caught_srr1 = 0;
}

static void check_string(void)
{
	static const char src[16] = "0123456789abcdef";
	static char dst[16];
	/* Set right before each use: a call between may clobber them. */
	register unsigned long r5 asm("r5"), r6 asm("r6"), r7 asm("r7");
	register unsigned long r8 asm("r8"), r9 asm("r9");

	/*
	 * Spelt as encodings: assemblers refuse them for a little-endian
	 * target, where they are exactly what is tested.
	 */
	reset();
	r5 = r6 = r7 = 0;
	r8 = (unsigned long)src;
	/* lswi r5, r8, 10: 10 bytes into r5, r6, r7 (high bytes first). */
	asm volatile(".long 0x7ca854aa"
		     : "+r"(r5), "+r"(r6), "+r"(r7) : "r"(r8) : "memory");
	if (!BIG_ENDIAN) {
		report(caught_trap == 0x600, "lswi in little-endian: alignment interrupt (%#lx)",
		       caught_trap);
	} else {
		report(caught_trap == 0 && (r5 & 0xffffffff) == 0x30313233 &&
		       (r6 & 0xffffffff) == 0x34353637 && (r7 & 0xffffffff) == 0x38390000,
		       "lswi: 10 bytes into 3 registers (%08lx %08lx %08lx)",
		       r5 & 0xffffffff, r6 & 0xffffffff, r7 & 0xffffffff);
	}

	reset();
	memset(dst, '.', sizeof(dst));
	r5 = 0x41424344;
	r6 = 0x45464748;
	r9 = (unsigned long)dst;
	/* stswi r5, r9, 6 */
	asm volatile(".long 0x7ca935aa" : : "r"(r9), "r"(r5), "r"(r6) : "memory");
	if (!BIG_ENDIAN)
		report(caught_trap == 0x600, "stswi in little-endian: alignment interrupt");
	else
		report(caught_trap == 0 && !memcmp(dst, "ABCDEF..", 8),
		       "stswi: 6 bytes stored, no more (%.8s)", dst);

	reset();
	r5 = r6 = r7 = 0;
	r8 = (unsigned long)src;
	r9 = 7;
	/* mtxer r9; lswx r5, 0, r8: XER's byte count, 7. */
	asm volatile("mtxer %3\n\t.long 0x7ca0442a"
		     : "+r"(r5), "+r"(r6), "+r"(r7) : "r"(r9), "r"(r8) : "memory", "xer");
	if (!BIG_ENDIAN)
		report(caught_trap == 0x600, "lswx in little-endian: alignment interrupt");
	else
		report(caught_trap == 0 && (r5 & 0xffffffff) == 0x30313233 &&
		       (r6 & 0xffffffff) == 0x34353600,
		       "lswx: XER's 7 bytes (%08lx %08lx)", r5 & 0xffffffff,
		       r6 & 0xffffffff);
}

static void check_reservation(void)
{
	static u32 word[2] __attribute__((aligned(8))) = { 5, 9 };
	unsigned long cr, v;

	reset();
	/* A stwcx. with no reservation (a stwcx. just cleared it) fails. */
	asm volatile("lwarx %1, 0, %2\n\tstwcx. %1, 0, %2\n\t"
		     "stwcx. %3, 0, %2\n\tmfcr %0"
		     : "=r"(cr), "=&r"(v) : "r"(&word[0]), "r"(7UL) : "cr0", "memory");
	report(!(cr & 0x20000000) && word[0] == 5,
	       "stwcx. without a reservation stores nothing (CR0.EQ clear)");
	asm volatile("lwarx %1, 0, %2\n\tstwcx. %3, 0, %2\n\tmfcr %0"
		     : "=r"(cr), "=&r"(v) : "r"(&word[0]), "r"(7UL) : "cr0", "memory");
	report((cr & 0x20000000) && word[0] == 7 && v == 5,
	       "lwarx then stwcx. stores (CR0.EQ set)");
	asm volatile("lwarx %0, 0, %1" : "=r"(v) : "r"((char *)word + 2) : "memory");
	report(caught_trap == 0x600, "lwarx not on a word: alignment interrupt (%#lx)",
	       caught_trap);
}

int main(void)
{
	report_prefix_push("emulator");
	handle_exception(0x600, catch_and_skip, NULL);
	handle_exception(0x700, catch_and_skip, NULL);
	check_string();
	check_reservation();
	reset();
	asm volatile(".long 0");
	report(caught_trap == 0x700 && (caught_srr1 & SRR1_ILLEGAL),
	       "an illegal instruction: program interrupt (SRR1 %#lx)", caught_srr1);
	handle_exception(0x600, NULL, NULL);
	handle_exception(0x700, NULL, NULL);
	report_prefix_pop();
	return report_summary();
}
