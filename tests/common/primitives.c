// SPDX-License-Identifier: MIT
/*
 * primitives.c - the library pieces every other test leans on without
 * checking them, checked on every arch: the spinlock under contention,
 * setjmp()/longjmp() (the value setjmp returns again, every callee-saved
 * register restored), and printf of values wider than 32 bits, which a
 * 32-bit arch formats with its own division path.
 *
 * Areas (argv[1]): "spinlock [N]" (every CPU takes the lock N times,
 * default 1000000), "setjmp", "printf".
 */
#include <libcflat.h>
#include <setjmp.h>
#include <smp.h>
#include <cpumask.h>
#include <asm/spinlock.h>

/* ---- spinlock: many CPUs, one lock, a counter only the lock protects */

static struct spinlock lock;
static volatile unsigned long counter;
static volatile int inside;
static volatile int overlaps;
static unsigned long rounds;
static int arrived;
static unsigned long done[NR_CPUS];

static void hammer(void *data)
{
	unsigned long i, v;
	int id = smp_id();

	(void)data;
	/* All start together: a CPU that finished first contends with no one. */
	__atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) < cpu_count())
		cpu_relax();
	for (i = 0; i < rounds; i++) {
		spin_lock(&lock);
		if (inside++)
			overlaps++;
		/* Read, pause, write back: an unlocked twin loses updates. */
		v = counter;
		cpu_relax();
		counter = v + 1;
		inside--;
		spin_unlock(&lock);
	}
	done[id] = i;
}

static void check_spinlock(unsigned long n)
{
	unsigned long sum = 0;
	int i, cpus = cpu_count();

	report_prefix_push("spinlock");
	rounds = n;
	on_cpus(hammer, NULL);
	for (i = 0; i < cpus; i++)
		sum += done[i];
	report(sum == rounds * cpus, "%d CPUs took the lock %lu times each", cpus,
	       rounds);
	report(counter == sum, "counter %lu == %lu increments under the lock",
	       counter, sum);
	report(!overlaps, "no CPU entered while another held it (%d overlaps)",
	       overlaps);
	report_prefix_pop();
}

/* ---- setjmp/longjmp: the return value and the callee-saved registers */

/*
 * jmp_probe(env, val, pattern, seen): in assembly, so that the compiler
 * cannot keep anything out of the callee-saved registers.  It fills every
 * callee-saved general register with pattern + i, calls setjmp(env); the
 * first time that returns it overwrites all of them with other values and
 * calls longjmp(env, val).  When setjmp returns again (a flag in the
 * probe's stack frame tells, whatever the value: a setjmp that returns 0
 * twice must not loop) it stores the registers into seen[0 .. PROBE_REGS
 * - 1] and returns what setjmp returned that second time.
 */
int jmp_probe(jmp_buf env, int val, unsigned long pattern, unsigned long *seen);

