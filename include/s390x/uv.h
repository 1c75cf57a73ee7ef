/* SPDX-License-Identifier: MIT */
/*
 * uv.h - the Ultravisor, which runs protected (Secure Execution) guests
 * (upstream kvm-unit-tests' lib/s390x/uv.h API).  The calls themselves
 * are asm/uv.h's; here is what the library keeps: the query's answer
 * (asked at boot when the Ultravisor-call facility, 158, is there), the
 * host's initialization, and a protected guest built on a struct vm
 * (sie.h), as snippet.h's snippet_pv_init() does.
 *
 * QEMU's TCG has no facility 158, so there a test finds uv_os_is_guest()
 * and uv_os_is_host() false and skips, as upstream's do.
 */
#ifndef _S390X_UV_H_
#define _S390X_UV_H_

#include <stdbool.h>
#include <sie.h>
#include <vmalloc.h>
#include <asm/pgtable.h>

/* This is a protected guest: facility 158 and the share calls offered. */
bool uv_os_is_guest(void);
/* This host may run protected guests: facility 158 and Initialize UV offered. */
bool uv_os_is_host(void);
/*
 * What running a protected guest takes here (facility 158, SIEF2, about
 * 2.2 GB of memory); report_skip() the first missing and return false.
 */
bool uv_host_requirement_checks(void);
/* Whether the query listed call @nr (BIT_UVC_CMD_*) as installed. */
bool uv_query_test_call(unsigned int nr);
/* The query's answer (the query must have been made: facility 158). */
const struct uv_cb_qui *uv_get_query_data(void);
/* Query the Ultravisor if there is one (done at boot); 1 if it answered. */
int uv_setup(void);
/* Initialize the Ultravisor once, donating the storage it asks for. */
void uv_init(void);
/*
 * Make @vm (with an SCA: sie_guest_sca_create()) a protected guest: a
 * secure configuration and CPU with their donated storage and an ASCE
 * of their own, and the state description in format 4.
 */
void uv_create_guest(struct vm *vm);
/* Undo uv_create_guest(): @vm is an ordinary guest again. */
void uv_destroy_guest(struct vm *vm);
/* Unpack @len bytes at guest address @addr, page by page (tweak @tweak). */
int uv_unpack(struct vm *vm, uint64_t addr, uint64_t len, uint64_t tweak);
/* Verify the unpacked image and make the CPU operating (load state). */
void uv_verify_load(struct vm *vm);

/*
 * A protected guest needs a primary ASCE (DAT on, setup_vm()) and the
 * same tables as home space, where the Ultravisor takes some addresses.
 */
static inline void uv_setup_asces(void)
{
	setup_vm();
	lctlg(13, stctg(1));
}

/* The last interception is a validity one of the Ultravisor's (0x20xx). */
static inline bool uv_validity_check(struct vm *vm)
{
	if (vm->sblk->icptcode != ICPT_VALIDITY)
		return false;
	return sie_get_validity(vm) >> 8 == 0x20;
}

#endif /* _S390X_UV_H_ */
