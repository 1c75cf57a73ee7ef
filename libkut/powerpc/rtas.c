// SPDX-License-Identifier: MIT
/*
 * rtas.c - RTAS calls on pseries (asm/rtas.h).  The services' tokens are
 * /rtas's properties; a call is QEMU's KVMPPC_H_RTAS hypercall with the
 * physical address of a struct rtas_args, whose fields are big-endian
 * 32-bit words in either guest byte order.
 */
#include <libcflat.h>
#include <devicetree.h>
#include <stdarg.h>
#include <asm/hcall.h>
#include <asm/io.h>
#include <asm/rtas.h>
#include <asm/smp.h>
#include <asm/spinlock.h>

#include "powerpc.h"

static int rtas_node = -FDT_ERR_NOTFOUND;
static struct spinlock rtas_lock;
static struct rtas_args rtas_args;

void rtas_boot_init(void)
{
	rtas_node = fdt_path_offset(dt_fdt(), "/rtas");
}

void rtas_init(void)
{
	if (rtas_node < 0)
		rtas_boot_init();
}

int rtas_token(const char *service, uint32_t *token)
{
	const fdt32_t *v;
	int len;

	if (rtas_node < 0)
		return RTAS_UNKNOWN_SERVICE;
	v = fdt_getprop(dt_fdt(), rtas_node, service, &len);
	if (!v || len != 4)
		return RTAS_UNKNOWN_SERVICE;
	*token = fdt32_to_cpu(*v);
	return 0;
}

static int call(struct rtas_args *args, int token, int nargs, int nret,
		int *outputs, va_list va)
{
	int i;

	assert_msg(nargs + nret <= 16, "RTAS call with %d arguments and %d results",
		   nargs, nret);
	/* Big-endian whatever the guest's order; the results start zeroed. */
	*args = (struct rtas_args){
		.token = cpu_to_be32(token),
		.nargs = cpu_to_be32(nargs),
		.nret = cpu_to_be32(nret),
		.rets = &args->args[nargs],
	};
	for (i = 0; i < nargs; i++)
		args->args[i] = cpu_to_be32(va_arg(va, int));
	hcall(KVMPPC_H_RTAS, virt_to_phys(args));
	for (i = 1; i < nret && outputs; i++)
		outputs[i - 1] = be32_to_cpu(args->rets[i]);
	return nret ? (int)be32_to_cpu(args->rets[0]) : 0;
}

int rtas_call_unlocked(struct rtas_args *args, int token, int nargs, int nret,
		       int *outputs, ...)
{
	va_list va;
	int ret;

	va_start(va, outputs);
	ret = call(args, token, nargs, nret, outputs, va);
	va_end(va);
	return ret;
}

int rtas_call(int token, int nargs, int nret, int *outputs, ...)
{
	va_list va;
	int ret;

	va_start(va, outputs);
	spin_lock(&rtas_lock);
	ret = call(&rtas_args, token, nargs, nret, outputs, va);
	spin_unlock(&rtas_lock);
	va_end(va);
	return ret;
}

/* The token of @service, or an end of the test saying which is missing. */
static uint32_t needed_token(const char *service)
{
	uint32_t token;

	if (rtas_token(service, &token)) {
		printf("kut: RTAS has no \"%s\" (no /rtas in the device tree?)\n",
		       service);
		abort();
	}
	return token;
}

void rtas_power_off(void)
{
	struct rtas_args args;
	uint32_t token;

	/* Called from exit(): no abort() (which exits) when it is missing. */
	if (rtas_token("power-off", &token) == 0)
		rtas_call_unlocked(&args, token, 2, 1, NULL, -1, -1);
	printf("kut: RTAS power-off failed\n");
	for (;;)
		;
}

void rtas_stop_self(void)
{
	struct rtas_args args;

	rtas_call_unlocked(&args, needed_token("stop-self"), 0, 1, NULL);
	printf("kut: RTAS stop-self returned on CPU %d\n", smp_processor_id());
	abort();
}
