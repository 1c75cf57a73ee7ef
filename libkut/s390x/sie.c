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
	if (vm->sblk->icptcode != ICPT_VALIDITY)
		return 0xffff;
	return vm->sblk->ipb >> 16;
}

void sie_check_validity(struct vm *vm, uint16_t vir_exp)
{
	uint16_t vir = sie_get_validity(vm);

	report(vir == vir_exp, "VALIDITY: %x", vir);
}

void sie_handle_validity(struct vm *vm)
{
	if (vm->sblk->icptcode != ICPT_VALIDITY)
		return;
	if (!vm->validity_expected)
		report_abort("VALIDITY: %x", sie_get_validity(vm));
	vm->validity_expected = false;
}

void sie(struct vm *vm)
{
	uint64_t old_cr13;

	/* sie64a() would never be entered with one pending. */
	assert(!read_pgm_int_code());

	if (sie_is_pv(vm))
		memcpy(vm->sblk->pv_grregs, vm->save_area.guest.grs,
		       sizeof(vm->save_area.guest.grs));
	vm->sblk->icptcode = 0;

	/*
	 * The host runs in the home space, with the tables it had in the
	 * primary space, while the guest has CR1: the guest's tables may
	 * then differ from the host's.  Interrupt handlers run there too.
	 */
	old_cr13 = stctg(13);
	lctlg(13, stctg(1));
	psw_mask_set_bits(PSW_MASK_HOME);
	irq_set_dat_mode(true, AS_HOME);

	/*
	 * An interruption of the host also ends SIE, with no interception:
	 * enter again, unless it was a program interrupt the test expects.
	 */
	while (!vm->sblk->icptcode && !read_pgm_int_code()) {
		sie64a(vm->sblk, &vm->save_area);
		sie_handle_validity(vm);
	}
	vm->save_area.guest.grs[14] = vm->sblk->gg14;
	vm->save_area.guest.grs[15] = vm->sblk->gg15;

	irq_set_dat_mode(true, AS_PRIM);
	psw_mask_clear_bits(PSW_MASK_HOME);
	lctlg(13, old_cr13);

	if (sie_is_pv(vm))
		memcpy(vm->save_area.guest.grs, vm->sblk->pv_grregs,
		       sizeof(vm->save_area.guest.grs));
}

void sie_guest_sca_create(struct vm *vm)
{
	uint64_t sca;

	vm->sca = alloc_page();
	memset(vm->sca, 0, PAGE_SIZE);
	sca = (uint64_t)vm->sca;
	vm->sblk->scaoh = sca >> 32;
	vm->sblk->scaol = sca & ~0x3fUL;
	vm->sblk->ecb2 |= ECB2_ESCA;
	/* SIGP SENSE RUNNING STATUS is interpreted, not intercepted. */
	vm->sblk->ecb |= ECB_SRSI;
	/* CPU 0 is this state description. */
	vm->sca->mcn[0] = 1UL << 63;
	vm->sca->cpu[0].sda = (uint64_t)vm->sblk;
}

void sie_guest_create(struct vm *vm, uint64_t guest_mem, uint64_t guest_mem_len)
{
	vm->sblk = alloc_page();
	memset(vm->sblk, 0, PAGE_SIZE);
	vm->sblk->cpuflags = CPUSTAT_ZARCH | CPUSTAT_RUNNING;
	vm->sblk->ihcpu = 0xffff;
	vm->sblk->prefix = 0;

	/* MSO and MSL count in 1 MiB units: MSL is the last one's origin. */
	assert(guest_mem_len && !(guest_mem_len & ~HPAGE_MASK));
	assert(!(guest_mem & ~HPAGE_MASK));
	vm->guest_mem = (uint8_t *)guest_mem;
	vm->sblk->mso = guest_mem;
	vm->sblk->msl = guest_mem + ((guest_mem_len - 1) & HPAGE_MASK);
	/* A guest that is not protected shares the host's tables. */
	vm->save_area.guest.asce = stctg(1);

	/* The crypto control block's designation is 31 bits. */
	vm->crycb = alloc_pages_flags(0, AREA_DMA31);
	memset(vm->crycb, 0, PAGE_SIZE);
	vm->sblk->crycbd = (uint32_t)(uintptr_t)vm->crycb;
}

uint8_t *sie_guest_alloc(uint64_t guest_size)
{
	/* A new 4 GiB step per guest, so guests never overlap. */
	static unsigned long guest_counter = 1;
	uint8_t *phys, *virt;
	uint64_t off;
	pgd_t *root;

	setup_vm();
	root = (pgd_t *)(stctg(1) & PAGE_MASK);
	/*
	 * Some machines want guest memory 2 GiB aligned; past the end of
	 * RAM's identity map, so that the page after the guest faults.
	 */
	virt = (uint8_t *)ALIGN(get_ram_size() + guest_counter * 4UL * SZ_1G, SZ_2G);
	guest_counter++;

	phys = alloc_pages(get_order(guest_size) - PAGE_SHIFT);
	assert(phys);
	for (off = 0; off < guest_size; off += PAGE_SIZE)
		install_page(root, __pa(phys + off), virt + off);
	memset(virt, 0, guest_size);
	return virt;
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
	union {
		struct {
			uint64_t ipa : 16;
			uint64_t ipb : 32;
			uint64_t     : 16;
		};
		struct diag_itext diag;
	} text = { .ipa = sblk->ipa, .ipb = sblk->ipb };

	return text.diag;
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
