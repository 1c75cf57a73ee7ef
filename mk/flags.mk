# SPDX-License-Identifier: MIT
# flags.mk - the compile and link flags of a kut guest, defined once: the
# build uses them for the bundled tests and writes them into
# kut-<arch>.pc for users, so the two can never drift apart.
# Needs ARCH_CFLAGS and ARCH_LDFLAGS from mk/arch/<arch>.mk.

# Freestanding, position-dependent, frame pointers kept for backtraces
# (an arch whose ABI chains the frames anyway sets FRAME_POINTER_CFLAGS).
FRAME_POINTER_CFLAGS ?= -fno-omit-frame-pointer
KUT_CFLAGS	= -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
		  $(FRAME_POINTER_CFLAGS) -fno-asynchronous-unwind-tables \
		  $(ARCH_CFLAGS)

# No libc, no libgcc: libkut carries what it needs.
KUT_LDFLAGS	= $(ARCH_LDFLAGS) -nostdlib -static \
		  -Wl,--build-id=none -Wl,--gc-sections

# The whole archive: a user's "cc $(pkg-config --libs) t.c" puts the
# library before the test's object, where a plain archive would resolve
# nothing the test needs.  Unused code still goes with --gc-sections.
# $(call kut_link,LINKER-SCRIPT,ARCHIVES): the whole link line, for the
# bundled tests and (with ${ldscript}, ${libdir}/...) kut-<arch>.pc's Libs.
kut_link	= $(KUT_LDFLAGS) -Wl,-T,$(1) -Wl,--whole-archive $(2) -Wl,--no-whole-archive

# The warnings every kut test is built with, bundled or a user's (kut.mk
# reads them from kut-<arch>.pc's warnflags).  The bundled build adds
# -Werror; whether warnings stop a user's build is the user's choice.
KUT_WARN	= -Wall -Wextra
