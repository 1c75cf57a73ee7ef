/* SPDX-License-Identifier: MIT */
/*
 * asm/cpumask.h - arm's name for <cpumask.h>, the sets of CPUs (numbered
 * in the order of the device tree's cpu nodes).
 */
#ifndef _ASMARM_CPUMASK_H_
#define _ASMARM_CPUMASK_H_

#include <cpumask.h>

#endif /* _ASMARM_CPUMASK_H_ */
