// SPDX-License-Identifier: MIT
/*
 * uv.c - the Ultravisor (uv.h): its query, kept from boot; its
 * initialization; protected guests created on a struct vm.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <bitops.h>
#include <asm/arch_def.h>
#include <asm/facility.h>
#include <asm/page.h>
#include <asm/uv.h>
#include <sclp.h>
#include <sie.h>
#include <snippet.h>
#include <uv.h>

static struct uv_cb_qui uvcb_qui = {
	.header.cmd = UVC_CMD_QUI,
	.header.len = sizeof(uvcb_qui),
};

/* Rc 1 is success; 0x100 says the answer did not fit (more calls exist). */
static bool query_answered(void)
{
	return uvcb_qui.header.rc == UVC_RC_EXECUTED || uvcb_qui.header.rc == 0x100;
}

int uv_setup(void)
{
	if (!test_facility(158))
		return 0;
	uv_call(0, (uint64_t)&uvcb_qui);
	assert(query_answered());
	return 1;
}

bool uv_query_test_call(unsigned int nr)
{
	const unsigned long *calls = uvcb_qui.inst_calls_list;

	/* Asked before uv_setup() ran, or past the list's end: a bug. */
	assert(uvcb_qui.header.rc != 0);
	assert(nr / 8 < sizeof(uvcb_qui.inst_calls_list));
	return test_bit_inv(nr, calls);
}

const struct uv_cb_qui *uv_get_query_data(void)
{
	assert(query_answered());
	return &uvcb_qui;
}

bool uv_os_is_guest(void)
{
	return test_facility(158) &&
	       uv_query_test_call(BIT_UVC_CMD_SET_SHARED_ACCESS) &&
	       uv_query_test_call(BIT_UVC_CMD_REMOVE_SHARED_ACCESS);
}

bool uv_os_is_host(void)
{
	return test_facility(158) && uv_query_test_call(BIT_UVC_CMD_INIT_UV);
}

/* The facility a host needs for protected guests that is missing, or NULL. */
static const char *host_facility_missing(void)
{
	if (!test_facility(158))
		return "UV Call";
	if (!sclp_facilities.has_sief2)
		return "SIEF2";
	return NULL;
}

bool uv_host_requirement_checks(void)
{
	const char *missing = host_facility_missing();
	long need_mb = SNIPPET_PV_MIN_MEM_SIZE / SZ_1M;

	if (missing)
		report_skip("%s facility unavailable", missing);
	else if (get_ram_size() < SNIPPET_PV_MIN_MEM_SIZE)
		report_skip("Not enough memory. This test needs about %ld MB of memory",
			    need_mb);
	else
		return true;
	return false;
}

void uv_init(void)
{
	static bool done;
	struct uv_cb_init uvcb = {
		.header.cmd = UVC_CMD_INIT_UV,
		.header.len = sizeof(uvcb),
	};

	if (done)
		return;
	assert(query_answered());
	/* The base storage: above 2 GiB, 1 MiB aligned. */
	uvcb.stor_origin = (uint64_t)memalign_pages_flags(HPAGE_SIZE,
							  uvcb_qui.uv_base_stor_len,
							  AREA_NORMAL);
	uvcb.stor_len = uvcb_qui.uv_base_stor_len;
	assert(uv_call(0, (uint64_t)&uvcb) == 0);
	done = true;
}

/*
 * A secure configuration may not share its top-level table with anyone:
 * a copy of the host's (four pages, a region-first table), protected.
 */
static uint64_t copy_asce(void)
{
	uint64_t asce = stctg(1);
	void *top = memalign_pages(PAGE_SIZE, 4 * PAGE_SIZE);

	memcpy(top, (void *)(asce & PAGE_MASK), 4 * PAGE_SIZE);
	return __pa(top) | ASCE_P | (asce & (ASCE_DT | ASCE_TL));
}

/* The state description's format, SIDA and Ultravisor handles. */
static void sblk_set_pv(struct kvm_s390_sie_block *sblk, uint8_t format,
			void *sida, uint64_t conf_handle, uint64_t cpu_handle)
{
	sblk->pv_handle_config = conf_handle;
	sblk->pv_handle_cpu = cpu_handle;
	sblk->sidad = (uint64_t)sida;
	sblk->sdf = format;
}

