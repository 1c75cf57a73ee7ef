/* SPDX-License-Identifier: MIT */
/*
 * asm/gic-v3-its.h - arm (AArch32) has no ITS support in kut, as in
 * upstream: its_data holds only the base gic_init() finds, and
 * its_init() stops the test, saying so.  The ITS API is arm64's.
 */
#ifndef _ASMARM_GIC_V3_ITS_H_
#define _ASMARM_GIC_V3_ITS_H_

#ifndef _ASMARM_GIC_H_
#error "include <asm/gic.h>, not <asm/gic-v3-its.h>"
#endif

#ifndef __ASSEMBLY__
#include <libcflat.h>

struct its_data {
	void *base;
};
extern struct its_data its_data;

#define gicv3_its_base()		(its_data.base)

static inline void its_init(void)
{
	assert_msg(false, "ITS not supported on 32-bit arm");
}
#endif /* !__ASSEMBLY__ */

#endif /* _ASMARM_GIC_V3_ITS_H_ */
