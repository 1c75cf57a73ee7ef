// SPDX-License-Identifier: MIT
/*
 * spapr_hcall.c - PAPR hypervisor calls through hcall() (asm/hcall.h):
 * H_SET_SPRG0 sets what mfsprg0 then reads; H_PAGE_INIT zeroes a 4 KiB
 * page, copies one, and refuses unaligned addresses; H_RANDOM (QEMU's
 * spapr-rng device, see unittests.cfg) gives different numbers; an
 * unknown call number is H_FUNCTION.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/hcall.h>
#include <asm/io.h>
#include <asm/processor.h>

#define H_ZERO_PAGE	(1UL << (63 - 48))
#define H_COPY_PAGE	(1UL << (63 - 49))
#define HPAGE		4096

/* A call whose first result comes back in r4. */
static long hcall_r4(unsigned long nr, unsigned long *r4_out)
{
	register unsigned long r3 asm("r3") = nr;
	register unsigned long r4 asm("r4");

	asm volatile("sc 1" : "+r"(r3), "=r"(r4) : :
		     "r0", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
		     "cr0", "ctr", "xer", "memory");
	*r4_out = r4;
	return r3;
}

static void check_sprg0(void)
{
	unsigned long old = mfspr(SPR_SPRG0), v = 0x5a5a1234fedcba98UL, got;
	long rc = hcall(H_SET_SPRG0, v);

	/* Back at once: kut's interrupt entry finds the CPU through it. */
	got = mfspr(SPR_SPRG0);
	hcall(H_SET_SPRG0, old);
	report(rc == H_SUCCESS && got == v,
	       "H_SET_SPRG0 %#lx: SPRG0 reads it (rc %ld)", v, rc);
}

static void check_page_init(void)
{
	u8 *page = alloc_page(), *src = page + HPAGE, *dst = page + 2 * HPAGE;
	bool zero = true, copied = true;
	long rc;
	int i;

	memset(page, 0xaa, 3 * HPAGE);
	for (i = 0; i < HPAGE; i++)
		src[i] = (u8)(i * 7 + 3);
	rc = hcall(H_PAGE_INIT, H_ZERO_PAGE, virt_to_phys(page), 0);
	for (i = 0; i < HPAGE; i++)
		zero &= page[i] == 0;
	report(rc == H_SUCCESS && zero && src[0] == 3,
	       "H_PAGE_INIT zeroes a 4 KiB page, and no more (rc %ld)", rc);
	rc = hcall(H_PAGE_INIT, H_COPY_PAGE, virt_to_phys(dst), virt_to_phys(src));
	for (i = 0; i < HPAGE; i++)
		copied &= dst[i] == src[i];
	report(rc == H_SUCCESS && copied, "H_PAGE_INIT copies a page (rc %ld)", rc);
	rc = hcall(H_PAGE_INIT, H_ZERO_PAGE, virt_to_phys(page) + 8, 0);
	report(rc == H_PARAMETER, "H_PAGE_INIT of an unaligned page: H_PARAMETER (%ld)", rc);
	free_page(page);
}

static void check_random(void)
{
	unsigned long a = 0, b = 0;
	long rc = hcall_r4(H_RANDOM, &a);

	if (rc == H_FUNCTION) {
		report_skip("H_RANDOM: no spapr-rng device");
		return;
	}
	rc |= hcall_r4(H_RANDOM, &b);
	report(rc == H_SUCCESS && a != b, "H_RANDOM: %#lx, then %#lx", a, b);
}

int main(void)
{
	long rc;

	report_prefix_push("hcall");
	check_sprg0();
	check_page_init();
	check_random();
	rc = hcall(0x3fc0);
	report(rc == H_FUNCTION, "an unknown hcall: H_FUNCTION (%ld)", rc);
	report(!hcall_have_broken_sc1(), "sc 1 reaches the hypervisor: "
	       "H_SET_DABR is not refused as privileged");
	report_prefix_pop();
	return report_summary();
}
