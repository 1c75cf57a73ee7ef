/* SPDX-License-Identifier: MIT */
/* asm/handlers.h - ready-made interrupt handlers (upstream's names). */
#ifndef _ASMPOWERPC_HANDLERS_H_
#define _ASMPOWERPC_HANDLERS_H_

#include <asm/ptrace.h>

/*
 * A decrementer (0x900) handler that takes one interrupt and sets the
 * decrementer as far away as it goes, so it does not fire again soon.
 */
void dec_handler_oneshot(struct pt_regs *regs, void *data);

#endif /* _ASMPOWERPC_HANDLERS_H_ */
