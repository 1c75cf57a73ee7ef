// SPDX-License-Identifier: MIT
/*
 * probe-asm-offsets.c - constants for probe-asm.S, as a test of one's
 * own lists them: the installed asm-offsets (pkg-config --variable=
 * asm_offsets) makes <generated/probe-asm-offsets.h> of it.
 */
#include <kbuild.h>
#include <asm/ptrace.h>

int main(void);

int main(void)
{
	OFFSET(PROBE_PT_CAUSE, pt_regs, cause);
	DEFINE(PROBE_PT_SIZE, sizeof(struct pt_regs));
	BLANK();
	COMMENT("six times seven");
	DEFINE(PROBE_ANSWER, 6 * 7);
	return 0;
}
