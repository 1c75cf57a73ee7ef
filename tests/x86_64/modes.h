/* SPDX-License-Identifier: MIT */
/*
 * modes.h - asm fragments the bundled x86 tests use to leave kut's
 * paged protected or long mode (real mode, 5-level paging), so that each
 * test writes only what is its own.
 */
#ifndef KUT_TESTS_X86_MODES_H
#define KUT_TESTS_X86_MODES_H

#include <libcflat.h>
#include <x86/desc.h>

/* In 32-bit code: CR0.PG off (on x86_64 this ends IA-32e mode). */
#define ASM_PAGING_OFF							\
	"mov %cr0, %eax\n\t"						\
	"and $0x7fffffff, %eax\n\t"					\
	"mov %eax, %cr0\n\t"

/*
 * In 64-bit code: a far return to kut's 32-bit ring-0 code segment
 * (compatibility mode), then paging off; what follows is 32-bit code
 * (.code32), running identity mapped below 4 GiB.  Uses RAX and local
 * label 1.
 */
#define ASM_LEAVE_LONG_MODE						\
	"pushq $" xstr(KERNEL_CS32) "\n\t"				\
	"lea 1f(%rip), %rax\n\t"					\
	"pushq %rax\n\t"						\
	"lretq\n"							\
	".code32\n"							\
	"1:\n\t"							\
	ASM_PAGING_OFF

#endif
