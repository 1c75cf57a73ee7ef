// SPDX-License-Identifier: MIT
/*
 * devicetree.c - the helpers of devicetree.h over libfdt.
 *
 * Built only for arches that boot with a device tree; libfdt itself is
 * the distribution's libfdt.a, linked beside libkut.  "ranges" are taken
 * as identity, which holds for every bus QEMU's virt machines describe
 * on the processor side.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <memregions.h>

static const void *fdt;

int dt_init(const void *fdt_ptr)
{
	int ret = fdt_check_header(fdt_ptr);

	if (ret < 0)
		return ret;
	fdt = fdt_ptr;
	return 0;
}

const void *dt_fdt(void)
{
	return fdt;
}

bool dt_available(void)
{
	return fdt && fdt_check_header(fdt) == 0;
}

int dt_bus_match_any(const struct dt_device *dev, int fdtnode)
{
	(void)dev;
	(void)fdtnode;
	return 1;
}

static u32 cells_prop(int node, const char *name, u32 dflt, int *err)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	if (!p) {
		if (len != -FDT_ERR_NOTFOUND)
			*err = len;
		return dflt;
	}
	if (len != 4) {
		*err = -FDT_ERR_BADNCELLS;
		return dflt;
	}
	return fdt32_to_cpu(*p);
}

int dt_get_nr_cells(int fdtnode, u32 *nr_address_cells, u32 *nr_size_cells)
{
	int err = 0;

	*nr_address_cells = cells_prop(fdtnode, "#address-cells", 2, &err);
	*nr_size_cells = cells_prop(fdtnode, "#size-cells", 1, &err);
	return err;
}

void dt_reg_init(struct dt_reg *reg, u32 nr_address_cells, u32 nr_size_cells)
{
	memset(reg, 0, sizeof(*reg));
	reg->nr_address_cells = nr_address_cells;
	reg->nr_size_cells = nr_size_cells;
}

int dt_get_reg(int fdtnode, int regidx, struct dt_reg *reg)
{
	u32 ac = reg->nr_address_cells, sc = reg->nr_size_cells;
	const fdt32_t *cells;
	int len, i, tuple;

	if (ac > MAX_ADDRESS_CELLS || sc > MAX_SIZE_CELLS || regidx < 0)
		return -FDT_ERR_BADNCELLS;
	cells = fdt_getprop(fdt, fdtnode, "reg", &len);
	if (!cells)
		return len;
	tuple = (ac + sc) * 4;
	if (!tuple || (regidx + 1) * tuple > len)
		return -FDT_ERR_NOTFOUND;
	cells += regidx * (ac + sc);
	for (i = 0; i < (int)ac; i++)
		reg->address_cells[i] = fdt32_to_cpu(cells[i]);
	for (i = 0; i < (int)sc; i++)
		reg->size_cells[i] = fdt32_to_cpu(cells[ac + i]);
	return 0;
}

/*
 * A node's "reg" is laid out by its parent's #address-cells and
 * #size-cells; the processor bus takes at most two of each.
 */
static int reg_layout(int fdtnode, struct dt_reg *reg)
{
	int parent = fdt_parent_offset(fdt, fdtnode);
	u32 ac, sc;
	int err;

	err = parent < 0 ? parent : dt_get_nr_cells(parent, &ac, &sc);
	if (err < 0)
		return err;
	if (ac > 2 || sc > 2)
		return -FDT_ERR_BADNCELLS;
	dt_reg_init(reg, ac, sc);
	return 0;
}

int dt_pbus_translate_node(int fdtnode, int regidx, struct dt_pbus_reg *pbus)
{
	struct dt_reg raw;
	int err;

	err = reg_layout(fdtnode, &raw);
	if (!err)
		err = dt_get_reg(fdtnode, regidx, &raw);
	if (err < 0)
		return err;
	pbus->addr = dt_pbus_read_cells(raw.nr_address_cells, raw.address_cells);
	pbus->size = raw.nr_size_cells ?
		dt_pbus_read_cells(raw.nr_size_cells, raw.size_cells) : 0;
	return 0;
}

int dt_pbus_translate(const struct dt_device *dev, int regidx, void *reg)
{
	return dt_pbus_translate_node(dev->fdtnode, regidx, reg);
}

void dt_bus_init_defaults(struct dt_bus *bus)
{
	bus->match = dt_bus_match_any;
	bus->translate = dt_pbus_translate;
}

void dt_device_init(struct dt_device *dev, const struct dt_bus *bus,
		    void *info)
{
	memset(dev, 0, sizeof(*dev));
	dev->bus = bus;
	dev->info = info;
}

/* The first node with @compatible that @dev's bus accepts. */
int dt_device_find_compatible(const struct dt_device *dev,
			      const char *compatible)
{
	int node, verdict;

	for (node = fdt_node_offset_by_compatible(fdt, -1, compatible);
	     node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, compatible)) {
		verdict = dev->bus->match(dev, node);
		if (verdict)
			return verdict < 0 ? verdict : node;
	}
	return node;
}