#if defined(__x86_64__)
/* rbx, rbp, r12-r15 */
#define PROBE_REGS	6
asm(".text\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, @function\n"
"jmp_probe:\n"
"	push	%rbx\n push %rbp\n push %r12\n push %r13\n push %r14\n push %r15\n"
"	sub	$40, %rsp\n"
"	mov	%rdi, 0(%rsp)\n"
"	mov	%esi, 8(%rsp)\n"
"	mov	%rcx, 16(%rsp)\n"
"	movq	$0, 24(%rsp)\n"
"	mov	%rdx, %rbx\n"
"	lea	1(%rdx), %rbp\n"
"	lea	2(%rdx), %r12\n"
"	lea	3(%rdx), %r13\n"
"	lea	4(%rdx), %r14\n"
"	lea	5(%rdx), %r15\n"
"	call	setjmp\n"
"	cmpq	$0, 24(%rsp)\n"
"	jne	1f\n"
"	movq	$1, 24(%rsp)\n"
"	not %rbx\n not %rbp\n not %r12\n not %r13\n not %r14\n not %r15\n"
"	mov	0(%rsp), %rdi\n"
"	mov	8(%rsp), %esi\n"
"	call	longjmp\n"
"1:	mov	16(%rsp), %rcx\n"
"	mov	%rbx, 0(%rcx)\n"
"	mov	%rbp, 8(%rcx)\n"
"	mov	%r12, 16(%rcx)\n"
"	mov	%r13, 24(%rcx)\n"
"	mov	%r14, 32(%rcx)\n"
"	mov	%r15, 40(%rcx)\n"
"	add	$40, %rsp\n"
"	pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbp\n pop %rbx\n"
"	ret\n"
"	.size	jmp_probe, . - jmp_probe\n");
#elif defined(__i386__)
/* ebx, esi, edi, ebp */
#define PROBE_REGS	4
asm(".text\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, @function\n"
"jmp_probe:\n"
"	push %ebp\n push %ebx\n push %esi\n push %edi\n"
"	sub	$12, %esp\n"
/* env 32(%esp), val 36, pattern 40, seen 44; the flag 8(%esp) */
"	movl	$0, 8(%esp)\n"
"	mov	40(%esp), %eax\n"
"	mov	%eax, %ebx\n"
"	lea	1(%eax), %esi\n"
"	lea	2(%eax), %edi\n"
"	lea	3(%eax), %ebp\n"
"	mov	32(%esp), %eax\n"
"	mov	%eax, 0(%esp)\n"
"	call	setjmp\n"
"	cmpl	$0, 8(%esp)\n"
"	jne	1f\n"
"	movl	$1, 8(%esp)\n"
"	not %ebx\n not %esi\n not %edi\n not %ebp\n"
"	mov	36(%esp), %eax\n"
"	mov	%eax, 4(%esp)\n"
"	mov	32(%esp), %eax\n"
"	mov	%eax, 0(%esp)\n"
"	call	longjmp\n"
"1:	mov	44(%esp), %ecx\n"
"	mov	%ebx, 0(%ecx)\n"
"	mov	%esi, 4(%ecx)\n"
"	mov	%edi, 8(%ecx)\n"
"	mov	%ebp, 12(%ecx)\n"
"	add	$12, %esp\n"
"	pop %edi\n pop %esi\n pop %ebx\n pop %ebp\n"
"	ret\n"
"	.size	jmp_probe, . - jmp_probe\n");
#elif defined(__aarch64__)
/* x19-x28, x29 */
#define PROBE_REGS	11
asm(".text\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, %function\n"
"jmp_probe:\n"
"	stp	x29, x30, [sp, #-128]!\n"
"	stp	x19, x20, [sp, #16]\n"
"	stp	x21, x22, [sp, #32]\n"
"	stp	x23, x24, [sp, #48]\n"
"	stp	x25, x26, [sp, #64]\n"
"	stp	x27, x28, [sp, #80]\n"
"	stp	x0, x1, [sp, #96]\n"
"	str	x3, [sp, #112]\n"
"	str	xzr, [sp, #120]\n"
"	mov	x19, x2\n"
"	add	x20, x2, #1\n"
"	add	x21, x2, #2\n"
"	add	x22, x2, #3\n"
"	add	x23, x2, #4\n"
"	add	x24, x2, #5\n"
"	add	x25, x2, #6\n"
"	add	x26, x2, #7\n"
"	add	x27, x2, #8\n"
"	add	x28, x2, #9\n"
"	add	x29, x2, #10\n"
"	bl	setjmp\n"
"	ldr	x4, [sp, #120]\n"
"	cbnz	x4, 1f\n"
"	mov	x4, #1\n"
"	str	x4, [sp, #120]\n"
"	mvn x19, x19\n mvn x20, x20\n mvn x21, x21\n mvn x22, x22\n"
"	mvn x23, x23\n mvn x24, x24\n mvn x25, x25\n mvn x26, x26\n"
"	mvn x27, x27\n mvn x28, x28\n mvn x29, x29\n"
"	ldp	x0, x1, [sp, #96]\n"
"	bl	longjmp\n"
"1:	ldr	x3, [sp, #112]\n"
"	stp	x19, x20, [x3, #0]\n"
"	stp	x21, x22, [x3, #16]\n"
"	stp	x23, x24, [x3, #32]\n"
"	stp	x25, x26, [x3, #48]\n"
"	stp	x27, x28, [x3, #64]\n"
"	str	x29, [x3, #80]\n"
"	ldp	x19, x20, [sp, #16]\n"
"	ldp	x21, x22, [sp, #32]\n"
"	ldp	x23, x24, [sp, #48]\n"
"	ldp	x25, x26, [sp, #64]\n"
"	ldp	x27, x28, [sp, #80]\n"
"	ldp	x29, x30, [sp], #128\n"
"	ret\n"
"	.size	jmp_probe, . - jmp_probe\n");
#elif defined(__arm__)
/* r4-r11 */
#define PROBE_REGS	8
asm(".text\n"
"	.syntax unified\n"
"	.arm\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, %function\n"
"jmp_probe:\n"
"	push	{r4-r11, lr}\n"
"	sub	sp, sp, #20\n"
"	str	r0, [sp]\n"
"	str	r1, [sp, #4]\n"
"	str	r3, [sp, #8]\n"
"	mov	ip, #0\n"
"	str	ip, [sp, #12]\n"
"	mov	r4, r2\n"
"	add	r5, r2, #1\n"
"	add	r6, r2, #2\n"
"	add	r7, r2, #3\n"
"	add	r8, r2, #4\n"
"	add	r9, r2, #5\n"
"	add	r10, r2, #6\n"
"	add	r11, r2, #7\n"
"	bl	setjmp\n"
"	ldr	ip, [sp, #12]\n"
"	cmp	ip, #0\n"
"	bne	1f\n"
"	mov	ip, #1\n"
"	str	ip, [sp, #12]\n"
"	mvn r4, r4\n mvn r5, r5\n mvn r6, r6\n mvn r7, r7\n"
"	mvn r8, r8\n mvn r9, r9\n mvn r10, r10\n mvn r11, r11\n"
"	ldr	r0, [sp]\n"
"	ldr	r1, [sp, #4]\n"
"	bl	longjmp\n"
"1:	ldr	r3, [sp, #8]\n"
"	stm	r3, {r4-r11}\n"
"	add	sp, sp, #20\n"
"	pop	{r4-r11, pc}\n"
"	.size	jmp_probe, . - jmp_probe\n");
#elif defined(__riscv)
/* s0-s11 */
#define PROBE_REGS	12
asm(".text\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, @function\n"
"jmp_probe:\n"
"	addi	sp, sp, -144\n"
"	sd	ra, 136(sp)\n"
"	sd	zero, 128(sp)\n"
"	sd s0, 0(sp)\n sd s1, 8(sp)\n sd s2, 16(sp)\n sd s3, 24(sp)\n"
"	sd s4, 32(sp)\n sd s5, 40(sp)\n sd s6, 48(sp)\n sd s7, 56(sp)\n"
"	sd s8, 64(sp)\n sd s9, 72(sp)\n sd s10, 80(sp)\n sd s11, 88(sp)\n"
"	sd	a0, 96(sp)\n"
"	sd	a1, 104(sp)\n"
"	sd	a3, 112(sp)\n"
"	mv	s0, a2\n"
"	addi s1, a2, 1\n addi s2, a2, 2\n addi s3, a2, 3\n addi s4, a2, 4\n"
"	addi s5, a2, 5\n addi s6, a2, 6\n addi s7, a2, 7\n addi s8, a2, 8\n"
"	addi s9, a2, 9\n addi s10, a2, 10\n addi s11, a2, 11\n"
"	call	setjmp\n"
"	ld	t0, 128(sp)\n"
"	bnez	t0, 1f\n"
"	li	t0, 1\n"
"	sd	t0, 128(sp)\n"
"	not s0, s0\n not s1, s1\n not s2, s2\n not s3, s3\n"
"	not s4, s4\n not s5, s5\n not s6, s6\n not s7, s7\n"
"	not s8, s8\n not s9, s9\n not s10, s10\n not s11, s11\n"
"	ld	a0, 96(sp)\n"
"	ld	a1, 104(sp)\n"
"	call	longjmp\n"
"1:	ld	a3, 112(sp)\n"
"	sd s0, 0(a3)\n sd s1, 8(a3)\n sd s2, 16(a3)\n sd s3, 24(a3)\n"
"	sd s4, 32(a3)\n sd s5, 40(a3)\n sd s6, 48(a3)\n sd s7, 56(a3)\n"
"	sd s8, 64(a3)\n sd s9, 72(a3)\n sd s10, 80(a3)\n sd s11, 88(a3)\n"
"	ld s0, 0(sp)\n ld s1, 8(sp)\n ld s2, 16(sp)\n ld s3, 24(sp)\n"
"	ld s4, 32(sp)\n ld s5, 40(sp)\n ld s6, 48(sp)\n ld s7, 56(sp)\n"
"	ld s8, 64(sp)\n ld s9, 72(sp)\n ld s10, 80(sp)\n ld s11, 88(sp)\n"
"	ld	ra, 136(sp)\n"
"	addi	sp, sp, 144\n"
"	ret\n"
"	.size	jmp_probe, . - jmp_probe\n");
#elif defined(__s390x__)
/* r6-r13 (r14 is the return address, r15 the stack pointer) */
#define PROBE_REGS	8
asm(".text\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, @function\n"
"jmp_probe:\n"
"	stmg	%r6, %r15, 48(%r15)\n"
"	lgr	%r1, %r15\n"
"	aghi	%r15, -192\n"
"	stg	%r1, 0(%r15)\n"
"	stg	%r2, 160(%r15)\n"
"	stg	%r3, 168(%r15)\n"
"	stg	%r5, 176(%r15)\n"
"	mvghi	184(%r15), 0\n"
"	lgr	%r6, %r4\n"
"	la	%r7, 1(%r4)\n"
"	la	%r8, 2(%r4)\n"
"	la	%r9, 3(%r4)\n"
"	la	%r10, 4(%r4)\n"
"	la	%r11, 5(%r4)\n"
"	la	%r12, 6(%r4)\n"
"	la	%r13, 7(%r4)\n"
"	brasl	%r14, setjmp\n"
"	cghsi	184(%r15), 0\n"
"	jne	1f\n"
"	mvghi	184(%r15), 1\n"
"	lghi	%r0, -1\n"
"	xgr %r6, %r0\n xgr %r7, %r0\n xgr %r8, %r0\n xgr %r9, %r0\n"
"	xgr %r10, %r0\n xgr %r11, %r0\n xgr %r12, %r0\n xgr %r13, %r0\n"
"	lg	%r2, 160(%r15)\n"
"	lg	%r3, 168(%r15)\n"
"	brasl	%r14, longjmp\n"
"1:	lg	%r5, 176(%r15)\n"
"	stmg	%r6, %r13, 0(%r5)\n"
"	lmg	%r6, %r15, 240(%r15)\n"
"	br	%r14\n"
"	.size	jmp_probe, . - jmp_probe\n");
#elif defined(__powerpc64__)
/* r14-r31 */
#define PROBE_REGS	18
asm(".text\n"
"	.globl	jmp_probe\n"
"	.type	jmp_probe, @function\n"
"	.balign	4\n"
"jmp_probe:\n"
"	mflr	0\n"
"	std	0, 16(1)\n"
"	stdu	1, -208(1)\n"
"	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
"	std	\\n, 32 + 8 * (\\n - 14)(1)\n"
"	.endr\n"
"	std	3, 176(1)\n"
"	std	4, 184(1)\n"
"	std	6, 192(1)\n"
"	li	11, 0\n"
"	std	11, 200(1)\n"
"	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
"	addi	\\n, 5, \\n - 14\n"
"	.endr\n"
"	bl	setjmp\n"
"	nop\n"
"	ld	11, 200(1)\n"
"	cmpdi	11, 0\n"
"	bne	1f\n"
"	li	11, 1\n"
"	std	11, 200(1)\n"
"	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
"	not	\\n, \\n\n"
"	.endr\n"
"	ld	3, 176(1)\n"
"	ld	4, 184(1)\n"
"	bl	longjmp\n"
"	nop\n"
"1:	ld	6, 192(1)\n"
"	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
"	std	\\n, 8 * (\\n - 14)(6)\n"
"	.endr\n"
"	.irp n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
"	ld	\\n, 32 + 8 * (\\n - 14)(1)\n"
"	.endr\n"
"	addi	1, 1, 208\n"
"	ld	0, 16(1)\n"
"	mtlr	0\n"
"	blr\n"
"	.size	jmp_probe, . - jmp_probe\n");
#else
#error "primitives.c: no jmp_probe for this arch"
#endif

