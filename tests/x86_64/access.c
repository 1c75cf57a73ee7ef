// SPDX-License-Identifier: MIT
/*
 * access.c - the page walk's access rights, permutation by permutation,
 * against the rules of the Intel SDM (vol. 3, 4.6 "Access Rights", 4.7
 * "Page-Fault Exceptions", 4.8 "Accessed and Dirty Flags") and the AMD
 * APM (vol. 2, 5.6): for each combination of
 *   - the leaf entry's P, R/W, U/S and XD bits and protection key, at
 *     each leaf level (4 KiB PTE, large PDE, 1 GiB PDPTE where CPUID has
 *     it), and the R/W, U/S and XD bits of one upper level in turn;
 *   - CR0.WP, EFER.NXE, CR4.SMEP, CR4.SMAP with EFLAGS.AC, CR4.PKE with
 *     PKRU, CR4.PKS with IA32_PKRS;
 *   - a read, a write or an instruction fetch, at CPL 0 or CPL 3;
 * the access must fault exactly when the rules say, with the error code
 * they give (P, W/R, U/S, RSVD, I/D, PK) and CR2 the address, and a
 * successful access must set the accessed flags of the entries walked
 * and, for a write, the leaf's dirty flag, which a failed access never
 * sets.  Reserved bits (above MAXPHYADDR, PS in a PML4E, a 1 GiB PDPTE
 * without CPUID's 1GB-page bit, the address bits a large page leaves
 * zero, XD without EFER.NXE) must raise #PF with RSVD.  Under KVM this
 * checks its MMU: the shadow page tables, or the nested walk, and its
 * emulated page walk.
 *
 * One area per argument (unittests.cfg gives each its entry), all by
 * default: "basic" (P, R/W, U/S, XD, WP, NXE), "smep", "smap", "pku",
 * "pks", "rsvd".  i386 pages with 32-bit paging: two levels, 4 MiB large
 * pages, no XD, no protection keys (those areas skip).
 *
 * How: the test address lies in a top-level slot of its own, whose
 * tables the test writes entry by entry.  CPL 0 accesses run on a copy
 * of the top-level table in which kut's identity map is supervisor-only
 * (SMEP and SMAP would otherwise forbid kut's own code and data); CPL 3
 * accesses run through run_in_user() on setup_vm()'s tables, where the
 * identity map is user-accessible.  Both share the test slot.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/page.h>
#include <x86/processor.h>
#include <x86/msr.h>
#include <x86/usermode.h>
#include <x86/vm.h>
#include "accel.h"

#define PFERR_P		(1u << 0)
#define PFERR_W		(1u << 1)
#define PFERR_U		(1u << 2)
#define PFERR_RSVD	(1u << 3)
#define PFERR_ID	(1u << 4)
#define PFERR_PK	(1u << 5)

#define PT_NX		(1ull << 63)
#define PT_PKEY_SHIFT	59
#define PT_PKEY_MASK	(0xfull << PT_PKEY_SHIFT)
#define TEST_PKEY	1
/* Reads and writes go here in the data page; fetches run its byte 0. */
#define DATA_OFFSET	64

#ifdef __x86_64__
#define LEVELS		4
#define TEST_VA		0x0000008000000000ul	/* PML4 slot 1 */
#define HAS_NX		1
#else
#define LEVELS		2
#define TEST_VA		0x80000000ul		/* bottom of vmalloc's window */
#define HAS_NX		0
#endif
#define TOP_INDEX	PGDIR_OFFSET(TEST_VA, LEVELS)

enum acc { ACC_READ, ACC_WRITE, ACC_FETCH, NR_ACC };
static const char *const acc_names[NR_ACC] = { "read", "write", "fetch" };

/* One permutation. */
struct perm {
	int leaf_level;			/* 1: 4 KiB; 2: large; 3: 1 GiB */
	u8 p, w, u, nx;		/* the leaf's bits */
	int pkey;
	int upper_level;		/* the upper level whose bits vary */
	u8 uw, uu, unx;		/* ... those bits */
	u64 rsvd_bits;			/* reserved bits set in the leaf */
	int rsvd_level;			/* ... or in this upper level (0: leaf) */
	u8 wp, nxe, smep, smap, ac, pke, pks;
	u8 pk_ad, pk_wd;		/* PKRU (or PKRS) for TEST_PKEY */
	u8 user;
	enum acc acc;
};

