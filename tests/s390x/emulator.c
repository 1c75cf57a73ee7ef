// SPDX-License-Identifier: MIT
/*
 * emulator.c - instructions a hypervisor intercepts or emulates, checked
 * for what the architecture says they do: SPM/IPM (condition code and
 * program mask), EXECUTE (with a length from a register, and an EXECUTE
 * of an EXECUTE), COMPARE AND SWAP, SPKA (the PSW key), STFL against
 * STFLE, a compare-and-trap's data-exception code (in the lowcore, and
 * in the FPC only with AFP on), and the query function of each CPACF
 * instruction the CPU has (the query bit set in its own mask).
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/cpacf.h>
#include <asm/facility.h>
#include <asm/float.h>
#include <asm/interrupt.h>

static void check_spm_ipm(void)
{
	unsigned long in, out;
	int cc, mask, ok = 1;

	report_prefix_push("spm-ipm");
	for (cc = 0; cc < 4; cc++) {
		for (mask = 0; mask < 16; mask += 5) {
			in = (unsigned long)cc << 28 | (unsigned long)mask << 24;
			out = ~0UL;
			asm volatile("spm %[in]\n"
				     "ipm %[out]\n"
				     : [out] "+d" (out) : [in] "d" (in) : "cc");
			/* IPM: bits 34-39 the cc and mask, 32-33 zero, the rest kept. */
			ok &= (out & 0xff000000UL) == in &&
			      (out | 0xff000000UL) == ~0UL;
		}
	}
	report(ok, "SPM sets, IPM reads back cc and program mask, leaving the rest");
	report_prefix_pop();
}

static void check_ex(void)
{
	char src[16] = "abcdefghijklmno", dst[16];
	unsigned long len = 4;
	int code;

	report_prefix_push("ex");
	memset(dst, 0, sizeof(dst));
	/* MVC with length code 0; EX ORs len into it: 5 bytes. */
	asm volatile("larl 1,0f\n"
		     "ex %[len],0(1)\n"
		     "j 1f\n"
		     "0: mvc 0(1,%[d]),0(%[s])\n"
		     "1:\n"
		     : : [len] "a" (len), [d] "a" (dst), [s] "a" (src)
		     : "1", "memory");
	report(!memcmp(dst, "abcde", 5) && dst[5] == 0, "EX of MVC moves length + 1 bytes");
	expect_pgm_int();
	asm volatile("larl 1,0f\n"
		     "ex 0,0(1)\n"
		     "j 1f\n"
		     "0: ex 0,0(1)\n"
		     "1:\n"
		     : : : "1", "memory");
	code = clear_pgm_int();
	report(code == PGM_INT_CODE_EXECUTE, "EX of EX: execute exception (%#x)", code);
	report_prefix_pop();
}

static void check_cs(void)
{
	unsigned int word = 5, old = 5;
	unsigned long dword = 7, dold = 6;
	int cc;

	report_prefix_push("cs");
	asm volatile("cs %[old],%[new],%[w]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [old] "+d" (old), [w] "+Q" (word), [cc] "=d" (cc)
		     : [new] "d" (9) : "cc");
	report(cc == 0 && word == 9, "CS: equal, swapped");
	asm volatile("csg %[old],%[new],%[w]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [old] "+d" (dold), [w] "+Q" (dword), [cc] "=d" (cc)
		     : [new] "d" (9UL) : "cc");
	report(cc == 1 && dword == 7 && dold == 7, "CSG: unequal, current value loaded");
	report_prefix_pop();
}

static void check_psw_key(void)
{
	uint32_t hi = 0, lo = 0;

	report_prefix_push("psw-key");
	asm volatile("spka 0x30\n"
		     "epsw %[hi],%[lo]\n"
		     "spka 0\n"
		     : [hi] "=d" (hi), [lo] "=d" (lo));
	report(((hi >> 20) & 0xf) == 3, "SPKA sets the PSW key (EPSW: %#x)", hi);
	report(!(extract_psw_mask() & PSW_MASK_KEY), "and back to key 0");
	report_prefix_pop();
}

static void check_stfl(void)
{
	uint64_t list[NB_STFL_DOUBLEWORDS] = { 0 };
	unsigned int n;

	report_prefix_push("stfl");
	stfl();
	n = stfle(list, NB_STFL_DOUBLEWORDS);
	report(n >= 1 && lowcore.stfl == list[0] >> 32,
	       "STFL's word is STFLE's first (%d doublewords)", n);
	report(!memcmp(list, stfl_doublewords, 8 * MIN(n, (unsigned int)NB_STFL_DOUBLEWORDS)),
	       "and what kut stored at boot");
	report_prefix_pop();
}

/* COMPARE AND TRAP 0 == 0: a data exception with DXC 0xff. */
static void trap(void)
{
	asm volatile(".insn rrf,0xb9600000,%0,%0,8,0" : : "d" (0) : "memory");
}

static void check_dxc(void)
{
	report_prefix_push("dxc");
	lowcore.dxc_vxc = 0x12345678;
	set_fpc_dxc(0);
	expect_pgm_int();
	trap();
	check_pgm_int_code(PGM_INT_CODE_DATA);
	report(lowcore.dxc_vxc == 0xff && get_fpc_dxc() == 0xff,
	       "AFP on: DXC 0xff in the lowcore and the FPC");
	lowcore.dxc_vxc = 0x12345678;
	set_fpc_dxc(0);
	expect_pgm_int();
	afp_disable();
	trap();
	afp_enable();
	check_pgm_int_code(PGM_INT_CODE_DATA);
	report(lowcore.dxc_vxc == 0xff && get_fpc_dxc() == 0,
	       "AFP off: DXC 0xff in the lowcore only");
	report_prefix_pop();
}

static void check_cpacf(void)
{
	static const struct {
		unsigned int opcode;
		const char *name;
	} insns[] = {
		{ CPACF_KMAC, "KMAC" }, { CPACF_KM, "KM" }, { CPACF_KMC, "KMC" },
		{ CPACF_KIMD, "KIMD" }, { CPACF_KLMD, "KLMD" },
		{ CPACF_PCKMO, "PCKMO" }, { CPACF_KMF, "KMF" },
		{ CPACF_KMO, "KMO" }, { CPACF_PCC, "PCC" },
		{ CPACF_KMCTR, "KMCTR" }, { CPACF_PRNO, "PRNO" },
	};
	unsigned int i, have = 0;

	report_prefix_push("cpacf");
	for (i = 0; i < ARRAY_SIZE(insns); i++) {
		if (!__cpacf_check_opcode(insns[i].opcode))
			continue;
		have++;
		report(cpacf_query_func(insns[i].opcode, 0),
		       "%s: the query function lists itself", insns[i].name);
	}
	if (!have)
		report_skip("no message-security assist");
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("emulator");
	check_spm_ipm();
	check_ex();
	check_cs();
	check_psw_key();
	check_stfl();
	check_dxc();
	check_cpacf();
	return report_summary();
}
