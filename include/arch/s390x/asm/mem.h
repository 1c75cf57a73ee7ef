/* SPDX-License-Identifier: MIT */
/*
 * asm/mem.h - storage keys (SSKE, ISKE, RRBE), PERFORM FRAME MANAGEMENT
 * FUNCTION, and a way to point at lowcore fields by offset.  Names are
 * upstream kvm-unit-tests'.
 */
#ifndef _ASMS390X_MEM_H_
#define _ASMS390X_MEM_H_

#include <asm/arch_def.h>
#include <asm/facility.h>

/* A pointer to lowcore + @x (a GEN_LC_* offset) that no warning trips on. */
#define OPAQUE_PTR(x)	((void *)(((uint64_t)&lowcore) + (x)))

/* The bits of a storage key: access-control, fetch-protection, reference, change. */
#define SKEY_ACC	0xf0
#define SKEY_FP		0x08
#define SKEY_RF		0x04
#define SKEY_CH		0x02

union skey {
	struct {
		uint8_t acc : 4;
		uint8_t fp : 1;
		uint8_t rf : 1;
		uint8_t ch : 1;
		uint8_t pad : 1;
	} str;
	uint8_t val;
};

/*
 * Set the key of the 4 KiB frame at @addr to @skey; @nq: non-quiescing
 * (SSKE with the NQ bit, which needs facility 14 to mean anything).
 */
static inline void set_storage_key(void *addr, unsigned char skey, int nq)
{
	if (nq)
		asm volatile(".insn rrf,0xb22b0000,%[key],%[addr],8,0"
			     : : [key] "d" (skey), [addr] "a" (addr));
	else
		asm volatile("sske %[key],%[addr]"
			     : : [key] "d" (skey), [addr] "a" (addr));
}

/*
 * SSKE with the multiple-block control (facility 8): sets keys from
 * @addr up to the next 1 MiB boundary; returns where it stopped.
 */
static inline void *set_storage_key_mb(void *addr, unsigned char skey)
{
	assert(test_facility(8));
	asm volatile(".insn rrf,0xb22b0000,%[key],%[addr],1,0"
		     : [addr] "+a" (addr) : [key] "d" (skey));
	return addr;
}

static inline unsigned char get_storage_key(void *addr)
{
	unsigned char skey;

	asm volatile("iske %[key],%[addr]" : [key] "=d" (skey) : [addr] "a" (addr));
	return skey;
}

/* RESET REFERENCE BIT EXTENDED; returns the condition code (old R and C). */
static inline unsigned char reset_reference_bit(void *addr)
{
	int cc;

	asm volatile("rrbe 0,%[addr]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [cc] "=d" (cc) : [addr] "a" (addr) : "cc");
	return cc;
}

/* PFMF frame-size codes. */
#define PFMF_FSC_4K	0
#define PFMF_FSC_1M	1
#define PFMF_FSC_2G	2

union pfmf_r1 {
	struct {
		unsigned long pad0 : 32;
		unsigned long pad1 : 12;
		unsigned long pad_fmfi : 2;
		unsigned long sk : 1;	/* set key */
		unsigned long cf : 1;	/* clear frame */
		unsigned long ui : 1;	/* usage indication */
		unsigned long fsc : 3;	/* frame-size code */
		unsigned long pad2 : 1;
		unsigned long mr : 1;	/* reference-bit update mask */
		unsigned long mc : 1;	/* change-bit update mask */
		unsigned long pad3 : 1;
		unsigned long key : 8;
	} reg;
	unsigned long val;
};

/* PFMF with function @r1 on the frame at @paddr; returns the next address. */
static inline void *pfmf(unsigned long r1, void *paddr)
{
	void *frame = paddr;

	asm volatile(".insn rre,0xb9af0000,%[fn],%[frame]"
		     : [frame] "+a" (frame)
		     : [fn] "d" (r1)
		     : "memory");
	return frame;
}

#endif /* _ASMS390X_MEM_H_ */
