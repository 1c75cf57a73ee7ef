// SPDX-License-Identifier: MIT
/*
 * sclp.c - the SCLP (sclp.h): service calls, what Read SCP Info says
 * about memory, CPUs and facilities, and the console.
 *
 * One request is outstanding at a time, machine-wide: sclp_mark_busy()
 * takes the SCLP and the service-signal interrupt that ends the request
 * frees it (interrupt.c calls sclp_handle_ext()).  Waiting is a spin with
 * external interrupts and the service-signal subclass enabled, not a wait
 * PSW, so it also works inside an interrupt handler (where the PSW has
 * them off) and whichever CPU the floating interrupt lands on.
 *
 * The console is the SCLP's ASCII console (QEMU's sclpconsole device):
 * each write is one Write Event Data request carrying the bytes as they
 * are, and a read is one Read Event Data request, both in an SCCB of
 * their own so that a test's use of _sccb never collides with them.
 */
#include <libcflat.h>
#include <stddef.h>
#include <asm/arch_def.h>
#include <asm/barrier.h>
#include <asm/facility.h>
#include <asm/interrupt.h>
#include <asm/page.h>
#include <asm/spinlock.h>
#include <sclp.h>

#include "../arch.h"
#include "s390x.h"

struct sclp_facilities sclp_facilities;
char _sccb[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* Two pages: the extended-length SCCB (facility 140) lists more CPUs. */
static char read_info_buf[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static ReadInfo *read_info;
static char console_sccb[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static volatile bool sclp_busy;
static struct spinlock sclp_lock;
static uint64_t ram_size, max_ram_size;

void sclp_setup_int(void)
{
	ctl_set_bit(0, CTL0_SERVICE_SIGNAL);
	psw_mask_set_bits(PSW_MASK_EXT);
}

void sclp_handle_ext(void)
{
	ctl_clear_bit(0, CTL0_SERVICE_SIGNAL);
	sclp_clear_busy();
}

void sclp_wait_busy(void)
{
	while (sclp_busy)
		mb();
}

void sclp_mark_busy(void)
{
	bool claimed;

	for (;;) {
		/* A request of ours in flight completes only if we take it. */
		if (sclp_busy)
			sclp_setup_int();
		sclp_wait_busy();
		/* Another CPU may have claimed it since: claim under the lock. */
		spin_lock(&sclp_lock);
		claimed = !sclp_busy;
		sclp_busy = true;
		spin_unlock(&sclp_lock);
		if (claimed)
			return;
	}
}

void sclp_clear_busy(void)
{
	spin_lock(&sclp_lock);
	sclp_busy = false;
	spin_unlock(&sclp_lock);
}

int sclp_service_call(unsigned int command, void *sccb)
{
	int cc;

	sclp_setup_int();
	cc = servc(command, __pa(sccb));
	if (cc) {
		/* Not accepted: no interrupt will come to free the SCLP. */
		ctl_clear_bit(0, CTL0_SERVICE_SIGNAL);
		sclp_clear_busy();
		return -1;
	}
	sclp_wait_busy();
	return 0;
}

void sclp_read_info(void)
{
	static const unsigned int commands[] = {
		SCLP_CMDW_READ_SCP_INFO_FORCED, SCLP_CMDW_READ_SCP_INFO,
	};
	const unsigned int *cmd, *end = commands + ARRAY_SIZE(commands);
	ReadInfo *ri = (ReadInfo *)read_info_buf;
	uint16_t len = test_facility(140) ? sizeof(read_info_buf) : SCCB_SIZE;

	/* The forced form first; a machine that does not know it refuses it. */
	for (cmd = commands; cmd < end; cmd++) {
		memset(ri, 0, len);
		ri->h.length = len;
		sclp_mark_busy();
		if (sclp_service_call(*cmd, ri))
			break;
		if (ri->h.response_code == SCLP_RC_NORMAL_READ_COMPLETION) {
			read_info = ri;
			return;
		}
		if (ri->h.response_code != SCLP_RC_INVALID_SCLP_COMMAND)
			break;
	}
	/* No console yet: stop where a dump shows why. */
	disabled_wait(0x5c1b0001);
}

int sclp_get_cpu_num(void)
{
	return read_info ? read_info->entries_cpu : 1;
}

CPUEntry *sclp_get_cpu_entries(void)
{
	assert(read_info);
	return (CPUEntry *)(read_info_buf + read_info->offset_cpu);
}

uint64_t sclp_get_stsi_mnest(void)
{
	assert(read_info);
	return read_info->stsi_parm;
}

/* Bit @bit (0 = most significant) of byte @byte of Read SCP Info. */
static bool info_bit(int byte, int bit)
{
	return ((uint8_t *)read_info)[byte] & (0x80 >> bit);
}

/* The boot CPU's entry of Read SCP Info's CPU list, or NULL. */
static const CPUEntry *own_cpu_entry(void)
{
	const CPUEntry *entries = sclp_get_cpu_entries();
	uint16_t me = stap();
	int n = read_info->entries_cpu;

	while (n-- > 0)
		if (entries[n].address == me)
			return &entries[n];
	return NULL;
}

void sclp_facilities_setup(void)
{
	const CPUEntry *cpu;

	assert(read_info);
	if (read_info->offset_cpu > 134)
		sclp_facilities.has_diag318 = read_info->byte_134_diag318;
	sclp_facilities.has_sop = info_bit(80, SCLP_FEAT_80_BIT_SOP);
	sclp_facilities.has_gsls = info_bit(85, SCLP_FEAT_85_BIT_GSLS);
	sclp_facilities.has_esop = info_bit(85, SCLP_FEAT_85_BIT_ESOP);
	sclp_facilities.has_kss = info_bit(98, SCLP_FEAT_98_BIT_KSS);
	sclp_facilities.has_cmma = info_bit(116, SCLP_FEAT_116_BIT_CMMA);
	sclp_facilities.has_64bscao = info_bit(116, SCLP_FEAT_116_BIT_64BSCAO);
	sclp_facilities.has_esca = info_bit(116, SCLP_FEAT_116_BIT_ESCA);
	sclp_facilities.has_ibs = info_bit(117, SCLP_FEAT_117_BIT_IBS);
	sclp_facilities.has_pfmfi = info_bit(117, SCLP_FEAT_117_BIT_PFMFI);
	/* The per-CPU features, from the boot CPU's entry. */
	cpu = own_cpu_entry();
	if (!cpu)
		return;
	sclp_facilities.has_cei = cpu->feat_cei;
	sclp_facilities.has_ib = cpu->feat_ib;
	sclp_facilities.has_sigpif = cpu->feat_sigpif;
	sclp_facilities.has_siif = cpu->feat_siif;
	sclp_facilities.has_gpere = cpu->feat_gpere;
	sclp_facilities.has_skeyi = cpu->feat_skeyi;
	sclp_facilities.has_sief2 = cpu->feat_sief2;
}

/*
 * RAM: up to rnmax increments of rnsize MiB; what answers TPROT for
 * read and write from the start is usable (standby memory would not).
 */
void sclp_memory_setup(void)
{
	uint64_t incr, n;

	assert(read_info);
	incr = (uint64_t)(read_info->rnsize ? read_info->rnsize :
			  read_info->rnsize2) << 20;
	n = read_info->rnmax ? read_info->rnmax : read_info->rnmax2;
	max_ram_size = n * incr;
	ram_size = incr;
	while (ram_size < max_ram_size) {
		enum tprot_permission perm;

		expect_pgm_int();
		perm = tprot(ram_size + incr - 1, 0);
		if (clear_pgm_int() || perm != TPROT_READ_WRITE)
			break;
		ram_size += incr;
	}
}

uint64_t get_ram_size(void)
{
	return ram_size;
}

uint64_t get_max_ram_size(void)
{
	return max_ram_size;
}

/* Write to the ASCII console, and read what arrives on it. */
void sclp_console_setup(void)
{
	WriteEventMask *m = (WriteEventMask *)console_sccb;

	sclp_mark_busy();
	memset(m, 0, sizeof(*m));
	m->h.length = sizeof(*m);
	m->mask_length = sizeof(m->cp_receive_mask);
	m->cp_receive_mask = SCLP_EVENT_MASK_MSG_ASCII;
	m->cp_send_mask = SCLP_EVENT_MASK_MSG_ASCII;
	sclp_service_call(SCLP_CMD_WRITE_EVENT_MASK, m);
}

/* The SCCB header and event buffer header before the bytes. */
#define CONSOLE_HEADER	offsetof(WriteEventData, msg)
#define CONSOLE_CHUNK	(SCCB_SIZE - CONSOLE_HEADER)

void sclp_console_write(const char *buf, size_t len)
{
	WriteEventData *w = (WriteEventData *)console_sccb;
	size_t n;

	while (len) {
		n = MIN(len, CONSOLE_CHUNK);
		sclp_mark_busy();
		memset(w, 0, CONSOLE_HEADER);
		w->h.length = CONSOLE_HEADER + n;
		w->h.function_code = SCLP_FC_NORMAL_WRITE;
		w->ebh.length = sizeof(w->ebh) + n;
		w->ebh.type = SCLP_EVENT_ASCII_CONSOLE_DATA;
		memcpy(w->msg.data, buf, n);
		sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, w);
		buf += n;
		len -= n;
	}
}

/* Bytes read from the console and not handed out yet. */
static char input[SCCB_SIZE];
static size_t input_len, input_pos;
static struct spinlock input_lock;

/* One Read Event Data: what the ASCII console received, if anything. */
static void console_read_events(void)
{
	ReadEventData *r = (ReadEventData *)console_sccb;
	ReadEventDataAsciiConsole *ev;
	size_t n;

	sclp_mark_busy();
	memset(r, 0, sizeof(*r));
	r->h.length = SCCB_SIZE;
	r->h.function_code = SCLP_UNCONDITIONAL_READ;
	/* (QEMU answers a read that found events with "normal completion".) */
	if (sclp_service_call(SCLP_CMD_READ_EVENT_DATA, r) ||
	    (r->h.response_code != SCLP_RC_NORMAL_READ_COMPLETION &&
	     r->h.response_code != SCLP_RC_NORMAL_COMPLETION))
		return;
	/* The first event buffer follows the header. */
	ev = (ReadEventDataAsciiConsole *)&r->ebh;
	if (ev->ebh.type != SCLP_EVENT_ASCII_CONSOLE_DATA ||
	    ev->ebh.length <= sizeof(ev->ebh) + 1)
		return;
	n = MIN(ev->ebh.length - sizeof(ev->ebh) - 1, sizeof(input));
	memcpy(input, ev->data, n);
	input_len = n;
	input_pos = 0;
}

int arch_console_read(void)
{
	int c = -1;

	spin_lock(&input_lock);
	if (input_pos == input_len)
		console_read_events();
	if (input_pos < input_len)
		c = (unsigned char)input[input_pos++];
	spin_unlock(&input_lock);
	return c;
}

void sclp_print(const char *str)
{
	puts(str);
}

void arch_console_write(const char *buf, size_t len)
{
	sclp_console_write(buf, len);
}
