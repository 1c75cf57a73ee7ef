// SPDX-License-Identifier: MIT
/*
 * setup.c - s390x boot: from head.S to kut_start() and main().
 *
 * The interrupt handlers go in first, so that whatever goes wrong later
 * is reported.  Then the facility list is stored, the SCLP describes the
 * machine (memory, CPUs, facilities) and its console is set up, and the
 * IPL parameters QEMU wrote into the image become the command line and
 * the environment.  RAM below 2 GiB is the page allocator's AREA_LOW
 * (AREA_DMA31), the rest AREA_NORMAL, as upstream kvm-unit-tests has it.
 */
#include <libcflat.h>
#include <asm/arch_def.h>
#include <asm/facility.h>
#include <asm/memory_areas.h>
#include <sclp.h>
#include <smp.h>
#include <uv.h>

#include "../boot.h"
#include "s390x.h"

uint64_t stfl_doublewords[NB_STFL_DOUBLEWORDS];

static void setup_ipl_params(struct kut_boot_info *bi)
{
	const char *cmdline = (const char *)IPL_CMDLINE;
	uint64_t initrd = *(const uint64_t *)IPL_INITRD_START;
	uint64_t initrd_size = *(const uint64_t *)IPL_INITRD_SIZE;

	if (strnlen(cmdline, IPL_CMDLINE_END - IPL_CMDLINE) <
	    IPL_CMDLINE_END - IPL_CMDLINE)
		bi->cmdline = cmdline;
	else
		printf("kut: the command line does not fit in %d bytes; ignored\n",
		       IPL_CMDLINE_END - IPL_CMDLINE);
	if (initrd_size && initrd + initrd_size <= get_ram_size()) {
		bi->initrd = (const char *)initrd;
		bi->initrd_size = initrd_size;
	}
}

void kut_s390x_setup(void)
{
	static struct kut_boot_info bi;

	s390x_boot_cpu_init();
	s390x_setup_irq_psws(&lowcore);

	setup_facilities();
	sclp_read_info();
	sclp_facilities_setup();
	sclp_console_setup();
	sclp_memory_setup();
	smp_setup();
	/* The Ultravisor's query, when there is one (uv.h). */
	uv_setup();

	kut_boot_add_mem(&bi, 0, get_ram_size());
	bi.nr_areas = 2;
	bi.areas[0].base = 0;
	bi.areas[0].number = AREA_LOW_NUMBER;
	bi.areas[1].base = (uint64_t)AREA_NORMAL_PFN << PAGE_SHIFT;
	bi.areas[1].number = AREA_NORMAL_NUMBER;
	setup_ipl_params(&bi);
	kut_start(&bi);
}
