// SPDX-License-Identifier: MIT
/*
 * irqchip.c - the PLIC, the APLIC (direct and MSI delivery) and the
 * IMSIC for S-mode (asm/irqchip.h), found and laid out from the device
 * tree.
 *
 * PLIC registers (the SiFive layout QEMU models): a priority word per
 * source from 0, pending bits from 0x1000, each context's enable bits
 * from 0x2000 (0x80 apart), each context's threshold and claim/complete
 * words from 0x200000 (0x1000 apart).  APLIC registers (RISC-V AIA):
 * domaincfg at 0, a sourcecfg word per source from 4, the set/clear
 * pending and enable registers with their by-number forms, a target
 * word per source from 0x3004, and from 0x4000 one 32-byte IDC per hart
 * index (idelivery, iforce, ithreshold, topi, claimi); in MSI mode a
 * target word holds the IMSIC's hart index and the ID to send instead.
 * IMSIC (RISC-V AIA): a 4 KiB page per interrupt file (more with guest
 * files), its first word seteipnum_le; the rest is behind the CSRs.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/csr.h>
#include <asm/io.h>
#include <asm/isa.h>
#include <asm/setup.h>

#include <asm/irqchip.h>
#include "riscv.h"

#define PLIC_PRIORITY		0x0
#define PLIC_PENDING		0x1000
#define PLIC_ENABLE		0x2000
#define PLIC_ENABLE_STRIDE	0x80
#define PLIC_CONTEXT		0x200000
#define PLIC_CONTEXT_STRIDE	0x1000
#define PLIC_THRESHOLD		0x0
#define PLIC_CLAIM		0x4

#define APLIC_DOMAINCFG		0x0
#define APLIC_DOMAINCFG_IE	(1U << 8)
#define APLIC_DOMAINCFG_DM	(1U << 2)
#define APLIC_SOURCECFG		0x4	/* sourcecfg[1] */
#define APLIC_SETIP		0x1c00
#define APLIC_SETIPNUM		0x1cdc
#define APLIC_SETIENUM		0x1edc
#define APLIC_CLRIENUM		0x1fdc
#define APLIC_TARGET		0x3004	/* target[1] */
#define APLIC_TARGET_HART_SHIFT	18
#define APLIC_TARGET_EIID_MASK	0x7ff
#define APLIC_IDC		0x4000
#define APLIC_IDC_STRIDE	32
#define APLIC_IDELIVERY		0x00
#define APLIC_ITHRESHOLD	0x08
#define APLIC_TOPI		0x18
#define APLIC_CLAIMI		0x1c

int plic_nr_irqs;
int aplic_nr_irqs;
int imsic_nr_ids;
static u8 *plic;
static u8 *aplic;
/* Each CPU's PLIC context, or APLIC IDC (hart index); -1: none. */
static int plic_ctx[NR_CPUS];
static int aplic_idc[NR_CPUS];
/* The IMSIC node, each CPU's hart index in it (-1: none) and file. */
static int imsic_node = -1;
static int imsic_index[NR_CPUS];
static phys_addr_t imsic_file[NR_CPUS];

/*
 * The entry of CPU @cpu for its local interrupt @irq in controller
 * @node's interrupts-extended (phandle, cause pairs): the context or
 * hart index that entry stands for; -1 if the CPU has none.
 */
static int intx_index(int node, int cpu, u32 irq)
{
	const void *fdt = dt_fdt();
	const fdt32_t *cells;
	int len, intc, i;
	u32 phandle;

	intc = fdt_subnode_offset(fdt, cpu_fdt_node(cpu), "interrupt-controller");
	phandle = intc < 0 ? 0 : fdt_get_phandle(fdt, intc);
	cells = fdt_getprop(fdt, node, "interrupts-extended", &len);
	if (!phandle || !cells)
		return -1;
	for (i = 0; i + 1 < len / 4; i += 2)
		if (fdt32_to_cpu(cells[i]) == phandle &&
		    fdt32_to_cpu(cells[i + 1]) == irq)
			return i / 2;
	return -1;
}

static u32 node_u32(int node, const char *name)
{
	const fdt32_t *val = fdt_getprop(dt_fdt(), node, name, NULL);

	return val ? fdt32_to_cpu(*val) : 0;
}

static u8 *map_node(int node, const char *what)
{
	struct dt_pbus_reg reg;
	int ret = dt_pbus_translate_node(node, 0, &reg);

	if (ret) {
		printf("kut: device tree: %s: no usable reg (%d)\n", what, ret);
		abort();
	}
	return ioremap(reg.addr, reg.size);
}

