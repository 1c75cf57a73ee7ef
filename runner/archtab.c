// SPDX-License-Identifier: MIT
/*
 * archtab.c - the per-arch table of facts kut-run runs images with.
 *
 * x86 facts: PVH boot through QEMU's -kernel with the small qboot firmware
 * starts a guest in tens of milliseconds where SeaBIOS takes seconds.  No
 * -cpu is given: on some nested KVM hosts (KVM over PVM, on AMD EPYC)
 * "-cpu host" and "-cpu max" make QEMU abort setting MSR 0x10a, while the
 * default model runs everywhere (QEMU then warns about unsupported
 * features, harmlessly).
 * Both x86 rows run on qemu-system-x86_64: upstream kvm-unit-tests' x86_64
 * images are ELF32 i386 files with a multiboot header, too.
 * qboot is for kut's own images (those with kut's note), which use nothing
 * of the firmware.  Upstream's images get QEMU's default, SeaBIOS, which
 * upstream's runner always gives them and some of them rely on: realmode
 * (loaded at 0x8000, below 1 MiB, where qboot keeps its data), s3 (the
 * ACPI S3 resume through the firmware's waking vector) and intel_iommu
 * (q35's PCI resources assigned by the firmware).
 */
#include <stdio.h>
#include <string.h>

#include "kut_abi.h"
#include "archtab.h"
/* QEMU_<arch>, QEMU_PACKAGE_<arch>: from mk/arch/<arch>.mk (mk/host.mk). */
#include "arch-qemu.h"

#define STR(x)	#x
#define XSTR(x)	STR(x)

/* An arch's QEMU and package, as its mk/arch/<arch>.mk names them. */
#define QEMU_OF(arch)	.qemu = QEMU_##arch, .qemu_package = QEMU_PACKAGE_##arch

static const char *const x86_fixed_args[] = {
	"-display", "none", "-no-reboot", NULL
};

static const char *const x86_devices[] = {
	"-device", "pc-testdev",
	"-device", "isa-debug-exit,iobase=" XSTR(KUT_X86_DEBUG_EXIT_PORT)
		   ",iosize=0x4",
	NULL
};

/* microvm (MACHINE=microvm, the fastest boot) has no PCI bus. */
static const char *const x86_pci_devices[] = {
	"-device", "pci-testdev",
	NULL
};

static const char *const x86_no_pci_machines[] = { "microvm", NULL };

static const char *const stdio_serial[] = { "-serial", "stdio", NULL };

static const char *const x86_kvm_hosts[] = { "x86_64", NULL };
static const char *const x86_64_unames[] = { "x86_64", NULL };
static const char *const i386_unames[] = { "i686", "i386", NULL };
/*
 * Upstream's runner runs i386 images on qemu-system-i386 (default CPU
 * qemu32), and some of its tests' verdicts depend on it; kut's own i386
 * tests are written for qemu-system-x86_64's qemu64.
 */
static const char *const x86_64_qemu_also[] = { NULL };
static const char *const i386_qemu_also[] = { "qemu-system-i386", NULL };
#define UPSTREAM_QEMU_x86_64	NULL
#define UPSTREAM_QEMU_i386	"qemu-system-i386"

#define X86_ROW(arch_name, paging32) {					\
	.name = #arch_name,						\
	.unames = arch_name##_unames,					\
	QEMU_OF(arch_name),						\
	.qemu_also = arch_name##_qemu_also,				\
	.upstream_qemu = UPSTREAM_QEMU_##arch_name,			\
	.machine = "pc",						\
	.firmware = "qboot.rom",					\
	.firmware_kut_only = true,					\
	.fixed_args = x86_fixed_args,					\
	.devices = x86_devices,						\
	.pci_devices = x86_pci_devices,					\
	.no_pci_machines = x86_no_pci_machines,				\
	.serial = stdio_serial,						\
	.kvm_hosts = x86_kvm_hosts,					\
	.kvm_paging32 = paging32,					\
	.boot = IMAGE_BOOT_PVH | IMAGE_BOOT_MULTIBOOT,			\
	.boot_desc = "an ELF with a Xen PVH note, or an ELF32 with a "	\
		     "multiboot header",				\
	.decode = LAUNCH_DECODE_TESTDEV,				\
	.gdb_arch = "i386:x86-64",					\
}

/*
 * arm facts: the virt machine; the image is a Linux-style kernel (arm64
 * Image / raw zImage) that gets the device tree, or a headerless raw
 * image (upstream's .flat), which QEMU loads at its fixed kernel offset
 * in RAM and enters with the device tree's address in x0/r2 all the same.
 * An ELF is booted as its raw image (QEMU's ELF loader would skip the
 * device tree).  The chr-testdev (QEMU's
 * "testdev" chardev on a virtconsole port of a virtio-mmio virtio-serial
 * device) carries the result code, as upstream kvm-unit-tests does.
 * 32-bit arm has highmem off so that the PCIe ECAM window stays below
 * 4 GiB, where a 32-bit guest can reach it.  A 32-bit guest runs under
 * KVM only through an AArch64 QEMU, so that row is TCG-only here.
 */
