/* SPDX-License-Identifier: MIT */
/*
 * x86/acpi.h - the ACPI tables the firmware leaves in guest memory, under
 * upstream kvm-unit-tests' names.
 *
 * Why: tests reach the machine's fixed hardware through ACPI, as an OS
 * does: the PM timer and PM1 control ports from the FADT (sleep states,
 * timing), the FACS waking vector (S3 resume), the local and I/O APICs
 * from the MADT.  find_acpi_table_addr() returns a table where the
 * firmware left it, read in place: a test may read it and, at its own
 * risk, write it.  kut's start-up finds the CPUs through the same code.
 *
 * Where the RSDP is: where the PVH start_info says (QEMU passes it),
 * else, as on a PC, on a 16-byte boundary in the first KiB of the EBDA or
 * in 0xe0000-0xfffff.  Below it, the XSDT (64-bit entries) is preferred
 * to the RSDT (32-bit entries) when the RSDP is of revision 2 or later.
 * A table is believed only when its checksum is right (the FACS, which
 * has none, when its signature is); tables are looked for below 4 GiB,
 * which kut always maps.
 *
 * Layouts are the ACPI specification's, byte-packed; field names are
 * upstream's (several are older ACPI names: "model" is reserved since
 * ACPI 2.0).  Upstream renamed its structures over time; the older names
 * at the end of this file stay usable.
 */
#ifndef _X86_ACPI_H_
#define _X86_ACPI_H_

#include <libcflat.h>

/* A table signature as the u32 its four bytes make, little-endian. */
#define ACPI_SIGNATURE(c1, c2, c3, c4) \
	((c1) | ((c2) << 8) | ((c3) << 16) | ((c4) << 24))

/*
 * Signatures find_acpi_table_addr() knows.  RSDP_SIGNATURE names the
 * RSDP itself (its real signature is the 8 bytes "RSD PTR "); FACS is
 * not listed in the RSDT/XSDT but found through the FADT.
 */
#define RSDP_SIGNATURE	ACPI_SIGNATURE('R', 'S', 'D', 'P')
#define RSDT_SIGNATURE	ACPI_SIGNATURE('R', 'S', 'D', 'T')
#define XSDT_SIGNATURE	ACPI_SIGNATURE('X', 'S', 'D', 'T')
#define FACP_SIGNATURE	ACPI_SIGNATURE('F', 'A', 'C', 'P')
#define FACS_SIGNATURE	ACPI_SIGNATURE('F', 'A', 'C', 'S')
#define MADT_SIGNATURE	ACPI_SIGNATURE('A', 'P', 'I', 'C')

/* An 8-byte signature as a u64; the RSDP's is "RSD PTR ". */
#define ACPI_SIGNATURE_8BYTE(c1, c2, c3, c4, c5, c6, c7, c8) \
	((u64)ACPI_SIGNATURE(c1, c2, c3, c4) | \
	 ((u64)ACPI_SIGNATURE(c5, c6, c7, c8) << 32))
#define RSDP_SIGNATURE_8BYTE \
	ACPI_SIGNATURE_8BYTE('R', 'S', 'D', ' ', 'P', 'T', 'R', ' ')

/* The Root System Description Pointer; 20 bytes up to revision 1. */
struct acpi_table_rsdp {
	u64 signature;			/* RSDP_SIGNATURE_8BYTE */
	u8 checksum;			/* of the first 20 bytes */
	u8 oem_id[6];
	u8 revision;			/* 0: ACPI 1.0; 2: 2.0 and later */
	u32 rsdt_physical_address;
	u32 length;			/* revision 2 on: of the whole RSDP */
	u64 xsdt_physical_address;
	u8 extended_checksum;		/* of all @length bytes */
	u8 reserved[3];
} __attribute__((packed));

/*
 * The 36-byte header every table but the RSDP and the FACS starts with,
 * as a list of members to put first in a table's structure.
 */
#define ACPI_TABLE_HEADER_DEF						\
	u32 signature;							\
	u32 length;		/* of the whole table, header included */ \
	u8 revision;							\
	u8 checksum;		/* the table's bytes sum to 0 */	\
	u8 oem_id[6];							\
	u8 oem_table_id[8];						\
	u32 oem_revision;						\
	u8 asl_compiler_id[4];						\
	u32 asl_compiler_revision;

/* Any table: the header, then @length - 36 bytes of its own. */
struct acpi_table {
	ACPI_TABLE_HEADER_DEF
	char data[];
} __attribute__((packed));

/* The RSDT and XSDT: the physical addresses of the other tables. */
struct acpi_table_rsdt_rev1 {
	ACPI_TABLE_HEADER_DEF
	u32 table_offset_entry[];
} __attribute__((packed));

struct acpi_table_xsdt {
	ACPI_TABLE_HEADER_DEF
	u64 table_offset_entry[];
} __attribute__((packed));

/* A register in some address space (space_id 0: memory, 1: I/O ports). */
struct acpi_generic_address {
	u8 space_id;
	u8 bit_width;
	u8 bit_offset;
	u8 access_width;
	u64 address;
} __attribute__((packed));

/*
 * The FADT ("FACP"): where the fixed hardware's registers are.  An ACPI
 * 1.0 FADT ends after @century (116 bytes long, the last three bytes
 * reserved): read the fields after it only when header.length covers
 * them.  The *_blk fields are I/O ports, *_len their widths in bytes.
 */
struct acpi_table_fadt {
	ACPI_TABLE_HEADER_DEF
	u32 firmware_ctrl;		/* the FACS */
	u32 dsdt;
	u8 model;
	u8 reserved1;			/* ACPI 2.0 on: preferred PM profile */
	u16 sci_int;
	u32 smi_cmd;
	u8 acpi_enable;
	u8 acpi_disable;
	u8 S4bios_req;
	u8 reserved2;			/* ACPI 2.0 on: P-state control */
	u32 pm1a_evt_blk;
	u32 pm1b_evt_blk;
	u32 pm1a_cnt_blk;		/* SLP_TYP and SLP_EN: sleep states */
	u32 pm1b_cnt_blk;
	u32 pm2_cnt_blk;
	u32 pm_tmr_blk;			/* the 3.579545 MHz PM timer */
	u32 gpe0_blk;
	u32 gpe1_blk;
	u8 pm1_evt_len;
	u8 pm1_cnt_len;
	u8 pm2_cnt_len;
	u8 pm_tmr_len;
	u8 gpe0_blk_len;
	u8 gpe1_blk_len;
	u8 gpe1_base;
	u8 reserved3;			/* ACPI 2.0 on: _CST support */
	u16 plvl2_lat;
	u16 plvl3_lat;
	u16 flush_size;
	u16 flush_stride;
	u8 duty_offset;
	u8 duty_width;
	u8 day_alrm;			/* RTC CMOS indices */
	u8 mon_alrm;
	u8 century;
	/* ACPI 2.0 and later: */
	u16 boot_flags;			/* IA-PC boot architecture flags */
	u8 reserved;
	u32 flags;
	struct acpi_generic_address reset_register;
	u8 reset_value;
	u16 arm_boot_flags;
	u8 minor_revision;
	u64 Xfacs;			/* 64-bit firmware_ctrl */
	u64 Xdsdt;
	struct acpi_generic_address xpm1a_event_block;
	struct acpi_generic_address xpm1b_event_block;
	struct acpi_generic_address xpm1a_control_block;
	struct acpi_generic_address xpm1b_control_block;
	struct acpi_generic_address xpm2_control_block;
	struct acpi_generic_address xpm_timer_block;
	struct acpi_generic_address xgpe0_block;
	struct acpi_generic_address xgpe1_block;
	struct acpi_generic_address sleep_control;
	struct acpi_generic_address sleep_status;
	u64 hypervisor_id;
} __attribute__((packed));

/*
 * The FACS: no checksum and no common header.  The OS writes the real
 * mode address to resume at after S3 into @firmware_waking_vector.
 */
struct acpi_table_facs_rev1 {
	u32 signature;			/* FACS_SIGNATURE */
	u32 length;			/* 64 or more */
	u32 hardware_signature;
	u32 firmware_waking_vector;
	u32 global_lock;
	u32 S4bios_f : 1;
	u32 reserved1 : 31;
	u8 reserved3[40];
} __attribute__((packed));

/* The MADT ("APIC"): the interrupt controllers, as subtables after it. */
struct acpi_table_madt {
	ACPI_TABLE_HEADER_DEF
	u32 address;			/* the local APIC's physical address */
	u32 flags;			/* bit 0: 8259 PICs present too */
} __attribute__((packed));

/* What every MADT subtable starts with; @length includes it. */
struct acpi_subtable_header {
	u8 type;
	u8 length;
} __attribute__((packed));

/* MADT subtable types (those of x86 machines). */
enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_NMI_SOURCE = 3,
	ACPI_MADT_TYPE_LOCAL_APIC_NMI = 4,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
	ACPI_MADT_TYPE_IO_SAPIC = 6,
	ACPI_MADT_TYPE_LOCAL_SAPIC = 7,
	ACPI_MADT_TYPE_INTERRUPT_SOURCE = 8,
	ACPI_MADT_TYPE_LOCAL_X2APIC = 9,
	ACPI_MADT_TYPE_LOCAL_X2APIC_NMI = 10,
};

/* Flags bit of a local APIC or x2APIC subtable: the CPU may be used. */
#define ACPI_MADT_ENABLED	1

/* Type 0: a CPU with an 8-bit APIC ID. */
struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;		/* the ACPI processor UID */
	u8 id;				/* its APIC ID */
	u32 lapic_flags;		/* ACPI_MADT_ENABLED */
} __attribute__((packed));

/* Type 1: an I/O APIC, and the first GSI its pins deliver. */
struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __attribute__((packed));

/* Type 2: ISA IRQ @source_irq arrives as GSI @global_irq. */
struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;				/* 0: ISA */
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags;			/* polarity, trigger mode */
} __attribute__((packed));

/* Type 9: a CPU with a 32-bit x2APIC ID. */
struct acpi_madt_local_x2apic {
	struct acpi_subtable_header header;
	u16 reserved;
	u32 local_apic_id;
	u32 lapic_flags;		/* ACPI_MADT_ENABLED */
	u32 uid;
} __attribute__((packed));

/* Called for a MADT subtable; a non-zero return stops the walk. */
typedef int (*acpi_table_handler)(struct acpi_subtable_header *header);

/*
 * The table with signature @sig (RSDP_SIGNATURE, FACP_SIGNATURE, ...),
 * where the firmware put it; NULL when there is none or its checksum is
 * wrong (e.g. with -machine acpi=off).  Cast it to the structure of that
 * table.
 */
void *find_acpi_table_addr(u32 sig);

/*
 * Call @handler with each MADT subtable of type @mtype, in table order,
 * until it returns non-zero.  Returns how many it was called with, or -1
 * when there is no MADT.
 */
int acpi_table_parse_madt(enum acpi_madt_type mtype, acpi_table_handler handler);

/* Upstream's older names of the structures above. */
#define rsdp_descriptor		acpi_table_rsdp
#define rsdt_descriptor_rev1	acpi_table_rsdt_rev1
#define fadt_descriptor_rev1	acpi_table_fadt
#define acpi_table_fadt_rev1	acpi_table_fadt
#define facs_descriptor_rev1	acpi_table_facs_rev1

#endif /* _X86_ACPI_H_ */