/* The first node compatible with one of @compat that serves S-mode. */
static int find_smode_node(const char *const *compat, int n)
{
	const void *fdt = dt_fdt();
	int i, node;

	for (i = 0; i < n; i++)
		for (node = fdt_node_offset_by_compatible(fdt, -1, compat[i]);
		     node >= 0;
		     node = fdt_node_offset_by_compatible(fdt, node, compat[i]))
			if (intx_index(node, 0, IRQ_S_EXT) >= 0)
				return node;
	return -1;
}

static void check_irq(int irq, int nr, const char *chip)
{
	assert_msg(irq > 0 && irq <= nr, "%s: no source %d (1 to %d)", chip, irq, nr);
}

static int cpu_slot(const int *slots, int cpu, const char *chip)
{
	assert_msg(cpu >= 0 && cpu < nr_cpus && slots[cpu] >= 0,
		   "%s: CPU %d has no S-mode context", chip, cpu);
	return slots[cpu];
}

bool plic_init(void)
{
	static const char *const compat[] = { "riscv,plic0", "sifive,plic-1.0.0" };
	int node, cpu;

	if (plic)
		return true;
	if (!dt_available() || (node = find_smode_node(compat, 2)) < 0)
		return false;
	for (cpu = 0; cpu < nr_cpus; cpu++)
		plic_ctx[cpu] = intx_index(node, cpu, IRQ_S_EXT);
	plic_nr_irqs = node_u32(node, "riscv,ndev");
	plic = map_node(node, "PLIC");
	return true;
}

static u8 *plic_context(int cpu)
{
	return plic + PLIC_CONTEXT + PLIC_CONTEXT_STRIDE * cpu_slot(plic_ctx, cpu, "PLIC");
}

void plic_set_priority(int irq, u32 prio)
{
	check_irq(irq, plic_nr_irqs, "PLIC");
	writel(prio, plic + PLIC_PRIORITY + 4 * irq);
}

u32 plic_get_priority(int irq)
{
	check_irq(irq, plic_nr_irqs, "PLIC");
	return readl(plic + PLIC_PRIORITY + 4 * irq);
}

bool plic_pending(int irq)
{
	check_irq(irq, plic_nr_irqs, "PLIC");
	return readl(plic + PLIC_PENDING + 4 * (irq / 32)) & (1U << (irq % 32));
}

static void plic_enable_bit(int irq, int cpu, bool on)
{
	u8 *word;
	u32 v;

	check_irq(irq, plic_nr_irqs, "PLIC");
	word = plic + PLIC_ENABLE + PLIC_ENABLE_STRIDE * cpu_slot(plic_ctx, cpu, "PLIC") +
	       4 * (irq / 32);
	v = readl(word);
	v = on ? v | 1U << (irq % 32) : v & ~(1U << (irq % 32));
	writel(v, word);
}

void plic_enable(int irq, int cpu)
{
	plic_enable_bit(irq, cpu, true);
}

void plic_disable(int irq, int cpu)
{
	plic_enable_bit(irq, cpu, false);
}

void plic_set_threshold(int cpu, u32 threshold)
{
	writel(threshold, plic_context(cpu) + PLIC_THRESHOLD);
}

u32 plic_claim(int cpu)
{
	return readl(plic_context(cpu) + PLIC_CLAIM);
}

void plic_complete(int cpu, u32 irq)
{
	writel(irq, plic_context(cpu) + PLIC_CLAIM);
}

bool aplic_init(void)
{
	static const char *const compat[] = { "riscv,aplic" };
	int node, cpu;
	u8 *base;

	if (aplic)
		return true;
	if (!dt_available() || (node = find_smode_node(compat, 1)) < 0)
		return false;
	base = map_node(node, "APLIC");
	/* DM is WARL: a domain that delivers by MSI only keeps it set. */
	writel(APLIC_DOMAINCFG_IE, base + APLIC_DOMAINCFG);
	if (readl(base + APLIC_DOMAINCFG) & APLIC_DOMAINCFG_DM)
		return false;
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		aplic_idc[cpu] = intx_index(node, cpu, IRQ_S_EXT);
		if (aplic_idc[cpu] < 0)
			continue;
		writel(0, base + APLIC_IDC + APLIC_IDC_STRIDE * aplic_idc[cpu] + APLIC_ITHRESHOLD);
		writel(1, base + APLIC_IDC + APLIC_IDC_STRIDE * aplic_idc[cpu] + APLIC_IDELIVERY);
	}
	aplic_nr_irqs = node_u32(node, "riscv,num-sources");
	aplic = base;
	return true;
}

