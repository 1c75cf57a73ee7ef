// SPDX-License-Identifier: MIT
/*
 * fwcfg.c - reading QEMU's fw_cfg items through its I/O ports
 * (x86/fwcfg.h).  A selector write and the data reads that follow must
 * not be split by another CPU's, so one lock covers each item read.
 */
#include <libcflat.h>
#include <asm/io.h>
#include <asm/spinlock.h>
#include <x86/fwcfg.h>

static struct spinlock fwcfg_lock;

bool no_test_device;

/* Run before main(), after the environment is set up (kut_start()). */
static void __attribute__((constructor)) read_test_device_env(void)
{
	const char *v = getenv("TEST_DEVICE");

	no_test_device = v && !atol(v);
}

static uint64_t fwcfg_get(unsigned index, int bytes)
{
	uint64_t v = 0;
	int i;

	spin_lock(&fwcfg_lock);
	outw(index, BIOS_CFG_IOPORT);
	for (i = 0; i < bytes; i++)
		v |= (uint64_t)inb(BIOS_CFG_IOPORT + 1) << (8 * i);
	spin_unlock(&fwcfg_lock);
	return v;
}

uint8_t fwcfg_get_u8(unsigned index)
{
	return fwcfg_get(index, 1);
}

uint16_t fwcfg_get_u16(unsigned index)
{
	return fwcfg_get(index, 2);
}

uint32_t fwcfg_get_u32(unsigned index)
{
	return fwcfg_get(index, 4);
}

uint64_t fwcfg_get_u64(unsigned index)
{
	return fwcfg_get(index, 8);
}

unsigned fwcfg_get_nb_cpus(void)
{
	return fwcfg_get_u16(FW_CFG_NB_CPUS);
}
