// SPDX-License-Identifier: MIT
/*
 * test-lib-util.c - util.h's parse_keyval(), report_passed(), the guest
 * side of migration (migrate.h: cue lines, then a byte from the console)
 * and the physical address map (memregions.h), on the host.
 */
#include <string.h>

#include "arch-stubs.h"
#include "harness.h"
#include "kut-host.h"

TEST(parse_keyval)
{
	char a[] = "mem=256", b[] = "smp=0x10", c[] = "plain", d[] = "neg=-3";
	long val = 99;

	CHECK_INT(kut_parse_keyval(a, &val), 3);
	CHECK_INT(val, 256);
	a[3] = '\0';
	CHECK_STR(a, "mem");
	CHECK_INT(kut_parse_keyval(b, &val), 3);
	CHECK_INT(val, 16);
	val = 99;
	CHECK_INT(kut_parse_keyval(c, &val), -1);
	CHECK_INT(val, 99);
	CHECK_INT(kut_parse_keyval(d, &val), 3);
	CHECK_INT(val, -3);
}

static void summary_exit(void)
{
	kut_exit(kut_report_summary());
}

TEST(report_passed_counts_silently)
{
	host_console_reset();
	kut_report_passed();
	kut_report_passed();
	CHECK_STR(host_console, "");
	CHECK_INT(host_run(summary_exit), 0);
	CHECK(strstr(host_console, "SUMMARY: 2 tests") != NULL);
}

TEST(migrate_cues_and_waits_for_a_byte)
{
	host_console_reset();
	host_console_input = "\n\n\n";
	kut_migrate();
	CHECK_STR(host_console, "Now migrate the VM, then press a key to continue...\n"
		  "INFO: Migration complete\n");
	CHECK_STR(host_console_input, "\n\n");
	host_console_reset();
	kut_migrate_once();
	kut_migrate_once();
	CHECK_STR(host_console_input, "\n");
	host_console_reset();
	kut_migrate_quiet();
	CHECK_STR(host_console, "Now migrate the VM (quiet)\n");
	CHECK_STR(host_console_input, "");
	host_console_input = NULL;
}

TEST(migrate_skip_once_and_continuous)
{
	host_console_reset();
	host_console_input = "xyz";
	kut_migrate_skip();
	kut_migrate_skip();
	CHECK_STR(host_console, "Skipped VM migration (quiet)\n");
	host_console_reset();
	kut_migrate_begin_continuous();
	kut_migrate_end_continuous();
	CHECK_STR(host_console, "Begin continuous migration\n"
		  "End continuous migration\nEnd continuous migration (quiet)\n");
	CHECK_STR(host_console_input, "");
	host_console_input = NULL;
}

TEST(memregions_add_find_split)
{
	static struct kut_mem_region regions[5];
	struct kut_mem_region *r1, *r2;

	kut_memregions_init(regions, 4);
	kut_memregions_add(&(struct kut_mem_region){ 0, 0x40000000, KUT_MR_F_IO });
	kut_memregions_add(&(struct kut_mem_region){ 0x40000000, 0x80000000, 0 });
	CHECK(kut_memregions_find(0x3fffffff) == &regions[0]);
	CHECK(kut_memregions_find(0x40000000) == &regions[1]);
	CHECK(kut_memregions_find(0x80000000) == NULL);
	CHECK_INT(kut_memregions_get_flags(0x1000), KUT_MR_F_IO);
	CHECK_INT(kut_memregions_get_flags(0x90000000), KUT_MR_F_UNKNOWN);

	kut_memregions_split(0x40200000, &r1, &r2);
	CHECK(r1 == &regions[1] && r2 == &regions[2]);
	CHECK_INT(r1->end, 0x40200000);
	CHECK_INT(r2->start, 0x40200000);
	CHECK_INT(r2->end, 0x80000000);
	r1->flags |= KUT_MR_F_CODE;
	CHECK_INT(kut_memregions_get_flags(0x401fffff), KUT_MR_F_CODE);
	CHECK_INT(kut_memregions_get_flags(0x40200000), 0);

	/* At a region's start there is nothing below to cut off. */
	kut_memregions_split(0x40000000, &r1, &r2);
	CHECK(r1 == NULL && r2 == &regions[1]);
	CHECK(regions[3].end == 0);
}

static void add_too_many(void)
{
	int i;

	for (i = 0; i < 10; i++)
		kut_memregions_add(&(struct kut_mem_region){ i * 0x1000ull,
							     (i + 1) * 0x1000ull, 0 });
}

TEST(memregions_full_aborts)
{
	static struct kut_mem_region regions[3];

	kut_memregions_init(regions, 2);
	host_console_reset();
	CHECK(host_aborted_with(host_run(add_too_many), "more than 2 memory regions"));
}