static u8 *aplic_idc_regs(int cpu)
{
	return aplic + APLIC_IDC + APLIC_IDC_STRIDE * cpu_slot(aplic_idc, cpu, "APLIC");
}

void aplic_set_source_mode(int irq, u32 mode)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	writel(mode, aplic + APLIC_SOURCECFG + 4 * (irq - 1));
}

void aplic_set_target(int irq, int cpu, u32 prio)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	assert_msg(prio >= 1 && prio <= 255, "APLIC: priority %u, not 1 to 255", prio);
	writel((u32)cpu_slot(aplic_idc, cpu, "APLIC") << APLIC_TARGET_HART_SHIFT | prio,
	       aplic + APLIC_TARGET + 4 * (irq - 1));
}

void aplic_enable(int irq)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	writel(irq, aplic + APLIC_SETIENUM);
}

void aplic_disable(int irq)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	writel(irq, aplic + APLIC_CLRIENUM);
}

bool aplic_pending(int irq)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	return readl(aplic + APLIC_SETIP + 4 * (irq / 32)) & (1U << (irq % 32));
}

void aplic_set_threshold(int cpu, u32 threshold)
{
	writel(threshold, aplic_idc_regs(cpu) + APLIC_ITHRESHOLD);
}

u32 aplic_topi(int cpu)
{
	return readl(aplic_idc_regs(cpu) + APLIC_TOPI);
}

u32 aplic_claim(int cpu)
{
	return readl(aplic_idc_regs(cpu) + APLIC_CLAIMI);
}

/* ---- APLIC in MSI delivery mode */

bool aplic_msi_init(void)
{
	const void *fdt = dt_fdt();
	u32 phandle;
	int node, cpu;
	u8 *base;

	if (aplic)
		return true;
	if (imsic_node < 0 || !(phandle = fdt_get_phandle(fdt, imsic_node)))
		return false;
	for (node = fdt_node_offset_by_compatible(fdt, -1, "riscv,aplic");
	     node >= 0; node = fdt_node_offset_by_compatible(fdt, node, "riscv,aplic"))
		if (node_u32(node, "msi-parent") == phandle)
			break;
	if (node < 0)
		return false;
	base = map_node(node, "APLIC");
	/* DM is WARL: a domain that cannot send MSIs keeps it clear. */
	writel(APLIC_DOMAINCFG_IE | APLIC_DOMAINCFG_DM, base + APLIC_DOMAINCFG);
	if (!(readl(base + APLIC_DOMAINCFG) & APLIC_DOMAINCFG_DM))
		return false;
	for (cpu = 0; cpu < nr_cpus; cpu++)
		aplic_idc[cpu] = -1;
	aplic_nr_irqs = node_u32(node, "riscv,num-sources");
	aplic = base;
	return true;
}

static void check_id(u32 id)
{
	assert_msg(id > 0 && id <= (u32)imsic_nr_ids, "IMSIC: no ID %u (1 to %d)",
		   id, imsic_nr_ids);
}

void aplic_set_msi_target(int irq, int cpu, u32 id)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	check_id(id);
	writel((u32)cpu_slot(imsic_index, cpu, "IMSIC") << APLIC_TARGET_HART_SHIFT |
	       (id & APLIC_TARGET_EIID_MASK), aplic + APLIC_TARGET + 4 * (irq - 1));
}

void aplic_retrigger(int irq)
{
	check_irq(irq, aplic_nr_irqs, "APLIC");
	writel(irq, aplic + APLIC_SETIPNUM);
}

/* ---- IMSIC S-mode interrupt files */

/*
 * The physical address of interrupt file @index: files are numbered
 * through the node's reg regions in order, each region a run of pages of
 * 2^guest-index-bits files (the S-mode file first).
 */
static phys_addr_t imsic_file_address(int node, int index)
{
	u64 stride = 4096ULL << node_u32(node, "riscv,guest-index-bits");
	struct dt_pbus_reg reg;
	int r;

	for (r = 0; dt_pbus_translate_node(node, r, &reg) == 0; r++) {
		if ((u64)index < reg.size / stride)
			return reg.addr + index * stride;
		index -= reg.size / stride;
	}
	printf("kut: device tree: IMSIC: no reg region holds interrupt file %d\n",
	       index);
	abort();
}