static const char *const arm_fixed_args[] = {
	"-display", "none", "-no-reboot", NULL
};

static const char *const arm_devices[] = {
	"-device", "virtio-serial-device",
	"-device", "virtconsole,chardev=ctd",
	"-chardev", "testdev,id=ctd",
	NULL
};

/* The virt machine always has its PCIe host bridge (ECAM). */
static const char *const arm_pci_devices[] = {
	"-device", "pci-testdev",
	NULL
};

static const char *const arm64_kvm_hosts[] = { "aarch64", NULL };
static const char *const arm64_unames[] = { "aarch64", NULL };
static const char *const arm_unames[] = { "armv7l", "armv8l", NULL };
/* The 64-bit QEMU runs 32-bit arm guests too (QEMU=qemu-system-aarch64). */
static const char *const arm_qemu_also[] = { QEMU_arm64, NULL };

/*
 * riscv64 facts: the virt machine with QEMU's default firmware, OpenSBI
 * (fw_dynamic, from qemu-system-data), which jumps to the image QEMU's
 * -kernel loaded (a RISC-V Linux Image, or any raw image; an ELF is
 * booted as its raw image, so that upstream's, linked at 0, boots too)
 * in S-mode with the device tree.  The test devices are arm's: the
 * chr-testdev on a virtio-mmio virtio-serial device, and pci-testdev on
 * the PCIe host bridge (ECAM) the machine always has.  Upstream's guests
 * print their status (kut_abi.h) and power off instead: launch.c reads
 * that line when QEMU exits 0.
 */
static const char *const riscv64_kvm_hosts[] = { "riscv64", NULL };
static const char *const riscv64_unames[] = { "riscv64", NULL };

/*
 * s390x facts: the s390-ccw-virtio machine; QEMU's -kernel loads the
 * ELF and starts it at its entry point, no firmware involved.  The
 * console is the SCLP's ASCII console (sclpconsole), as upstream
 * kvm-unit-tests uses.  There is no exit device: the guest prints its
 * status (kut_abi.h) and stops its CPUs, QEMU exits 0, and the status
 * line is the result.  No -no-reboot: a guest's diag 308 reset must
 * reset the machine, not end QEMU.
 */
static const char *const s390x_fixed_args[] = { "-display", "none", NULL };

static const char *const s390x_console[] = {
	"-chardev", "stdio,id=con0",
	"-device", "sclpconsole,chardev=con0",
	NULL
};

static const char *const s390x_kvm_hosts[] = { "s390x", NULL };
static const char *const s390x_unames[] = { "s390x", NULL };

/*
 * ppc64 facts: the pseries machine, both byte orders.  Firmware: none of
 * QEMU's (SLOF takes tens of seconds to boot under TCG; VOF hands over a
 * client interface instead of a device tree), but the 4-byte boot ROM
 * upstream kvm-unit-tests also uses: the CPU starts at 0x100 with the
 * device tree's address in r3, and the ROM branches to 0x400000, where
 * -kernel put the image (docs/powerpc.md has the measurements).  pseries
 * has no test device: the guest prints its status line (kut_abi.h) and
 * powers off through RTAS, as upstream's do.  Under TCG the machine's
 * default Spectre mitigations are unavailable: asked off, so QEMU does
 * not warn.
 */
static const unsigned char pseries_rom_bytes[] = {
	0x48, 0x3f, 0xff, 0x00,		/* b . + 0x3fff00 (big-endian) */
};

static const struct arch_rom pseries_rom = {
	.bytes = pseries_rom_bytes,
	.len = sizeof(pseries_rom_bytes),
	.offset = 0x100,
};

static const char *const ppc64_kvm_hosts[] = { "ppc64le", "ppc64", NULL };
static const char *const ppc64le_unames[] = { "ppc64le", NULL };
static const char *const ppc64_unames[] = { "ppc64", NULL };

#define PPC64_ROW(arch_name) {						\
	.name = #arch_name,						\
	.unames = arch_name##_unames,					\
	QEMU_OF(arch_name),						\
	.machine = "pseries",						\
	.machine_opts_tcg = "cap-cfpc=broken,cap-sbbc=broken,"		\
			    "cap-ibs=broken,cap-ccf-assist=off",	\
	.machine_opts_kvm = "cap-ccf-assist=off",			\
	.rom = &pseries_rom,						\
	.fixed_args = arm_fixed_args,					\
	.pci_devices = arm_pci_devices,					\
	.serial = stdio_serial,						\
	.kvm_hosts = ppc64_kvm_hosts,					\
	.boot = IMAGE_BOOT_ELF,						\
	.boot_desc = "an ELF",						\
	.decode = LAUNCH_DECODE_CONSOLE,				\
	.gdb_arch = "powerpc:common64",					\
}

