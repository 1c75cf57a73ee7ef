// SPDX-License-Identifier: MIT
/*
 * sprs.c - special-purpose registers through mfspr()/mtspr() (asm/
 * processor.h, asm/reg.h): each writable one keeps the bits of three
 * patterns that the architecture defines for it (the mask; the others
 * may read as anything), on this CPU and, written there, on another
 * (on_cpu()).  A write to the read-only PVR is a program interrupt and
 * leaves it alone; a hypervisor register is out of a guest's reach (a
 * program interrupt, or hypervisor emulation assistance).  (CTR is the
 * compiler's, for indirect calls: not among them.)  SPRG2 and SPRG3 keep
 * their values over an interrupt (kut's vectors use SPRG0 and SPRG1).
 */
#include <libcflat.h>
#include <asm/processor.h>
#include <asm/smp.h>

#define SPR_TAR		0x32f
#define SPR_PPR		0x380

struct spr {
	const char *name;
	uint64_t mask;			/* the bits it must keep */
	uint64_t (*read)(void);
	void (*write)(uint64_t);
};

#define SPR(nr, name, mask)						\
	static uint64_t read_##name(void) { return mfspr(nr); }	\
	static void write_##name(uint64_t v) { mtspr(nr, v); }
#define ENTRY(name, mask)	{ #name, mask, read_##name, write_##name }

SPR(SPR_SPRG0, SPRG0, ~0UL)
SPR(SPR_SPRG1, SPRG1, ~0UL)
SPR(SPR_SPRG2, SPRG2, ~0UL)
SPR(SPR_SPRG3, SPRG3, ~0UL)
SPR(SPR_DSISR, DSISR, 0xffffffffUL)
SPR(SPR_DAR, DAR, ~0UL)
SPR(SPR_TAR, TAR, ~3UL)
SPR(SPR_VRSAVE, VRSAVE, 0xffffffffUL)

static const struct spr sprs[] = {
	ENTRY(SPRG0, ~0UL),
	ENTRY(SPRG1, ~0UL),
	ENTRY(SPRG2, ~0UL),
	ENTRY(SPRG3, ~0UL),
	ENTRY(DSISR, 0xffffffffUL),
	ENTRY(DAR, ~0UL),
	ENTRY(TAR, ~3UL),
	ENTRY(VRSAVE, 0xffffffffUL),
};

static const uint64_t patterns[] = {
	0xa5a5a5a5a5a5a5a5UL, 0x5a5a5a5a5a5a5a5aUL, 0x0123456789abcdefUL,
};

/*
 * Whether every register keeps each pattern, as far as its mask goes.
 * SPRG0 points kut's interrupt entry at the CPU: it is put back before
 * anything could interrupt (no interrupt is expected in between).
 */
static void write_and_check(void *ok)
{
	uint64_t v, got[ARRAY_SIZE(sprs)], sprg0 = mfspr(SPR_SPRG0);
	unsigned int i, p;

	for (p = 0; p < ARRAY_SIZE(patterns); p++) {
		for (i = 0; i < ARRAY_SIZE(sprs); i++)
			sprs[i].write(patterns[p] + i);
		for (i = 0; i < ARRAY_SIZE(sprs); i++)
			got[i] = sprs[i].read();
		mtspr(SPR_SPRG0, sprg0);
		for (i = 0; i < ARRAY_SIZE(sprs); i++) {
			v = got[i];
			if ((v ^ (patterns[p] + i)) & sprs[i].mask) {
				printf("CPU %d: %s: wrote %#lx, read %#lx\n",
				       smp_processor_id(), sprs[i].name,
				       (unsigned long)(patterns[p] + i),
				       (unsigned long)v);
				*(bool *)ok = false;
			}
		}
	}
}

static volatile unsigned long caught_trap;

static void catch_and_skip(struct pt_regs *regs, void *data)
{
	(void)data;
	caught_trap = regs->trap;
	regs_advance_insn(regs);
}

int main(void)
{
	bool ok = true;
	uint64_t pvr = mfspr(SPR_PVR);

	report_prefix_push("sprs");
	write_and_check(&ok);
	report(ok, "%zu registers keep what is written, on CPU 0", ARRAY_SIZE(sprs));
	if (cpu_count() > 1) {
		ok = true;
		on_cpu(1, write_and_check, &ok);
		report(ok, "... and on CPU 1");
	} else {
		report_skip("one CPU only");
	}

	handle_exception(0x700, catch_and_skip, NULL);
	handle_exception(0xe40, catch_and_skip, NULL);
	caught_trap = 0;
	mtspr(SPR_PVR, ~pvr);
	report(caught_trap == 0x700 && mfspr(SPR_PVR) == pvr,
	       "a write to PVR (%#lx) is a program interrupt (%#lx)",
	       (unsigned long)pvr, caught_trap);
	caught_trap = 0;
	mtspr(SPR_HSPRG0, 0x1234);
	report(caught_trap == 0x700 || caught_trap == 0xe40,
	       "a write to HSPRG0 traps in a guest (%#lx)", caught_trap);
	/* SPRG0 and SPRG1 are kut's interrupt scratch; the others a test's. */
	caught_trap = 0;
	mtspr(SPR_SPRG2, patterns[0]);
	mtspr(SPR_SPRG3, patterns[1]);
	asm volatile("tw 31,0,0");
	report(caught_trap == 0x700 && mfspr(SPR_SPRG2) == patterns[0] &&
	       mfspr(SPR_SPRG3) == patterns[1],
	       "SPRG2 and SPRG3 keep their values over an interrupt");
	handle_exception(0x700, NULL, NULL);
	handle_exception(0xe40, NULL, NULL);
	report_prefix_pop();
	return report_summary();
}
