/* SPDX-License-Identifier: MIT */
/*
 * devicetree.h - reading the device tree the firmware (QEMU) handed over,
 * on the arches that boot with one (arm, arm64): upstream kvm-unit-tests'
 * helpers on top of libfdt, which is Debian's libfdt.a, shipped beside
 * libkut.  Boot calls dt_init() with its own copy of the tree, so
 * dt_fdt() stays valid for the whole test; libfdt's own fdt_*() calls work
 * on it too.
 *
 * Functions returning int give 0 (or a node offset >= 0) on success and a
 * negative -FDT_ERR_* code on failure; fdt_strerror() names it.
 */
#ifndef _DEVICETREE_H_
#define _DEVICETREE_H_

#include <libcflat.h>
#include <libfdt/libfdt.h>

/* Take @fdt_ptr as the device tree (checks its header). */
extern int dt_init(const void *fdt_ptr);
/* The device tree in use, and whether there is a valid one. */
extern const void *dt_fdt(void);
extern bool dt_available(void);

/* for each child node @s of node @n */
#define dt_for_each_subnode(n, s)					\
	for (s = fdt_first_subnode(dt_fdt(), n);			\
	     s != -FDT_ERR_NOTFOUND;					\
	     s = fdt_next_subnode(dt_fdt(), s))

/*
 * A device, bound to a node, on a bus that knows how to match nodes and
 * translate their "reg" tuples.
 */
struct dt_device {
	int fdtnode;
	const struct dt_bus *bus;
	void *info;		/* for the bus's own use */
};

struct dt_bus {
	/* > 0: @fdtnode is a match, 0: not, < 0: -FDT_ERR_* */
	int (*match)(const struct dt_device *dev, int fdtnode);
	/* Translate tuple @regidx of the device's "reg" into @reg. */
	int (*translate)(const struct dt_device *dev, int regidx, void *reg);
};

/* A match function that takes every node. */
extern int dt_bus_match_any(const struct dt_device *dev, int fdtnode);

/* The processor bus: CPU physical addresses ("ranges" taken as identity). */
typedef u64 dt_pbus_addr_t;
struct dt_pbus_reg {
	dt_pbus_addr_t addr;
	dt_pbus_addr_t size;
};

/*
 * A number made of @nr_cells big-endian-decoded cells, the most
 * significant first: 1 or 2 cells, and all ones for any other count.
 */
static inline dt_pbus_addr_t dt_pbus_read_cells(u32 nr_cells, u32 *cells)
{
	if (nr_cells < 1 || nr_cells > 2)
		return ~0ULL;
	return nr_cells == 1 ? cells[0] : (u64)cells[0] << 32 | cells[1];
}

/* Tuple @regidx of @dev's "reg", per its parent's #address/#size-cells. */
extern int dt_pbus_translate(const struct dt_device *dev, int regidx,
			     void *reg);
extern int dt_pbus_translate_node(int fdtnode, int regidx,
				  struct dt_pbus_reg *reg);

static inline int dt_pbus_get_base(const struct dt_device *dev,
				   struct dt_pbus_reg *base)
{
	return dt_pbus_translate(dev, 0, base);
}

/* match = dt_bus_match_any, translate = dt_pbus_translate */
extern void dt_bus_init_defaults(struct dt_bus *bus);
extern void dt_device_init(struct dt_device *dev, const struct dt_bus *bus,
			   void *info);

static inline void dt_device_bind_node(struct dt_device *dev, int fdtnode)
{
	dev->fdtnode = fdtnode;
}

/* The first node compatible with @compatible that @dev's bus matches. */
extern int dt_device_find_compatible(const struct dt_device *dev,
				     const char *compatible);
/* Base address and size of the first node compatible with @compatible. */
extern int dt_pbus_get_base_compatible(const char *compatible,
				       struct dt_pbus_reg *base);

/* #address-cells and #size-cells of @fdtnode (defaults 2 and 1). */
extern int dt_get_nr_cells(int fdtnode, u32 *nr_address_cells,
			   u32 *nr_size_cells);

#define MAX_ADDRESS_CELLS	4
#define MAX_SIZE_CELLS		4
struct dt_reg {
	u32 nr_address_cells, nr_size_cells;
	u32 address_cells[MAX_ADDRESS_CELLS];
	u32 size_cells[MAX_SIZE_CELLS];
};

extern void dt_reg_init(struct dt_reg *reg, u32 nr_address_cells,
			u32 nr_size_cells);
/* Raw tuple @regidx of @fdtnode's "reg" into @reg (dt_reg_init() first). */
extern int dt_get_reg(int fdtnode, int regidx, struct dt_reg *reg);

/* /chosen/bootargs (the -append string). */
extern int dt_get_bootargs(const char **bootargs);
/* The node /chosen/stdout-path (or linux,stdout-path) names. */
extern int dt_get_default_console_node(void);
/* The initrd (/chosen linux,initrd-start and -end): where and how long. */
extern int dt_get_initrd(const char **initrd, u32 *size);
/*
 * Every "address size" tuple of every memory node into @regs (at most
 * @nr_regs): returns how many, or -FDT_ERR_*.
 */
extern int dt_get_memory_params(struct dt_pbus_reg *regs, int nr_regs);
/* @func(node, reg value (the MPIDR on arm), @info) for each /cpus/cpu node. */
extern int dt_for_each_cpu_node(void (*func)(int fdtnode, u64 regval,
					     void *info), void *info);

#endif /* _DEVICETREE_H_ */
