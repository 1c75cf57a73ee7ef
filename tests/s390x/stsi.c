// SPDX-License-Identifier: MIT
/*
 * stsi.c - STORE SYSTEM INFORMATION: the current configuration level; the
 * basic machine (1.1.1); the virtual machine QEMU makes, with the name,
 * UUID and CPU count it was started with (3.2.2, given to the test as
 * name=, uuid= and cpus= arguments); the condition code for a function
 * or selectors that do not exist; the specification exceptions for
 * reserved bits and an unaligned block; privileged operation.
 */
#include <libcflat.h>
#include <ctype.h>
#include <hardware.h>
#include <smp.h>
#include <stsi.h>
#include <asm/arch_def.h>
#include <asm/interrupt.h>
#include <asm/page.h>
#include "../common/selftest.h"

static uint8_t page[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* "name=value" in argv, or NULL. */
/* The 16 bytes of a UUID written "0fb84a86-727c-11ea-...", or false. */
static bool parse_uuid(const char *s, uint8_t *uuid)
{
	int n = 0;

	while (*s && n < 16) {
		if (*s == '-') {
			s++;
			continue;
		}
		if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]))
			return false;
		uuid[n++] = strtoul((char[3]){ s[0], s[1], 0 }, NULL, 16);
		s += 2;
	}
	return n == 16 && !*s;
}

static void check_levels(void)
{
	struct sysinfo_1_1_1 *m = (void *)page;
	char text[17];

	report_prefix_push("1.1.1");
	report(stsi_get_fc() == 3, "the current level is a virtual machine (%lu)",
	       stsi_get_fc());
	memset(page, 0xff, PAGE_SIZE);
	report(stsi(page, 1, 1, 1) == 0, "stored");
	ebcdic_to_ascii(text, m->manufacturer, 16);
	report(host_is_tcg() ? !strcmp(text, "QEMU") : text[0] && !strchr(text, '?'),
	       "manufacturer '%s'", text);
	ebcdic_to_ascii(text, m->type, 4);
	report(strlen(text) == 4 && isdigit((unsigned char)text[0]), "type '%s'", text);
	report_prefix_pop();
}

static void check_vm(int argc, char **argv)
{
	struct sysinfo_3_2_2 *vm = (void *)page;
	const char *name = arg_value(argc, argv, "name");
	const char *uuid_s = arg_value(argc, argv, "uuid");
	const char *cpus = arg_value(argc, argv, "cpus");
	uint8_t uuid[16];
	char text[17], want[9];
	size_t i;

	report_prefix_push("3.2.2");
	memset(page, 0xff, PAGE_SIZE);
	report(stsi(page, 3, 2, 2) == 0 && vm->count >= 1, "stored, %d level(s)", vm->count);
	ebcdic_to_ascii(text, vm->vm[0].cpi, 16);
	report(!strncmp(text, "KVM/", 4), "control program '%s'", text);
	report(vm->vm[0].conf_cpus == smp_query_num_cpus() &&
	       vm->vm[0].total_cpus == vm->vm[0].conf_cpus + vm->vm[0].reserved_cpus,
	       "%d CPUs configured, %d in total", vm->vm[0].conf_cpus,
	       vm->vm[0].total_cpus);
	if (cpus)
		report(vm->vm[0].total_cpus == atol(cpus), "total %d == cpus=%s",
		       vm->vm[0].total_cpus, cpus);
	if (name) {
		/* The first 8 characters, blank padded. */
		for (i = 0; i < 8 && name[i]; i++)
			want[i] = name[i];
		want[i] = '\0';
		ebcdic_to_ascii(text, vm->vm[0].name, 8);
		report(!strcmp(text, want), "name '%s' == name=%s", text, name);
		if (vm->vm[0].ext_name_encoding == 2)
			report(!strcmp((char *)vm->ext_names[0], name),
			       "extended name (UTF-8) '%s'", (char *)vm->ext_names[0]);
		else
			report_skip("no extended name (encoding %d)",
				    vm->vm[0].ext_name_encoding);
	} else {
		report_skip("no name= argument");
	}
	if (uuid_s && parse_uuid(uuid_s, uuid))
		report(!memcmp(vm->vm[0].uuid, uuid, 16), "uuid == uuid=%s", uuid_s);
	else
		report_skip("no uuid= argument");
	report_prefix_pop();
}

static void check_errors(void)
{
	int i;

	report_prefix_push("errors");
	report(stsi(page, 7, 0, 0) == 3, "function code 7: cc 3");
	report(stsi(page, 1, 0, 1) == 3, "selector 1 = 0: cc 3");
	report(stsi(page, 1, 1, 0) == 3, "selector 2 = 0: cc 3");
	report(stsi(page, 3, 2, 3) == 3, "3.2.3: cc 3");
	for (i = 36; i <= 55; i += 19) {
		expect_pgm_int();
		stsi(page, 0, 1 << (63 - i), 0);
		check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	}
	expect_pgm_int();
	stsi(page, 1, 0, 1 << 16);
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	expect_pgm_int();
	stsi(page + 8, 1, 1, 1);
	check_pgm_int_code(PGM_INT_CODE_SPECIFICATION);
	expect_pgm_int();
	enter_pstate();
	stsi(page, 1, 1, 1);
	check_pgm_int_code(PGM_INT_CODE_PRIVILEGED_OPERATION);
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	report_prefix_push("stsi");
	check_levels();
	check_vm(argc, argv);
	check_errors();
	return report_summary();
}