/* What happened, or should. */
struct outcome {
	bool fault;
	u32 ec;
	u32 ec_mask;			/* bits of ec that must match */
};

static bool has_smep, has_smap, has_pku, has_pks, has_gbpages;
static u8 maxphyaddr;

/* The page-table pages of the test slot, one per level below the top. */
static pteval_t *tables[LEVELS + 1];
static pgd_t *root_user, *root_kern;
/* The data page the test address reaches, and where it is mapped. */
static u8 *data;
static volatile u8 *target;

static unsigned long tested, mismatches, rsvd_without_p;

/* ---- the rules ---- */

static struct outcome expect(const struct perm *t)
{
	struct outcome o = { false, 0, ~0u };
	bool u = t->u && t->uu, w = t->w && t->uw;
	bool xd = t->nxe && (t->nx || t->unx);
	bool id_on = t->acc == ACC_FETCH && (t->smep || (HAS_NX && t->nxe));
	bool other = false, pk = false;
	u32 base = (t->acc == ACC_WRITE ? PFERR_W : 0) | (t->user ? PFERR_U : 0) |
		   (id_on ? PFERR_ID : 0);

	/* The walk meets the upper entry (reserved bits) before the leaf. */
	if ((t->rsvd_bits && t->rsvd_level) || (t->unx && !t->nxe)) {
		o.fault = true;
		o.ec = base | PFERR_P | PFERR_RSVD;
		return o;
	}
	if (!t->p) {
		o.fault = true;
		o.ec = base;
		return o;
	}
	if (t->rsvd_bits || (t->nx && !t->nxe) || (t->leaf_level == 3 && !has_gbpages)) {
		o.fault = true;
		o.ec = base | PFERR_P | PFERR_RSVD;
		return o;
	}
	if (t->user) {
		if (!u)
			other = true;
		else if (t->acc == ACC_WRITE && !w)
			other = true;
		else if (t->acc == ACC_FETCH && xd)
			other = true;
	} else if (t->acc == ACC_FETCH) {
		if (xd || (u && t->smep))
			other = true;
	} else {
		if (u && t->smap && !t->ac)
			other = true;
		else if (t->acc == ACC_WRITE && !w && t->wp)
			other = true;
	}
	/* Protection keys: data accesses only; PKRU for user pages, PKRS for
	 * supervisor pages; write-disable binds supervisor writes only with WP. */
	if (t->acc != ACC_FETCH && t->pkey == TEST_PKEY &&
	    ((u && t->pke) || (!u && t->pks && !t->user))) {
		if (t->pk_ad)
			pk = true;
		else if (t->acc == ACC_WRITE && t->pk_wd && (t->user || t->wp))
			pk = true;
	}
	if (other || pk) {
		o.fault = true;
		o.ec = base | PFERR_P | (pk ? PFERR_PK : 0);
		/* Whether PK accompanies another reason is left unchecked. */
		if (other)
			o.ec_mask = ~PFERR_PK;
	}
	return o;
}

/* ---- building the permutation ---- */

static pteval_t *entry_at(int level)
{
	if (level == LEVELS)
		return NULL;		/* the top entry lives in both roots */
	return &tables[level][PGDIR_OFFSET(TEST_VA, level)];
}

static void set_top(pteval_t v)
{
	root_user[TOP_INDEX] = v;
	root_kern[TOP_INDEX] = v;
}

static pteval_t get_top(bool user)
{
	return (user ? root_user : root_kern)[TOP_INDEX];
}

/* The size of a leaf of @level, and where the data page sits in it. */
static unsigned long leaf_size(int level)
{
	return 1ul << PGDIR_BITS(level);
}

static void build(const struct perm *t)
{
	phys_addr_t pdata = virt_to_phys(data);
	phys_addr_t base = pdata & ~(phys_addr_t)(leaf_size(t->leaf_level) - 1);
	pteval_t leaf, e;
	int l;

	for (l = LEVELS; l > t->leaf_level; l--) {
		e = virt_to_phys(tables[l - 1]) | PT_PRESENT_MASK | PT_WRITABLE_MASK |
		    PT_USER_MASK;
		if (l == t->upper_level) {
			if (!t->uw)
				e &= ~PT_WRITABLE_MASK;
			if (!t->uu)
				e &= ~PT_USER_MASK;
			if (t->unx)
				e |= PT_NX;
		}
		if (l == t->rsvd_level)
			e |= t->rsvd_bits;
		if (l == LEVELS)
			set_top(e);
		else
			*entry_at(l) = e;
	}
	leaf = base | (t->p ? PT_PRESENT_MASK : 0) | (t->w ? PT_WRITABLE_MASK : 0) |
	       (t->u ? PT_USER_MASK : 0) | (t->nx ? PT_NX : 0);
	if (t->leaf_level > 1)
		leaf |= PT_PAGE_SIZE_MASK;
#ifdef __x86_64__
	leaf |= (pteval_t)t->pkey << PT_PKEY_SHIFT;
#endif
	if (!t->rsvd_level)
		leaf |= t->rsvd_bits;
	if (t->leaf_level == LEVELS)
		set_top(leaf);
	else
		*entry_at(t->leaf_level) = leaf;
	target = (volatile u8 *)(TEST_VA + (unsigned long)(pdata - base));
	if (t->acc != ACC_FETCH)
		target += DATA_OFFSET;
}

static pteval_t leaf_entry(const struct perm *t)
{
	return t->leaf_level == LEVELS ? get_top(t->user) : *entry_at(t->leaf_level);
}

/* ---- the CPU state of a permutation ---- */

static ulong cr0_base, cr4_base;
#ifdef __x86_64__
static u64 efer_base;
#endif

/* PKRU/PKRS: access- and write-disable bits of TEST_PKEY. */
static u32 pk_bits(const struct perm *t)
{
	return ((t->pk_ad ? 1u : 0) | (t->pk_wd ? 2u : 0)) << (2 * TEST_PKEY);
}

static void set_env(const struct perm *t)
{
	ulong cr0 = cr0_base & ~X86_CR0_WP, cr4 = cr4_base;
	ulong fl = read_rflags() & ~X86_EFLAGS_AC;

	if (t->wp)
		cr0 |= X86_CR0_WP;
	cr4 &= ~(X86_CR4_SMEP | X86_CR4_SMAP | X86_CR4_PKE | X86_CR4_PKS);
	if (t->smep)
		cr4 |= X86_CR4_SMEP;
	if (t->smap)
		cr4 |= X86_CR4_SMAP;
	if (t->pke)
		cr4 |= X86_CR4_PKE;
	if (t->pks)
		cr4 |= X86_CR4_PKS;
#ifdef __x86_64__
	wrmsr(MSR_EFER, t->nxe ? efer_base | EFER_NX : efer_base & ~EFER_NX);
#endif
	write_cr0(cr0);
	write_cr4(cr4);
	/* WRPKRU needs CR4.PKE. */
	if (t->pke)
		write_pkru(pk_bits(t));
	if (t->pks)
		wrmsr(MSR_IA32_PKRS, pk_bits(t));
	write_rflags(t->ac ? fl | X86_EFLAGS_AC : fl);
}

static void reset_env(void)
{
	write_rflags(read_rflags() & ~X86_EFLAGS_AC);
	if (read_cr4() & X86_CR4_PKE)
		write_pkru(0);
	write_cr4(cr4_base);
	write_cr0(cr0_base);
#ifdef __x86_64__
	wrmsr(MSR_EFER, efer_base);
#endif
}

/* ---- the accesses ---- */

static volatile unsigned long fetch_recover;
static volatile u32 fetch_ec;
static volatile bool fetch_faulted;

static void fetch_pf(struct ex_regs *regs)
{
	fetch_faulted = true;
	fetch_ec = regs->error_code;
	regs->rip = fetch_recover;
}

/* CPL 0: the access; returns whether it faulted, with its error code. */
static bool kernel_access(enum acc acc, volatile u8 *p, u32 *ec)
{
	u8 v;

	switch (acc) {
	case ACC_READ:
		asm volatile(ASM_TRY("1f") "movb (%1), %0\n\t" "1:"
			     : "=q"(v) : "r"(p) : "memory");
		(void)v;
		break;
	case ACC_WRITE:
		asm volatile(ASM_TRY("1f") "movb $0x5a, (%0)\n\t" "1:"
			     : : "r"(p) : "memory");
		break;
	case ACC_FETCH:
		fetch_faulted = false;
		handle_exception(PF_VECTOR, fetch_pf);
		asm volatile(
#ifdef __x86_64__
			     "lea 1f(%%rip), %%rax\n\t"
#else
			     "lea 1f, %%eax\n\t"
#endif
			     "mov %%" R "ax, %0\n\t"
			     "call *%1\n\t"
			     "jmp 2f\n\t"
			     /* A faulting call pushed its return address: drop it. */
			     "1: add $" S ", %%" R "sp\n\t"
			     "2:"
			     : "=m"(fetch_recover) : "r"(p) : R "ax", "memory");
		handle_exception(PF_VECTOR, NULL);
		*ec = fetch_ec;
		return fetch_faulted;
	default:
		break;
	}
	*ec = exception_error_code();
	return exception_vector() == PF_VECTOR;
}

static volatile enum acc user_acc;
static volatile u8 *volatile user_ptr;

static u64 user_access(void)
{
	volatile u8 *p = user_ptr;

	switch (user_acc) {
	case ACC_READ:
		return *p;
	case ACC_WRITE:
		*p = 0x5a;
		return 0;
	case ACC_FETCH:
		((void (*)(void))p)();
		return 0;
	default:
		return 0;
	}
}

static bool do_access(const struct perm *t, u32 *ec)
{
	bool raised;

	if (!t->user)
		return kernel_access(t->acc, target, ec);
	user_acc = t->acc;
	user_ptr = target;
	run_in_user(user_access, PF_VECTOR, 0, 0, 0, 0, &raised);
	*ec = exception_error_code();
	return raised;
}

/* ---- one permutation ---- */

static void describe(const struct perm *t, char *buf, size_t n)
{
	snprintf(buf, n, "%s CPL%d leaf L%d%s%s%s%s pkey %d, L%d%s%s%s, rsvd %#" PRIx64
		 "@L%d; %s%s%s%s%s%s%s%s%s",
		 acc_names[t->acc], t->user ? 3 : 0, t->leaf_level,
		 t->p ? " P" : " !P", t->w ? " W" : "", t->u ? " U" : "", t->nx ? " XD" : "",
		 t->pkey, t->upper_level, t->uw ? " W" : " !W", t->uu ? " U" : " !U",
		 t->unx ? " XD" : "", (u64)t->rsvd_bits, t->rsvd_level,
		 t->wp ? "WP " : "", t->nxe ? "NXE " : "", t->smep ? "SMEP " : "",
		 t->smap ? "SMAP " : "", t->ac ? "AC " : "", t->pke ? "PKE " : "",
		 t->pks ? "PKS " : "", t->pk_ad ? "AD " : "", t->pk_wd ? "WD" : "");
}

static void mismatch(const struct perm *t, const char *what, u64 got, u64 want)
{
	char buf[256];

	mismatches++;
	if (mismatches > 12)
		return;
	describe(t, buf, sizeof(buf));
	printf("  mismatch: %s: %s: got %#" PRIx64 ", want %#" PRIx64 "\n", buf, what,
	       got, want);
}

