// SPDX-License-Identifier: MIT
/*
 * setup.c - arm and arm64 boot: from the device tree QEMU hands over to
 * kut_start() and main().
 *
 * Order matters.  The MMU goes on first, so that RAM is Normal memory:
 * Debian's libfdt.a may make unaligned accesses, which fault on the
 * Device memory everything is with the MMU off.  The device tree is then
 * copied right after the image (../fdt/dt-boot.c), where the page
 * allocator will not hand it out, and read for the console, RAM, CPUs,
 * command line and initrd.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/setup.h>
#include <asm/psci.h>
#include <asm/timer.h>
#include <asm/io.h>
#include <asm/smp.h>
#include <asm/mmu.h>
#include <asm/thread_info.h>

#include "../boot.h"
#include "arm.h"
#include "../fdt/dt-boot.h"

u64 cpus[NR_CPUS];
int nr_cpus;
phys_addr_t __phys_offset, __phys_end;
extern char __text_end[];

static void setup_console(void)
{
	struct dt_pbus_reg base;
	int node = dt_get_default_console_node();

	/* Without a usable stdout-path, the virt machine's PL011 stays. */
	if (node < 0)
		return;
	if (fdt_node_check_compatible(dt_fdt(), node, "arm,pl011"))
		return;
	if (dt_pbus_translate_node(node, 0, &base) == 0)
		pl011_set_base(ioremap(base.addr, base.size));
}

static void add_cpu(int fdtnode, u64 regval, void *info)
{
	(void)fdtnode;
	(void)info;
	if (nr_cpus >= NR_CPUS) {
		printf("kut: more than %d CPUs; the rest ignored\n", NR_CPUS);
		return;
	}
	cpumask_set_cpu(nr_cpus, &cpu_present_mask);
	cpus[nr_cpus++] = regval;
}

/* The virt machine's device windows, in the physical address map. */
static void add_io_regions(void)
{
	memregions_add(&(struct mem_region){ 0, 1ULL << 30, MR_F_IO });
#ifdef __aarch64__
	/* The high PCIe ECAM (256 GiB up) and MMIO window (512 GiB up). */
	memregions_add(&(struct mem_region){ 1ULL << 38, (1ULL << 38) + (1ULL << 29), MR_F_IO });
	memregions_add(&(struct mem_region){ 1ULL << 39, 1ULL << 40, MR_F_IO });
#endif
}

static void setup_memory(struct kut_boot_info *bi, uintptr_t reserved_end)
{
	uintptr_t img = (uintptr_t)__image_start;
	struct mem_region *r, *code, *rest;

	memregions_add_dt_regions(NR_INITIAL_MEM_REGIONS - 3);
	__phys_offset = ~(phys_addr_t)0;
	for (r = mem_regions; r->end; r++) {
		if (r->start < __phys_offset)
			__phys_offset = r->start;
		if (r->end > __phys_end)
			__phys_end = r->end;
		if (img < r->start || img >= r->end) {
			kut_boot_add_mem(bi, r->start, r->end);
			continue;
		}
		/* The image, then the device tree's copy, stay ours. */
		kut_boot_add_mem(bi, r->start, img);
		kut_boot_add_mem(bi, reserved_end, r->end);
	}
	/* The image's text is its own region, as upstream marks it. */
	memregions_split((uintptr_t)__text_end, &code, &rest);
	if (code)
		code->flags |= MR_F_CODE;
	add_io_regions();
#ifndef __aarch64__
	/* 3 GiB up is vmalloc's window (vm.c), as upstream's arm has it. */
	bi->mapped_limit = 3ULL << 30;
#endif
}

void kut_arm_setup(const void *boot_fdt)
{
	static struct kut_boot_info bi;
	const char *initrd;
	uintptr_t reserved_end;
	u32 initrd_size;
	int ret;

	mmu_boot_setup();
	/* Which CPU number we are is known once the device tree is read. */
	thread_info_init(current_thread_info(), 0);
	current_thread_info()->cpu = 0;
	current_thread_info()->pgtable = mmu_idmap;
	dt_boot_init(boot_fdt, &reserved_end);
	setup_console();
	ret = dt_for_each_cpu_node(add_cpu, NULL);
	if (ret < 0)
		dt_boot_fail("/cpus", ret);
	smp_boot_cpu_init();
	psci_set_conduit();
	timer_save_state();
	setup_memory(&bi, reserved_end);
	dt_get_bootargs(&bi.cmdline);
	if (dt_get_initrd(&initrd, &initrd_size) == 0) {
		bi.initrd = initrd;
		bi.initrd_size = initrd_size;
	}
	kut_start(&bi);
}
