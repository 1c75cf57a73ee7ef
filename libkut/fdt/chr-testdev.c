// SPDX-License-Identifier: MIT
/*
 * chr-testdev.c - ending a test through QEMU's "testdev" chardev, attached
 * (by kut-run) as the console port of a virtio-serial device on the
 * virtio-mmio transports of a device-tree machine (arm and riscv virt):
 *   -device virtio-serial-device -device virtconsole,chardev=ctd
 *   -chardev testdev,id=ctd
 * The testdev reads postfix commands; "<code>q" makes QEMU exit with
 * status (code << 1) | 1, which kut-run decodes (kut_abi.h).  Without
 * MULTIPORT negotiated, the console port's output queue is queue 1.
 * Each arch's arch_exit() tries this first, then its firmware's power-off.
 */
#include <libcflat.h>
#include <asm/page.h>
#include <kut_abi.h>

#include "../arch.h"
#include "virtio.h"

#define TRANSMITQ	1

static u8 vq_mem[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static char cmd[16];

void chr_testdev_exit(int code)
{
	static const char msg[] =
		"kut: no chr-testdev (virtio-serial with -chardev testdev); "
		"QEMU's exit status will not carry the result, the EXIT line above does\n";
	struct virtio_mmio_dev dev;
	struct virtq vq;
	int len;

	code = KUT_TESTDEV_CODE(code);
	if (virtio_mmio_find(VIRTIO_ID_CONSOLE, &dev) == 0) {
		memset(vq_mem, 0, sizeof(vq_mem));
		if (virtio_mmio_setup_vq(&dev, TRANSMITQ, &vq, vq_mem) == 0) {
			len = snprintf(cmd, sizeof(cmd), "%dq", code);
			virtq_send(&vq, cmd, len);
		}
	}
	arch_console_write(msg, sizeof(msg) - 1);
}