/*
 * The default bus accepts every node and translates "reg" on the
 * processor bus: the first compatible node's first tuple is the base.
 */
int dt_pbus_get_base_compatible(const char *compatible,
				struct dt_pbus_reg *base)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, compatible);

	return node < 0 ? node : dt_pbus_translate_node(node, 0, base);
}

static int chosen_node(void)
{
	return fdt_path_offset(fdt, "/chosen");
}

int dt_get_bootargs(const char **bootargs)
{
	int node = chosen_node(), len;
	const char *p;

	*bootargs = NULL;
	if (node < 0)
		return node;
	p = fdt_getprop(fdt, node, "bootargs", &len);
	if (!p)
		return len;
	*bootargs = p;
	return 0;
}

int dt_get_default_console_node(void)
{
	/* The standard name, then the one older trees use. */
	static const char *const props[] = { "stdout-path", "linux,stdout-path" };
	int chosen = chosen_node(), len = chosen;
	const char *p = NULL;
	size_t i;

	for (i = 0; chosen >= 0 && !p && i < ARRAY_SIZE(props); i++)
		p = fdt_getprop(fdt, chosen, props[i], &len);
	if (!p)
		return len;
	/* "path:options": the options are the UART's settings. */
	len = strchrnul(p, ':') - p;
	return fdt_path_offset_namelen(fdt, p, len);
}

static int chosen_addr(int node, const char *name, u64 *val)
{
	const fdt32_t *p;
	int len;

	p = fdt_getprop(fdt, node, name, &len);
	if (!p)
		return len;
	if (len == 4)
		*val = fdt32_to_cpu(p[0]);
	else if (len == 8)
		*val = (u64)fdt32_to_cpu(p[0]) << 32 | fdt32_to_cpu(p[1]);
	else
		return -FDT_ERR_BADVALUE;
	return 0;
}

int dt_get_initrd(const char **initrd, u32 *size)
{
	int node = chosen_node(), ret;
	u64 start, end;

	*initrd = NULL;
	*size = 0;
	if (node < 0)
		return node;
	ret = chosen_addr(node, "linux,initrd-start", &start);
	if (!ret)
		ret = chosen_addr(node, "linux,initrd-end", &end);
	if (ret)
		return ret;
	if (end < start)
		return -FDT_ERR_BADVALUE;
	*initrd = (const char *)(uintptr_t)start;
	*size = end - start;
	return 0;
}

int dt_get_memory_params(struct dt_pbus_reg *regs, int nr_regs)
{
	int node, n = 0, i, ret;
	struct dt_pbus_reg r;

	for (node = fdt_node_offset_by_prop_value(fdt, -1, "device_type",
						  "memory", 7);
	     node >= 0;
	     node = fdt_node_offset_by_prop_value(fdt, node, "device_type",
						  "memory", 7)) {
		for (i = 0; n < nr_regs; i++) {
			ret = dt_pbus_translate_node(node, i, &r);
			if (ret == -FDT_ERR_NOTFOUND)
				break;
			if (ret < 0)
				return ret;
			regs[n++] = r;
		}
	}
	if (node != -FDT_ERR_NOTFOUND)
		return node;
	return n;
}

int dt_for_each_cpu_node(void (*func)(int fdtnode, u64 regval, void *info),
			 void *info)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, len;
	const char *type;
	struct dt_reg raw;
	u32 ac, sc;
	int ret;

	if (cpus < 0)
		return cpus;
	ret = dt_get_nr_cells(cpus, &ac, &sc);
	if (ret < 0)
		return ret;
	if (ac > 2)
		return -FDT_ERR_BADNCELLS;
	dt_for_each_subnode(cpus, node) {
		type = fdt_getprop(fdt, node, "device_type", &len);
		if (!type || strcmp(type, "cpu"))
			continue;
		dt_reg_init(&raw, ac, sc);
		ret = dt_get_reg(node, 0, &raw);
		if (ret < 0)
			return ret;
		func(node, dt_pbus_read_cells(ac, raw.address_cells), info);
	}
	return 0;
}

/* memregions.h's device-tree part: RAM from the memory nodes. */
void memregions_add_dt_regions(size_t max_nr)
{
	struct dt_pbus_reg regs[max_nr];
	int n, i;

	n = dt_get_memory_params(regs, max_nr);
	assert_msg(n > 0, "no usable memory node in the device tree (%d)", n);
	for (i = 0; i < n; i++) {
		const struct dt_pbus_reg *ram = &regs[i];
		struct mem_region region = {
			.start = ram->addr,
			.end = ram->addr + ram->size,
		};

		memregions_add(&region);
	}
}
