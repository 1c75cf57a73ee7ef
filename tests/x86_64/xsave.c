// SPDX-License-Identifier: MIT
/*
 * xsave.c - XSAVE-managed state as the Intel SDM (vol. 1 ch. 13, vol. 2
 * XGETBV/XSETBV/XSAVE/XRSTOR/XSAVEC) defines it:
 *   - CR4.OSXSAVE: refused (#GP) without CPUID.1:ECX.XSAVE; while clear,
 *     XGETBV, XSETBV and XSAVE raise #UD;
 *   - XCR0: 1 (x87 only) at reset; XSETBV refuses (#GP) clearing x87,
 *     AVX without SSE, part of the AVX-512 trio or AVX-512 without AVX,
 *     bits CPUID.(0xd,0) does not report, an XCR other than 0, and CPL 3;
 *     XGETBV reads XCR1 (XINUSE) only with XGETBV1;
 *   - CPUID.(0xd,0):EBX is the save-area size of what XCR0 enables;
 *   - XSAVE/XRSTOR: a 64-byte aligned area only; XMM (and the upper
 *     halves of YMM) survive a save, a clobber and a restore; XSTATE_BV
 *     says which components were saved; XRSTOR of a component whose
 *     XSTATE_BV bit is clear initializes it; XRSTOR refuses XSTATE_BV
 *     bits outside XCR0 and a non-zero reserved header; XSAVEC writes
 *     the compacted form (XCOMP_BV bit 63).
 * Argument "absent": the CPU model has no XSAVE (unittests.cfg runs it
 * with -xsave) and only the refusals are checked.
 */
#include <libcflat.h>
#include <vmalloc.h>
#include <x86/processor.h>
#include <x86/usermode.h>
#include "accel.h"

#define XCR_XFEATURE_ENABLED	0
#define XCR_XINUSE		1

#define XF_FP		(1ull << 0)
#define XF_SSE		(1ull << 1)
#define XF_YMM		(1ull << 2)
#define XF_OPMASK	(1ull << 5)
#define XF_ZMM_HI256	(1ull << 6)
#define XF_HI16_ZMM	(1ull << 7)
#define XF_AVX512	(XF_OPMASK | XF_ZMM_HI256 | XF_HI16_ZMM)

/* Offsets in the legacy area and the header (SDM vol. 1, 13.4). */
#define XMM_OFFSET	160
#define HDR_OFFSET	512
#define YMM_OFFSET	576

#define AREA_SIZE	16384

static u8 area[AREA_SIZE] __attribute__((aligned(64)));
static u8 area2[AREA_SIZE] __attribute__((aligned(64)));

static int xgetbv_safe_(u32 xcr, u64 *val)
{
	u32 a = 0, d = 0;

	asm volatile(ASM_TRY("1f") "xgetbv\n\t" "1:"
		     : "+a"(a), "+d"(d) : "c"(xcr) : "memory");
	*val = a | ((u64)d << 32);
	return exception_vector();
}

static int xsetbv_safe_(u32 xcr, u64 val)
{
	asm volatile(ASM_TRY("1f") "xsetbv\n\t" "1:"
		     : : "a"((u32)val), "d"((u32)(val >> 32)), "c"(xcr) : "memory");
	return exception_vector();
}

static int xsave_safe(void *p, u64 mask)
{
	asm volatile(ASM_TRY("1f") "xsave (%0)\n\t" "1:"
		     : : "r"(p), "a"((u32)mask), "d"((u32)(mask >> 32)) : "memory");
	return exception_vector();
}

static int xrstor_safe(void *p, u64 mask)
{
	asm volatile(ASM_TRY("1f") "xrstor (%0)\n\t" "1:"
		     : : "r"(p), "a"((u32)mask), "d"((u32)(mask >> 32)) : "memory");
	return exception_vector();
}

static int xsavec_safe(void *p, u64 mask)
{
	asm volatile(ASM_TRY("1f") "xsavec (%0)\n\t" "1:"
		     : : "r"(p), "a"((u32)mask), "d"((u32)(mask >> 32)) : "memory");
	return exception_vector();
}

static const char *vname(int v)
{
	return v ? exception_mnemonic(v) : "no fault";
}

static u64 hdr_u64(const u8 *a, int i)
{
	u64 v;

	memcpy(&v, a + HDR_OFFSET + 8 * i, 8);
	return v;
}

static void set_hdr_u64(u8 *a, int i, u64 v)
{
	memcpy(a + HDR_OFFSET + 8 * i, &v, 8);
}

static void load_xmm0_1(const u8 *src)
{
	asm volatile("movdqu (%0), %%xmm0\n\tmovdqu 16(%0), %%xmm1" : : "r"(src) : "memory");
}

static void store_xmm0_1(u8 *dst)
{
	asm volatile("movdqu %%xmm0, (%0)\n\tmovdqu %%xmm1, 16(%0)" : : "r"(dst) : "memory");
}

static void load_ymm0(const u8 *src)
{
	asm volatile("vmovdqu (%0), %%ymm0" : : "r"(src) : "memory");
}

static void store_ymm0(u8 *dst)
{
	asm volatile("vmovdqu %%ymm0, (%0)" : : "r"(dst) : "memory");
}

static void test_absent(void)
{
	ulong cr4 = read_cr4();
	u64 v;

	report(!this_cpu_has(X86_FEATURE_XSAVE), "CPUID.1:ECX.XSAVE clear");
	/* QEMU 7.2's TCG spins on this MOV to CR4 instead of raising #GP. */
	if (accel_is_tcg())
		report_skip("CR4.OSXSAVE without XSAVE: QEMU's TCG hangs on it");
	else
		report(write_cr4_safe(cr4 | X86_CR4_OSXSAVE) == GP_VECTOR,
		       "CR4.OSXSAVE without XSAVE -> #GP");
	report(xgetbv_safe_(0, &v) == UD_VECTOR, "XGETBV -> #UD");
	report(xsetbv_safe_(0, XF_FP) == UD_VECTOR, "XSETBV -> #UD");
}

static u64 user_xsetbv(void)
{
	return xsetbv_safe_(0, XF_FP | XF_SSE);
}

static void test_xcr0(u64 supported)
{
	u64 v = 0;
	int r;
	bool raised;

	report(xgetbv_safe_(0, &v) == 0 && v == XF_FP,
	       "XCR0 is 1 (x87) after reset (%#" PRIx64 ")", v);
	report(xsetbv_safe_(0, XF_FP | XF_SSE) == 0 && xgetbv_safe_(0, &v) == 0 &&
	       v == (XF_FP | XF_SSE), "XSETBV x87|SSE reads back");
	r = xsetbv_safe_(0, 0);
	report(r == GP_VECTOR, "XCR0 = 0 (x87 clear) -> #GP (got %s)", vname(r));
	r = xsetbv_safe_(0, XF_SSE);
	report(r == GP_VECTOR, "XCR0 = SSE (x87 clear) -> #GP (got %s)", vname(r));
	if (supported & XF_YMM) {
		r = xsetbv_safe_(0, XF_FP | XF_YMM);
		report(r == GP_VECTOR, "AVX without SSE -> #GP (got %s)", vname(r));
	}
	if ((supported & XF_AVX512) == XF_AVX512) {
		r = xsetbv_safe_(0, XF_FP | XF_SSE | XF_YMM | XF_OPMASK);
		report(r == GP_VECTOR, "opmask without ZMM state -> #GP (got %s)", vname(r));
		r = xsetbv_safe_(0, XF_FP | XF_SSE | XF_AVX512);
		report(r == GP_VECTOR, "AVX-512 without AVX -> #GP (got %s)", vname(r));
		r = xsetbv_safe_(0, XF_FP | XF_SSE | XF_YMM | XF_AVX512);
		report(r == 0, "x87|SSE|AVX|AVX-512 accepted (got %s)", vname(r));
	}
	r = xsetbv_safe_(0, supported | (1ull << 63));
	report(r == GP_VECTOR, "bit 63 (unsupported) -> #GP (got %s)", vname(r));
	r = xsetbv_safe_(1, XF_FP);
	report(r == GP_VECTOR, "XSETBV to XCR1 -> #GP (got %s)", vname(r));
	r = xgetbv_safe_(2, &v);
	report(r == GP_VECTOR, "XGETBV of XCR2 -> #GP (got %s)", vname(r));
	r = xgetbv_safe_(XCR_XINUSE, &v);
	if (raw_cpuid(0xd, 1).a & (1u << 2))
		report(r == 0, "XGETBV1: XINUSE reads (%#" PRIx64 ")", v);
	else
		report(r == GP_VECTOR, "no XGETBV1: XGETBV of XCR1 -> #GP (got %s)", vname(r));

	xsetbv_safe_(0, XF_FP | XF_SSE);
	setup_vm();
	r = run_in_user(user_xsetbv, GP_VECTOR, 0, 0, 0, 0, &raised);
	report(raised && exception_error_code() == 0, "XSETBV at CPL 3 -> #GP(0)");
}

