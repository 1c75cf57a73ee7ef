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

struct thread_info cpus[NR_CPUS];
int nr_cpus;
uintptr_t riscv_ram_start;
static int cpu_nodes[NR_CPUS];

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

static void setup_memory(struct kut_boot_info *bi, uintptr_t reserved_end)
{
	struct dt_pbus_reg regs[KUT_MAX_MEM_REGIONS];
	int n, i;

	n = dt_boot_memory(bi, reserved_end, regs, KUT_MAX_MEM_REGIONS);
	riscv_ram_start = regs[0].addr;
	for (i = 1; i < n; i++)
		riscv_ram_start = MIN(riscv_ram_start, regs[i].addr);
}

void kut_riscv_setup(unsigned long hartid, const void *boot_fdt)
{
	static struct kut_boot_info bi;
	uintptr_t reserved_end;

	mmu_boot_setup();
	dt_boot_init(boot_fdt, &reserved_end);
	setup_console();
	setup_cpus(hartid);
	timer_get_frequency();
	timer_hart_init();
	setup_memory(&bi, reserved_end);
	dt_boot_args(&bi);
	kut_start(&bi);
}
