// SPDX-License-Identifier: MIT
/*
 * setup.c - x86 boot (both modes): turn QEMU's PVH start_info into
 * kut_boot_info.
 *
 * The start_info layout is the Xen PVH ABI (struct hvm_start_info):
 * version 1 and later carry the E820 memory map; older loaders give none,
 * and we then read the RAM size from the CMOS, as the PC BIOS reports it.
 */
#include <libcflat.h>
#include <asm/io.h>
#include <asm/memory_areas.h>
#include <asm/page.h>

#include "../boot.h"
#include "x86.h"

#define HVM_START_MAGIC		0x336ec578
#define E820_RAM		1

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

void kut_x86_setup_idt(void);
void kut_x86_start(u32 start_info_paddr) __attribute__((noreturn));

/* The CMOS shutdown status byte, and the value QEMU's RTC leaves there on a wake from S3. */
#define CMOS_SHUTDOWN_STATUS	0x0f
#define CMOS_S3_RESUME		0xfe

static u8 cmos_read(u8 reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

/*
 * A wake from S3 resets the CPUs; firmware that supports S3 (SeaBIOS)
 * sees the shutdown status and jumps to the FACS waking vector in real
 * mode.  qboot, which kut-run boots kut's images with, has no S3
 * resume: it boots the image again, and writes the ACPI tables anew, so
 * the waking vector is gone.  The test would start over and suspend
 * again until its timeout; end it here, saying why.
 */
static void check_s3_wake(void)
{
	if (cmos_read(CMOS_SHUTDOWN_STATUS) != CMOS_S3_RESUME)
		return;
	outb(CMOS_SHUTDOWN_STATUS, 0x70);
	outb(0, 0x71);
	report_abort("woke from S3 into a new boot: this firmware does not "
		     "run the ACPI waking vector (kut-run's default for kut "
		     "images, qboot, has no S3 resume: boot with SeaBIOS, "
		     "-bios bios.bin)");
}

/* RAM from CMOS: 1 MiB..16 MiB in KiB at 0x30, above 16 MiB in 64 KiB at 0x34. */
static void mem_from_cmos(struct kut_boot_info *bi)
{
	u64 ext = (cmos_read(0x30) | (u64)cmos_read(0x31) << 8) << 10;
	u64 high = (cmos_read(0x34) | (u64)cmos_read(0x35) << 8) << 16;

	kut_boot_add_mem(bi, 0, 640 << 10);
	if (high)
		kut_boot_add_mem(bi, 1 << 20, (16 << 20) + high);
	else
		kut_boot_add_mem(bi, 1 << 20, (1 << 20) + ext);
}

static void parse_start_info(struct kut_boot_info *bi,
			     const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *mm;
	const struct hvm_modlist_entry *mod;
	u32 i;

	kut_x86_rsdp_paddr = si->rsdp_paddr;
	if (si->cmdline_paddr)
		bi->cmdline = (const char *)(unsigned long)si->cmdline_paddr;
	if (si->nr_modules && si->modlist_paddr) {
		mod = (const void *)(unsigned long)si->modlist_paddr;
		bi->initrd = (const char *)(unsigned long)mod->paddr;
		bi->initrd_size = mod->size;
	}
	if (si->version < 1 || !si->memmap_paddr || !si->memmap_entries) {
		mem_from_cmos(bi);
		return;
	}
	mm = (const void *)(unsigned long)si->memmap_paddr;
	for (i = 0; i < si->memmap_entries; i++)
		if (mm[i].type == E820_RAM)
			kut_boot_add_mem(bi, mm[i].addr, mm[i].addr + mm[i].size);
}

void kut_x86_start(u32 start_info_paddr)
{
	static struct kut_boot_info bi;
	const struct hvm_start_info *si = (const void *)(unsigned long)start_info_paddr;

	kut_x86_setup_idt();
	check_s3_wake();
	bi.mapped_limit = X86_BOOT_MAPPED;
	/* asm/memory_areas.h's areas, by increasing base */
	bi.nr_areas = 4;
	bi.areas[0].base = AREA_LOWEST_PFN << PAGE_SHIFT;
	bi.areas[0].number = AREA_LOWEST_NUMBER;
	bi.areas[1].base = AREA_LOW_PFN << PAGE_SHIFT;
	bi.areas[1].number = AREA_LOW_NUMBER;
	bi.areas[2].base = AREA_HIGH_PFN << PAGE_SHIFT;
	bi.areas[2].number = AREA_HIGH_NUMBER;
	bi.areas[3].base = AREA_NORMAL_PFN << PAGE_SHIFT;
	bi.areas[3].number = AREA_NORMAL_NUMBER;
	for (int i = 0; i < bi.nr_areas; i++)
		bi.areas[i].count = AREA_GROUP_SIZE;
	if (si && si->magic == HVM_START_MAGIC)
		parse_start_info(&bi, si);
	else
		mem_from_cmos(&bi);
	kut_start(&bi);
}