static void test_size_follows_xcr0(u64 supported)
{
	struct cpuid d;

	xsetbv_safe_(0, XF_FP | XF_SSE);
	d = raw_cpuid(0xd, 0);
	report(d.b == 576, "XCR0 x87|SSE: CPUID.(0xd,0):EBX %u (want 576)", d.b);
	if (supported & XF_YMM) {
		struct cpuid ymm = raw_cpuid(0xd, 2);

		xsetbv_safe_(0, XF_FP | XF_SSE | XF_YMM);
		d = raw_cpuid(0xd, 0);
		report(d.b == ymm.b + ymm.a,
		       "XCR0 |= AVX: CPUID.(0xd,0):EBX %u (AVX state %u bytes at %u)",
		       d.b, ymm.a, ymm.b);
	}
	report(d.c >= d.b && d.c <= AREA_SIZE,
	       "CPUID.(0xd,0):ECX %u covers every component", d.c);
}

static void test_save_restore(u64 supported)
{
	u8 pat[32], got[32], ymm[32], ymm_got[32], zero[32] = { 0 };
	u64 xcr0 = XF_FP | XF_SSE | (supported & XF_YMM);
	int i, r;

	for (i = 0; i < 32; i++) {
		pat[i] = 0xa0 + i;
		ymm[i] = 0x30 + i;
	}
	xsetbv_safe_(0, xcr0);

	r = xsave_safe(area + 8, xcr0);
	report(r == GP_VECTOR, "XSAVE to an area not 64-byte aligned -> #GP (got %s)",
	       vname(r));

	memset(area, 0, sizeof(area));
	load_xmm0_1(pat);
	if (xcr0 & XF_YMM)
		load_ymm0(ymm);
	r = xsave_safe(area, xcr0);
	report(r == 0, "XSAVE x87|SSE%s", xcr0 & XF_YMM ? "|AVX" : "");
	report(hdr_u64(area, 0) & XF_SSE, "XSTATE_BV has SSE (%#" PRIx64 ")",
	       hdr_u64(area, 0));
	if (xcr0 & XF_YMM) {
		report(!memcmp(area + XMM_OFFSET, ymm, 16) &&
		       !memcmp(area + YMM_OFFSET, ymm + 16, 16),
		       "YMM0's halves at XMM0's slot and the AVX area");
		report(!memcmp(area + XMM_OFFSET + 16, pat + 16, 16),
		       "XMM1 in the legacy area");
	} else {
		report(!memcmp(area + XMM_OFFSET, pat, 32), "XMM0-1 in the legacy area");
	}

	load_xmm0_1(zero);
	if (xcr0 & XF_YMM)
		load_ymm0(zero);
	r = xrstor_safe(area, xcr0);
	store_xmm0_1(got);
	report(r == 0 && !memcmp(got + 16, pat + 16, 16), "XRSTOR brings XMM1 back");
	if (xcr0 & XF_YMM) {
		store_ymm0(ymm_got);
		report(!memcmp(ymm_got, ymm, 32), "XRSTOR brings all of YMM0 back");
	} else {
		report(!memcmp(got, pat, 16), "XRSTOR brings XMM0 back");
	}

	/* XSTATE_BV[SSE] clear: XRSTOR puts XMM in its initial state (zero). */
	memcpy(area2, area, 4096);
	set_hdr_u64(area2, 0, hdr_u64(area2, 0) & ~(XF_SSE | XF_YMM));
	r = xrstor_safe(area2, xcr0);
	store_xmm0_1(got);
	report(r == 0 && !memcmp(got, zero, 32),
	       "XRSTOR with XSTATE_BV.SSE clear zeroes XMM");

	memcpy(area2, area, 4096);
	set_hdr_u64(area2, 0, hdr_u64(area2, 0) | (1ull << 62));
	r = xrstor_safe(area2, xcr0);
	report(r == GP_VECTOR, "XRSTOR, XSTATE_BV bit outside XCR0 -> #GP (got %s)",
	       vname(r));
	memcpy(area2, area, 4096);
	set_hdr_u64(area2, 2, 1);
	r = xrstor_safe(area2, xcr0);
	report(r == GP_VECTOR, "XRSTOR, header bytes 16-23 non-zero -> #GP (got %s)",
	       vname(r));

	if (raw_cpuid(0xd, 1).a & (1u << 1)) {
		memset(area2, 0, sizeof(area2));
		load_xmm0_1(pat);
		r = xsavec_safe(area2, xcr0);
		report(r == 0 && hdr_u64(area2, 1) == ((1ull << 63) | xcr0),
		       "XSAVEC: XCOMP_BV %#" PRIx64 " (compacted, the components asked)",
		       hdr_u64(area2, 1));
		load_xmm0_1(zero);
		r = xrstor_safe(area2, xcr0);
		store_xmm0_1(got);
		report(r == 0 && !memcmp(got, pat, 32), "XRSTOR of the compacted form");
	} else {
		report_skip("XSAVEC: not in CPUID.(0xd,1):EAX");
	}
}

