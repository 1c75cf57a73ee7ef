/* SPDX-License-Identifier: MIT */
/*
 * asm/rtas.h - Run-Time Abstraction Services on pseries, under upstream
 * kvm-unit-tests' names.  Services are named in the device tree's /rtas
 * node, each property "name" holding its token; a call passes the token,
 * the argument and return counts and the values, all 32-bit big-endian
 * whatever the guest's byte order, through QEMU's KVMPPC_H_RTAS
 * hypercall.  Calls are serialized by a lock (RTAS is not reentrant).
 */
#ifndef _ASMPOWERPC_RTAS_H_
#define _ASMPOWERPC_RTAS_H_

/* What rtas_token() and rtas_call() return for a service the tree lacks. */
#define RTAS_UNKNOWN_SERVICE	(-1)

#define RTAS_MSR_MASK		0xfffffffffffffffe

#ifndef __ASSEMBLY__
#include <libcflat.h>

/* The call block RTAS reads (big-endian; rtas_call() fills it). */
struct rtas_args {
	u32 token;
	u32 nargs;
	u32 nret;
	u32 args[16];
	u32 *rets;		/* into args[], after the inputs */
};

/* Find /rtas; done at boot (kept for upstream's tests that call it). */
extern void rtas_init(void);

/*
 * The token of RTAS service @service ("get-time-of-day") in *@token;
 * returns 0, or RTAS_UNKNOWN_SERVICE when /rtas has no such property.
 */
extern int rtas_token(const char *service, uint32_t *token);

/*
 * Call the service @token with @nargs int arguments (the variadic ones)
 * and @nret results: the first is the return value (0 success, negative
 * an error), the others go to @outputs[0 .. nret - 2] (@outputs may be
 * NULL when nret is 1).
 */
extern int rtas_call(int token, int nargs, int nret, int *outputs, ...);

/* The same with the caller's @args block and without taking the lock. */
extern int rtas_call_unlocked(struct rtas_args *args, int token, int nargs,
			      int nret, int *outputs, ...);

/* "power-off": QEMU exits (status 0).  Does not return. */
extern void rtas_power_off(void) __attribute__((noreturn));

/* "stop-self": this CPU stops until "start-cpu" starts it again. */
extern void rtas_stop_self(void) __attribute__((noreturn));
#endif /* !__ASSEMBLY__ */

#endif /* _ASMPOWERPC_RTAS_H_ */
