/* SPDX-License-Identifier: MIT */
/*
 * virtio.h - a minimal virtio-mmio driver, enough to send buffers to a
 * device on one virtqueue (internal, not installed).  It speaks both the
 * legacy (version 1, QEMU's default for the virt machine) and the
 * version 2 register layout; it negotiates no features besides
 * VIRTIO_F_VERSION_1 and polls instead of taking interrupts.  The
 * transports are found in the device tree, so every arch with one (arm,
 * arm64, riscv64) shares it.
 */
#ifndef KUT_FDT_VIRTIO_H
#define KUT_FDT_VIRTIO_H

#include <libcflat.h>

#define VIRTIO_ID_CONSOLE	3
#define VIRTQ_SIZE		8

struct virtq_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct virtio_mmio_dev {
	void *base;
	u32 version;
	u32 device_id;
};

struct virtq {
	struct virtio_mmio_dev *dev;
	unsigned int index;
	u16 num;
	u16 next_avail;
	u16 last_used;
	struct virtq_desc *desc;
	volatile u16 *avail;		/* flags, idx, ring[num], used_event */
	volatile u32 *used;		/* flags|idx, then {id, len} pairs */
};

/*
 * Find the first virtio-mmio transport in the device tree whose device is
 * @device_id and reset it into @dev.  Returns 0, or -1 if there is none.
 */
int virtio_mmio_find(u32 device_id, struct virtio_mmio_dev *dev);

/*
 * Set up queue @index of @dev in @mem (two zeroed, page-aligned pages)
 * and tell the device the driver is ready.  Returns 0, or -1.
 */
int virtio_mmio_setup_vq(struct virtio_mmio_dev *dev, unsigned int index,
			 struct virtq *vq, void *mem);

/* Hand @len bytes at @buf to the device and wait until it has used them. */
void virtq_send(struct virtq *vq, const void *buf, u32 len);

/*
 * chr-testdev.c: send "<code>q" to QEMU's testdev chardev, which ends
 * QEMU (code KUT_EXIT_SKIP as KUT_TESTDEV_SKIP_CODE); returns only if the
 * machine has no testdev, after saying so on the console.
 */
void chr_testdev_exit(int code);

#endif /* KUT_FDT_VIRTIO_H */
