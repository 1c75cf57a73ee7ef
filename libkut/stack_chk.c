// SPDX-License-Identifier: MIT
/*
 * stack_chk.c - the stack protector's runtime.  Tests and libkut build
 * without -fstack-protector, but a distro-built libfdt.a (arm, ppc64,
 * riscv64) was compiled with it and needs these two symbols.
 */
#include <libcflat.h>

uintptr_t __stack_chk_guard = (uintptr_t)0x595e9fbd94fda766ull;

void __stack_chk_fail(void) __attribute__((noreturn));
void __stack_chk_fail(void)
{
	printf("kut: stack smashing detected\n");
	dump_stack();
	abort();
}