static void check_setjmp(void)
{
	/* A pattern whose top half differs from its bottom half. */
	unsigned long pattern = (unsigned long)0x5a6b7c8d9eafb0c1ull;
	unsigned long seen[PROBE_REGS];
	static const int vals[] = { 0, 1, 42, -1 };
	jmp_buf env;
	int i, j, r, wrong;

	report_prefix_push("setjmp");
	for (j = 0; j < (int)ARRAY_SIZE(vals); j++) {
		memset(seen, 0, sizeof(seen));
		r = jmp_probe(env, vals[j], pattern + j * 0x100, seen);
		report(r == (vals[j] ? vals[j] : 1),
		       "longjmp(env, %d): setjmp returns %d", vals[j], r);
		wrong = 0;
		for (i = 0; i < PROBE_REGS; i++)
			if (seen[i] != pattern + j * 0x100 + i) {
				wrong++;
				printf("callee-saved register %d: %#lx, want %#lx\n",
				       i, seen[i], pattern + j * 0x100 + i);
			}
		report(!wrong, "longjmp(env, %d): all %d callee-saved registers restored",
		       vals[j], PROBE_REGS);
	}
	report_prefix_pop();
}

/* ---- printf: values wider than 32 bits */

struct wide {
	const char *fmt;
	unsigned long long v;
	const char *want;
};