static const struct arch_info arch_table[] = {
	X86_ROW(x86_64, false),
	X86_ROW(i386, true),
	{
		.name = "arm64",
		.unames = arm64_unames,
		QEMU_OF(arm64),
		.machine = "virt",
		.cpu_kvm = "host",
		.cpu_tcg = "max",
		.fixed_args = arm_fixed_args,
		.devices = arm_devices,
		.pci_devices = arm_pci_devices,
		.serial = stdio_serial,
		.kvm_hosts = arm64_kvm_hosts,
		.boot = IMAGE_BOOT_LINUX | IMAGE_BOOT_RAW,
		.elf_to_raw = true,
		.boot_desc = "an ELF, or a raw image (.flat)",
		.decode = LAUNCH_DECODE_TESTDEV,
		.gdb_arch = "aarch64",
	},
	{
		.name = "arm",
		.unames = arm_unames,
		QEMU_OF(arm),
		.qemu_also = arm_qemu_also,
		.machine = "virt,highmem=off",
		.cpu_tcg = "cortex-a15",
		.fixed_args = arm_fixed_args,
		.devices = arm_devices,
		.pci_devices = arm_pci_devices,
		.serial = stdio_serial,
		.boot = IMAGE_BOOT_LINUX | IMAGE_BOOT_RAW,
		.elf_to_raw = true,
		.boot_desc = "an ELF, or a raw image (.flat)",
		.decode = LAUNCH_DECODE_TESTDEV,
		.gdb_arch = "arm",
	},
	{
		.name = "riscv64",
		.unames = riscv64_unames,
		QEMU_OF(riscv64),
		.machine = "virt",
		.fixed_args = arm_fixed_args,
		.devices = arm_devices,
		.pci_devices = arm_pci_devices,
		.serial = stdio_serial,
		.kvm_hosts = riscv64_kvm_hosts,
		.boot = IMAGE_BOOT_LINUX | IMAGE_BOOT_RAW,
		.elf_to_raw = true,
		.boot_desc = "an ELF, or a raw image (.flat)",
		.decode = LAUNCH_DECODE_TESTDEV_OR_CONSOLE,
		.gdb_arch = "riscv:rv64",
	},
	{
		.name = "s390x",
		.unames = s390x_unames,
		QEMU_OF(s390x),
		.machine = "s390-ccw-virtio",
		.fixed_args = s390x_fixed_args,
		.serial = s390x_console,
		.kvm_hosts = s390x_kvm_hosts,
		.boot = IMAGE_BOOT_ELF,
		.boot_desc = "an ELF",
		.decode = LAUNCH_DECODE_CONSOLE,
		.gdb_arch = "s390:64-bit",
	},
	PPC64_ROW(ppc64le),
	PPC64_ROW(ppc64),
};

#define ARCH_COUNT (sizeof(arch_table) / sizeof(arch_table[0]))

const struct arch_info *arch_at(size_t i)
{
	return i < ARCH_COUNT ? &arch_table[i] : NULL;
}

const struct arch_info *arch_find(const char *name)
{
	size_t i;

	for (i = 0; i < ARCH_COUNT; i++)
		if (!strcmp(arch_table[i].name, name))
			return &arch_table[i];
	return NULL;
}

const struct arch_info *arch_for_image(const struct image_info *info,
				       char *err, size_t errsize)
{
	const struct arch_info *arch = arch_find(info->arch);

	if (!arch) {
		snprintf(err, errsize,
			 "%s image, but this kut-run has no %s support",
			 info->arch, info->arch);
		return NULL;
	}
	if (!(info->boot & arch->boot) &&
	    !arch_boots_flattened(arch, info)) {
		snprintf(err, errsize,
			 "%s image that QEMU cannot boot: it must be %s "
			 "(was it linked with kut's linker script?)",
			 info->arch, arch->boot_desc);
		return NULL;
	}
	return arch;
}

bool arch_boots_flattened(const struct arch_info *arch,
			  const struct image_info *info)
{
	return arch->elf_to_raw && (info->boot & IMAGE_BOOT_ELF);
}

const char *arch_of_host(const char *host_machine)
{
	const char *const *u;
	size_t i;

	for (i = 0; i < ARCH_COUNT; i++)
		for (u = arch_table[i].unames; u && *u; u++)
			if (!strcmp(*u, host_machine))
				return arch_table[i].name;
	return NULL;
}

bool arch_kvm_host(const struct arch_info *arch, const char *host_machine)
{
	const char *const *h;

	for (h = arch->kvm_hosts; h && *h; h++)
		if (!strcmp(*h, host_machine))
			return true;
	return false;
}
