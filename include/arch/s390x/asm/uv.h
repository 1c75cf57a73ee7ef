/* SPDX-License-Identifier: MIT */
/*
 * asm/uv.h - the ULTRAVISOR CALL instruction (UVC, 0xb9a4) and its
 * control blocks (upstream kvm-unit-tests' names): command codes, return
 * codes, the bits of the query's installed-calls list, one struct per
 * request, and uv_call() with the small requests as inline functions.
 * uv.h has the library's side (query, init, protected guests).
 *
 * A UVC without the Ultravisor-call facility (158) is an operation
 * exception.  Condition codes: 0 done (rc 1), 1 failed (the header's rc
 * and rrc say why), 2 and 3 not finished yet: uv_call() repeats it.
 */
#ifndef _ASMS390X_UV_H_
#define _ASMS390X_UV_H_

#include <libcflat.h>

/* 1: print every failing call's command, rc and rrc (define it first). */
#ifndef UVC_ERR_DEBUG
#define UVC_ERR_DEBUG			0
#endif

/* Return codes. */
#define UVC_RC_EXECUTED			0x0001
#define UVC_RC_INV_CMD			0x0002
#define UVC_RC_INV_STATE		0x0003
#define UVC_RC_INV_LEN			0x0005
#define UVC_RC_NO_RESUME		0x0007
#define UVC_RC_INV_GHANDLE		0x0020
#define UVC_RC_INV_CHANDLE		0x0021
#define UVC_RC_DSTR_NEEDED_FLG		0x8000

/* Commands. */
#define UVC_CMD_QUI			0x0001
#define UVC_CMD_INIT_UV			0x000f
#define UVC_CMD_CREATE_SEC_CONF		0x0100
#define UVC_CMD_DESTROY_SEC_CONF	0x0101
#define UVC_CMD_CREATE_SEC_CPU		0x0120
#define UVC_CMD_DESTROY_SEC_CPU		0x0121
#define UVC_CMD_CONV_TO_SEC_STOR	0x0200
#define UVC_CMD_CONV_FROM_SEC_STOR	0x0201
#define UVC_CMD_DESTR_SEC_STOR		0x0202
#define UVC_CMD_SET_SEC_CONF_PARAMS	0x0300
#define UVC_CMD_UNPACK_IMG		0x0301
#define UVC_CMD_VERIFY_IMG		0x0302
#define UVC_CMD_CPU_RESET		0x0310
#define UVC_CMD_CPU_RESET_INITIAL	0x0311
#define UVC_CMD_PREPARE_RESET		0x0320
#define UVC_CMD_CPU_RESET_CLEAR		0x0321
#define UVC_CMD_CPU_SET_STATE		0x0330
#define UVC_CMD_SET_UNSHARED_ALL	0x0340
#define UVC_CMD_PIN_PAGE_SHARED		0x0341
#define UVC_CMD_UNPIN_PAGE_SHARED	0x0342
#define UVC_CMD_SET_SHARED_ACCESS	0x1000
#define UVC_CMD_REMOVE_SHARED_ACCESS	0x1001
#define UVC_CMD_ATTESTATION		0x1020

