/* SPDX-License-Identifier: MIT */
/*
 * asm/setup.h - the x86 start-up step a test may take itself: the switch
 * to 5-level paging (x86_64), where upstream kvm-unit-tests' la57 test
 * looks for it.  It is declared in x86/vm.h, documented there.
 *
 * Upstream's header also names its own boot steps (setup_tss(),
 * save_id(), bsp_rest_init(), ap_start64()); kut's boot is its own and
 * runs before main(), so they are not part of the API.
 */
#ifndef _X86_ASM_SETUP_H_
#define _X86_ASM_SETUP_H_

#include <x86/vm.h>

#endif
