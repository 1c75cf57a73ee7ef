/* SPDX-License-Identifier: MIT */
/*
 * snippet.h - small guest programs ("snippets") that a test carries and
 * runs under SIE (upstream kvm-unit-tests' lib/s390x/snippet.h API).
 *
 * A snippet is built on its own (kut-s390x-snippet.pc for C,
 * kut-s390x-snippet-asm.pc for assembly; docs/s390x.md), flattened to a
 * binary (.gbin: guest absolute 0 on, code at SNIPPET_ENTRY_ADDR) and
 * linked into the test as data, with the symbols objcopy gives a binary
 * input named s390x/snippets/<type>/<name>.gbin:
 *
 *	extern const char SNIPPET_NAME_START(c, foo)[], SNIPPET_NAME_END(c, foo)[];
 *
 *	snippet_setup_guest(&vm, false);
 *	snippet_init(&vm, SNIPPET_NAME_START(c, foo), SNIPPET_LEN(c, foo),
 *		     SNIPPET_UNPACK_OFF);
 *	sie(&vm);
 *
 * kut.mk builds and links snippets from a test's <test>_SNIPPETS.
 */
#ifndef _S390X_SNIPPET_H_
#define _S390X_SNIPPET_H_

#include <libcflat.h>
#include <sie.h>
#include <uv.h>
#include <asm/uv.h>

/* The symbols of snippet <file> (its name with - as _) of <type> c or asm. */
#define SNIPPET_NAME_START(type, file) \
	_binary_s390x_snippets_##type##_##file##_gbin_start
#define SNIPPET_NAME_END(type, file) \
	_binary_s390x_snippets_##type##_##file##_gbin_end
/* A protected snippet's Secure Execution header, linked the same way. */
#define SNIPPET_HDR_START(type, file) \
	_binary_s390x_snippets_##type##_##file##_hdr_start
#define SNIPPET_HDR_END(type, file) \
	_binary_s390x_snippets_##type##_##file##_hdr_end

/* The length in bytes of a snippet, of its SE header. */
#define SNIPPET_LEN(type, file) \
	((uintptr_t)SNIPPET_NAME_END(type, file) - (uintptr_t)SNIPPET_NAME_START(type, file))
#define SNIPPET_HDR_LEN(type, file) \
	((uintptr_t)SNIPPET_HDR_END(type, file) - (uintptr_t)SNIPPET_HDR_START(type, file))

/* A protected guest's Ultravisor storage goes above 2 GiB: this much RAM. */
#define SNIPPET_PV_MIN_MEM_SIZE	(SZ_1M * 2200UL)

#define SNIPPET_PV_TWEAK0	0x42UL
#define SNIPPET_PV_TWEAK1	0UL
/* Where in guest memory the snippet goes. */
#define SNIPPET_UNPACK_OFF	0

/* Snippets start here: below are the lowcore and (C) the stack. */
#define SNIPPET_ENTRY_ADDR	0x4000

/* The PSW a snippet starts with: 64-bit, at its entry. */
static const struct psw snippet_psw = {
	.mask = PSW_MASK_64,
	.addr = SNIPPET_ENTRY_ADDR,
};

/*
 * Copy the snippet (@gbin_len bytes at @gbin) to guest absolute @off of
 * @vm (sie_guest_create()d), point the guest PSW at its entry, and make
 * operation exceptions and program interrupts intercept, so that the
 * snippet needs no handlers of its own.
 */
static inline void snippet_init(struct vm *vm, const char *gbin,
				uint64_t gbin_len, uint64_t off)
{
	struct kvm_s390_sie_block *sblk = vm->sblk;
	void *dest = (void *)(uintptr_t)(sblk->mso + off);

	sblk->ictl = ICTL_PINT | ICTL_OPEREXC;
	sblk->gpsw = snippet_psw;
	memcpy(dest, gbin, gbin_len);
}

/*
 * snippet_init() for a protected snippet: then a secure configuration
 * (uv_create_guest()), the SE header (@hdr, @hdr_len), the image
 * unpacked and verified, and the first four guest pages (lowcore and
 * stack, not in the image) imported.
 */
static inline void snippet_pv_init(struct vm *vm, const char *gbin,
				   const char *hdr, uint64_t gbin_len,
				   uint64_t hdr_len, uint64_t off)
{
	uint64_t page, low_end, handle;

	snippet_init(vm, gbin, gbin_len, off);
	uv_create_guest(vm);
	handle = vm->uv.vm_handle;
	uv_set_se_hdr(handle, (void *)hdr, hdr_len);
	/* Unpacking takes guest addresses, importing host ones. */
	uv_unpack(vm, off, gbin_len, SNIPPET_PV_TWEAK0);
	uv_verify_load(vm);
	low_end = vm->sblk->mso + 4 * PAGE_SIZE;
	for (page = vm->sblk->mso; page < low_end; page += PAGE_SIZE)
		uv_import(handle, page);
}

/*
 * A guest for a snippet: 1 MiB of guest memory (sie_guest_alloc()) and
 * sie_guest_create(); for a protected one (@is_pv) also an ESCA, the
 * Ultravisor initialized and the ASCEs it needs.
 */
static inline void snippet_setup_guest(struct vm *vm, bool is_pv)
{
	const unsigned long size = SZ_1M;
	uint8_t *mem = sie_guest_alloc(size);

	sie_guest_create(vm, (uint64_t)mem, size);
	if (is_pv) {
		sie_guest_sca_create(vm);
		uv_init();
		uv_setup_asces();
	}
}

#endif /* _S390X_SNIPPET_H_ */
