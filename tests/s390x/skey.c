// SPDX-License-Identifier: MIT
/*
 * skey.c - storage keys: SSKE and ISKE set and read a frame's access-
 * control and fetch-protection bits; a store sets the change bit and a
 * fetch the reference bit, which RRBE resets (its condition code tells
 * both); SSKE's multiple-block form (EDAT-1) covers a range; the key
 * instructions are privileged and check their address; and, where the
 * machine enforces key-controlled protection (not QEMU's TCG, which only
 * keeps the keys: those checks skip there), TPROT and a store with a
 * mismatching PSW key see it.
 */
#include <libcflat.h>
#include <hardware.h>
#include <sclp.h>
#include <asm/arch_def.h>
#include <asm/facility.h>
#include <asm/interrupt.h>
#include <asm/mem.h>
#include <asm/page.h>

static uint8_t pages[PAGE_SIZE * 4] __attribute__((aligned(PAGE_SIZE * 4)));

static void check_set_get(void)
{
	union skey k;

	report_prefix_push("set-get");
	set_storage_key(pages, 0x30, 0);
	k.val = get_storage_key(pages);
	report(k.str.acc == 3 && !k.str.fp, "key 3, no fetch protection (%#x)", k.val);
	set_storage_key(pages, 0x58, 0);
	k.val = get_storage_key(pages);
	report(k.str.acc == 5 && k.str.fp, "key 5, fetch protection (%#x)", k.val);
	k.val = get_storage_key(pages + PAGE_SIZE);
	report(k.str.acc != 5 || !k.str.fp, "the next frame keeps its own key (%#x)", k.val);
	set_storage_key(pages + 16, 0x70, 1);
	k.val = get_storage_key(pages + 100);
	report(k.str.acc == 7, "any address in the frame names it; non-quiescing SSKE too");
	set_storage_key(pages, 0x00, 0);
	report_prefix_pop();
}

static void check_rc_bits(void)
{
	volatile uint8_t *p = pages + 2 * PAGE_SIZE;
	union skey k;
	int cc;

	report_prefix_push("reference-change");
	set_storage_key((void *)p, 0x00, 0);
	k.val = get_storage_key((void *)p);
	report(!k.str.ch && !k.str.rf, "SSKE cleared R and C");
	*p = 1;
	k.val = get_storage_key((void *)p);
	report(k.str.ch, "a store sets C");
	cc = reset_reference_bit((void *)p);
	report(cc == 2 || cc == 3, "RRBE after the store: C set (cc %d)", cc);
	k.val = get_storage_key((void *)p);
	report(!k.str.rf && k.str.ch, "RRBE reset R, kept C");
	(void)*p;
	k.val = get_storage_key((void *)p);
	cc = reset_reference_bit((void *)p);
	report(k.str.rf && (cc & 2), "a fetch sets R, RRBE says so (cc %d)", cc);
	report_prefix_pop();
}

static void check_multiple_block(void)
{
	uint8_t *end = (uint8_t *)((uintptr_t)(pages + PAGE_SIZE * 4) | (HPAGE_SIZE - 1)) + 1;
	uint8_t *addr = pages + PAGE_SIZE;
	union skey k1, k2;

	if (!test_facility(8)) {
		report_skip("multiple-block SSKE: no EDAT-1 (facility 8)");
		return;
	}
	/* Keys up to the next 1 MiB boundary, 4 KiB at a time or more. */
	while (addr < end)
		addr = set_storage_key_mb(addr, 0x40);
	k1.val = get_storage_key(pages + PAGE_SIZE);
	k2.val = get_storage_key(end - PAGE_SIZE);
	report(k1.str.acc == 4 && k2.str.acc == 4 && addr == end,
	       "multiple-block SSKE keyed the frames up to the 1 MiB boundary");
	for (addr = pages + PAGE_SIZE; addr < end; addr += PAGE_SIZE)
		set_storage_key(addr, 0x00, 0);
}

static void check_exceptions(void)
{
	void *beyond = (void *)(get_ram_size() + PAGE_SIZE);

	report_prefix_push("exceptions");
	expect_pgm_int();
	enter_pstate();
	set_storage_key(pages, 0x30, 0);
	check_pgm_int_code(PGM_INT_CODE_PRIVILEGED_OPERATION);
	report(get_storage_key(pages) >> 4 == 0, "SSKE in problem state changed nothing");
	expect_pgm_int();
	enter_pstate();
	(void)get_storage_key(pages);
	check_pgm_int_code(PGM_INT_CODE_PRIVILEGED_OPERATION);
	expect_pgm_int();
	set_storage_key(beyond, 0x30, 0);
	check_pgm_int_code(PGM_INT_CODE_ADDRESSING);
	expect_pgm_int();
	(void)get_storage_key(beyond);
	check_pgm_int_code(PGM_INT_CODE_ADDRESSING);
	expect_pgm_int();
	reset_reference_bit(beyond);
	check_pgm_int_code(PGM_INT_CODE_ADDRESSING);
	report_prefix_pop();
}

/* Store one byte with PSW key @key. */
static void store_with_key(volatile uint8_t *p, uint8_t key)
{
	asm volatile("spka 0(%[key])\n"
		     "mvi 0(%[p]),1\n"
		     "spka 0\n"
		     : : [key] "a" (key << 4), [p] "a" (p) : "memory");
}

static void check_protection(void)
{
	volatile uint8_t *p = pages + 3 * PAGE_SIZE;

	report_prefix_push("protection");
	if (host_is_tcg()) {
		report_skip("QEMU's TCG keeps storage keys but does not enforce them");
		report_prefix_pop();
		return;
	}
	set_storage_key((void *)p, 0x10, 0);
	report(tprot((uintptr_t)p, 1) == TPROT_READ_WRITE, "TPROT, matching key: read-write");
	report(tprot((uintptr_t)p, 2) == TPROT_READ, "TPROT, other key: store protected");
	set_storage_key((void *)p, 0x18, 0);
	report(tprot((uintptr_t)p, 2) == TPROT_RW_PROTECTED,
	       "TPROT, other key, fetch protection: fetch and store protected");
	*p = 0;
	expect_pgm_int();
	store_with_key(p, 2);
	check_pgm_int_code(PGM_INT_CODE_PROTECTION);
	report(*p == 0, "the store with a mismatching key did not happen");
	store_with_key(p, 1);
	report(*p == 1, "a store with the matching key did");
	set_storage_key((void *)p, 0x00, 0);
	report_prefix_pop();
}

int main(void)
{
	report_prefix_push("skey");
	if (test_facility(169)) {
		report_skip("storage-key removal facility installed: no keys");
		return report_summary();
	}
	check_set_get();
	check_rc_bits();
	check_multiple_block();
	check_exceptions();
	check_protection();
	return report_summary();
}