static const struct wide wides[] = {
	{ "%llu", 0x123456789abcdef0ull, "1311768467463790320" },
	{ "%llu", 18446744073709551615ull, "18446744073709551615" },
	{ "%llu", 4294967296ull, "4294967296" },
	{ "%llu", 281474976710656ull, "281474976710656" },
	{ "%llu", 10000000000000000000ull, "10000000000000000000" },
	{ "%llx", 0xfedcba9876543210ull, "fedcba9876543210" },
	{ "%llX", 0x1234abcd5678ef00ull, "1234ABCD5678EF00" },
	{ "%llo", 01234567012345670123ull, "1234567012345670123" },
	{ "%lld", (unsigned long long)-1311768467463790320ll, "-1311768467463790320" },
	{ "%lld", 0x8000000000000000ull, "-9223372036854775808" },
	{ "%lld", 9223372036854775807ull, "9223372036854775807" },
	{ "%#llx", 0x100000000ull, "0x100000000" },
	{ "%22llu", 987654321987654321ull, "    987654321987654321" },
	{ "%-21lld|", (unsigned long long)-12345678901234ll, "-12345678901234      |" },
};

static void check_printf(void)
{
	char buf[64];
	int i, n;

	report_prefix_push("printf");
	for (i = 0; i < (int)ARRAY_SIZE(wides); i++) {
		n = snprintf(buf, sizeof(buf), wides[i].fmt, wides[i].v);
		report(!strcmp(buf, wides[i].want) && n == (int)strlen(wides[i].want),
		       "\"%s\" of %#llx: '%s', want '%s'", wides[i].fmt, wides[i].v,
		       buf, wides[i].want);
	}
	/* Wide values between narrow ones: the argument list stays in step. */
	n = snprintf(buf, sizeof(buf), "%d %llu %d %lld %u", 7,
		     12345678901234567890ull, -8, -20000000000ll, 9u);
	report(!strcmp(buf, "7 12345678901234567890 -8 -20000000000 9") && n == 40,
	       "mixed widths: '%s'", buf);
	report_prefix_pop();
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "spinlock"))
		check_spinlock(argc > 2 ? strtoul(argv[2], NULL, 0) : 1000000);
	else if (!strcmp(what, "setjmp"))
		check_setjmp();
	else if (!strcmp(what, "printf"))
		check_printf();
	else
		report_abort("unknown area '%s' (see primitives.c)", what);
	return report_summary();
}