/* Bits (0 = most significant) of the query's installed-calls list. */
enum uv_cmds_inst {
	BIT_UVC_CMD_QUI = 0,
	BIT_UVC_CMD_INIT_UV = 1,
	BIT_UVC_CMD_CREATE_SEC_CONF = 2,
	BIT_UVC_CMD_DESTROY_SEC_CONF = 3,
	BIT_UVC_CMD_CREATE_SEC_CPU = 4,
	BIT_UVC_CMD_DESTROY_SEC_CPU = 5,
	BIT_UVC_CMD_CONV_TO_SEC_STOR = 6,
	BIT_UVC_CMD_CONV_FROM_SEC_STOR = 7,
	BIT_UVC_CMD_SET_SHARED_ACCESS = 8,
	BIT_UVC_CMD_REMOVE_SHARED_ACCESS = 9,
	BIT_UVC_CMD_SET_SEC_PARMS = 11,
	BIT_UVC_CMD_UNPACK_IMG = 13,
	BIT_UVC_CMD_VERIFY_IMG = 14,
	BIT_UVC_CMD_CPU_RESET = 15,
	BIT_UVC_CMD_CPU_RESET_INITIAL = 16,
	BIT_UVC_CMD_CPU_SET_STATE = 17,
	BIT_UVC_CMD_PREPARE_RESET = 18,
	BIT_UVC_CMD_CPU_PERFORM_CLEAR_RESET = 19,
	BIT_UVC_CMD_UNSHARE_ALL = 20,
	BIT_UVC_CMD_PIN_PAGE_SHARED = 21,
	BIT_UVC_CMD_UNPIN_PAGE_SHARED = 22,
	BIT_UVC_CMD_ATTESTATION = 28,
};

/* Every request starts with this; rc and rrc come back in it. */
struct uv_cb_header {
	u16 len;
	u16 cmd;
	u16 rc;
	u16 rrc;
} __attribute__((packed, aligned(8)));

/* UVC_CMD_INIT_UV: donate the Ultravisor its base storage. */
struct uv_cb_init {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 stor_origin;
	u64 stor_len;
	u64 reserved28[4];
} __attribute__((packed, aligned(8)));

/* UVC_CMD_QUI: what the Ultravisor offers and needs (offsets in comments). */
struct uv_cb_qui {
	struct uv_cb_header header;		/* 0x00 */
	u64 reserved08;				/* 0x08 */
	u64 inst_calls_list[4];			/* 0x10 */
	u64 reserved30[2];			/* 0x30 */
	u64 uv_base_stor_len;			/* 0x40 */
	u64 reserved48;				/* 0x48 */
	u64 conf_base_phys_stor_len;		/* 0x50 */
	u64 conf_base_virt_stor_len;		/* 0x58 */
	u64 conf_virt_var_stor_len;		/* 0x60 */
	u64 cpu_stor_len;			/* 0x68 */
	u32 reserved70[3];			/* 0x70 */
	u32 max_num_sec_conf;			/* 0x7c */
	u64 max_guest_stor_addr;		/* 0x80 */
	u8 reserved88[0x9e - 0x88];		/* 0x88 */
	u16 max_guest_cpus;			/* 0x9e */
	u64 uv_feature_indications;		/* 0xa0 */
	u8 reserveda8[0xe0 - 0xa8];		/* 0xa8 */
	u64 supp_att_hdr_ver;			/* 0xe0 */
	u64 supp_paf;				/* 0xe8 */
	u8 reservedf0[0x100 - 0xf0];		/* 0xf0 */
} __attribute__((packed, aligned(8)));

/* UVC_CMD_CREATE_SEC_CONF: a protected configuration. */
struct uv_cb_cgc {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 guest_handle;
	u64 conf_base_stor_origin;
	u64 conf_var_stor_origin;
	u64 reserved30;
	u64 guest_stor_origin;
	u64 guest_stor_len;
	u64 guest_sca;
	u64 guest_asce;
	u64 reserved60[5];
} __attribute__((packed, aligned(8)));

/* UVC_CMD_CREATE_SEC_CPU: a CPU of one. */
struct uv_cb_csc {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 cpu_handle;
	u64 guest_handle;
	u64 stor_origin;
	u8 reserved30[6];
	u16 num;
	u64 state_origin;
	u64 reserved[4];
} __attribute__((packed, aligned(8)));

/* UVC_CMD_UNPACK_IMG: decrypt one page of the image into the guest. */
struct uv_cb_unp {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 guest_handle;
	u64 gaddr;
	u64 tweak[2];
	u64 reserved38[3];
} __attribute__((packed, aligned(8)));

/* The requests that carry only a handle: destroy CPU or configuration, verify. */
struct uv_cb_nodata {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 handle;
	u64 reserved20[4];
} __attribute__((packed, aligned(8)));

