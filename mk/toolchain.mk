# SPDX-License-Identifier: MIT
# toolchain.mk - the programs each toolchain builds an arch's guests with,
# defined once: mk/guest.mk builds with $(TOOLCHAIN)'s, and kut-<arch>.pc
# hands both sets to users (cc, objcopy, strip; clang_cc, clang_objcopy,
# clang_strip), where sdk/kut.mk and examples/meson/kut-cross.sh read them.
# GCC is the arch's Debian cross compiler; Clang is one binary for every
# arch, told the target.  Needs GNU_TRIPLET and CLANG_TARGET; an arch's
# GCC_ARCH_FLAGS, options only its GCC takes, become part of GCC's command.

gcc_CC		= $(GNU_TRIPLET)-gcc$(if $(GCC_ARCH_FLAGS), $(GCC_ARCH_FLAGS))
gcc_AR		= $(GNU_TRIPLET)-ar
gcc_OBJCOPY	= $(GNU_TRIPLET)-objcopy
gcc_STRIP	= $(GNU_TRIPLET)-strip

clang_CC	= clang --target=$(CLANG_TARGET)
clang_AR	= llvm-ar
clang_OBJCOPY	= llvm-objcopy
clang_STRIP	= llvm-strip

KUT_TOOLCHAINS	:= gcc clang
