# SPDX-License-Identifier: MIT
# guest.mk - build libkut and the bundled tests for one arch with one
# toolchain.  Run by the top-level Makefile as
#   $(MAKE) -f mk/guest.mk ARCH=x86_64 TOOLCHAIN=gcc
# so that each arch's variables live in their own make process.

include mk/config.mk

ifeq ($(wildcard mk/arch/$(ARCH).mk),)
$(error unknown ARCH '$(ARCH)': no mk/arch/$(ARCH).mk)
endif
include mk/arch/$(ARCH).mk
include mk/flags.mk

OUT		:= $(BUILD)/$(TOOLCHAIN)/$(ARCH)

ifeq ($(TOOLCHAIN),gcc)
CC		:= $(GNU_TRIPLET)-gcc
AR		:= $(GNU_TRIPLET)-ar
OBJCOPY		:= $(GNU_TRIPLET)-objcopy
else ifeq ($(TOOLCHAIN),clang)
CC		:= clang --target=$(CLANG_TARGET)
AR		:= llvm-ar
OBJCOPY		:= llvm-objcopy
else
$(error TOOLCHAIN must be gcc or clang, not '$(TOOLCHAIN)')
endif

CC_INCLUDE	:= $(shell $(CC) -print-file-name=include)
SRC_INCLUDES	:= -Iinclude -Iinclude/arch/$(FAMILY)
WARN		:= -Wall -Wextra -Werror
LIB_CFLAGS	:= -std=gnu11 -O2 -g $(KUT_CFLAGS) -nostdinc -isystem $(CC_INCLUDE) \
		   $(SRC_INCLUDES) -ffunction-sections -fdata-sections $(WARN) \
		   -DKUT_ARCH='"$(ARCH)"' -MMD -MP
TEST_CFLAGS	:= -std=gnu11 -O2 -g $(KUT_CFLAGS) $(SRC_INCLUDES) $(WARN) -MMD -MP

COMMON_SRCS	:= $(sort $(wildcard libkut/*.c))
LIB_OBJS	:= $(COMMON_SRCS:libkut/%.c=$(OUT)/obj/%.o) \
		   $(addprefix $(OUT)/obj/$(FAMILY)/,$(addsuffix .o,$(basename $(ARCH_SRCS))))
LIB		:= $(OUT)/libkut-$(ARCH).a
LDS		:= $(OUT)/kut.lds

TEST_SRCS	:= $(sort $(wildcard tests/$(ARCH)/*.c))
TEST_ELFS	:= $(TEST_SRCS:tests/$(ARCH)/%.c=$(OUT)/tests/%.elf)
TEST_FLATS	:= $(TEST_ELFS:.elf=.flat)

all: $(LIB) $(LDS) $(TEST_FLATS) $(OUT)/tests/unittests.cfg

$(OUT)/obj/%.o: libkut/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(LIB_CFLAGS) -c $< -o $@

$(OUT)/obj/%.o: libkut/%.S
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $@")
	$(Q)$(CC) $(LIB_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(LIB): $(LIB_OBJS)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(LDS): linker-scripts/$(ARCH).lds
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

# Bundled tests link exactly as a user's test does with pkg-config.
$(OUT)/tests/%.o: tests/$(ARCH)/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) -c $< -o $@

$(OUT)/tests/%.elf: $(OUT)/tests/%.o $(LIB) $(LDS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(KUT_LDFLAGS) $(call kut_link_lib,$(LDS),$(LIB)) -o $@ $<

$(OUT)/tests/%.flat: $(OUT)/tests/%.elf
	$(Q)$(OBJCOPY) $(FLAT_OBJCOPY_FLAGS) $< $@

$(OUT)/tests/unittests.cfg: tests/$(ARCH)/unittests.cfg
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

.PRECIOUS: $(OUT)/tests/%.o $(OUT)/tests/%.elf

-include $(LIB_OBJS:.o=.d) $(TEST_ELFS:.elf=.d)

.PHONY: all

# ---- install (DESTDIR staging supported; nothing written outside it) ----

relpath		= $(shell realpath -m --relative-to=$(1) $(2))
PC_SUBST	:= -e 's|@ARCH@|$(ARCH)|g' \
		   -e 's|@VERSION@|$(VERSION)|g' \
		   -e 's|@GNU_TRIPLET@|$(GNU_TRIPLET)|g' \
		   -e 's|@CLANG_TARGET@|$(CLANG_TARGET)|g' \
		   -e 's|@QEMU@|$(QEMU)|g' \
		   -e 's|@FLATFLAGS@|$(FLAT_OBJCOPY_FLAGS)|g' \
		   -e 's|@KUT_CFLAGS@|$(strip $(KUT_CFLAGS))|g' \
		   -e 's|@KUT_LDFLAGS@|$(strip $(KUT_LDFLAGS))|g' \
		   -e 's|@PC_TO_PREFIX@|$(call relpath,$(pkgconfigdir),$(PREFIX))|g' \
		   -e 's|@LIBDIR_REL@|$(call relpath,$(PREFIX),$(libdir))|g' \
		   -e 's|@INCLUDEDIR_REL@|$(call relpath,$(PREFIX),$(includedir))|g' \
		   -e 's|@DATADIR_REL@|$(call relpath,$(PREFIX),$(datadir))|g'

$(OUT)/kut-$(ARCH).pc: pkgconfig/kut.pc.in mk/flags.mk mk/arch/$(ARCH).mk FORCE
	$(Q)sed $(PC_SUBST) $< > $@.tmp && mv $@.tmp $@

ARCH_LIBDIR	:= $(DESTDIR)$(libdir)/kut/$(ARCH)
ARCH_INCDIR	:= $(DESTDIR)$(includedir)/kut/$(ARCH)
ARCH_TESTDIR	:= $(DESTDIR)$(datadir)/kvm-unit-tests/$(ARCH)

install: all $(OUT)/kut-$(ARCH).pc
	install -d $(ARCH_LIBDIR) $(ARCH_INCDIR)/asm $(DESTDIR)$(pkgconfigdir) $(ARCH_TESTDIR)
	install -m 644 $(LIB) $(LDS) $(ARCH_LIBDIR)/
	install -m 644 include/arch/$(FAMILY)/asm/*.h $(ARCH_INCDIR)/asm/
	install -m 644 $(OUT)/kut-$(ARCH).pc $(DESTDIR)$(pkgconfigdir)/
	install -m 644 $(TEST_FLATS) $(OUT)/tests/unittests.cfg $(ARCH_TESTDIR)/

.PHONY: install FORCE
FORCE:
