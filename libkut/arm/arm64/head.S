/* SPDX-License-Identifier: MIT */
/*
 * head.S - arm64 entry: from QEMU's Linux boot protocol to C.
 *
 * The image starts with an arm64 Image header, so QEMU's -kernel loads it
 * as a Linux kernel: 2 MiB into RAM (text_offset, our link address), at
 * EL1 (or EL2 with virtualization=on, which we leave for EL1 here),
 * MMU off, with the device tree's address in x0.  From here: interrupts
 * masked, FP/SIMD (and SVE where the CPU has it) usable (Debian's libfdt.a may use its
 * registers), BSS cleared, CPU 0's stack and the vector table set up,
 * and kut_arm_setup(fdt) in C, which turns the MMU on first.  Secondary
 * CPUs enter at secondary_entry from PSCI CPU_ON with the MMU off too.
 */
#include <asm/thread_info.h>
#include <asm/ptrace.h>

#define HCR_EL2_RW		(1 << 31)
#define CPACR_EL1_FPEN		(3 << 20)
#define CPACR_EL1_ZEN		(3 << 16)
#define SPSR_EL1H_MASKED	(PSR_MODE_EL1h | PSR_D_BIT | PSR_A_BIT | \
				 PSR_I_BIT | PSR_F_BIT)

	.section .text.head, "ax"
	.globl _head
_head:
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	0x200000		/* text_offset: RAM base + 2 MiB (arm64.lds) */
	.quad	__image_size		/* image size, BSS included */
	.quad	0x2			/* flags: little endian, 4 KiB pages */
	.quad	0			/* res2 */
	.quad	0			/* res3 */
	.quad	0			/* res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 */

primary_entry:
	mov	x20, x0
	bl	cpu_early_init

	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:
	adrp	x0, cpu0_stack
	add	x0, x0, :lo12:cpu0_stack
	add	sp, x0, #THREAD_SIZE
	mov	x29, xzr
	mov	x30, xzr
	mov	x0, x20
	bl	kut_arm_setup
3:	wfi
	b	3b

/*
 * PSCI CPU_ON entry: smp_boot_secondary() left the stack to use in
 * secondary_data.stack.
 */
	.text
	.globl secondary_entry
secondary_entry:
	bl	cpu_early_init
	adrp	x0, secondary_data
	ldr	x0, [x0, :lo12:secondary_data]
	mov	sp, x0
	mov	x29, xzr
	mov	x30, xzr
	bl	kut_arm_secondary_setup
4:	wfi
	b	4b

/*
 * Bring the CPU to EL1 with interrupts masked, FP/SIMD enabled and our
 * vectors installed.  Uses x0, x1 and x19 only; no stack.
 */
cpu_early_init:
	mov	x19, x30
	msr	daifset, #0xf
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.ne	1f
	/* From EL2: AArch64 EL1, counters accessible, then drop. */
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mrs	x0, cnthctl_el2
	orr	x0, x0, #3
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	adr	x0, 1f
	msr	elr_el2, x0
	eret
1:	mov	x0, #(CPACR_EL1_FPEN | CPACR_EL1_ZEN)
	msr	cpacr_el1, x0
	adr	x0, vector_table
	msr	vbar_el1, x0
	isb
	ret	x19

	.bss
	.balign THREAD_SIZE
	.globl cpu0_stack
cpu0_stack:
	.skip	THREAD_SIZE

	.section .note.GNU-stack, "", %progbits
