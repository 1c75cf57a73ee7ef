/* SPDX-License-Identifier: MIT */
/*
 * linux/compiler.h - compiler helpers under the Linux kernel's names,
 * which upstream kvm-unit-tests tests use directly.
 */
#ifndef _LINUX_COMPILER_H_
#define _LINUX_COMPILER_H_

#ifndef __ASSEMBLY__

#include <stdint.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define barrier()		asm volatile("" : : : "memory")

#ifndef __always_inline
#define __always_inline		inline __attribute__((always_inline))
#endif
#ifndef noinline
#define noinline		__attribute__((noinline))
#endif
#ifndef __unused
#define __unused		__attribute__((unused))
#endif
#ifndef __maybe_unused
#define __maybe_unused		__attribute__((unused))
#endif
#ifndef __noreturn
#define __noreturn		__attribute__((noreturn))
#endif
#ifndef __packed
#define __packed		__attribute__((packed))
#endif
#ifndef __aligned
#define __aligned(x)		__attribute__((aligned(x)))
#endif

#ifndef __same_type
#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))
#endif

/*
 * READ_ONCE/WRITE_ONCE: one access of the object's own size that the
 * compiler may not tear, merge or move across other volatile accesses.
 */
#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile typeof(x) *)&(x) = (val);			\
	} while (0)

#endif /* !__ASSEMBLY__ */

#endif /* _LINUX_COMPILER_H_ */