bool imsic_init(void)
{
	static const char *const compat[] = { "riscv,imsics" };
	int node, cpu;

	if (imsic_node >= 0)
		return true;
	if (!dt_available() || (node = find_smode_node(compat, 1)) < 0 ||
	    !has_ext("ssaia"))
		return false;
	for (cpu = 0; cpu < nr_cpus; cpu++) {
		imsic_index[cpu] = intx_index(node, cpu, IRQ_S_EXT);
		imsic_file[cpu] = imsic_index[cpu] < 0 ? 0 :
				  imsic_file_address(node, imsic_index[cpu]);
	}
	imsic_nr_ids = node_u32(node, "riscv,num-ids");
	imsic_node = node;
	imsic_cpu_init();
	return true;
}

/* siselect then sireg, with interrupts off so no handler moves siselect. */
static unsigned long imsic_access(unsigned long reg, unsigned long set,
				  unsigned long clear)
{
	unsigned long sie = csr_read_clear(CSR_SSTATUS, SR_SIE) & SR_SIE;
	unsigned long old;

	csr_write(CSR_SISELECT, reg);
	old = csr_read(CSR_SIREG);
	if (set || clear)
		csr_write(CSR_SIREG, (old & ~clear) | set);
	csr_set(CSR_SSTATUS, sie);
	return old;
}

unsigned long imsic_csr_read(unsigned long reg)
{
	return imsic_access(reg, 0, 0);
}

void imsic_csr_write(unsigned long reg, unsigned long val)
{
	imsic_access(reg, val, ~0UL);
}

void imsic_csr_set(unsigned long reg, unsigned long bits)
{
	imsic_access(reg, bits, 0);
}

void imsic_csr_clear(unsigned long reg, unsigned long bits)
{
	imsic_access(reg, 0, bits);
}

/* With XLEN 64 the odd-numbered eip and eie registers do not exist. */
#define IMSIC_ID_REG(first, id)	((first) + (id) / __riscv_xlen * (__riscv_xlen / 32))
#define IMSIC_ID_BIT(id)	(1UL << ((id) % __riscv_xlen))

void imsic_cpu_init(void)
{
	u32 r;

	assert_msg(imsic_node >= 0, "IMSIC: imsic_init() first");
	imsic_csr_write(IMSIC_EIDELIVERY, 0);
	for (r = 0; r <= (u32)imsic_nr_ids; r += __riscv_xlen) {
		imsic_csr_write(IMSIC_ID_REG(IMSIC_EIE0, r), 0);
		imsic_csr_write(IMSIC_ID_REG(IMSIC_EIP0, r), 0);
	}
	imsic_csr_write(IMSIC_EITHRESHOLD, 0);
	imsic_csr_write(IMSIC_EIDELIVERY, 1);
}

void imsic_enable(u32 id)
{
	check_id(id);
	imsic_csr_set(IMSIC_ID_REG(IMSIC_EIE0, id), IMSIC_ID_BIT(id));
}

void imsic_disable(u32 id)
{
	check_id(id);
	imsic_csr_clear(IMSIC_ID_REG(IMSIC_EIE0, id), IMSIC_ID_BIT(id));
}

bool imsic_pending(u32 id)
{
	check_id(id);
	return imsic_csr_read(IMSIC_ID_REG(IMSIC_EIP0, id)) & IMSIC_ID_BIT(id);
}

void imsic_clear_pending(u32 id)
{
	check_id(id);
	imsic_csr_clear(IMSIC_ID_REG(IMSIC_EIP0, id), IMSIC_ID_BIT(id));
}

void imsic_set_threshold(u32 threshold)
{
	imsic_csr_write(IMSIC_EITHRESHOLD, threshold);
}

u32 imsic_top(void)
{
	return (csr_read(CSR_STOPEI) >> TOPEI_ID_SHIFT) & TOPEI_ID_MASK;
}

u32 imsic_claim(void)
{
	return (csr_swap(CSR_STOPEI, 0) >> TOPEI_ID_SHIFT) & TOPEI_ID_MASK;
}

phys_addr_t imsic_msi_address(int cpu)
{
	assert_msg(imsic_node >= 0, "IMSIC: imsic_init() first");
	cpu_slot(imsic_index, cpu, "IMSIC");
	return imsic_file[cpu];
}

void imsic_send(int cpu, u32 id)
{
	check_id(id);
	writel(id, ioremap(imsic_msi_address(cpu), 4));
}
