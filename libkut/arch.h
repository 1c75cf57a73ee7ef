/* SPDX-License-Identifier: MIT */
/*
 * arch.h - the per-arch interface of libkut (internal, not installed).
 *
 * Common code (the .c files directly in libkut/) is portable C: it builds for every guest arch
 * and for the host (where tests/host/arch-stubs.c provides this interface),
 * so that printf, the allocators, argv parsing and the report API are unit
 * tested on the build machine.  Everything that touches hardware sits behind
 * the few functions below, implemented once per arch family in
 * libkut/<family>/.
 */
#ifndef KUT_LIBKUT_ARCH_H
#define KUT_LIBKUT_ARCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Write raw bytes to the console (the UART the arch's runner attaches). */
void arch_console_write(const char *buf, size_t len);

/*
 * The next byte received on the console, or -1 if none is waiting; never
 * waits.  Optional: console.c has a default saying "none" for arches
 * whose console cannot receive.
 */
int arch_console_read(void);

/*
 * Stop the machine and hand @code to the host through the arch's test
 * device; kut-run turns it into its exit status (kut_abi.h).
 */
void arch_exit(int code) __attribute__((noreturn));

/*
 * Fill @ret with up to @max return addresses of the call chain that starts
 * at frame pointer @frame (NULL: the caller's own chain).  Returns how many
 * were found; stops at the first frame that does not look valid.
 */
int arch_backtrace(const void *frame, const void **ret, int max);

/*
 * Virtual memory (vmalloc.c).  The arch keeps a window of virtual
 * addresses that no other mapping uses, and maps and unmaps pages in it
 * in the tables vmalloc works on (the boot tables, or setup_vm()'s).
 */

/* What arch_vm_unmap() returns for a page that maps nothing. */
#define ARCH_VM_NO_PAGE		(~(uint64_t)0)

/*
 * Make the window usable (called once, on first use) and say where it
 * is: [*start, *end), page aligned, not starting at 0.
 */
void arch_vm_window(uintptr_t *start, uintptr_t *end);

/*
 * Map the page at physical address @phys at @virt, a window page that
 * maps nothing: normal memory, readable and writable, user mode too.
 */
void arch_vm_map(uintptr_t virt, uint64_t phys);

/*
 * Unmap the window page at @virt and drop it from the TLB; returns the
 * physical address it mapped, or ARCH_VM_NO_PAGE.
 */
uint64_t arch_vm_unmap(uintptr_t virt);

/*
 * setup_vm()'s arch part: map all RAM, give the RAM the boot map left
 * out to the page allocator, apply @opaque (see vmalloc.h).
 */
void arch_setup_vm(void *opaque);

/*
 * on_cpu() (smp.c) hands work to another CPU through the arch.
 * arch_on_cpu_queue(): make CPU @cpu, not the caller's, run @func(@data)
 * (starting the CPU first if the arch starts CPUs on demand) and return
 * a ticket for that work; it may return before @func runs.
 * arch_on_cpu_wait(): return once the work of @ticket on @cpu has
 * returned.  cpu_count() and smp_id() (<smp.h>) are the arch's too.
 */
unsigned int arch_on_cpu_queue(int cpu, void (*func)(void *data), void *data);
void arch_on_cpu_wait(int cpu, unsigned int ticket);

#endif /* KUT_LIBKUT_ARCH_H */
