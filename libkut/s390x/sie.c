// SPDX-License-Identifier: MIT
/*
 * sie.c - guests under START INTERPRETIVE EXECUTION (sie.h): setting up
 * a struct vm, running it until it intercepts, and its memory.
 */
#include <libcflat.h>
#include <stddef.h>
#include <alloc_page.h>
#include <vmalloc.h>
#include <asm/arch_def.h>
#include <asm/asm-offsets.h>
#include <asm/barrier.h>
#include <asm/interrupt.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <sclp.h>
#include <sie.h>
#include <sie-icpt.h>

/* sie64a.S reaches these by the offsets of asm/asm-offsets.h. */
#define CHECK_SA(name, field) _Static_assert(SIE_SAVEAREA_##name == \
	offsetof(struct vm_save_area, field), #name)
CHECK_SA(GUEST_ASCE, guest.asce);
CHECK_SA(GUEST_GRS, guest.grs);
CHECK_SA(GUEST_FPRS, guest.fprs);
CHECK_SA(GUEST_FPC, guest.fpc);
CHECK_SA(HOST_ASCE, host.asce);
CHECK_SA(HOST_GRS, host.grs);
CHECK_SA(HOST_FPRS, host.fprs);
CHECK_SA(HOST_FPC, host.fpc);
_Static_assert(__SF_SIE_CONTROL == offsetof(struct stack_frame, argument_area[0]), "control");
_Static_assert(__SF_SIE_SAVEAREA == offsetof(struct stack_frame, argument_area[1]), "savearea");
_Static_assert(__SF_SIE_REASON == offsetof(struct stack_frame, argument_area[2]), "reason");
_Static_assert(__SF_SIE_FLAGS == offsetof(struct stack_frame, argument_area[3]), "flags");

/* The state description is the architecture's. */
_Static_assert(offsetof(struct kvm_s390_sie_block, icptcode) == 0x50, "icptcode");
_Static_assert(offsetof(struct kvm_s390_sie_block, mso) == 0x80, "mso");
_Static_assert(offsetof(struct kvm_s390_sie_block, gpsw) == 0x90, "gpsw");
_Static_assert(offsetof(struct kvm_s390_sie_block, crycbd) == 0xfc, "crycbd");
_Static_assert(offsetof(struct kvm_s390_sie_block, gcr) == 0x100, "gcr");
_Static_assert(offsetof(struct kvm_s390_sie_block, fac) == 0x1a0, "fac");
_Static_assert(offsetof(struct kvm_s390_sie_block, ecd) == 0x1c8, "ecd");
_Static_assert(offsetof(struct kvm_s390_sie_block, pv_grregs) == 0x380, "pv_grregs");
_Static_assert(sizeof(struct esca_block) == 0x40 + 0x20 + 0xa0 + 256 * 64, "esca");

void sie_expect_validity(struct vm *vm)
{
	vm->validity_expected = true;
}

uint16_t sie_get_validity(struct vm *vm)
{
	/* SIE never reports reason 0xffff: it stands for "none". */
	return vm->sblk->icptcode == ICPT_VALIDITY ? vm->sblk->ipb >> 16 : 0xffff;
}

void sie_check_validity(struct vm *vm, uint16_t vir_exp)
{
	uint16_t vir = sie_get_validity(vm);

	report(vir == vir_exp, "VALIDITY: %x", vir);
}

void sie_handle_validity(struct vm *vm)
{
	bool expected = vm->validity_expected;

	if (vm->sblk->icptcode == ICPT_VALIDITY) {
		vm->validity_expected = false;
		if (!expected)
			report_abort("VALIDITY: %x", sie_get_validity(vm));
	}
}

/*
 * A protected guest's general registers travel in its state description
 * (pv_grregs), not through sie64a()'s save area: move them across.
 */
static void pv_regs_sync(struct vm *vm, bool into_sblk)
{
	void *ours = vm->save_area.guest.grs;
	void *sblk = vm->sblk->pv_grregs;

	if (!sie_is_pv(vm))
		return;
	if (into_sblk)
		memcpy(sblk, ours, sizeof(vm->save_area.guest.grs));
	else
		memcpy(ours, sblk, sizeof(vm->save_area.guest.grs));
}

/*
 * While in SIE the host runs in the home space, CR13 holding what CR1
 * holds, so that CR1 may carry the guest's tables; interrupt handlers
 * run there too.  Returns the CR13 to put back on leaving.
 */
static uint64_t host_to_home_space(void)
{
	uint64_t prev = stctg(13), host_asce = stctg(1);

	lctlg(13, host_asce);
	psw_mask_set_bits(PSW_MASK_HOME);
	irq_set_dat_mode(true, AS_HOME);
	return prev;
}

static void host_to_primary_space(uint64_t cr13)
{
	irq_set_dat_mode(true, AS_PRIM);
	psw_mask_clear_bits(PSW_MASK_HOME);
	lctlg(13, cr13);
}

/*
 * SIE also ends, with no interception, when the host takes an
 * interruption: it is entered again unless a program interrupt came
 * that the test means to see.
 */
static bool sie_done(struct vm *vm)
{
	return vm->sblk->icptcode != 0 || read_pgm_int_code() != 0;
}

