# SPDX-License-Identifier: MIT
# guest.mk - build libkut and the bundled tests for one arch with one
# toolchain.  Run by the top-level Makefile as
#   $(MAKE) -f mk/guest.mk ARCH=x86_64 TOOLCHAIN=gcc
# so that each arch's variables live in their own make process.

include mk/config.mk

include mk/arch.mk
include mk/flags.mk
include mk/toolchain.mk

OUT		:= $(BUILD)/$(TOOLCHAIN)/$(ARCH)

ifeq ($(filter $(KUT_TOOLCHAINS),$(TOOLCHAIN)),)
$(error TOOLCHAIN must be gcc or clang, not '$(TOOLCHAIN)')
endif
CC		:= $($(TOOLCHAIN)_CC)
AR		:= $($(TOOLCHAIN)_AR)
OBJCOPY		:= $($(TOOLCHAIN)_OBJCOPY)

CC_INCLUDE	:= $(shell $(CC) -print-file-name=include)

# LIBFDT_ALWAYS_SOURCE=1: compile libfdt from source (mk/libfdt-src.mk)
# for the arches that take Debian's libfdt.a too: no download, as the
# Debian package build needs.
ifneq ($(and $(LIBFDT_ALWAYS_SOURCE),$(LIBFDT_DEB_ARCH)),)
LIBFDT_DEB_ARCH	:=
LIBFDT_FROM_SOURCE := 1
endif

# Arches with a device tree link Debian's libfdt.a, fetched into the build
# tree once per arch (scripts/fetch-libfdt) and installed beside libkut.
ifneq ($(LIBFDT_DEB_ARCH),)
LIBFDT_DIR	:= $(BUILD)/libfdt/$(ARCH)
LIBFDT		:= $(LIBFDT_DIR)/lib/libfdt.a
# libfdt.h includes <fdt.h> and <libfdt_env.h>: both directories.
LIBFDT_INCLUDES	:= -I$(LIBFDT_DIR)/include -I$(LIBFDT_DIR)/include/libfdt
endif
# Arches Debian has no libfdt.a for compile it (mk/libfdt-src.mk).
ifneq ($(LIBFDT_FROM_SOURCE),)
.DEFAULT_GOAL	:= all
include mk/libfdt-src.mk
endif

# ASM_OFFSETS_SRC (arch .mk): the C file sdk/asm-offsets turns into
# <asm/asm-offsets.h>, generated here and installed with the asm/ headers.
GEN_INCLUDE	:= $(OUT)/include
ASM_OFFSETS_H	:= $(if $(ASM_OFFSETS_SRC),$(GEN_INCLUDE)/asm/asm-offsets.h)

SRC_INCLUDES	:= $(addprefix -I,$(ARCH_INCLUDE_DIRS)) $(if $(ASM_OFFSETS_H),-I$(GEN_INCLUDE)) \
		   $(LIBFDT_INCLUDES)
WARN		:= $(KUT_WARN) -Werror
LIB_CFLAGS	:= -std=gnu11 -O2 -g $(KUT_CFLAGS) -nostdinc -isystem $(CC_INCLUDE) \
		   $(SRC_INCLUDES) -ffunction-sections -fdata-sections $(WARN) \
		   -DKUT_ARCH='"$(ARCH)"' -MMD -MP
TEST_CFLAGS	:= -std=gnu11 -O2 -g $(KUT_CFLAGS) $(SRC_INCLUDES) $(WARN) -MMD -MP