static void run_perm(const struct perm *t)
{
	struct outcome want;
	pteval_t before, after;
	u32 ec = 0;
	bool fault;
	int l;

	/*
	 * SMEP and SMAP rule supervisor-mode accesses only, and on the user
	 * tables they would forbid kut's own code: CPL 3 runs without them
	 * (the permutations with them would repeat those without).
	 */
	if (t->user && (t->smep || t->smap))
		return;
	want = expect(t);

	build(t);
	if (t->user)
		write_cr3(virt_to_phys(root_user));
	else
		write_cr3(virt_to_phys(root_kern));
	before = leaf_entry(t);
	set_env(t);
	fault = do_access(t, &ec);
	reset_env();
	after = leaf_entry(t);
	tested++;

	if (fault != want.fault) {
		mismatch(t, "faulted", fault, want.fault);
		return;
	}
	if (fault) {
		/* QEMU's TCG (7.2) leaves P clear in a reserved-bit fault. */
		if ((want.ec & PFERR_RSVD) && accel_is_tcg() && ec == (want.ec & ~PFERR_P)) {
			rsvd_without_p++;
			ec |= PFERR_P;
		}
		if ((ec & want.ec_mask & 0x3f) != (want.ec & want.ec_mask))
			mismatch(t, "error code", ec, want.ec);
		else if (read_cr2() != (ulong)target)
			mismatch(t, "CR2", read_cr2(), (ulong)target);
		else if ((after & PT_DIRTY_MASK) && !(before & PT_DIRTY_MASK))
			mismatch(t, "dirty flag set by a failed access", after, before);
		return;
	}
	if (!(after & PT_ACCESSED_MASK))
		mismatch(t, "leaf accessed flag", after, after | PT_ACCESSED_MASK);
	else if (!!(after & PT_DIRTY_MASK) != (t->acc == ACC_WRITE))
		mismatch(t, "leaf dirty flag", after & PT_DIRTY_MASK,
			 t->acc == ACC_WRITE ? PT_DIRTY_MASK : 0);
	for (l = t->leaf_level + 1; l <= LEVELS; l++) {
		pteval_t e = l == LEVELS ? get_top(t->user) : *entry_at(l);

		if (!(e & PT_ACCESSED_MASK)) {
			mismatch(t, "upper accessed flag", l, e);
			break;
		}
	}
}

/* ---- the areas ---- */

typedef void (*perm_fn)(struct perm *t);

/* Every leaf level, every upper level, both CPLs and every access. */
static void for_levels(struct perm *t, perm_fn fn, bool all_uppers)
{
	int leaf, up, last;

	for (leaf = 1; leaf <= (HAS_NX && has_gbpages ? 3 : 2); leaf++) {
		t->leaf_level = leaf;
		last = leaf == LEVELS ? LEVELS + 1 : all_uppers ? LEVELS : leaf + 1;
		for (up = leaf + 1; up <= last; up++) {
			/* A leaf at the top (i386's 4 MiB pages) has no upper level. */
			t->upper_level = up > LEVELS ? 0 : up;
			for (t->user = 0; t->user <= 1; t->user++)
				for (t->acc = 0; t->acc < NR_ACC; t->acc++)
					fn(t);
		}
	}
}

static perm_fn inner;

/* The leaf's and the upper level's P, W, U (and XD) under @inner's env. */
static void bits_full(struct perm *t)
{
	int m;

	for (m = 0; m < (HAS_NX ? 128 : 32); m++) {
		t->p = m & 1;
		t->w = m & 2;
		t->u = m & 4;
		t->uw = m & 8;
		t->uu = m & 16;
		t->nx = m & 32;
		t->unx = m & 64;
		if (!t->upper_level && (!t->uw || !t->uu || t->unx))
			continue;
		inner(t);
	}
}

/* The leaf's P, W, U (and XD) and the upper level's U: what SMEP, SMAP
 * and protection keys look at. */
static void bits_leaf(struct perm *t)
{
	int m;

	t->uw = true;
	t->unx = false;
	for (m = 0; m < (HAS_NX ? 32 : 16); m++) {
		t->p = m & 1;
		t->w = m & 2;
		t->u = m & 4;
		t->uu = m & 8;
		t->nx = m & 16;
		if (!t->upper_level && !t->uu)
			continue;
		inner(t);
	}
}