/* UVC_CMD_SET_SHARED_ACCESS and UVC_CMD_REMOVE_SHARED_ACCESS (a guest's). */
struct uv_cb_share {
	struct uv_cb_header header;
	u64 reserved08[3];
	u64 paddr;
	u64 reserved28;
} __attribute__((packed, aligned(8)));

/* UVC_CMD_CONV_TO_SEC_STOR: import a guest page. */
struct uv_cb_cts {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 guest_handle;
	u64 gaddr;
} __attribute__((packed, aligned(8)));

/* UVC_CMD_CONV_FROM_SEC_STOR, UVC_CMD_DESTR_SEC_STOR, pin shared: a host page. */
struct uv_cb_cfs {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 paddr;
} __attribute__((packed, aligned(8)));

/* UVC_CMD_ATTESTATION: retrieve an attestation measurement (a guest's). */
struct uv_cb_attest {
	struct uv_cb_header header;		/* 0x000 */
	u64 reserved08[2];			/* 0x008 */
	u64 arcb_addr;				/* 0x018 */
	u64 continuation_token;			/* 0x020 */
	u8 reserved28[6];			/* 0x028 */
	u16 user_data_length;			/* 0x02e */
	u8 user_data[256];			/* 0x030 */
	u32 reserved130[3];			/* 0x130 */
	u32 measurement_length;			/* 0x13c */
	u64 measurement_address;		/* 0x140 */
	u8 config_uid[16];			/* 0x148 */
	u32 reserved158;			/* 0x158 */
	u32 add_data_length;			/* 0x15c */
	u64 add_data_address;			/* 0x160 */
	u64 reserved168[4];			/* 0x168 */
} __attribute__((packed, aligned(8)));

/* UVC_CMD_SET_SEC_CONF_PARAMS: the image's Secure Execution header. */
struct uv_cb_ssc {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 guest_handle;
	u64 sec_header_origin;
	u32 sec_header_len;
	u32 reserved2c;
	u64 reserved30[4];
} __attribute__((packed, aligned(8)));

/* UVC_CMD_CPU_SET_STATE, with the PV_CPU_STATE_* states. */
struct uv_cb_cpu_set_state {
	struct uv_cb_header header;
	u64 reserved08[2];
	u64 cpu_handle;
	u8 reserved20[7];
	u8 state;
	u64 reserved28[5];
};

#define PV_CPU_STATE_OPR	1
#define PV_CPU_STATE_STP	2
#define PV_CPU_STATE_CHKSTP	3
#define PV_CPU_STATE_OPR_LOAD	5

/*
 * One UVC with r1 = @r1 and the control block at @r2; its condition
 * code.  The condition code is set to 1 before, so that a UVC that
 * does not set it (a program interrupt a test expected) reads as failed.
 */
static inline int uv_call_once(unsigned long r1, unsigned long r2)
{
	const struct uv_cb_header *hdr = (const struct uv_cb_header *)r2;
	uint64_t low_bits = 1;
	int ret;

	/* TMLL sets a nonzero condition code: the UVC's is the one left. */
	asm volatile("	tmll	%[bits], 3\n"
		     "	.insn	rrf, 0xb9a40000, %[gpr1], %[cb], 0, 0\n"
		     "	ipm	%[ret]\n"
		     "	srl	%[ret], 28\n"
		     : [ret] "=d" (ret)
		     : [bits] "d" (low_bits), [gpr1] "a" (r1), [cb] "a" (r2)
		     : "cc", "memory");
	if (UVC_ERR_DEBUG && ret == 1)
		printf("UV call error: call %x rc %x rrc %x\n",
		       hdr->cmd, hdr->rc, hdr->rrc);
	return ret;
}

/* uv_call_once() until the call finishes (condition code 0 or 1). */
static inline int uv_call(unsigned long r1, unsigned long r2)
{
	for (;;) {
		int cc = uv_call_once(r1, r2);

		if (cc < 2)
			return cc;
	}
}

