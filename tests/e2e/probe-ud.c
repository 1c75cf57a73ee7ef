// SPDX-License-Identifier: MIT
/*
 * probe-ud.c - built by tests/e2e/install.sh against the installed SDK
 * with the one-line pkg-config build: a probe for an instruction through
 * ASM_TRY only works if the linker kept the exception-fixup table (and
 * constructors only run if it kept .init_array) under --gc-sections.
 */
#include <libcflat.h>
#include <x86/processor.h>

static int ctor_ran;

__attribute__((constructor)) static void ctor(void)
{
	ctor_ran = 1;
}

int main(void)
{
	asm volatile(ASM_TRY("1f") "ud2\n\t" "1:" : : : "memory");
	report(exception_vector() == UD_VECTOR, "#UD probe caught by ASM_TRY");
	report(ctor_ran, "constructor ran before main");
	return report_summary();
}