void uv_create_guest(struct vm *vm)
{
	struct uv_cb_cgc cgc = {
		.header.cmd = UVC_CMD_CREATE_SEC_CONF,
		.header.len = sizeof(cgc),
	};
	struct uv_cb_csc csc = {
		.header.cmd = UVC_CMD_CREATE_SEC_CPU,
		.header.len = sizeof(csc),
		.state_origin = (uint64_t)vm->sblk,
		.num = 0,
	};
	unsigned long var_len;

	cgc.guest_stor_origin = vm->sblk->mso;
	cgc.guest_stor_len = vm->sblk->msl - vm->sblk->mso + SZ_1M;
	var_len = uvcb_qui.conf_base_virt_stor_len +
		  cgc.guest_stor_len / HPAGE_SIZE * uvcb_qui.conf_virt_var_stor_len;

	vm->uv.conf_base_stor = memalign_pages_flags(4 * PAGE_SIZE,
						     uvcb_qui.conf_base_phys_stor_len, 0);
	/* Below the largest guest address: in the identity-mapped RAM. */
	vm->uv.conf_var_stor = memalign_pages_flags(PAGE_SIZE, var_len, 0);
	vm->uv.cpu_stor = memalign_pages_flags(PAGE_SIZE, uvcb_qui.cpu_stor_len, 0);
	cgc.conf_base_stor_origin = (uint64_t)vm->uv.conf_base_stor;
	cgc.conf_var_stor_origin = (uint64_t)vm->uv.conf_var_stor;
	csc.stor_origin = (uint64_t)vm->uv.cpu_stor;

	cgc.guest_asce = copy_asce();
	vm->uv.asce = cgc.guest_asce;
	vm->save_area.guest.asce = cgc.guest_asce;
	cgc.guest_sca = (uint64_t)vm->sca;
	assert(uv_call(0, (uint64_t)&cgc) == 0);
	vm->uv.vm_handle = cgc.guest_handle;

	csc.guest_handle = cgc.guest_handle;
	assert(uv_call(0, (uint64_t)&csc) == 0);
	vm->uv.vcpu_handle = csc.cpu_handle;

	/* Format 4, and a SIDA page for the operands of interceptions. */
	sblk_set_pv(vm->sblk, 2, alloc_page(), cgc.guest_handle, csc.cpu_handle);
}

/* Destroys the Ultravisor object @handle names, which must succeed. */
static void uv_destroy_object(uint64_t handle, uint16_t cmd)
{
	uint16_t rc, rrc;
	int cc = uv_cmd_nodata(handle, cmd, &rc, &rrc);

	assert(cc == 0);
}

void uv_destroy_guest(struct vm *vm)
{
	struct kvm_s390_sie_block *sblk = vm->sblk;

	/* The CPU first: the configuration may not be destroyed before it. */
	uv_destroy_object(sblk->pv_handle_cpu, UVC_CMD_DESTROY_SEC_CPU);
	free_pages(vm->uv.cpu_stor);
	free_page((void *)sblk->sidad);

	uv_destroy_object(sblk->pv_handle_config, UVC_CMD_DESTROY_SEC_CONF);
	free_pages((void *)(vm->uv.asce & PAGE_MASK));
	free_pages(vm->uv.conf_var_stor);
	free_pages(vm->uv.conf_base_stor);

	/* Back to a guest that is not protected, on the host's tables. */
	sblk_set_pv(sblk, 0, NULL, 0, 0);
	vm->save_area.guest.asce = stctg(1);
	memset(&vm->uv, 0, sizeof(vm->uv));
}

int uv_unpack(struct vm *vm, uint64_t addr, uint64_t len, uint64_t tweak)
{
	uint64_t off;
	int cc = 0;

	for (off = 0; off + PAGE_SIZE <= len; off += PAGE_SIZE) {
		cc = uv_unp_page(vm->uv.vm_handle, addr + off, tweak, off);
		assert(!cc);
	}
	return cc;
}

void uv_verify_load(struct vm *vm)
{
	uint16_t rc, rrc;

	assert(uv_cmd_nodata(vm->uv.vm_handle, UVC_CMD_VERIFY_IMG, &rc, &rrc) == 0);
	assert(uv_set_cpu_state(vm->uv.vcpu_handle, PV_CPU_STATE_OPR_LOAD) == 0);
}
