# SPDX-License-Identifier: MIT
# config.mk - the knobs of the build, GNU-style install directories.

VERSION		:= 0.1.0

PREFIX		?= /usr/local
DESTDIR		?=
bindir		?= $(PREFIX)/bin
libdir		?= $(PREFIX)/lib
includedir	?= $(PREFIX)/include
datadir		?= $(PREFIX)/share
mandir		?= $(datadir)/man
docdir		?= $(datadir)/doc/kut
pkgconfigdir	?= $(libdir)/pkgconfig

# Guest arches to build (each has mk/arch/<arch>.mk).
ARCHES		?= x86_64 i386 arm64 arm riscv64 s390x ppc64le ppc64
# Compiler family for the guest library and bundled tests: gcc or clang.
TOOLCHAIN	?= gcc
BUILD		?= build

HOSTCC		?= cc
HOST_CFLAGS	?= -O2 -g
# Linker flags of kut-run (the Debian package's hardening: relro, now).
HOST_LDFLAGS	?=
HOST_WARN	:= -Wall -Wextra -Werror

# V=1 shows the commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif
