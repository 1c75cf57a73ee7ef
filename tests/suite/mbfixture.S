/* SPDX-License-Identifier: MIT */
/*
 * mbfixture.S - a stand-in for an image built by upstream kvm-unit-tests,
 * for tests/check-suite.sh's drop-in check: like upstream's x86 .flat
 * files it is an ELF32 with a multiboot v1 header, writes its report
 * lines to COM1 and ends by writing to isa-debug-exit at port 0xf4.  It
 * prints its multiboot command line (so a check can see exactly what
 * reached the guest) and ends as "mode=fail" or "mode=skip" in that
 * line asks, passing otherwise.
 */
#define MB_MAGIC	0x1badb002
#define COM1		0x3f8
#define DEBUG_EXIT	0xf4

	.code32
	.text
	.align 4
mb_header:
	.long MB_MAGIC
	.long 0			/* no flags: QEMU loads the ELF segments */
	.long -MB_MAGIC

	.globl _start
_start:
	mov	$stack_top, %esp
	mov	%ebx, %ebp		/* multiboot information */
	mov	$msg_cmdline, %esi
	call	puts
	xor	%esi, %esi
	testl	$4, (%ebp)		/* flags: cmdline valid */
	jz	1f
	mov	16(%ebp), %esi
	call	puts
1:	mov	$msg_nl, %esi
	call	puts
	call	find_mode
	cmp	$'f', %al
	je	fail
	cmp	$'s', %al
	je	skip
	mov	$msg_pass, %esi
	xor	%ebx, %ebx
	jmp	finish
fail:	mov	$msg_fail, %esi
	mov	$1, %ebx
	jmp	finish
skip:	mov	$msg_skip, %esi
	mov	$(77 >> 1), %ebx	/* QEMU then exits with 77 */
finish:	call	puts
	mov	%ebx, %eax
	mov	$DEBUG_EXIT, %dx
	outl	%eax, %dx
2:	hlt
	jmp	2b

/* Print the NUL-terminated string at %esi (none if %esi is 0). */
puts:	test	%esi, %esi
	jz	2f
	mov	$COM1, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:	ret

/* %al = the character after "mode=" in the command line, or 0. */
find_mode:
	xor	%eax, %eax
	testl	$4, (%ebp)
	jz	3f
	mov	16(%ebp), %esi
1:	cmpb	$0, (%esi)
	je	3f
	cmpl	$0x65646f6d, (%esi)	/* "mode" */
	jne	2f
	cmpb	$'=', 4(%esi)
	jne	2f
	movb	5(%esi), %al
	ret
2:	inc	%esi
	jmp	1b
3:	ret

	.data
msg_cmdline:	.asciz "INFO: cmdline: "
msg_nl:		.asciz "\n"
msg_pass:	.asciz "PASS: upstream-style image\nSUMMARY: 1 tests\n"
msg_fail:	.asciz "FAIL: upstream-style image\nSUMMARY: 1 tests, 1 unexpected failures\n"
msg_skip:	.asciz "SKIP: upstream-style image\nSUMMARY: 1 tests, 1 skipped\n"

	.bss
	.align 16
	.skip 4096
stack_top:
