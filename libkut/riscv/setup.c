// SPDX-License-Identifier: MIT
/*
 * setup.c - riscv64 boot: from the device tree OpenSBI hands over to
 * kut_start() and main().
 *
 * Translation goes on first (the boot identity map, mmu.c), so the image's
 * text is read-only from the start.  The device tree is then copied right
 * after the image (../fdt/dt-boot.c), where the page allocator will not
 * hand it out (QEMU leaves it near the top of RAM), and read for the
 * console, the harts, the timer frequency, RAM, the command line and the
 * initrd.  RAM the device tree reserves (/reserved-memory, which OpenSBI adds for itself,
 * and the /memreserve/ map) is never given to the allocator.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include <asm/io.h>
#include <asm/page.h>

#include "../boot.h"
#include "riscv.h"
#include "../fdt/dt-boot.h"

#define MAX_RESERVED	16

struct thread_info cpus[NR_CPUS];
int nr_cpus;
uintptr_t riscv_ram_start;
static int cpu_nodes[NR_CPUS];

struct range {
	u64 start, end;
};

int hartid_to_cpu(unsigned long hartid)
{
	int cpu;

	for (cpu = 0; cpu < nr_cpus; cpu++)
		if (cpus[cpu].hartid == hartid)
			return cpu;
	return -1;
}

int cpu_fdt_node(int cpu)
{
	return cpu >= 0 && cpu < nr_cpus ? cpu_nodes[cpu] : -1;
}

static void setup_console(void)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg base;
	int node = dt_get_default_console_node();

	/* Without a usable stdout-path, the virt machine's UART stays. */
	if (node < 0)
		return;
	if (fdt_node_check_compatible(fdt, node, "ns16550a") &&
	    fdt_node_check_compatible(fdt, node, "ns16550"))
		return;
	if (dt_pbus_translate_node(node, 0, &base) == 0)
		uart_set_base(ioremap(base.addr, base.size));
}

static bool node_enabled(int node)
{
	const char *status = fdt_getprop(dt_fdt(), node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* The boot hart is CPU 0 (head.S); the others follow in tree order. */
static void add_cpu(int node, u64 hartid, void *boot_hartid)
{
	int cpu;

	if (!node_enabled(node))
		return;
	if (hartid == *(unsigned long *)boot_hartid) {
		cpu_nodes[0] = node;
		return;
	}
	if (nr_cpus >= NR_CPUS) {
		printf("kut: more than %d CPUs; the rest ignored\n", NR_CPUS);
		return;
	}
	cpu = nr_cpus++;
	cpus[cpu].cpu = cpu;
	cpus[cpu].hartid = hartid;
	cpu_nodes[cpu] = node;
	set_cpu_present(cpu, true);
}

static void setup_cpus(unsigned long hartid)
{
	int ret;

	cpus[0].cpu = 0;
	cpus[0].hartid = hartid;
	cpu_nodes[0] = -1;
	nr_cpus = 1;
	ret = dt_for_each_cpu_node(add_cpu, &hartid);
	if (ret < 0)
		dt_boot_fail("/cpus", ret);
	if (cpu_nodes[0] < 0)
		printf("kut: the boot hart %lu has no node in /cpus\n", hartid);
	set_cpu_present(0, true);
	set_cpu_online(0, true);
}

/* The RAM the device tree keeps for firmware: its "reg"s and memreserves. */
static int reserved_ranges(struct range *r, int max)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg reg;
	int n = 0, i, node, parent;
	u64 addr, size;

	for (i = 0; i < fdt_num_mem_rsv(fdt) && n < max; i++) {
		if (fdt_get_mem_rsv(fdt, i, &addr, &size) == 0 && size)
			r[n++] = (struct range){ addr, addr + size };
	}
	parent = fdt_path_offset(fdt, "/reserved-memory");
	if (parent < 0)
		return n;
	fdt_for_each_subnode(node, fdt, parent) {
		for (i = 0; n < max && dt_pbus_translate_node(node, i, &reg) == 0; i++)
			r[n++] = (struct range){ reg.addr, reg.addr + reg.size };
	}
	return n;
}

/* Add [start, end) but the reserved ranges @r[0 .. n) to the RAM list. */
static void add_ram(struct kut_boot_info *bi, u64 start, u64 end,
		    const struct range *r, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (r[i].end <= start || r[i].start >= end)
			continue;
		add_ram(bi, start, r[i].start, r + i + 1, n - i - 1);
		add_ram(bi, r[i].end, end, r + i + 1, n - i - 1);
		return;
	}
	if (start < end && kut_boot_add_mem(bi, start, end) < 0)
		printf("kut: too many RAM regions; [%#llx, %#llx) ignored\n",
		       (unsigned long long)start, (unsigned long long)end);
}

static void setup_memory(struct kut_boot_info *bi, uintptr_t reserved_end)
{
	struct dt_pbus_reg regs[KUT_MAX_MEM_REGIONS];
	struct range resv[MAX_RESERVED];
	int n, nr_resv, i;

	n = dt_get_memory_params(regs, KUT_MAX_MEM_REGIONS);
	if (n < 0)
		dt_boot_fail("memory nodes", n);
	if (n == 0)
		dt_boot_fail("memory nodes", -FDT_ERR_NOTFOUND);
	/* The image, then the device tree's copy, stay ours. */
	resv[0] = (struct range){ (uintptr_t)__image_start, reserved_end };
	nr_resv = 1 + reserved_ranges(resv + 1, MAX_RESERVED - 1);
	riscv_ram_start = regs[0].addr;
	for (i = 0; i < n; i++) {
		riscv_ram_start = MIN(riscv_ram_start, regs[i].addr);
		add_ram(bi, regs[i].addr, regs[i].addr + regs[i].size, resv, nr_resv);
	}
}

void kut_riscv_setup(unsigned long hartid, const void *boot_fdt)
{
	static struct kut_boot_info bi;
	uintptr_t reserved_end;
	const char *initrd;
	u32 initrd_size;

	mmu_boot_setup();
	dt_boot_init(boot_fdt, &reserved_end);
	setup_console();
	setup_cpus(hartid);
	timer_get_frequency();
	timer_hart_init();
	setup_memory(&bi, reserved_end);
	dt_get_bootargs(&bi.cmdline);
	if (dt_get_initrd(&initrd, &initrd_size) == 0) {
		bi.initrd = initrd;
		bi.initrd_size = initrd_size;
	}
	kut_start(&bi);
}
