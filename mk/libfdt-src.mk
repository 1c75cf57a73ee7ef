# SPDX-License-Identifier: MIT
# libfdt-src.mk - libfdt compiled from source, for arches Debian ships no
# libfdt.a for (an arch .mk sets LIBFDT_FROM_SOURCE).  Included by
# mk/guest.mk once CC, OUT and the flags are known.
#
# The sources are Linux's scripts/dtc/libfdt from Debian's
# linux-source-6.1, unpacked once per build tree by
# scripts/fetch-libfdt-src, or the directory LIBFDT_SRC= names.  They are
# compiled like libkut (freestanding, the arch's code model and ABI, our
# libc headers) into $(OUT)/libfdt/, in the layout scripts/fetch-libfdt
# gives Debian's package, so the rest of the build and the install treat
# both alike.

ifneq ($(LIBFDT_SRC),)
LIBFDT_SRC_DIR	:= $(LIBFDT_SRC)
else
LIBFDT_SRC_DIR	:= $(BUILD)/libfdt-src
endif
LIBFDT_DIR	:= $(OUT)/libfdt
LIBFDT		:= $(LIBFDT_DIR)/lib/libfdt.a
LIBFDT_INCLUDES	:= -I$(LIBFDT_DIR)/include -I$(LIBFDT_DIR)/include/libfdt

LIBFDT_MODULES	:= fdt fdt_ro fdt_wip fdt_sw fdt_rw fdt_strerror \
		   fdt_empty_tree fdt_addresses fdt_overlay
LIBFDT_OBJS	:= $(LIBFDT_MODULES:%=$(LIBFDT_DIR)/obj/%.o)
# What the install puts in include/kut/<arch>/libfdt/ (as Debian's).
LIBFDT_HEADERS	:= $(addprefix $(LIBFDT_DIR)/include/libfdt/,libfdt.h fdt.h libfdt_env.h)
# Third-party code: the compiler's default warnings, not ours as errors.
LIBFDT_CFLAGS	:= -std=gnu11 -O2 $(KUT_CFLAGS) -nostdinc -isystem $(CC_INCLUDE) \
		   -Iinclude -I$(LIBFDT_SRC_DIR) -ffunction-sections -fdata-sections

ifeq ($(LIBFDT_SRC),)
$(LIBFDT_SRC_DIR)/libfdt.h:
	$(Q)scripts/fetch-libfdt-src $(LIBFDT_SRC_DIR)
else ifneq ($(words $(wildcard $(LIBFDT_SRC)/libfdt.h $(LIBFDT_SRC)/fdt_ro.c)),2)
$(error LIBFDT_SRC=$(LIBFDT_SRC): no libfdt.h and fdt_ro.c there (give the directory holding libfdt's sources))
endif

$(LIBFDT_DIR)/obj/%.o: $(LIBFDT_SRC_DIR)/libfdt.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(LIBFDT_CFLAGS) -c $(LIBFDT_SRC_DIR)/$*.c -o $@

$(LIBFDT_DIR)/include/libfdt/%.h: $(LIBFDT_SRC_DIR)/libfdt.h
	@mkdir -p $(dir $@)
	$(Q)cp $(LIBFDT_SRC_DIR)/$*.h $@

$(LIBFDT): $(LIBFDT_OBJS) $(LIBFDT_HEADERS)
	@$(if $(Q),echo "  AR      $@")
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && $(AR) rcs $@ $(LIBFDT_OBJS)
