/* SPDX-License-Identifier: MIT */
/*
 * linux/pci_regs.h - PCI configuration space offsets and bits, under the
 * names Linux gives them, because tests written for upstream
 * kvm-unit-tests spell config-space accesses with these names
 * (pci_config_readw(bdf, PCI_COMMAND), PCI_BASE_ADDRESS_SPACE_IO, ...).
 *
 * Only conventional (256-byte) config space and the registers a test of
 * a virtual device needs are here; the values are the PCI Local Bus and
 * PCI-to-PCI Bridge specifications'.  docs/api/pci.md lists them by group.
 */
#ifndef _LINUX_PCI_REGS_H_
#define _LINUX_PCI_REGS_H_

/* The header every function has (offsets). */
#define PCI_VENDOR_ID		0x00	/* 16 bits; 0xffff: no function */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits */
#define PCI_STATUS		0x06	/* 16 bits */
#define PCI_CLASS_REVISION	0x08	/* 32 bits: class << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09	/* programming interface */
#define PCI_CLASS_DEVICE	0x0a	/* 16 bits: base class << 8 | subclass */
#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define PCI_BIST		0x0f

/* PCI_COMMAND bits. */
#define PCI_COMMAND_IO		0x0001	/* decode I/O space BARs */
#define PCI_COMMAND_MEMORY	0x0002	/* decode memory space BARs */
#define PCI_COMMAND_MASTER	0x0004	/* may start DMA */
#define PCI_COMMAND_SPECIAL	0x0008
#define PCI_COMMAND_INVALIDATE	0x0010
#define PCI_COMMAND_VGA_PALETTE	0x0020
#define PCI_COMMAND_PARITY	0x0040
#define PCI_COMMAND_WAIT	0x0080
#define PCI_COMMAND_SERR	0x0100
#define PCI_COMMAND_FAST_BACK	0x0200
#define PCI_COMMAND_INTX_DISABLE 0x0400

/* PCI_STATUS bits. */
#define PCI_STATUS_INTERRUPT	0x0008	/* INTx asserted */
#define PCI_STATUS_CAP_LIST	0x0010	/* PCI_CAPABILITY_LIST is valid */
#define PCI_STATUS_66MHZ	0x0020
#define PCI_STATUS_FAST_BACK	0x0080
#define PCI_STATUS_PARITY	0x0100
#define PCI_STATUS_SIG_TARGET_ABORT 0x0800
#define PCI_STATUS_REC_TARGET_ABORT 0x1000
#define PCI_STATUS_REC_MASTER_ABORT 0x2000
#define PCI_STATUS_SIG_SYSTEM_ERROR 0x4000
#define PCI_STATUS_DETECTED_PARITY 0x8000

/* PCI_HEADER_TYPE: the layout of the rest of the header. */
#define PCI_HEADER_TYPE_NORMAL	0
#define PCI_HEADER_TYPE_BRIDGE	1
#define PCI_HEADER_TYPE_CARDBUS	2
#define PCI_HEADER_TYPE_MFD	0x80	/* function 0 of a multi-function device */

/* Base address registers: six in a normal header, two in a bridge's. */
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_BASE_ADDRESS_1	0x14
#define PCI_BASE_ADDRESS_2	0x18
#define PCI_BASE_ADDRESS_3	0x1c
#define PCI_BASE_ADDRESS_4	0x20
#define PCI_BASE_ADDRESS_5	0x24
#define PCI_BASE_ADDRESS_SPACE		0x01	/* bit 0: which space */
#define PCI_BASE_ADDRESS_SPACE_IO	0x01
#define PCI_BASE_ADDRESS_SPACE_MEMORY	0x00
#define PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define PCI_BASE_ADDRESS_MEM_TYPE_32	0x00	/* anywhere below 4 GiB */
#define PCI_BASE_ADDRESS_MEM_TYPE_1M	0x02	/* below 1 MiB (obsolete) */
#define PCI_BASE_ADDRESS_MEM_TYPE_64	0x04	/* two registers, anywhere */
#define PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define PCI_BASE_ADDRESS_MEM_MASK	(~0x0fU)
#define PCI_BASE_ADDRESS_IO_MASK	(~0x03U)

/* The rest of a normal (type 0) header. */
#define PCI_CARDBUS_CIS		0x28
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_ROM_ADDRESS		0x30
#define PCI_ROM_ADDRESS_ENABLE	0x01
#define PCI_ROM_ADDRESS_MASK	(~0x7ffU)
#define PCI_CAPABILITY_LIST	0x34	/* offset of the first capability */
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d	/* 0: none, 1..4: INTA..INTD */
#define PCI_MIN_GNT		0x3e
#define PCI_MAX_LAT		0x3f

/* A PCI-to-PCI bridge's (type 1) header, after its two BARs. */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a	/* the highest bus number below */
#define PCI_SEC_LATENCY_TIMER	0x1b
#define PCI_IO_BASE		0x1c	/* bits 15:12 of the I/O window */
#define PCI_IO_LIMIT		0x1d
#define PCI_IO_RANGE_TYPE_MASK	0x0f
#define PCI_IO_RANGE_TYPE_16	0x00
#define PCI_IO_RANGE_TYPE_32	0x01
#define PCI_IO_RANGE_MASK	(~0x0fU)
#define PCI_SEC_STATUS		0x1e
#define PCI_MEMORY_BASE		0x20	/* bits 31:20 of the memory window */
#define PCI_MEMORY_LIMIT	0x22
#define PCI_MEMORY_RANGE_MASK	(~0x0fU)
#define PCI_PREF_MEMORY_BASE	0x24
#define PCI_PREF_MEMORY_LIMIT	0x26
#define PCI_PREF_RANGE_TYPE_MASK 0x0f
#define PCI_PREF_RANGE_TYPE_32	0x00
#define PCI_PREF_RANGE_TYPE_64	0x01
#define PCI_PREF_RANGE_MASK	(~0x0fU)
#define PCI_PREF_BASE_UPPER32	0x28
#define PCI_PREF_LIMIT_UPPER32	0x2c
#define PCI_IO_BASE_UPPER16	0x30
#define PCI_IO_LIMIT_UPPER16	0x32
#define PCI_ROM_ADDRESS1	0x38
#define PCI_BRIDGE_CONTROL	0x3e
#define PCI_BRIDGE_CTL_PARITY	0x01
#define PCI_BRIDGE_CTL_SERR	0x02
#define PCI_BRIDGE_CTL_ISA	0x04
#define PCI_BRIDGE_CTL_VGA	0x08
#define PCI_BRIDGE_CTL_MASTER_ABORT 0x20
#define PCI_BRIDGE_CTL_BUS_RESET 0x40

/* Capabilities: a list of (id, next) pairs from PCI_CAPABILITY_LIST. */
#define PCI_CAP_LIST_ID		0
#define PCI_CAP_LIST_NEXT	1
#define PCI_CAP_FLAGS		2
#define PCI_CAP_SIZEOF		4
#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_AGP		0x02
#define PCI_CAP_ID_VPD		0x03
#define PCI_CAP_ID_SLOTID	0x04
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_CHSWP	0x06
#define PCI_CAP_ID_PCIX		0x07
#define PCI_CAP_ID_HT		0x08
#define PCI_CAP_ID_VNDR		0x09
#define PCI_CAP_ID_DBG		0x0a
#define PCI_CAP_ID_CCRC		0x0b
#define PCI_CAP_ID_SHPC		0x0c
#define PCI_CAP_ID_SSVID	0x0d
#define PCI_CAP_ID_AGP3		0x0e
#define PCI_CAP_ID_SECDEV	0x0f
#define PCI_CAP_ID_EXP		0x10
#define PCI_CAP_ID_MSIX		0x11
#define PCI_CAP_ID_SATA		0x12
#define PCI_CAP_ID_AF		0x13
#define PCI_CAP_ID_EA		0x14
#define PCI_CAP_ID_MAX		PCI_CAP_ID_EA

/* The MSI capability, relative to its offset. */
#define PCI_MSI_FLAGS		0x02	/* 16 bits: message control */
#define PCI_MSI_FLAGS_ENABLE	0x0001
#define PCI_MSI_FLAGS_QMASK	0x000e	/* vectors the function asks for */
#define PCI_MSI_FLAGS_QSIZE	0x0070	/* vectors enabled */
#define PCI_MSI_FLAGS_64BIT	0x0080
#define PCI_MSI_FLAGS_MASKBIT	0x0100
#define PCI_MSI_ADDRESS_LO	0x04
#define PCI_MSI_ADDRESS_HI	0x08	/* 64-bit form only */
#define PCI_MSI_DATA_32		0x08
#define PCI_MSI_DATA_64		0x0c
#define PCI_MSI_MASK_32		0x0c
#define PCI_MSI_MASK_64		0x10

/* The MSI-X capability, relative to its offset. */
#define PCI_MSIX_FLAGS		0x02
#define PCI_MSIX_FLAGS_QSIZE	0x07ff	/* table size - 1 */
#define PCI_MSIX_FLAGS_MASKALL	0x4000
#define PCI_MSIX_FLAGS_ENABLE	0x8000
#define PCI_MSIX_TABLE		0x04	/* BAR indicator and offset */
#define PCI_MSIX_PBA		0x08
#define PCI_MSIX_TABLE_BIR	0x00000007
#define PCI_MSIX_TABLE_OFFSET	0xfffffff8
#define PCI_MSIX_ENTRY_SIZE	16

/*
 * Configuration space sizes, and PCI Express extended capabilities: from
 * 0x100 on, a 32-bit header per capability, ID [15:0], version [19:16],
 * next offset [31:20] (0: the last).
 */
#define PCI_CFG_SPACE_SIZE	256
#define PCI_CFG_SPACE_EXP_SIZE	4096
#define PCI_EXT_CAP_ID(header)		((header) & 0x0000ffff)
#define PCI_EXT_CAP_VER(header)		(((header) >> 16) & 0xf)
#define PCI_EXT_CAP_NEXT(header)	(((header) >> 20) & 0xffc)
#define PCI_EXT_CAP_ID_ERR	0x01	/* Advanced Error Reporting */
#define PCI_EXT_CAP_ID_VC	0x02	/* Virtual Channel */
#define PCI_EXT_CAP_ID_DSN	0x03	/* Device Serial Number */
#define PCI_EXT_CAP_ID_ARI	0x0e	/* Alternative Routing-ID */
#define PCI_EXT_CAP_ID_ATS	0x0f	/* Address Translation Services */
#define PCI_EXT_CAP_ID_SRIOV	0x10	/* Single Root I/O Virtualization */
#define PCI_EXT_CAP_ID_ACS	0x0d	/* Access Control Services */

#endif /* _LINUX_PCI_REGS_H_ */
