// SPDX-License-Identifier: MIT
/*
 * setup.c - pseries boot: from the device tree the boot ROM hands over to
 * kut_start() and main().
 *
 * Interrupts come first: little-endian guests ask the hypervisor to take
 * them in little-endian (H_SET_MODE), then the vectors go to real address
 * 0.  The device tree is then copied right after the image (../fdt/
 * dt-boot.c) and read for the console (the "hvterm1" vty), RTAS, the
 * CPUs (one per interrupt server number), the timebase, RAM, the command
 * line and the environment.  kut runs with the MMU off, identity mapped:
 * a pseries guest in real mode reaches RAM up to the Real Mode Area's
 * end only, so the allocators get that much (setup_vm() turns the radix
 * MMU on and gives them the rest).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/hcall.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/page.h>

#include "../boot.h"
#include "../fdt/dt-boot.h"
#include "powerpc.h"

uint64_t tb_hz;
phys_addr_t __physical_start, __physical_end;
unsigned __icache_bytes, __dcache_bytes;

bool host_is_tcg, host_is_kvm;
bool cpu_has_hv, cpu_has_power_mce, cpu_has_siar, cpu_has_heai;
bool cpu_has_radix, cpu_has_prefix, cpu_has_sc_lev, cpu_has_pause_short;

static int cpu_nodes[NR_CPUS];

int cpu_fdt_node(int cpu)
{
	return cpu >= 0 && cpu < nr_cpus ? cpu_nodes[cpu] : -1;
}

/* Interrupts in the image's byte order (big-endian is the default). */
static void set_interrupt_endian(void)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	unsigned long rc = hcall(H_SET_MODE, 1, H_SET_MODE_RESOURCE_LE, 0, 0);

	if (rc != H_SUCCESS) {
		/* No console yet: nothing can be said, and nothing works. */
		for (;;)
			;
	}
#endif
}

/*
 * Floating point usable, for code the compiler emits.  VMX and VSX stay
 * off, as upstream has them (tests read SRR1, MSR bits included, and a
 * test of the facilities turns them on): the compiler emits no vector
 * code (-mno-altivec -mno-vsx).
 */
void ppc_enable_facilities(void)
{
	mtmsr((mfmsr() | MSR_FP) & ~(MSR_VEC | MSR_VSX));
}

/*
 * The ISA level of each server processor we know by its PVR version
 * (0 for the rest, the 970s included): the feature flags follow from it.
 */
enum { ISA_2_07 = 207, ISA_3_0 = 300, ISA_3_1 = 310 };

static const struct {
	unsigned long pvr_version;
	int isa;
} pvr_isa[] = {
	{ PVR_VER_POWER8, ISA_2_07 },
	{ PVR_VER_POWER8E, ISA_2_07 },
	{ PVR_VER_POWER8NVL, ISA_2_07 },
	{ PVR_VER_POWER9, ISA_3_0 },
	{ PVR_VER_POWER10, ISA_3_1 },
};

static void cpu_features(void)
{
	unsigned long version = mfspr(SPR_PVR) & PVR_VERSION_MASK;
	int isa = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pvr_isa); i++) {
		if (pvr_isa[i].pvr_version == version)
			isa = pvr_isa[i].isa;
	}
	cpu_has_hv = mfmsr() & MSR_HV;
	cpu_has_power_mce = isa >= ISA_2_07;
	cpu_has_siar = isa >= ISA_2_07;
	/* HEIR is a hypervisor register: a guest has none. */
	cpu_has_heai = isa >= ISA_2_07 && cpu_has_hv;
	cpu_has_radix = isa >= ISA_3_0;
	cpu_has_prefix = isa >= ISA_3_1;
	cpu_has_sc_lev = isa >= ISA_3_1;
	cpu_has_pause_short = isa >= ISA_3_1;
	/* KVM adds a /hypervisor node; TCG does not. */
	host_is_kvm = fdt_subnode_offset(dt_fdt(), 0, "hypervisor") >= 0;
	host_is_tcg = !host_is_kvm;
}

static u32 cpu_prop(int node, const char *name, u32 dflt)
{
	const fdt32_t *v = fdt_getprop(dt_fdt(), node, name, NULL);

	return v ? fdt32_to_cpu(*v) : dflt;
}

