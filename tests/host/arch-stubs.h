/* SPDX-License-Identifier: MIT */
/*
 * arch-stubs.h - the host's implementation of libkut's arch interface.
 *
 * Host tests link libkut's common code with every symbol prefixed "kut_"
 * (so it cannot clash with the host libc).  These stubs stand in for the
 * arch layer: console output is captured in a buffer, and the guest's
 * exit() returns to the test through host_run().
 */
#ifndef KUT_HOST_ARCH_STUBS_H
#define KUT_HOST_ARCH_STUBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Everything the common code wrote to the console since the last reset. */
extern char host_console[1 << 16];
extern size_t host_console_len;
void host_console_reset(void);
/* Bytes the console receives, one per arch_console_read() (NULL: none). */
extern const char *host_console_input;

/*
 * Call @fn; if it ends in the guest's exit(), return that exit code,
 * otherwise return -1.
 */
int host_run(void (*fn)(void));

/*
 * Whether host_run() returned @rc for a run that ended in the guest's
 * abort with @msg on the console; says what was wrong when not.
 */
bool host_aborted_with(int rc, const char *msg);

/*
 * Virtual memory: the window the host's arch_vm_window() gives, and its
 * pretend page table.  host_vm_lookup() is the physical address mapped
 * at @va, or HOST_VM_NONE (the arch layer's "no page"); host_vm_mapped
 * counts the pages mapped; arch_setup_vm() counts its calls and keeps
 * its argument.
 */
#define HOST_PAGE	4096ul
#define HOST_VM_START	0x400000000000ul
#define HOST_VM_END	(HOST_VM_START + (256ul << 20))
#define HOST_VM_NONE	(~(uint64_t)0)
uint64_t host_vm_lookup(uintptr_t va);
extern size_t host_vm_mapped;
extern int host_vm_setup_calls;
extern void *host_vm_setup_opaque;

/*
 * CPUs for the on_cpu() front end (libkut/smp.c): host_cpus of them, the
 * caller being host_self.  Queued work runs at once, as host_self = the
 * target CPU; each arch_on_cpu_queue() ('q', its ticket) and
 * arch_on_cpu_wait() ('w', the ticket waited for) is logged in order.
 */
struct host_smp_event {
	char what;
	int cpu;
	unsigned int ticket;
};
#define HOST_SMP_LOG	64
extern int host_cpus, host_self;
extern struct host_smp_event host_smp_log[HOST_SMP_LOG];
extern int host_smp_events;

#endif
