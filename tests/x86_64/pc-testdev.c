// SPDX-License-Identifier: MIT
/*
 * pc-testdev.c - QEMU's ISA test device (-device pc-testdev, which
 * kut-run attaches), and through it the hypervisor's port I/O, string
 * I/O and MMIO paths:
 *   port 0xe0    a 32-bit register for 1, 2 and 4-byte accesses at any
 *                offset, and for REP INS/OUTS (string I/O);
 *   port 0xe8    the same register, which QEMU splits into byte accesses;
 *   port 0xe4    "flush page": the host unmaps and remaps a guest page,
 *                whose contents must survive;
 *   0xff000000   64 KiB of memory-mapped buffer: 1 to 8-byte accesses,
 *                REP MOVS and REP STOS into it;
 *   0x2000 + n   ISA IRQ line n: lines 1 and 3-15 each reach their I/O
 *                APIC pin (0 and 2 are IRQ 0's pin, which the PIT uses).
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <asm/io.h>
#include <asm/page.h>
#include <x86/apic.h>
#include <x86/isr.h>
#include <x86/processor.h>
#include "x86-test.h"

#define DATA_PORT	0xe0
#define FLUSH_PORT	0xe4
#define BYTE_PORT	0xe8
#define IOMEM		((volatile u8 *)0xff000000ul)
#define IOMEM_SIZE	0x10000
#define LINE_VEC_BASE	0x80

static void check_port(void)
{
	report_prefix_push("port 0xe0");
	outl(0x12345678, DATA_PORT);
	report(inl(DATA_PORT) == 0x12345678, "a 32-bit write reads back");
	report(inb(DATA_PORT + 1) == 0x56 && inb(DATA_PORT + 3) == 0x12,
	       "byte reads at offsets 1 and 3");
	report(inw(DATA_PORT + 2) == 0x1234, "a 16-bit read at offset 2");
	outb(0xaa, DATA_PORT + 2);
	report(inl(DATA_PORT) == 0x12aa5678, "a byte write at offset 2 merges");
	outw(0xbeef, DATA_PORT);
	report(inl(DATA_PORT) == 0x12aabeef, "a 16-bit write at offset 0 merges");
	report_prefix_pop();

	report_prefix_push("port 0xe8");
	outl(0xdeadbeef, BYTE_PORT);
	report(inl(DATA_PORT) == 0xdeadbeef,
	       "a 32-bit write, split into bytes, lands whole");
	report(inl(BYTE_PORT) == 0xdeadbeef && inw(BYTE_PORT + 2) == 0xdead,
	       "32 and 16-bit reads, assembled from bytes");
	report_prefix_pop();
}

static void check_string_io(void)
{
	static u32 out[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
	static u32 in[4];
	static u8 bytes[4] = { 0xa1, 0xb2, 0xc3, 0xd4 };
	static u8 bytes_in[4];
	ulong n, p;

	report_prefix_push("string I/O");
	n = 4;
	p = (ulong)out;
	asm volatile("cld; rep outsl" : "+S"(p), "+c"(n) : "d"(DATA_PORT)
		     : "memory");
	report(n == 0 && inl(DATA_PORT) == 0x44444444,
	       "REP OUTSL of 4: the last one stays");
	n = 4;
	p = (ulong)in;
	asm volatile("cld; rep insl" : "+D"(p), "+c"(n) : "d"(DATA_PORT)
		     : "memory");
	report(n == 0 && in[0] == 0x44444444 && in[3] == 0x44444444,
	       "REP INSL of 4: each reads the register");
	outl(0, DATA_PORT);
	n = 4;
	p = (ulong)bytes;
	asm volatile("cld; rep outsb" : "+S"(p), "+c"(n) : "d"(DATA_PORT + 1)
		     : "memory");
	report(inl(DATA_PORT) == 0xd400, "REP OUTSB to offset 1: the last byte there");
	n = 4;
	p = (ulong)&bytes_in[3];
	asm volatile("std; rep insb; cld" : "+D"(p), "+c"(n)
		     : "d"(DATA_PORT + 1) : "memory");
	report(n == 0 && bytes_in[0] == 0xd4 && bytes_in[3] == 0xd4 &&
	       p == (ulong)bytes_in - 1, "REP INSB backwards (DF=1)");
	report_prefix_pop();
}

static void check_iomem(void)
{
	static const char msg[] = "through the MMIO path, byte by byte";
	volatile u8 *m = IOMEM;
	ulong n, d, s;
	bool ok = true;
	unsigned i;

	report_prefix_push("iomem");
	m[0] = 0x5a;
	*(volatile u16 *)(m + 2) = 0x1234;
	*(volatile u32 *)(m + 4) = 0xcafef00d;
	report(m[0] == 0x5a && *(volatile u16 *)(m + 2) == 0x1234 &&
	       *(volatile u32 *)(m + 4) == 0xcafef00d,
	       "1, 2 and 4-byte writes read back");
	report(*(volatile u32 *)m == (0x12340000u | 0x5a | (u32)m[1] << 8),
	       "a 4-byte read spans them");
#ifdef __x86_64__
	*(volatile u64 *)(m + 8) = 0x0123456789abcdefull;
	report(*(volatile u64 *)(m + 8) == 0x0123456789abcdefull &&
	       *(volatile u32 *)(m + 12) == 0x01234567,
	       "an 8-byte write reads back, and by halves");
#endif
	*(volatile u32 *)(m + IOMEM_SIZE - 4) = 0xfeedface;
	report(*(volatile u32 *)(m + IOMEM_SIZE - 4) == 0xfeedface,
	       "the last 4 bytes of the 64 KiB");

	n = sizeof(msg);
	s = (ulong)msg;
	d = (ulong)(m + 0x100);
	asm volatile("cld; rep movsb" : "+S"(s), "+D"(d), "+c"(n) : : "memory");
	for (i = 0; i < sizeof(msg); i++)
		ok &= m[0x100 + i] == (u8)msg[i];
	report(n == 0 && ok, "REP MOVSB of %u bytes into it", (unsigned)sizeof(msg));

	n = 16;
	d = (ulong)(m + 0x200);
	asm volatile("cld; rep stosl" : "+D"(d), "+c"(n) : "a"(0x600dc0de)
		     : "memory");
	report(n == 0 && *(volatile u32 *)(m + 0x200) == 0x600dc0de &&
	       *(volatile u32 *)(m + 0x23c) == 0x600dc0de &&
	       *(volatile u32 *)(m + 0x240) != 0x600dc0de,
	       "REP STOSL of 16 dwords: exactly those");
	report_prefix_pop();
}

static void check_flush(void)
{
	u32 *page = alloc_page();
	bool ok = true;
	unsigned i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		page[i] = i * 0x9e3779b9;
	outl(virt_to_phys(page), FLUSH_PORT);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		ok &= page[i] == i * 0x9e3779b9;
	page[0] = 0xabcd;
	report(ok && page[0] == 0xabcd,
	       "flush page: the host unmapped and remapped it, contents kept");
	free_page(page);
}

static volatile int line_hits[16];

static void line_isr(isr_regs_t *regs)
{
	line_hits[regs->vector - LINE_VEC_BASE]++;
	eoi();
}

static void check_lines(void)
{
	int line, bad = 0, first_bad = -1, tested = 0;

	for (line = 1; line < 16; line++) {
		if (line == 2)
			continue;
		handle_irq(LINE_VEC_BASE + line, line_isr);
		ioapic_set_redir(line, LINE_VEC_BASE + line, TRIGGER_EDGE);
		line_hits[line] = 0;
		set_irq_line(line, 1);
		set_irq_line(line, 0);
		wait_for_count(&line_hits[line], 1, LOST_CYCLES);
		set_mask(line, 1);
		tested++;
		if (line_hits[line] != 1) {
			bad++;
			if (first_bad < 0)
				first_bad = line;
		}
	}
	report(!bad, "IRQ lines: each of %d reaches its I/O APIC pin "
	       "(%d did not, first %d)", tested, bad, first_bad);
}

int main(void)
{
	report_prefix_push("pc-testdev");
	outl(0, DATA_PORT);
	if (inl(BYTE_PORT) != 0 || (outl(0x5a5a5a5a, DATA_PORT),
				    inl(DATA_PORT) != 0x5a5a5a5a)) {
		report_skip("no pc-testdev at port 0xe0 (-device pc-testdev)");
		return report_summary();
	}
	check_port();
	check_string_io();
	check_iomem();
	check_flush();
	check_lines();
	return report_summary();
}