void sie(struct vm *vm)
{
	struct kvm_s390_sie_block *sblk = vm->sblk;
	uint64_t cr13;

	/* With one pending, the loop below would never enter the guest. */
	assert(!read_pgm_int_code());

	pv_regs_sync(vm, true);
	sblk->icptcode = 0;

	cr13 = host_to_home_space();
	while (!sie_done(vm)) {
		sie64a(sblk, &vm->save_area);
		sie_handle_validity(vm);
	}
	host_to_primary_space(cr13);

	/* The state description holds r14 and r15 (sie.h). */
	vm->save_area.guest.grs[14] = sblk->gg14;
	vm->save_area.guest.grs[15] = sblk->gg15;
	pv_regs_sync(vm, false);
}

/* A page of zeroes, or @flags' kind of page (AREA_DMA31) of zeroes. */
static void *zeroed_page(unsigned int flags)
{
	void *page = flags ? alloc_pages_flags(0, flags) : alloc_page();

	assert(page);
	memset(page, 0, PAGE_SIZE);
	return page;
}

void sie_guest_sca_create(struct vm *vm)
{
	struct kvm_s390_sie_block *sblk = vm->sblk;
	uint64_t origin;

	vm->sca = zeroed_page(0);
	/* CPU 0 is this state description. */
	vm->sca->cpu[0].sda = (uint64_t)sblk;
	vm->sca->mcn[0] = 1UL << 63;

	origin = (uint64_t)vm->sca;
	sblk->ecb2 |= ECB2_ESCA;
	sblk->scaol = origin & ~0x3fUL;
	sblk->scaoh = origin >> 32;
	/* SIGP SENSE RUNNING STATUS is interpreted, not intercepted. */
	sblk->ecb |= ECB_SRSI;
}

void sie_guest_create(struct vm *vm, uint64_t guest_mem, uint64_t guest_mem_len)
{
	struct kvm_s390_sie_block *sblk;

	/* MSO and MSL count in 1 MiB units: MSL is the last one's origin. */
	assert(guest_mem_len && !(guest_mem_len & ~HPAGE_MASK));
	assert(!(guest_mem & ~HPAGE_MASK));

	sblk = vm->sblk = zeroed_page(0);
	sblk->mso = guest_mem;
	sblk->msl = guest_mem + ((guest_mem_len - 1) & HPAGE_MASK);
	sblk->prefix = 0;
	sblk->ihcpu = 0xffff;
	sblk->cpuflags = CPUSTAT_RUNNING | CPUSTAT_ZARCH;

	/* A guest that is not protected shares the host's tables. */
	vm->save_area.guest.asce = stctg(1);
	vm->guest_mem = (uint8_t *)guest_mem;

	/* The crypto control block's designation is 31 bits. */
	vm->crycb = zeroed_page(AREA_DMA31);
	sblk->crycbd = (uint32_t)(uintptr_t)vm->crycb;
}

uint8_t *sie_guest_alloc(uint64_t guest_size)
{
	/* Guests are 4 GiB apart, the first 4 GiB past RAM, so none overlap. */
	static unsigned int guests;
	uint64_t start, off;
	uint8_t *frames;
	pgd_t *root;

	setup_vm();
	root = (pgd_t *)(stctg(1) & PAGE_MASK);
	guests += 1;
	/*
	 * Past the end of RAM's identity map, so that the page after the
	 * guest faults; 2 GiB aligned, as some machines want.
	 */
	start = ALIGN(get_ram_size() + (uint64_t)guests * 4 * SZ_1G, SZ_2G);

	frames = alloc_pages(get_order(guest_size) - PAGE_SHIFT);
	assert(frames);
	for (off = 0; off < guest_size; off += PAGE_SIZE)
		install_page(root, __pa(frames + off), (void *)(start + off));
	memset((void *)start, 0, guest_size);
	return (uint8_t *)start;
}

void sie_guest_destroy(struct vm *vm)
{
	if (vm->sblk->ecb2 & ECB2_ESCA)
		free_page(vm->sca);
	free_page(vm->crycb);
	free_page(vm->sblk);
}

struct diag_itext sblk_ip_as_diag(struct kvm_s390_sie_block *sblk)
{
	/* ipa holds the first two bytes of the instruction, ipb the next four. */
	struct diag_itext text = {
		.opcode = sblk->ipa >> 8,
		.r_1 = (sblk->ipa >> 4) & 0xf,
		.r_2 = sblk->ipa & 0xf,
		.r_base = sblk->ipb >> 28,
		.displace = (sblk->ipb >> 16) & 0xfff,
		.zero = sblk->ipb & 0xffff,
	};

	return text;
}

bool sie_is_diag_icpt(struct vm *vm, unsigned int diag)
{
	struct diag_itext insn = sblk_ip_as_diag(vm->sblk);
	uint8_t want;
	uint64_t code;

	switch (diag) {
	case 0x44:
	case 0x9c:
	case 0x288:
	case 0x308:
		want = ICPT_PV_NOTIFY;
		break;
	case 0x500:
		want = ICPT_PV_INSTR;
		break;
	default:
		assert_msg(false, "sie_is_diag_icpt(): unknown DIAGNOSE 0x%x", diag);
		return false;
	}
	if (!sie_is_pv(vm)) {
		want = ICPT_INST;
	} else if (insn.r_1 || insn.r_2 != 2 || insn.r_base != 5 || insn.displace) {
		/* The Ultravisor presents a protected guest's DIAG as 83 02 5000. */
		return false;
	}
	if (vm->sblk->icptcode != want || insn.opcode != 0x83 || insn.zero)
		return false;
	code = insn.r_base ? vm->save_area.guest.grs[insn.r_base] : 0;
	return ((code + insn.displace) & 0xffff) == diag;
}
