// SPDX-License-Identifier: MIT
/*
 * intel-iommu.c - VT-d DMA and interrupt remapping for tests
 * (x86/intel-iommu.h), after the VT-d specification's legacy (not
 * scalable) mode, the one QEMU's intel-iommu implements by default.
 *
 * All tables are single pages from the page allocator, identity mapped,
 * so their physical addresses are what the unit is given.  Entries are
 * built as 64-bit words with the specification's bit positions (no
 * bitfields: their layout is the compiler's).  After an entry the unit
 * may have cached changes, the queue invalidates the caches globally:
 * slower than a targeted invalidation, and always right.
 */
#include <libcflat.h>
#include <alloc_page.h>
#include <bitops.h>
#include <x86/intel-iommu.h>
#include <x86/atomic.h>

/* Root and context entries (16 bytes each; the high word of a root is 0). */
#define ENTRY_PRESENT		BIT_ULL(0)
#define CTX_FAULT_DISABLE	BIT_ULL(1)
#define CTX_TT_SHIFT		2
#define CTX_AW_39BIT		1ull		/* high word: 3-level tables */
#define CTX_DID_SHIFT		8		/* high word: the domain */
#define VTD_LEVELS		3

/* Interrupt remapping table entries (IRTE), in xAPIC mode. */
#define IRTE_FAULT_DISABLE	BIT_ULL(1)
#define IRTE_TRIGGER_SHIFT	4
#define IRTE_VECTOR_SHIFT	16
#define IRTE_DEST_SHIFT		40		/* the xAPIC ID: bits 47:40 */
#define IRTE_SVT_VERIFY_SID	(1ull << 18)	/* high word: requester = SID */
#define IRTA_SIZE_64K		0xf		/* 2^(15 + 1) entries */
#define IRT_ENTRIES		(1 << 16)

/* A remappable-format MSI address, and I/O APIC redirection entry. */
#define MSI_ADDR_BASE		0xfee00000u
#define MSI_ADDR_REMAP		BIT(4)
#define MSI_ADDR_HANDLE_15	BIT(2)
#define MSI_ADDR_HANDLE_SHIFT	5
#define IOAPIC_RTE_INDEX_15	BIT_ULL(11)
#define IOAPIC_RTE_TRIGGER_SHIFT 15
#define IOAPIC_RTE_REMAP	BIT_ULL(48)
#define IOAPIC_RTE_INDEX_SHIFT	49

/* Invalidation descriptors (128-bit; the queue is one page of them). */
#define INV_CONTEXT_GLOBAL	(0x1 | 1 << 4)
#define INV_IOTLB_GLOBAL	(0x2 | 1 << 4)
#define INV_IEC_GLOBAL		0x4
#define INV_WAIT_STATUS_WRITE	(0x5 | 1 << 5)
#define INV_WAIT_DATA_SHIFT	32
#define IQ_ENTRIES		(PAGE_SIZE / 16)
#define IQT_SHIFT		4

void *vtd_reg_base;

static u64 (*inv_queue)[2];
static unsigned int inv_tail;
static volatile u32 inv_done;
static u64 *irt;

static void *zeroed_page(void)
{
	void *p = alloc_page();

	if (!p) {
		printf("intel-iommu: no free page for a table\n");
		abort();
	}
	memset(p, 0, PAGE_SIZE);
	return p;
}

/*
 * Write one command bit to GCMD and wait until GSTS shows it.  The
 * enables already on are written again with it (GCMD has no memory of
 * them); the one-shot bits are not, or they would act again.
 */
static void vtd_command(u32 cmd)
{
	u32 keep = vtd_readl(DMAR_GSTS_REG) & ~VTD_GCMD_ONE_SHOT_BITS;

	assert(is_power_of_2(cmd));
	vtd_writel(DMAR_GCMD_REG, keep | cmd);
	while (!(vtd_readl(DMAR_GSTS_REG) & cmd))
		cpu_relax();
}

static void queue_descriptor(u64 lo, u64 hi)
{
	inv_queue[inv_tail][0] = lo;
	inv_queue[inv_tail][1] = hi;
	inv_tail = (inv_tail + 1) % IQ_ENTRIES;
}

/*
 * Invalidate the context cache, the IOTLB and the interrupt entry cache,
 * then wait for the unit to write the wait descriptor's status.
 */
static void vtd_invalidate_all(void)
{
	u32 token = inv_done + 1;

	queue_descriptor(INV_CONTEXT_GLOBAL, 0);
	queue_descriptor(INV_IOTLB_GLOBAL, 0);
	queue_descriptor(INV_IEC_GLOBAL, 0);
	queue_descriptor(INV_WAIT_STATUS_WRITE |
			 (u64)token << INV_WAIT_DATA_SHIFT,
			 virt_to_phys((void *)&inv_done));
	wmb();
	vtd_writeq(DMAR_IQT_REG, (u64)inv_tail << IQT_SHIFT);
	while (inv_done != token)
		cpu_relax();
}

static void vtd_print_info(u32 version)
{
	printf("VT-d version %u.%u, cap %#" PRIx64 ", ecap %#" PRIx64 "\n",
	       (version >> 4) & 0xf, version & 0xf, vtd_readq(DMAR_CAP_REG),
	       vtd_readq(DMAR_ECAP_REG));
}

void vtd_init(void)
{
	u32 version;

	vtd_reg_base = ioremap(Q35_HOST_BRIDGE_IOMMU_ADDR, PAGE_SIZE);
	version = vtd_readl(DMAR_VER_REG);
	if (version == 0 || version == ~0u) {
		printf("vtd_init: no VT-d unit at %#llx (version register %#x); "
		       "QEMU needs -M q35 -device intel-iommu\n",
		       Q35_HOST_BRIDGE_IOMMU_ADDR, version);
		abort();
	}
	vtd_print_info(version);

	inv_queue = zeroed_page();
	inv_tail = 0;
	vtd_writeq(DMAR_IQT_REG, 0);
	vtd_writeq(DMAR_IQA_REG, virt_to_phys(inv_queue));	/* one page */
	vtd_command(VTD_GCMD_QI);

	vtd_writeq(DMAR_RTADDR_REG, virt_to_phys(zeroed_page()));
	vtd_command(VTD_GCMD_ROOT);

	irt = alloc_pages(get_order(IRT_ENTRIES * 16 / PAGE_SIZE));
	if (!irt) {
		printf("vtd_init: no 1 MiB for the interrupt remapping table\n");
		abort();
	}
	memset(irt, 0, IRT_ENTRIES * 16);
	vtd_writeq(DMAR_IRTA_REG, virt_to_phys(irt) | IRTA_SIZE_64K);
	vtd_command(VTD_GCMD_IR_TABLE);

	vtd_invalidate_all();
	vtd_command(VTD_GCMD_DMAR);
	vtd_command(VTD_GCMD_IR);
}

/* The table @entry points to, a new zeroed one with @flags if absent. */
static u64 *next_table(u64 *entry, u64 present, u64 flags)
{
	if (!(*entry & present))
		*entry = virt_to_phys(zeroed_page()) | flags;
	return phys_to_virt(*entry & VTD_PTE_ADDR);
}

void vtd_map_range(uint16_t sid, iova_t iova, phys_addr_t pa, size_t size)
{
	u64 *root = phys_to_virt(vtd_readq(DMAR_RTADDR_REG) & PAGE_MASK);
	u64 *ctx, *pt;
	int level;

	assert(!(iova & (VTD_PAGE_SIZE - 1)) && !(pa & (VTD_PAGE_SIZE - 1)) &&
	       !(size & (VTD_PAGE_SIZE - 1)));
	assert(iova + size <= 1ull << 39);

	ctx = next_table(&root[2 * PCI_BDF_GET_BUS(sid)], ENTRY_PRESENT,
			 ENTRY_PRESENT);
	ctx += 2 * PCI_BDF_GET_DEVFN(sid);
	if (!(ctx[0] & ENTRY_PRESENT)) {
		/* The domain is numbered after the device, as upstream's. */
		ctx[1] = CTX_AW_39BIT | (u64)sid << CTX_DID_SHIFT;
		ctx[0] = virt_to_phys(zeroed_page()) | CTX_FAULT_DISABLE |
			 (u64)VTD_CONTEXT_TT_MULTI_LEVEL << CTX_TT_SHIFT |
			 ENTRY_PRESENT;
	}
	for (; size; size -= VTD_PAGE_SIZE, iova += VTD_PAGE_SIZE,
		     pa += VTD_PAGE_SIZE) {
		pt = phys_to_virt(ctx[0] & VTD_PTE_ADDR);
		for (level = VTD_LEVELS; level > 1; level--)
			pt = next_table(&pt[PGDIR_OFFSET(iova, level)],
					VTD_PTE_RW, VTD_PTE_RW);
		pt[PGDIR_OFFSET(iova, 1)] = pa | VTD_PTE_RW;
	}
	vtd_invalidate_all();
}

/* A new remapping entry for @dev's interrupt; returns its index. */
static unsigned int vtd_new_irte(struct pci_dev *dev, int vector,
				 int dest_id, trigger_mode_t trigger)
{
	static int last_index;
	int index = atomic_inc_fetch(&last_index);

	assert(index < IRT_ENTRIES);
	irt[2 * index + 1] = dev->bdf | IRTE_SVT_VERIFY_SID;
	irt[2 * index] = ENTRY_PRESENT | IRTE_FAULT_DISABLE |
			 (u64)trigger << IRTE_TRIGGER_SHIFT |
			 (u64)(vector & 0xff) << IRTE_VECTOR_SHIFT |
			 (u64)(dest_id & 0xff) << IRTE_DEST_SHIFT;
	vtd_invalidate_all();
	return index;
}

bool vtd_setup_msi(struct pci_dev *dev, int vector, int dest_id)
{
	unsigned int index = vtd_new_irte(dev, vector, dest_id, TRIGGER_EDGE);
	u32 addr = MSI_ADDR_BASE | MSI_ADDR_REMAP |
		   (index & 0x7fff) << MSI_ADDR_HANDLE_SHIFT |
		   (index & 0x8000 ? MSI_ADDR_HANDLE_15 : 0);

	printf("vtd_setup_msi: IRTE %u, MSI address %#x, data 0\n", index, addr);
	return pci_setup_msi(dev, addr, 0);
}

void vtd_setup_ioapic_irq(struct pci_dev *dev, int vector, int dest_id,
			  trigger_mode_t trigger)
{
	unsigned int index = vtd_new_irte(dev, vector, dest_id, trigger);
	u64 rte = (vector & 0xff) | (u64)trigger << IOAPIC_RTE_TRIGGER_SHIFT |
		  (index & 0x8000 ? IOAPIC_RTE_INDEX_15 : 0) | IOAPIC_RTE_REMAP |
		  (u64)(index & 0x7fff) << IOAPIC_RTE_INDEX_SHIFT;
	ioapic_redir_entry_t e;

	memcpy(&e, &rte, sizeof(e));
	ioapic_write_redir(pci_intx_line(dev), e);
}