int main(int argc, char **argv)
{
	ulong cr4 = read_cr4();
	u64 supported, v;

	if (argc > 1 && !strcmp(argv[1], "absent")) {
		test_absent();
		return report_summary();
	}
	if (!this_cpu_has(X86_FEATURE_XSAVE)) {
		report_skip("the CPU model has no XSAVE");
		return report_summary();
	}
	supported = raw_cpuid(0xd, 0).a | ((u64)raw_cpuid(0xd, 0).d << 32);
	report_info("XCR0 may enable %#" PRIx64, supported);

	write_cr4(cr4 & ~X86_CR4_OSXSAVE);
	report(xgetbv_safe_(0, &v) == UD_VECTOR, "CR4.OSXSAVE clear: XGETBV -> #UD");
	report(xsetbv_safe_(0, XF_FP) == UD_VECTOR, "CR4.OSXSAVE clear: XSETBV -> #UD");
	report(xsave_safe(area, XF_FP) == UD_VECTOR, "CR4.OSXSAVE clear: XSAVE -> #UD");
	report(write_cr4_safe(cr4 | X86_CR4_OSXSAVE) == 0, "CR4.OSXSAVE set");

	test_xcr0(supported);
	test_size_follows_xcr0(supported);
	test_save_restore(supported);
	xsetbv_safe_(0, XF_FP);
	return report_summary();
}
