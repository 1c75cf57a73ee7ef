/* SPDX-License-Identifier: MIT */
/*
 * x86/usermode.h - running a function at CPL 3, under upstream
 * kvm-unit-tests' names.
 *
 * Why: much of what KVM checks depends on the privilege level (SMAP,
 * SMEP, UMIP, CET user shadow stacks, LAM, user-mode page faults, I/O and
 * instruction permissions), and a test needs a way to run a few lines of
 * C in ring 3 and see what the CPU did there.
 *
 * How: run_in_user() enters ring 3 with IRET(Q) and comes back through a
 * #UD at a fixed address in its own ring-3 code, which the exception
 * dispatcher recognizes before anything else; a fault of the chosen
 * vector brings it back early.  (Not INT n as upstream, nor SYSCALL: on
 * KVM on PVM, where kut is developed, a software interrupt in long mode
 * stops the guest and SYSCALL does not return it to CPL 0.)  Each CPU
 * has its own user stack (16 KiB, from the page allocator on the CPU's
 * first call), so CPUs may run user code at the same time through
 * on_cpu().  While the function runs:
 *   - exceptions and interrupts from ring 3 land on the caller's stack,
 *     below run_in_user()'s frame;
 *   - DS, ES, FS and GS hold USER_DS, keeping their bases (per-CPU data
 *     and a test's own GS base stay reachable from ring 3), CS and SS
 *     USER_CS and USER_DS; RFLAGS are the caller's (its IF and IOPL too);
 *     on i386 GS keeps kut's per-CPU segment, which ring 3 may use;
 *   - ring 3 may use the console's and the exit device's I/O ports, so
 *     printf(), report() and exit() work there; other ports raise #GP
 *     unless IOPL is 3 (x86/desc.h).
 * The IDT and the SYSCALL MSRs are left alone; a test that points IDT
 * vector 6 (#UD) away from kut's dispatcher breaks the way back.
 * Code, data and stack must be user-accessible, which kut's boot page
 * tables are not: call setup_vm() first (its map is user-accessible, as
 * upstream's); run_in_user() checks the code and stack and aborts the
 * test, saying so, when they are not.
 */
#ifndef _X86_USERMODE_H_
#define _X86_USERMODE_H_

#include <libcflat.h>
#include <alloc.h>
#include <setjmp.h>
#include <x86/msr.h>
#include <x86/processor.h>
#include <x86/apic-defs.h>
#include <x86/apic.h>
#include <x86/desc.h>
#include <x86/isr.h>

/*
 * The function run_in_user() runs.  It is called with run_in_user()'s
 * four arguments as its first four (rdi, rsi, rdx, rcx), so a function
 * taking up to four integer or pointer arguments can be cast to it.  On
 * i386 they go on the stack as 32-bit values (int, long, pointers; the
 * low half of each), and a u64 result comes back whole.
 */
typedef uint64_t (*usermode_func)(void);

/*
 * Call @func(@arg1, @arg2, @arg3, @arg4) at CPL 3 on this CPU and return
 * its return value, with *@raised_vector false.  If @func raises
 * exception @fault_vector in ring 3, @func is abandoned there: @ex_handler
 * (unless NULL) is called with the exception's registers, and
 * run_in_user_ex() returns 0 with *@raised_vector true; exception_vector()
 * and exception_error_code() then tell the exception.  Any other
 * exception is handled as usual (handle_exception(), ASM_TRY, or the
 * report of an unexpected one).  Not from inside user code that
 * run_in_user() runs on the same CPU (an interrupt handler, say).
 */
uint64_t run_in_user_ex(usermode_func func, unsigned int fault_vector,
			uint64_t arg1, uint64_t arg2, uint64_t arg3,
			uint64_t arg4, bool *raised_vector, handler ex_handler);

/* run_in_user_ex() without a handler for the fault. */
static inline uint64_t run_in_user(usermode_func func, unsigned int fault_vector,
				   uint64_t arg1, uint64_t arg2, uint64_t arg3,
				   uint64_t arg4, bool *raised_vector)
{
	return run_in_user_ex(func, fault_vector, arg1, arg2, arg3, arg4,
			      raised_vector, NULL);
}

#endif /* _X86_USERMODE_H_ */