static void leaf_env_basic(struct perm *t)
{
	/* WP rules supervisor writes only: CPL 3 runs with it set. */
	for (t->wp = t->user; t->wp <= 1; t->wp++)
		for (t->nxe = 0; t->nxe <= HAS_NX; t->nxe++)
			run_perm(t);
}

static void leaf_env_smep(struct perm *t)
{
	t->nxe = HAS_NX;
	for (t->smep = 0; t->smep <= 1; t->smep++)
		for (t->wp = 0; t->wp <= 1; t->wp++)
			run_perm(t);
	t->smep = false;
}

static void leaf_env_smap(struct perm *t)
{
	int s;

	t->nxe = HAS_NX;
	for (s = 0; s < 3; s++) {
		t->smap = s > 0;
		t->ac = s == 2;
		for (t->wp = 0; t->wp <= 1; t->wp++)
			run_perm(t);
	}
	t->smap = t->ac = false;
}

static void leaf_env_pk(struct perm *t, u8 *enable)
{
	int k;

	t->nxe = HAS_NX;
	for (t->pkey = 0; t->pkey <= TEST_PKEY; t->pkey++)
		for (k = 0; k < 4; k++) {
			*enable = k > 0;
			t->pk_ad = k == 1 || k == 3;
			t->pk_wd = k == 2 || k == 3;
			for (t->wp = 0; t->wp <= 1; t->wp++)
				run_perm(t);
		}
	*enable = false;
	t->pkey = 0;
	t->pk_ad = t->pk_wd = false;
}

static void leaf_env_pku(struct perm *t)
{
	leaf_env_pk(t, &t->pke);
}

static void leaf_env_pks(struct perm *t)
{
	leaf_env_pk(t, &t->pks);
}

/* A reserved-bit fault has P set: the entry was present. */
static void report_rsvd_p(const char *name)
{
	if (rsvd_without_p)
		report_tcg_gap(false, "%s: %lu reserved-bit faults without P in the error code",
			       name, rsvd_without_p);
	rsvd_without_p = 0;
}

static void area(const char *name, perm_fn env, bool full)
{
	struct perm t;

	memset(&t, 0, sizeof(t));
	tested = mismatches = 0;
	inner = env;
	for_levels(&t, full ? bits_full : bits_leaf, full);
	write_cr3(virt_to_phys(root_user));
	set_top(0);
	report(mismatches == 0, "%s: %lu accesses as the rules say (%lu differ)", name,
	       tested, mismatches);
	report_rsvd_p(name);
}

/* Reserved bits: one permutation per bit and level, each access. */
static void rsvd_one(struct perm *t, u64 bits, int level, const char *what)
{
	t->rsvd_bits = bits;
	t->rsvd_level = level;
	for (t->user = 0; t->user <= 1; t->user++)
		for (t->acc = 0; t->acc < NR_ACC; t->acc++)
			run_perm(t);
	(void)what;
}

static void area_rsvd(void)
{
	struct perm t;
	int leaf;

	memset(&t, 0, sizeof(t));
	tested = mismatches = 0;
	t.p = t.w = t.u = t.uw = t.uu = true;
	t.nxe = HAS_NX;
	t.wp = true;
	for (leaf = 1; leaf <= 2; leaf++) {
		int l;

		t.leaf_level = leaf;
		t.upper_level = LEVELS;
		if (maxphyaddr < 52 && HAS_NX) {
			for (l = leaf; l <= LEVELS; l++) {
				rsvd_one(&t, 1ull << maxphyaddr, l == leaf ? 0 : l,
					 "bit MAXPHYADDR");
				rsvd_one(&t, 1ull << 51, l == leaf ? 0 : l, "bit 51");
			}
		}
#ifdef __x86_64__
		if (leaf == 2)		/* address bits 20:13 of a 2 MiB page */
			rsvd_one(&t, 1ull << 13, 0, "bit 13 of a 2 MiB PDE");
#else
		if (leaf == 2)		/* bit 21 of a 4 MiB PDE (PSE-36 ends at 20) */
			rsvd_one(&t, 1ull << 21, 0, "bit 21 of a 4 MiB PDE");
#endif
	}
#ifdef __x86_64__
	t.leaf_level = 1;
	rsvd_one(&t, PT_PAGE_SIZE_MASK, LEVELS, "PS in a PML4E");
#endif
	write_cr3(virt_to_phys(root_user));
	set_top(0);
	report_rsvd_p("rsvd");
	report(mismatches == 0, "rsvd: %lu accesses with reserved bits as the rules say "
	       "(%lu differ)", tested, mismatches);
#ifdef __x86_64__
	if (!has_gbpages) {
		/*
		 * A PDPTE with PS, without 1 GiB pages in CPUID: reserved.
		 * QEMU's TCG (7.2) maps the 1 GiB page all the same.
		 */
		tested = mismatches = 0;
		t.leaf_level = 3;
		t.upper_level = LEVELS;
		rsvd_one(&t, 0, 0, "PS in a PDPTE without 1GB pages");
		write_cr3(virt_to_phys(root_user));
		set_top(0);
		report_rsvd_p("rsvd");
		report_tcg_gap(mismatches == 0, "rsvd: %lu accesses through a PDPTE with PS, "
			       "no 1 GiB pages in CPUID, as the rules say (%lu differ)",
			       tested, mismatches);
	}
#endif
	reset_env();
}

static void setup(void)
{
	int l;

	setup_vm();
	root_user = current_page_table();
	root_kern = alloc_page();
	memcpy(root_kern, root_user, PAGE_SIZE);
	/* kut's identity map supervisor-only: every present top entry but ours. */
	for (l = 0; l < (int)(PAGE_SIZE / sizeof(pteval_t)); l++)
		if (l != (int)TOP_INDEX && (root_kern[l] & PT_PRESENT_MASK))
			root_kern[l] &= ~PT_USER_MASK;
	for (l = 1; l < LEVELS; l++)
		tables[l] = alloc_page();
	data = alloc_page();
	data[0] = 0xc3;			/* ret: what a fetch runs */
	cr0_base = read_cr0();
	cr4_base = read_cr4();
#ifdef __x86_64__
	efer_base = rdmsr(MSR_EFER);
#endif
}

static bool want(int argc, char **argv, const char *name)
{
	int i;

	if (argc < 2)
		return true;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	has_smep = this_cpu_has(X86_FEATURE_SMEP);
	has_smap = this_cpu_has(X86_FEATURE_SMAP);
	has_pku = HAS_NX && this_cpu_has(X86_FEATURE_PKU);
	has_pks = HAS_NX && this_cpu_has(X86_FEATURE_PKS);
	has_gbpages = this_cpu_has(X86_FEATURE_GBPAGES);
	maxphyaddr = cpuid_maxphyaddr();
	report_info("%d-level paging, MAXPHYADDR %d, SMEP %d, SMAP %d, PKU %d, PKS %d, 1G %d",
		    LEVELS, maxphyaddr, has_smep, has_smap, has_pku, has_pks, has_gbpages);
	setup();

	if (want(argc, argv, "basic"))
		area("basic", leaf_env_basic, true);
	if (want(argc, argv, "smep")) {
		if (has_smep)
			area("smep", leaf_env_smep, false);
		else
			report_skip("smep: not in CPUID");
	}
	if (want(argc, argv, "smap")) {
		if (has_smap)
			area("smap", leaf_env_smap, false);
		else
			report_skip("smap: not in CPUID");
	}
	if (want(argc, argv, "pku")) {
		if (has_pku)
			area("pku", leaf_env_pku, false);
		else
			report_skip("pku: %s", HAS_NX ? "not in CPUID" :
				    "protection keys need IA-32e paging");
	}
	if (want(argc, argv, "pks")) {
		if (has_pks)
			area("pks", leaf_env_pks, false);
		else
			report_skip("pks: %s", HAS_NX ? "not in CPUID" :
				    "protection keys need IA-32e paging");
	}
	if (want(argc, argv, "rsvd"))
		area_rsvd();
	return report_summary();
}
