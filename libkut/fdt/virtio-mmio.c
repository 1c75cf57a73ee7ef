// SPDX-License-Identifier: MIT
/*
 * virtio-mmio.c - the minimal virtio-mmio driver of virtio.h.  Register
 * offsets and the split-virtqueue layout are those of the virtio 1.x
 * specification (section 4.2, and 4.2.4 for the legacy interface).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/io.h>
#include <asm/page.h>

#include "virtio.h"

#define VIRTIO_MMIO_MAGIC		0x000
#define VIRTIO_MMIO_VERSION		0x004
#define VIRTIO_MMIO_DEVICE_ID		0x008
#define VIRTIO_MMIO_DEVICE_FEATURES	0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL	0x014
#define VIRTIO_MMIO_DRIVER_FEATURES	0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL	0x024
#define VIRTIO_MMIO_GUEST_PAGE_SIZE	0x028	/* legacy */
#define VIRTIO_MMIO_QUEUE_SEL		0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX	0x034
#define VIRTIO_MMIO_QUEUE_NUM		0x038
#define VIRTIO_MMIO_QUEUE_ALIGN		0x03c	/* legacy */
#define VIRTIO_MMIO_QUEUE_PFN		0x040	/* legacy */
#define VIRTIO_MMIO_QUEUE_READY		0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050
#define VIRTIO_MMIO_STATUS		0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW	0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH	0x084
#define VIRTIO_MMIO_QUEUE_AVAIL_LOW	0x090
#define VIRTIO_MMIO_QUEUE_AVAIL_HIGH	0x094
#define VIRTIO_MMIO_QUEUE_USED_LOW	0x0a0
#define VIRTIO_MMIO_QUEUE_USED_HIGH	0x0a4

#define VIRTIO_MMIO_MAGIC_VALUE		0x74726976	/* "virt" */

#define STATUS_ACKNOWLEDGE		1
#define STATUS_DRIVER			2
#define STATUS_DRIVER_OK		4
#define STATUS_FEATURES_OK		8

#define VIRTIO_F_VERSION_1_HI		(1U << 0)	/* feature bit 32 */

static u32 rd(struct virtio_mmio_dev *dev, unsigned int off)
{
	return readl(dev->base + off);
}

static void wr(struct virtio_mmio_dev *dev, unsigned int off, u32 val)
{
	writel(val, dev->base + off);
}

int virtio_mmio_find(u32 device_id, struct virtio_mmio_dev *dev)
{
	const void *fdt = dt_fdt();
	struct dt_pbus_reg reg;
	int node;

	if (!fdt)
		return -1;
	for (node = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "virtio,mmio")) {
		if (dt_pbus_translate_node(node, 0, &reg) < 0)
			continue;
		dev->base = ioremap(reg.addr, reg.size);
		if (rd(dev, VIRTIO_MMIO_MAGIC) != VIRTIO_MMIO_MAGIC_VALUE ||
		    rd(dev, VIRTIO_MMIO_DEVICE_ID) != device_id)
			continue;
		dev->version = rd(dev, VIRTIO_MMIO_VERSION);
		dev->device_id = device_id;
		if (dev->version != 1 && dev->version != 2)
			continue;
		wr(dev, VIRTIO_MMIO_STATUS, 0);
		wr(dev, VIRTIO_MMIO_STATUS, STATUS_ACKNOWLEDGE | STATUS_DRIVER);
		return 0;
	}
	return -1;
}

static int negotiate(struct virtio_mmio_dev *dev)
{
	u32 status = STATUS_ACKNOWLEDGE | STATUS_DRIVER;

	if (dev->version == 1) {
		wr(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
		wr(dev, VIRTIO_MMIO_DRIVER_FEATURES, 0);
		wr(dev, VIRTIO_MMIO_GUEST_PAGE_SIZE, PAGE_SIZE);
		return 0;
	}
	wr(dev, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	if (!(rd(dev, VIRTIO_MMIO_DEVICE_FEATURES) & VIRTIO_F_VERSION_1_HI))
		return -1;
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES, VIRTIO_F_VERSION_1_HI);
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(dev, VIRTIO_MMIO_DRIVER_FEATURES, 0);
	wr(dev, VIRTIO_MMIO_STATUS, status | STATUS_FEATURES_OK);
	return rd(dev, VIRTIO_MMIO_STATUS) & STATUS_FEATURES_OK ? 0 : -1;
}

static void set_addr(struct virtio_mmio_dev *dev, unsigned int low, void *p)
{
	u64 pa = virt_to_phys(p);

	wr(dev, low, (u32)pa);
	wr(dev, low + 4, (u32)(pa >> 32));
}

int virtio_mmio_setup_vq(struct virtio_mmio_dev *dev, unsigned int index,
			 struct virtq *vq, void *mem)
{
	u32 max;

	if (negotiate(dev) < 0)
		return -1;
	wr(dev, VIRTIO_MMIO_QUEUE_SEL, index);
	max = rd(dev, VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (!max)
		return -1;
	memset(vq, 0, sizeof(*vq));
	vq->dev = dev;
	vq->index = index;
	vq->num = max < VIRTQ_SIZE ? max : VIRTQ_SIZE;
	/* Legacy layout: descriptors, avail ring, then used ring a page up. */
	vq->desc = mem;
	vq->avail = (void *)((char *)mem + vq->num * sizeof(struct virtq_desc));
	vq->used = (void *)((char *)mem + PAGE_SIZE);
	wr(dev, VIRTIO_MMIO_QUEUE_NUM, vq->num);
	if (dev->version == 1) {
		wr(dev, VIRTIO_MMIO_QUEUE_ALIGN, PAGE_SIZE);
		wr(dev, VIRTIO_MMIO_QUEUE_PFN, virt_to_phys(mem) >> PAGE_SHIFT);
	} else {
		set_addr(dev, VIRTIO_MMIO_QUEUE_DESC_LOW, vq->desc);
		set_addr(dev, VIRTIO_MMIO_QUEUE_AVAIL_LOW, (void *)vq->avail);
		set_addr(dev, VIRTIO_MMIO_QUEUE_USED_LOW, (void *)vq->used);
		wr(dev, VIRTIO_MMIO_QUEUE_READY, 1);
	}
	wr(dev, VIRTIO_MMIO_STATUS, rd(dev, VIRTIO_MMIO_STATUS) | STATUS_DRIVER_OK);
	return 0;
}

void virtq_send(struct virtq *vq, const void *buf, u32 len)
{
	u16 slot = vq->next_avail % vq->num;
	u16 idx;

	vq->desc[slot].addr = virt_to_phys(buf);
	vq->desc[slot].len = len;
	vq->desc[slot].flags = 0;
	vq->desc[slot].next = 0;
	vq->avail[2 + slot] = slot;
	smp_wmb();
	vq->avail[1] = ++vq->next_avail;
	mb();
	wr(vq->dev, VIRTIO_MMIO_QUEUE_NOTIFY, vq->index);
	do {
		idx = READ_ONCE(vq->used[0]) >> 16;
	} while (idx == vq->last_used);
	vq->last_used = idx;
}
