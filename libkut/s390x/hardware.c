// SPDX-License-Identifier: MIT
/*
 * hardware.c - what the test runs on (hardware.h), and EBCDIC text
 * (stsi.h).
 *
 * STSI's current configuration level says LPAR (2) or virtual machine
 * (3).  In a virtual machine, QEMU's TCG gives its own name as the
 * manufacturer in STSI 1.1.1 ("QEMU"), while under KVM the machine is
 * the real one's and the control-program identifier of the innermost
 * virtual-machine level (3.2.2) starts "KVM/".
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/page.h>
#include <hardware.h>
#include <stsi.h>

char *ebcdic_to_ascii(char *out, const uint8_t *in, size_t len)
{
	static const char letters[] = "abcdefghi" "jklmnopqr" "stuvwxyz";
	size_t i, end = 0;
	uint8_t c;

	for (i = 0; i < len; i++) {
		char a = '?';

		c = in[i];
		if (c == 0x40)
			a = ' ';
		else if (c >= 0xf0 && c <= 0xf9)
			a = '0' + (c - 0xf0);
		else if (c >= 0x81 && c <= 0x89)
			a = letters[c - 0x81];
		else if (c >= 0x91 && c <= 0x99)
			a = letters[9 + c - 0x91];
		else if (c >= 0xa2 && c <= 0xa9)
			a = letters[18 + c - 0xa2];
		else if (c >= 0xc1 && c <= 0xc9)
			a = 'A' + (c - 0xc1);
		else if (c >= 0xd1 && c <= 0xd9)
			a = 'J' + (c - 0xd1);
		else if (c >= 0xe2 && c <= 0xe9)
			a = 'S' + (c - 0xe2);
		else if (c == 0x4b)
			a = '.';
		else if (c == 0x60)
			a = '-';
		else if (c == 0x61)
			a = '/';
		else if (c == 0x6d)
			a = '_';
		else if (c == 0x00)
			a = ' ';
		out[i] = a;
		if (a != ' ')
			end = i + 1;
	}
	out[end] = '\0';
	return out;
}

static char page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static enum s390_host probe_host(void)
{
	struct sysinfo_1_1_1 *m = (struct sysinfo_1_1_1 *)page;
	struct sysinfo_3_2_2 *vm = (struct sysinfo_3_2_2 *)page;
	char text[17];
	unsigned long level = stsi_get_fc();

	if (level == 2)
		return HOST_IS_LPAR;
	if (level != 3)
		return HOST_IS_UNKNOWN;
	if (!stsi(page, 1, 1, 1) &&
	    !strcmp(ebcdic_to_ascii(text, m->manufacturer, 16), "QEMU"))
		return HOST_IS_TCG;
	if (!stsi(page, 3, 2, 2) &&
	    !strncmp(ebcdic_to_ascii(text, vm->vm[0].cpi, 16), "KVM/", 4))
		return HOST_IS_KVM;
	return HOST_IS_UNKNOWN;
}

enum s390_host detect_host(void)
{
	static enum s390_host host;
	static bool known;

	if (!known) {
		host = probe_host();
		known = true;
	}
	return host;
}