/*
 * Issue the control block whose header is @hdr (the first member of
 * every UV control block, @len bytes in all) as command @cmd.
 */
static inline int uvcb_issue(struct uv_cb_header *hdr, uint16_t cmd, uint16_t len)
{
	hdr->len = len;
	hdr->cmd = cmd;
	return uv_call(0, (uint64_t)hdr);
}

/* A share or unshare request (@cmd) for the page at @addr. */
static inline int share(unsigned long addr, u16 cmd)
{
	struct uv_cb_share cb = { .paddr = addr };

	return uvcb_issue(&cb.header, cmd, sizeof(cb));
}

/* A protected guest shares its page at real address @addr with the hypervisor. */
static inline int uv_set_shared(unsigned long addr)
{
	return share(addr, UVC_CMD_SET_SHARED_ACCESS);
}

/* ... and takes it back. */
static inline int uv_remove_shared(unsigned long addr)
{
	return share(addr, UVC_CMD_REMOVE_SHARED_ACCESS);
}

/* A request of @cmd on @handle alone; its rc and rrc in *@rc, *@rrc. */
static inline int uv_cmd_nodata(uint64_t handle, uint16_t cmd, uint16_t *rc, uint16_t *rrc)
{
	struct uv_cb_nodata cb = { .handle = handle };
	int cc;

	assert(handle);
	cc = uvcb_issue(&cb.header, cmd, sizeof(cb));
	*rrc = cb.header.rrc;
	*rc = cb.header.rc;
	return cc;
}

/* Make guest page @gaddr of configuration @handle secure. */
static inline int uv_import(uint64_t handle, unsigned long gaddr)
{
	struct uv_cb_cts cb = { .gaddr = gaddr, .guest_handle = handle };

	return uvcb_issue(&cb.header, UVC_CMD_CONV_TO_SEC_STOR, sizeof(cb));
}

/* A request of @cmd (struct uv_cb_cfs) on the page at host absolute @paddr. */
static inline int uv_page_call(unsigned long paddr, u16 cmd)
{
	struct uv_cb_cfs cb = { .paddr = paddr };

	return uvcb_issue(&cb.header, cmd, sizeof(cb));
}

/* Make the secure page at host absolute @paddr the host's again, encrypted. */
static inline int uv_export(unsigned long paddr)
{
	return uv_page_call(paddr, UVC_CMD_CONV_FROM_SEC_STOR);
}

/* Give the secure page at host absolute @paddr back to the host, cleared. */
static inline int uv_destroy_page(unsigned long paddr)
{
	return uv_page_call(paddr, UVC_CMD_DESTR_SEC_STOR);
}

/* Put secure CPU @handle in PV_CPU_STATE_@state. */
static inline int uv_set_cpu_state(uint64_t handle, uint8_t state)
{
	struct uv_cb_cpu_set_state cb = { .state = state, .cpu_handle = handle };

	assert(handle);
	return uvcb_issue(&cb.header, UVC_CMD_CPU_SET_STATE, sizeof(cb));
}

/* Give configuration @handle its Secure Execution header (@len bytes at @hdr). */
static inline int uv_set_se_hdr(uint64_t handle, void *hdr, size_t len)
{
	struct uv_cb_ssc cb = {
		.sec_header_len = len,
		.sec_header_origin = (uint64_t)hdr,
		.guest_handle = handle,
	};

	assert(handle);
	return uvcb_issue(&cb.header, UVC_CMD_SET_SEC_CONF_PARAMS, sizeof(cb));
}

/* Unpack the image page at guest address @gaddr with the two tweaks. */
static inline int uv_unp_page(uint64_t handle, uint64_t gaddr, uint64_t tweak1, uint64_t tweak2)
{
	struct uv_cb_unp cb = {
		.tweak = { tweak1, tweak2 },
		.gaddr = gaddr,
		.guest_handle = handle,
	};

	return uvcb_issue(&cb.header, UVC_CMD_UNPACK_IMG, sizeof(cb));
}

#endif /* _ASMS390X_UV_H_ */