# COMMON_SRCS_EXCLUDE (arch .mk): common files for hardware the arch lacks.
COMMON_SRCS	:= $(filter-out $(addprefix libkut/,$(COMMON_SRCS_EXCLUDE)), \
		   $(sort $(wildcard libkut/*.c)))
LIB_OBJS	:= $(COMMON_SRCS:libkut/%.c=$(OUT)/obj/%.o) \
		   $(addprefix $(OUT)/obj/$(FAMILY)/,$(addsuffix .o,$(basename $(ARCH_SRCS)))) \
		   $(addprefix $(OUT)/obj/,$(addsuffix .o,$(basename $(SHARED_SRCS))))
LIB		:= $(OUT)/libkut-$(ARCH).a
LDS		:= $(OUT)/kut.lds

# TEST_EXCLUDE (arch .mk): tests of TEST_SRC_DIR this arch does not build
# (x86_64's tests of long mode alone, for i386).
TEST_SRCS	:= $(filter-out $(TEST_EXCLUDE:%=$(TEST_SRC_DIR)/%.c), \
		   $(sort $(wildcard $(TEST_SRC_DIR)/*.c)))
# COMMON_TESTS (arch .mk): tests whose one source in tests/common/ serves
# several arch families; ARCH_TESTS: tests of this arch alone, from
# tests/$(ARCH)/ when TEST_SRC_DIR is the family's folder.
TEST_ELFS	:= $(TEST_SRCS:$(TEST_SRC_DIR)/%.c=$(OUT)/tests/%.elf) \
		   $(COMMON_TESTS:%=$(OUT)/tests/%.elf) \
		   $(ARCH_TESTS:%=$(OUT)/tests/%.elf)
TEST_FLATS	:= $(TEST_ELFS:.elf=.flat)

# SUBLIB and SUBLIB_OBJS (arch .mk): a second archive, libkut-<arch>-
# $(SUBLIB).a, installed beside libkut, of some of its objects (paths
# under libkut/, .o) for programs linked their own way: s390x's snippets
# take their start code and the string functions.
SUBLIB_FILE	:= $(if $(SUBLIB),$(OUT)/libkut-$(ARCH)-$(SUBLIB).a)

all: $(LIB) $(LDS) $(TEST_FLATS) $(OUT)/tests/unittests.cfg $(SUBLIB_FILE)

$(OUT)/obj/%.o: libkut/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(LIB_CFLAGS) -c $< -o $@

$(OUT)/obj/%.o: libkut/%.S
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $@")
	$(Q)$(CC) $(LIB_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

ifneq ($(SUBLIB),)
$(SUBLIB_FILE): $(SUBLIB_OBJS:%=$(OUT)/obj/%)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && $(AR) rcs $@ $^
endif

ifneq ($(LIBFDT),)
# Headers first: library objects include <libfdt/libfdt.h>.
$(LIB_OBJS): | $(LIBFDT)
ifneq ($(LIBFDT_DEB_ARCH),)
$(LIBFDT):
	$(Q)scripts/fetch-libfdt $(LIBFDT_DEB_ARCH) $(LIBFDT_DIR)
endif
endif

ifneq ($(ASM_OFFSETS_H),)
# With the library's flags; -MMD's list of the headers it read rebuilds it.
$(ASM_OFFSETS_H): $(ASM_OFFSETS_SRC) sdk/asm-offsets | $(LIBFDT)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)sdk/asm-offsets $@ $(CC) $(filter-out -MMD -MP,$(LIB_CFLAGS)) \
		-MMD -MP -MF $(@:.h=.d) -MT $@ $<
$(LIB_OBJS) $(TEST_ELFS:.elf=.o): | $(ASM_OFFSETS_H)
-include $(ASM_OFFSETS_H:.h=.d)
endif

$(LIB): $(LIB_OBJS)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(LDS): $(LDS_SRC)
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

# Bundled tests link exactly as a user's test does with pkg-config.
$(OUT)/tests/%.o: $(TEST_SRC_DIR)/%.c | $(LIBFDT)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) -c $< -o $@

$(OUT)/tests/%.o: tests/$(ARCH)/%.c | $(LIBFDT)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) -c $< -o $@

$(OUT)/tests/%.o: tests/common/%.c | $(LIBFDT)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) -c $< -o $@

$(OUT)/tests/%.elf: $(OUT)/tests/%.o $(LIB) $(LDS) $(LIBFDT)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(call kut_link,$(LDS),$(LIB) $(LIBFDT)) -o $@ $<

$(OUT)/tests/%.flat: $(OUT)/tests/%.elf
	$(Q)$(OBJCOPY) $(FLAT_OBJCOPY_FLAGS) $< $@

$(OUT)/tests/unittests.cfg: $(UNITTESTS_CFG)
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

.PRECIOUS: $(OUT)/tests/%.o $(OUT)/tests/%.elf

-include $(LIB_OBJS:.o=.d) $(TEST_ELFS:.elf=.d)

.PHONY: all

# ---- install (DESTDIR staging supported; nothing written outside it) ----

relpath		= $(shell realpath -m --relative-to=$(1) $(2))
# Most specific asm/ directory last, so its headers win on install.
reverse		= $(if $(1),$(call reverse,$(wordlist 2,$(words $(1)),$(1))) $(firstword $(1)))
PC_SUBST	:= -e 's|@ARCH@|$(ARCH)|g' \
		   -e 's|@VERSION@|$(VERSION)|g' \
		   -e 's|@CLANG_TARGET@|$(CLANG_TARGET)|g' \
		   $(foreach t,$(KUT_TOOLCHAINS),$(foreach p,CC OBJCOPY STRIP, \
		   -e 's|@$(t)_$(p)@|$($(t)_$(p))|g')) \
		   -e 's|@CPU_FAMILY@|$(CPU_FAMILY)|g' \
		   -e 's|@ENDIAN@|$(ENDIAN)|g' \
		   -e 's|@QEMU@|$(QEMU)|g' \
		   -e 's|@FLATFLAGS@|$(FLAT_OBJCOPY_FLAGS)|g' \
		   -e 's|@KUT_CFLAGS@|$(strip $(KUT_CFLAGS))|g' \
		   -e 's|@KUT_LIBS@|$(strip $(call kut_link,$${ldscript},$${libdir}/libkut-$(ARCH).a $(if $(LIBFDT),$${libdir}/libfdt.a)))|g' \
		   -e 's|@KUT_WARN@|$(strip $(KUT_WARN))|g' \
		   -e 's|@EXTRA_CFLAGS@|$(strip $(if $(FAMILY_INCLUDE),-I$${includedir}/kut/$(FAMILY_INCLUDE)) $(if $(LIBFDT),-I$${includedir}/kut/$(ARCH)/libfdt))|g' \
		   -e 's|@PC_TO_PREFIX@|$(call relpath,$(pkgconfigdir),$(PREFIX))|g' \
		   -e 's|@LIBDIR_REL@|$(call relpath,$(PREFIX),$(libdir))|g' \
		   -e 's|@INCLUDEDIR_REL@|$(call relpath,$(PREFIX),$(includedir))|g' \
		   -e 's|@DATADIR_REL@|$(call relpath,$(PREFIX),$(datadir))|g'

$(OUT)/kut-$(ARCH).pc: pkgconfig/kut.pc.in mk/flags.mk mk/toolchain.mk mk/arch/$(ARCH).mk FORCE
	$(Q)sed $(PC_SUBST) $< > $@.tmp && mv $@.tmp $@

# PC_VARIANTS (arch .mk): kut-<arch>-<name>.pc from pkgconfig/kut-<name>.pc.in
# and linker-scripts/<name>.lds beside kut.lds, for programs linked their
# own way (x86's 16-bit realmode test).
PC_VARIANT_FILES := $(PC_VARIANTS:%=$(OUT)/kut-$(ARCH)-%.pc)

$(OUT)/kut-$(ARCH)-%.pc: pkgconfig/kut-%.pc.in mk/arch/$(ARCH).mk FORCE
	$(Q)sed $(PC_SUBST) $< > $@.tmp && mv $@.tmp $@

ARCH_LIBDIR	:= $(DESTDIR)$(libdir)/kut/$(ARCH)
ARCH_INCDIR	:= $(DESTDIR)$(includedir)/kut/$(ARCH)
ARCH_TESTDIR	:= $(DESTDIR)$(datadir)/kvm-unit-tests/$(ARCH)

install: all $(OUT)/kut-$(ARCH).pc $(PC_VARIANT_FILES)
	install -d $(ARCH_LIBDIR) $(ARCH_INCDIR)/asm $(DESTDIR)$(pkgconfigdir) $(ARCH_TESTDIR)
	install -m 644 $(LIB) $(LDS) $(LIBFDT) $(PC_VARIANTS:%=linker-scripts/%.lds) \
		$(SUBLIB_FILE) $(ARCH_LIBDIR)/
	$(Q)for d in $(call reverse,$(ASM_INCLUDE_DIRS)); do \
		install -m 644 $$d/asm/*.h $(ARCH_INCDIR)/asm/ || exit 1; \
	done
	$(if $(ASM_OFFSETS_H),install -m 644 $(ASM_OFFSETS_H) $(ARCH_INCDIR)/asm/)
	$(if $(LIBFDT),install -d $(ARCH_INCDIR)/libfdt && \
		install -m 644 $(LIBFDT_DIR)/include/libfdt/*.h $(ARCH_INCDIR)/libfdt/)
	install -m 644 $(OUT)/kut-$(ARCH).pc $(PC_VARIANT_FILES) $(DESTDIR)$(pkgconfigdir)/
	install -m 644 $(TEST_FLATS) $(OUT)/tests/unittests.cfg $(ARCH_TESTDIR)/
# The .elf beside each .flat: kut-run symbolizes backtraces with it.
	install -m 644 $(TEST_ELFS) $(ARCH_TESTDIR)/

.PHONY: install FORCE
FORCE:
