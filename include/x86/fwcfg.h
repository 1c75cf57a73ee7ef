/* SPDX-License-Identifier: MIT */
/*
 * x86/fwcfg.h - QEMU's firmware configuration device (fw_cfg), the
 * legacy I/O-port interface: select an item, read its bytes.
 *
 * Items are QEMU's (docs/specs/fw_cfg.rst in QEMU's sources); numbers are
 * little-endian.  On a machine without fw_cfg every read gives all ones.
 */
#ifndef _X86_FWCFG_H_
#define _X86_FWCFG_H_

#include <stdint.h>
#include <stdbool.h>

/* The selector port; the data port is the next one. */
#define BIOS_CFG_IOPORT		0x510

/* Item numbers. */
#define FW_CFG_SIGNATURE	0x00
#define FW_CFG_ID		0x01
#define FW_CFG_UUID		0x02
#define FW_CFG_RAM_SIZE		0x03
#define FW_CFG_NOGRAPHIC	0x04
#define FW_CFG_NB_CPUS		0x05
#define FW_CFG_MACHINE_ID	0x06
#define FW_CFG_KERNEL_ADDR	0x07
#define FW_CFG_KERNEL_SIZE	0x08
#define FW_CFG_KERNEL_CMDLINE	0x09
#define FW_CFG_INITRD_ADDR	0x0a
#define FW_CFG_INITRD_SIZE	0x0b
#define FW_CFG_BOOT_DEVICE	0x0c
#define FW_CFG_NUMA		0x0d
#define FW_CFG_BOOT_MENU	0x0e
#define FW_CFG_MAX_CPUS		0x0f
#define FW_CFG_MAX_ENTRY	0x10

/* Flag bits and arch-specific items of a selector. */
#define FW_CFG_WRITE_CHANNEL	0x4000
#define FW_CFG_ARCH_LOCAL	0x8000
#define FW_CFG_ENTRY_MASK	(~(FW_CFG_WRITE_CHANNEL | FW_CFG_ARCH_LOCAL))
#define FW_CFG_INVALID		0xffff
#define FW_CFG_ACPI_TABLES	(FW_CFG_ARCH_LOCAL + 0)
#define FW_CFG_SMBIOS_ENTRIES	(FW_CFG_ARCH_LOCAL + 1)
#define FW_CFG_IRQ0_OVERRIDE	(FW_CFG_ARCH_LOCAL + 2)

/* The first 1, 2, 4 or 8 bytes of item @index, as a little-endian number. */
uint8_t fwcfg_get_u8(unsigned index);
uint16_t fwcfg_get_u16(unsigned index);
uint32_t fwcfg_get_u32(unsigned index);
uint64_t fwcfg_get_u64(unsigned index);

/* The number of CPUs QEMU started (-smp N), from FW_CFG_NB_CPUS. */
unsigned fwcfg_get_nb_cpus(void);

/*
 * Whether the machine lacks QEMU's test devices (pc-testdev and friends):
 * set before main() when the environment says TEST_DEVICE=0, as for a
 * VMM other than QEMU.  kut-run always gives QEMU the devices.
 */
extern bool no_test_device;

static inline bool test_device_enabled(void)
{
	return !no_test_device;
}

#endif /* _X86_FWCFG_H_ */
