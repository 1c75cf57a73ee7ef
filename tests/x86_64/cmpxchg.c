// SPDX-License-Identifier: MIT
/*
 * cmpxchg.c - CMPXCHG8B and CMPXCHG16B as the Intel SDM (vol. 2) defines
 * them, one per argument ("8b", "16b"), on RAM and on an MMIO operand
 * (pc-testdev's memory-like window at 0xff000000), where KVM's instruction
 * emulator has to do what the CPU does:
 *   - equal: the new value is stored, ZF set;
 *   - not equal: the old value is loaded into EDX:EAX (RDX:RAX), ZF
 *     clear, and memory is written back unchanged: so on a read-only page
 *     even a failing compare raises #PF with a write error code;
 *   - with LOCK, the same;
 *   - a register operand is #UD; CMPXCHG16B needs a 16-byte aligned
 *     operand (#GP otherwise) and CPUID.1:ECX.CX16 (#UD otherwise).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/vm.h>

#define PF_ERR_W	(1u << 1)
#define IOMEM		0xff000000ul

static const char *vn(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

/* CMPXCHG8B at @p: expect @old, store @new; returns the vector. */
static int cx8(volatile u64 *p, u64 *old, u64 new, bool *zf, bool lock)
{
	u32 a = *old, d = *old >> 32;
	u8 z = 0;

	if (lock)
		asm volatile(ASM_TRY("1f") "lock cmpxchg8b (%[p])\n\t" "1: setz %[z]"
			     : "+a"(a), "+d"(d), [z] "=q"(z)
			     : [p] "r"(p), "b"((u32)new), "c"((u32)(new >> 32))
			     : "memory", "cc");
	else
		asm volatile(ASM_TRY("1f") "cmpxchg8b (%[p])\n\t" "1: setz %[z]"
			     : "+a"(a), "+d"(d), [z] "=q"(z)
			     : [p] "r"(p), "b"((u32)new), "c"((u32)(new >> 32))
			     : "memory", "cc");
	*old = a | ((u64)d << 32);
	*zf = z;
	return exception_vector();
}

static void test_cx8_on(volatile u64 *p, const char *where, bool lock)
{
	u64 old;
	bool zf;
	int v;

	report_prefix_pushf("%s%s", lock ? "lock " : "", where);
	*p = 0x1111111122222222ull;
	old = 0x1111111122222222ull;
	v = cx8(p, &old, 0x3333333344444444ull, &zf, lock);
	report(!v && zf && *p == 0x3333333344444444ull,
	       "equal: stored, ZF set (%s)", vn(v));
	old = 0x5555555566666666ull;
	v = cx8(p, &old, 0x7777777788888888ull, &zf, lock);
	report(!v && !zf && old == 0x3333333344444444ull && *p == 0x3333333344444444ull,
	       "not equal: EDX:EAX loaded with %#" PRIx64 ", memory kept, ZF clear", old);
	report_prefix_pop();
}

static void test_cx8(void)
{
	static u64 ram __attribute__((aligned(8)));
	u64 *ro = alloc_vpage(), old;
	pteval_t *pte;
	bool zf;
	int v;

	test_cx8_on(&ram, "RAM", false);
	test_cx8_on(&ram, "RAM", true);
	test_cx8_on((volatile u64 *)(IOMEM + 0x40), "MMIO", false);
	test_cx8_on((volatile u64 *)(IOMEM + 0x48), "MMIO", true);

	/* An unaligned operand is fine for CMPXCHG8B. */
	test_cx8_on((volatile u64 *)((u8 *)alloc_page() + 4), "unaligned RAM", false);

	pte = install_page(current_page_table(), virt_to_phys(alloc_page()), ro);
	*ro = 0x42;
	*pte &= ~PT_WRITABLE_MASK;
	invlpg(ro);
	old = 0x43;
	v = cx8(ro, &old, 0, &zf, false);
	report(v == PF_VECTOR && (exception_error_code() & PF_ERR_W),
	       "not equal on a read-only page: #PF, write (got %s, error %#x)", vn(v),
	       exception_error_code());

	asm volatile(ASM_TRY("1f") ".byte 0x0f, 0xc7, 0xc8\n\t" "1:" : : : "memory");
	v = exception_vector();
	report(v == UD_VECTOR, "register operand (0f c7 c8) -> #UD (got %s)", vn(v));
}

#ifdef __x86_64__
struct u128 {
	u64 lo, hi;
} __attribute__((aligned(16)));

static int cx16(volatile void *p, struct u128 *old, struct u128 new, bool *zf)
{
	u8 z = 0;

	asm volatile(ASM_TRY("1f") "lock cmpxchg16b (%[p])\n\t" "1: setz %[z]"
		     : "+a"(old->lo), "+d"(old->hi), [z] "=q"(z)
		     : [p] "r"(p), "b"(new.lo), "c"(new.hi) : "memory", "cc");
	*zf = z;
	return exception_vector();
}

static void test_cx16_on(volatile struct u128 *p, const char *where)
{
	struct u128 old, new = { 3, 4 };
	bool zf;
	int v;

	report_prefix_push(where);
	p->lo = 1;
	p->hi = 2;
	old.lo = 1;
	old.hi = 2;
	v = cx16(p, &old, new, &zf);
	report(!v && zf && p->lo == 3 && p->hi == 4, "equal: stored, ZF set (%s)", vn(v));
	old.lo = 9;
	old.hi = 9;
	v = cx16(p, &old, new, &zf);
	report(!v && !zf && old.lo == 3 && old.hi == 4,
	       "not equal: RDX:RAX loaded, ZF clear (%s)", vn(v));
	report_prefix_pop();
}

static void test_cx16(void)
{
	static struct u128 ram;
	struct u128 old = { 0, 0 }, new = { 0, 0 };
	bool zf;
	int v;

	if (!(cpuid(1).c & (1u << 13))) {
		v = cx16(&ram, &old, new, &zf);
		report(v == UD_VECTOR, "no CX16 in CPUID: CMPXCHG16B -> #UD (got %s)", vn(v));
		return;
	}
	test_cx16_on(&ram, "RAM");
	test_cx16_on((volatile struct u128 *)(IOMEM + 0x80), "MMIO");
	v = cx16((u8 *)&ram + 8, &old, new, &zf);
	report(v == GP_VECTOR, "operand not 16-byte aligned -> #GP (got %s)", vn(v));
}
#endif

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "8b";

	if (!strcmp(what, "8b")) {
		test_cx8();
	} else if (!strcmp(what, "16b")) {
#ifdef __x86_64__
		test_cx16();
#else
		report_skip("CMPXCHG16B is an instruction of 64-bit mode");
#endif
	} else {
		report_abort("unknown area '%s' (8b or 16b)", what);
	}
	return report_summary();
}
