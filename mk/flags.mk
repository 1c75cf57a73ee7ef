# SPDX-License-Identifier: MIT
# flags.mk - the compile and link flags of a kut guest, defined once: the
# build uses them for the bundled tests and writes them into
# kut-<arch>.pc for users, so the two can never drift apart.
# Needs ARCH_CFLAGS and ARCH_LDFLAGS from mk/arch/<arch>.mk.

# Freestanding, position-dependent, frame pointers kept for backtraces.
KUT_CFLAGS	= -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
		  -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
		  $(ARCH_CFLAGS)

# No libc, no libgcc: libkut carries what it needs.
KUT_LDFLAGS	= $(ARCH_LDFLAGS) -nostdlib -static \
		  -Wl,--build-id=none -Wl,--gc-sections

# The whole archive: a user's "cc $(pkg-config --libs) t.c" puts the
# library before the test's object, where a plain archive would resolve
# nothing the test needs.  Unused code still goes with --gc-sections.
kut_link_lib	= -Wl,-T,$(1) -Wl,--whole-archive $(2) -Wl,--no-whole-archive
