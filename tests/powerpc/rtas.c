// SPDX-License-Identifier: MIT
/*
 * rtas.c - RTAS on pseries through asm/rtas.h: the services the device
 * tree names, the time of day against the date QEMU was given
 * (-rtc base=2006-06-17, see unittests.cfg), setting it and reading it
 * back, and set-indicator on a PCI slot's dynamic-reconfiguration
 * indicator (the device tree's "ibm,my-drc-index" of the pci-testdev).
 *
 * Arguments: date=YYYY-MM-DD, the -rtc base QEMU was given (default
 * 2006-06-17).
 */
#include <libcflat.h>
#include <devicetree.h>
#include <asm/rtas.h>

#define RTAS_HW_ERROR		(-1)
#define RTAS_NOT_SUPPORTED	(-3)
#define DR_INDICATOR		9002
#define INDICATOR_ACTIVE	1

static const char *const services[] = {
	"power-off", "stop-self", "start-cpu", "query-cpu-stopped-state",
	"set-indicator", "get-sensor-state", "get-time-of-day",
	"set-time-of-day", "display-character",
};

static uint32_t token_of(const char *service)
{
	uint32_t token = 0;

	if (rtas_token(service, &token))
		report_abort("no RTAS \"%s\"", service);
	return token;
}

static void check_tokens(void)
{
	uint32_t token, seen[ARRAY_SIZE(services)];
	bool ok = true;
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(services); i++) {
		if (rtas_token(services[i], &seen[i])) {
			report_info("no token for %s", services[i]);
			ok = false;
			continue;
		}
		for (j = 0; j < i; j++)
			ok &= seen[j] != seen[i];
	}
	report(ok, "%zu services, each with a token of its own", ARRAY_SIZE(services));
	token = 0x1234;
	report(rtas_token("no-such-service", &token) == RTAS_UNKNOWN_SERVICE &&
	       token == 0x1234, "an unknown service has no token");
}

/* get-time-of-day: year, month, day, hour, minute, second, nanoseconds. */
static int get_time(int t[7])
{
	return rtas_call(token_of("get-time-of-day"), 0, 8, t);
}

static void check_time(int argc, char **argv)
{
	int year = 2006, month = 6, day = 17, t[7], ret, i;
	int set[6] = { 2010, 1, 2, 3, 4, 5 };

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "date=", 5))
			year = atol(argv[i] + 5), month = atol(argv[i] + 10),
			day = atol(argv[i] + 13);
	ret = get_time(t);
	report(ret == 0 && t[0] == year && t[1] == month && t[2] == day,
	       "get-time-of-day: %04d-%02d-%02d, as QEMU's -rtc base (ret %d)",
	       t[0], t[1], t[2], ret);
	/* (QEMU's nanoseconds word is not reduced to the second: unchecked.) */
	report(ret == 0 && t[3] == 0 && t[4] < 10 && t[5] < 60,
	       "get-time-of-day: %02d:%02d:%02d, minutes after boot",
	       t[3], t[4], t[5]);

	ret = rtas_call(token_of("set-time-of-day"), 7, 1, NULL, set[0], set[1],
			set[2], set[3], set[4], set[5], 0);
	report(ret == 0, "set-time-of-day 2010-01-02 03:04:05 (ret %d)", ret);
	ret = get_time(t);
	report(ret == 0 && t[0] == 2010 && t[1] == 1 && t[2] == 2 && t[3] == 3 &&
	       t[4] == 4 && t[5] >= 5 && t[5] < 35,
	       "get-time-of-day reads it back: %04d-%02d-%02d %02d:%02d:%02d",
	       t[0], t[1], t[2], t[3], t[4], t[5]);
}

/* The DRC index of the first PCI device node, or 0 without one. */
static u32 pci_drc_index(void)
{
	const void *fdt = dt_fdt();
	int phb = fdt_node_offset_by_compatible(fdt, -1, "IBM,Logical_PHB");
	const fdt32_t *v;
	int node;

	if (phb < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, phb) {
		v = fdt_getprop(fdt, node, "ibm,my-drc-index", NULL);
		if (v)
			return fdt32_to_cpu(*v);
	}
	return 0;
}

static void check_set_indicator(void)
{
	uint32_t token = token_of("set-indicator");
	u32 drc = pci_drc_index();
	int ret;

	ret = rtas_call(token, 3, 1, NULL, 12345, drc, 0);
	report(ret == RTAS_NOT_SUPPORTED, "an unknown indicator: not supported (%d)", ret);
	ret = rtas_call(token, 3, 1, NULL, DR_INDICATOR, 0x7ffffff0, INDICATOR_ACTIVE);
	report(ret < 0, "an unknown DRC index: error %d", ret);
	if (!drc) {
		report_skip("no PCI device with a DRC index (no -device pci-testdev?)");
		return;
	}
	ret = rtas_call(token, 3, 1, NULL, DR_INDICATOR, drc, INDICATOR_ACTIVE);
	report(ret == 0, "DR indicator of PCI slot %#x on (ret %d)", drc, ret);
}

int main(int argc, char **argv)
{
	report_prefix_push("rtas");
	check_tokens();
	check_time(argc, argv);
	check_set_indicator();
	report_prefix_pop();
	return report_summary();
}
