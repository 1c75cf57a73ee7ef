/* SPDX-License-Identifier: MIT */
/*
 * shsplit.h - split unittests.cfg values into words the way sh would,
 * without a shell.
 *
 * Upstream's runner has bash re-evaluate extra_params, so a cfg line can
 * run any command.  kut-run splits the text itself with the quoting rules
 * of POSIX sh (blanks, '...', "...", backslash, # comments) and performs
 * no expansion at all: $VAR, $(...), `...`, ; | & < > are ordinary
 * characters that reach QEMU as written.
 */
#ifndef KUT_RUNNER_SHSPLIT_H
#define KUT_RUNNER_SHSPLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/*
 * Append the words of @s to @words.  Returns 0, or -1 with the problem in
 * @err ("unterminated '...' quote"); @words may then hold some words.
 */
int sh_split(const char *s, struct strvec *words, char *err, size_t errsize);

/*
 * Whether @s, read as sh would, asks for something a shell would run or
 * expand: $..., `...` outside single quotes, or ; | & < > outside quotes.
 * kut-run passes such text literally and warns that it does.
 */
bool sh_wants_shell(const char *s);

#endif /* KUT_RUNNER_SHSPLIT_H */