/*
 * Each server number of each enabled cpu node is a CPU; the booted one
 * is CPU 0, the others follow in tree order.
 */
static void add_core(int node, u64 regval, void *data)
{
	const char *status = fdt_getprop(dt_fdt(), node, "status", NULL);
	unsigned long boot_server = *(unsigned long *)data;
	const fdt32_t *servers;
	int len, i, cpu;

	(void)regval;
	if (status && strcmp(status, "okay") && strcmp(status, "ok"))
		return;
	servers = fdt_getprop(dt_fdt(), node, "ibm,ppc-interrupt-server#s", &len);
	if (!servers)
		dt_boot_fail("ibm,ppc-interrupt-server#s", len);
	if (!tb_hz) {
		tb_hz = cpu_prop(node, "timebase-frequency", 0);
		__icache_bytes = cpu_prop(node, "i-cache-block-size", 128);
		__dcache_bytes = cpu_prop(node, "d-cache-block-size", 128);
	}
	for (i = 0; i < len / 4; i++) {
		unsigned long server = fdt32_to_cpu(servers[i]);

		if (server == boot_server) {
			cpu_nodes[0] = node;
			continue;
		}
		if (nr_cpus >= NR_CPUS) {
			printf("kut: more than %d CPUs; the rest ignored\n", NR_CPUS);
			return;
		}
		cpu = nr_cpus++;
		cpus[cpu].cpu = cpu;
		cpus[cpu].server_no = server;
		cpu_nodes[cpu] = node;
		cpumask_set_cpu(cpu, &cpu_present_mask);
	}
}

static void setup_cpus(void)
{
	/* QEMU's header names the CPU it booted (PIR reads 0 in a guest). */
	unsigned long boot_server = fdt_boot_cpuid_phys(dt_fdt());
	int ret;

	cpus[0].server_no = boot_server;
	cpu_nodes[0] = -1;
	ret = dt_for_each_cpu_node(add_core, &boot_server);
	if (ret < 0)
		dt_boot_fail("/cpus", ret);
	if (!tb_hz)
		dt_boot_fail("timebase-frequency", -FDT_ERR_NOTFOUND);
	nr_cpus_present = nr_cpus;
}

/*
 * The memory node at address 0 is the Real Mode Area, what an LPAR
 * reaches with the MMU off (PAPR; QEMU gives the rest of RAM nodes of its
 * own): the allocators get RAM below its end until setup_vm().
 */
static void setup_memory(struct kut_boot_info *bi, uintptr_t reserved_end)
{
	struct dt_pbus_reg regs[KUT_MAX_MEM_REGIONS];
	uintptr_t img = (uintptr_t)__image_start;
	struct mem_region *r, *code, *rest;
	int n, i;

	n = dt_boot_memory(bi, reserved_end, regs, KUT_MAX_MEM_REGIONS);
	for (i = 0; i < n; i++)
		if (regs[i].addr == 0)
			bi->mapped_limit = regs[i].size;
	if (!bi->mapped_limit)
		dt_boot_fail("memory node at 0 (the Real Mode Area)",
			     -FDT_ERR_NOTFOUND);
	memregions_add_dt_regions(NR_INITIAL_MEM_REGIONS - 1);
	for (r = mem_regions; r->end; r++) {
		if (img >= r->start && img < r->end) {
			__physical_start = r->start;
			__physical_end = r->end;
		}
	}
	/* The image's text is its own region, as upstream marks it. */
	memregions_split((uintptr_t)__text_end, &code, &rest);
	if (code)
		code->flags |= MR_F_CODE;
}

void kut_ppc_setup(const void *fdt)
{
	static struct kut_boot_info bi;
	uintptr_t reserved_end;

	set_interrupt_endian();
	exceptions_init();
	ppc_enable_facilities();
	dt_boot_init(fdt, &reserved_end);
	console_init();
	rtas_boot_init();
	cpu_features();
	setup_cpus();
	time_init();
	setup_memory(&bi, reserved_end);
	dt_boot_args(&bi);
	kut_start(&bi);
}
