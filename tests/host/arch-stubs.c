// SPDX-License-Identifier: MIT
/*
 * arch-stubs.c - libkut's arch interface (libkut/arch.h) on the host,
 * under the "kut_" prefix the host build gives every libkut symbol.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "arch-stubs.h"

char host_console[1 << 16];
size_t host_console_len;

static jmp_buf exit_jmp;
static int exit_armed;

void host_console_reset(void)
{
	host_console_len = 0;
	host_console[0] = '\0';
}

void kut_arch_console_write(const char *buf, size_t len);
void kut_arch_console_write(const char *buf, size_t len)
{
	size_t room = sizeof(host_console) - 1 - host_console_len;

	if (len > room)
		len = room;
	memcpy(host_console + host_console_len, buf, len);
	host_console_len += len;
	host_console[host_console_len] = '\0';
}

const char *host_console_input;

int kut_arch_console_read(void);
int kut_arch_console_read(void)
{
	if (!host_console_input || !*host_console_input)
		return -1;
	return (unsigned char)*host_console_input++;
}

void kut_arch_exit(int code) __attribute__((noreturn));
void kut_arch_exit(int code)
{
	if (!exit_armed)
		abort();
	longjmp(exit_jmp, code + 1);
}

int kut_arch_backtrace(const void *frame, const void **ret, int max);
int kut_arch_backtrace(const void *frame, const void **ret, int max)
{
	(void)frame;
	(void)ret;
	(void)max;
	return 0;
}

int host_run(void (*fn)(void))
{
	int r;

	r = setjmp(exit_jmp);
	if (r) {
		exit_armed = 0;
		return r - 1;
	}
	exit_armed = 1;
	fn();
	exit_armed = 0;
	return -1;
}

/*
 * Virtual memory: a pretend page table, a hash of (page, physical page)
 * pairs with linear probing, which tests look mappings up in.  The window
 * itself is plain host memory (reserved on first use), so that malloc
 * can write its slab headers there after setup_vm(); it is not an alias
 * of the pages "mapped" into it.
 */
#define VM_SLOTS	(1 << 16)
#define VM_EMPTY	0
#define VM_GONE		1

static struct {
	uintptr_t va;
	uint64_t pa;
} vm_table[VM_SLOTS];
size_t host_vm_mapped;
int host_vm_setup_calls;
void *host_vm_setup_opaque;

static size_t vm_slot(uintptr_t va)
{
	return (va / HOST_PAGE) % VM_SLOTS;
}

uint64_t host_vm_lookup(uintptr_t va)
{
	size_t i, n;

	for (i = vm_slot(va), n = 0; n < VM_SLOTS; i = (i + 1) % VM_SLOTS, n++) {
		if (vm_table[i].va == va)
			return vm_table[i].pa;
		if (vm_table[i].va == VM_EMPTY)
			break;
	}
	return HOST_VM_NONE;
}

void kut_arch_vm_window(uintptr_t *start, uintptr_t *end);
void kut_arch_vm_window(uintptr_t *start, uintptr_t *end)
{
	void *p = mmap((void *)HOST_VM_START, HOST_VM_END - HOST_VM_START,
		       PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (p != (void *)HOST_VM_START)
		abort();
	*start = HOST_VM_START;
	*end = HOST_VM_END;
}

void kut_arch_vm_map(uintptr_t virt, uint64_t phys);
void kut_arch_vm_map(uintptr_t virt, uint64_t phys)
{
	size_t i = vm_slot(virt);

	if (host_vm_lookup(virt) != HOST_VM_NONE || virt % HOST_PAGE ||
	    virt < HOST_VM_START || virt >= HOST_VM_END ||
	    host_vm_mapped == VM_SLOTS - 1)
		abort();	/* a bug in vmalloc.c: the test dies loudly */
	while (vm_table[i].va > VM_GONE)
		i = (i + 1) % VM_SLOTS;
	vm_table[i].va = virt;
	vm_table[i].pa = phys;
	host_vm_mapped++;
}

uint64_t kut_arch_vm_unmap(uintptr_t virt);
uint64_t kut_arch_vm_unmap(uintptr_t virt)
{
	size_t i, n;
	uint64_t pa;

	for (i = vm_slot(virt), n = 0; n < VM_SLOTS; i = (i + 1) % VM_SLOTS, n++) {
		if (vm_table[i].va == virt) {
			pa = vm_table[i].pa;
			vm_table[i].va = VM_GONE;
			host_vm_mapped--;
			return pa;
		}
		if (vm_table[i].va == VM_EMPTY)
			break;
	}
	return HOST_VM_NONE;
}

void kut_arch_setup_vm(void *opaque);
void kut_arch_setup_vm(void *opaque)
{
	host_vm_setup_calls++;
	host_vm_setup_opaque = opaque;
}

bool host_aborted_with(int rc, const char *msg)
{
	if (rc == -1) {
		printf("#   expected an abort with \"%s\", got none\n", msg);
		return false;
	}
	if (!strstr(host_console, msg)) {
		printf("#   expected \"%s\" on the console, got \"%s\"\n", msg,
		       host_console);
		return false;
	}
	return true;
}

/*
 * CPUs: host_cpus of them, the caller being host_self.  "Another CPU"
 * runs queued work at once; every queue and wait is logged in
 * host_smp_log for the cases to read.
 */
int host_cpus = 1;
int host_self;
struct host_smp_event host_smp_log[HOST_SMP_LOG];
int host_smp_events;
static unsigned int next_ticket = 100;

static void smp_log(char what, int cpu, unsigned int ticket)
{
	if (host_smp_events < HOST_SMP_LOG)
		host_smp_log[host_smp_events] = (struct host_smp_event){
			what, cpu, ticket };
	host_smp_events++;
}

int kut_cpu_count(void);
int kut_cpu_count(void)
{
	return host_cpus;
}

int kut_smp_id(void);
int kut_smp_id(void)
{
	return host_self;
}

unsigned int kut_arch_on_cpu_queue(int cpu, void (*func)(void *data), void *data);
unsigned int kut_arch_on_cpu_queue(int cpu, void (*func)(void *data), void *data)
{
	int self = host_self;

	smp_log('q', cpu, next_ticket);
	host_self = cpu;
	func(data);
	host_self = self;
	return next_ticket++;
}

void kut_arch_on_cpu_wait(int cpu, unsigned int ticket);
void kut_arch_on_cpu_wait(int cpu, unsigned int ticket)
{
	smp_log('w', cpu, ticket);
}
