# SPDX-License-Identifier: MIT
# kut.mk - the whole build of an out-of-tree kut test repository, so that
# the repository's own Makefile only declares its tests:
#
#	ARCH ?= x86_64
#	TESTS = foo bar
#	include $(shell pkg-config --variable=makefile kut-$(ARCH))
#
# Everything about the arch (compiler, flags, linker script, flat format)
# comes from the installed kut-$(ARCH).pc, so the same Makefile builds for
# every arch the SDK was installed for, with GCC or Clang.  See kut(7).
#
# Goals:  all (default)  each test's $(O)/$(ARCH)/<test>.elf and .flat
#         run            boot each test with kut-run, one after the other
#         run-<test>     boot one test
#         check          kut-run suite mode over the repository's unittests.cfg
#         clean          remove $(O)/$(ARCH)
#         help           this list
#
# Variables a repository sets:
#   TESTS          test names; test foo is built from foo.c unless
#   <test>_SRCS    lists its sources (.c and .S)
#   COMMON_SRCS    sources linked into every test
#   <test>_SNIPPETS  (s390x) the snippets the test runs under SIE, as
#                  sources <dir>/<name>.c (C) or <dir>/<name>.S (assembly):
#                  each is built on its own (kut-$(ARCH)-snippet.pc or
#                  kut-$(ARCH)-snippet-asm.pc), flattened, and linked into
#                  the test as the data snippet.h's
#                  SNIPPET_NAME_START(c|asm, <name>) names ("-" as "_")
#   UNITTESTS      the suite file for "make check" (default unittests.cfg)
# Variables a user sets (command line or environment):
#   ARCH           the guest arch (an installed kut-$(ARCH).pc)
#   ARCHES         several arches, one after the other ("all": every one
#                  pkg-config knows); each builds into $(O)/<arch>/
#   CC             unset, "cc" or "gcc": the arch's GCC (pkg-config cc);
#                  "clang[-N]": clang --target=<clang_target>; else as given
#   CFLAGS CPPFLAGS LDFLAGS LDLIBS   added after kut's own flags
#   OBJCOPY        the objcopy for the flat image (default: the arch's;
#                  llvm-objcopy with clang)
#   O              build directory (default: build)
#   V=1            show the commands
#   KUT_RUN        the kut-run to use (default: kut-run from PATH)
#   KUT_RUN_FLAGS  kut-run options for run and check (--accel=tcg, -j 4, -t)
#   RUN_ARGS       what "make run" passes after each image (-smp 2 ...)
#   CHECK_TESTS    test names or globs for "make check" (default: all)
#   PKG_CONFIG     the pkg-config to use
# Variables a repository may use in its own rules (read-only):
#   KUT_CC KUT_CFLAGS KUT_LIBS KUT_OBJCOPY KUT_FLATFLAGS KUT_OUT

# This file, for "make help", before any other is included.
KUT_MK_FILE	:= $(lastword $(MAKEFILE_LIST))

ARCH		?= x86_64
O		?= build
PKG_CONFIG	?= pkg-config
KUT_RUN		?= kut-run
UNITTESTS	?= unittests.cfg

# The directory of the Makefile that included us: sources are relative to
# it, so "make -C repo" and "make -f repo/Makefile" both work.
KUT_SRCDIR	:= $(patsubst %/,%,$(dir $(firstword $(MAKEFILE_LIST))))
kut_src		= $(if $(filter .,$(KUT_SRCDIR)),$(1),$(addprefix $(KUT_SRCDIR)/,$(1)))

ifeq ($(V),1)
KUT_Q		:=
else
KUT_Q		:= @
endif
kut_say		= @$(if $(KUT_Q),printf '  %-7s %s\n' '$(1)' '$(2)')

.DEFAULT_GOAL	:= all

ifneq ($(strip $(ARCHES)),)
# ---- several arches: run the same goals once per arch ----

ifeq ($(strip $(ARCHES)),all)
# (kut-<arch>-<variant>, e.g. kut-x86_64-realmode, is not an arch.)
KUT_ARCH_LIST	:= $(patsubst kut-%,%,$(shell $(PKG_CONFIG) --list-all 2>/dev/null | \
		   cut -d' ' -f1 | grep -E '^kut-[^-]+$$'))
else
KUT_ARCH_LIST	:= $(ARCHES)
endif
ifeq ($(strip $(KUT_ARCH_LIST)),)
$(error ARCHES=all: $(PKG_CONFIG) knows no kut-<arch>: is the kut SDK installed? \
  If it is under a prefix of its own, set PKG_CONFIG_PATH=<prefix>/lib/pkgconfig)
endif
KUT_GOALS	:= $(or $(MAKECMDGOALS),all)

$(firstword $(KUT_GOALS)):
	+@status=0; \
	for a in $(KUT_ARCH_LIST); do \
		echo "== $$a"; \
		$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) \
			ARCH=$$a ARCHES= $(KUT_GOALS) || status=1; \
	done; \
	exit $$status

$(filter-out $(firstword $(KUT_GOALS)),$(KUT_GOALS)): $(firstword $(KUT_GOALS))
	@:

.PHONY: $(KUT_GOALS)

else
# ---- one arch ----

KUT_PC		:= kut-$(ARCH)
kut_pcvar	= $(shell $(PKG_CONFIG) --variable=$(1) $(KUT_PC) 2>/dev/null)

KUT_PC_CC	:= $(call kut_pcvar,cc)
KUT_NEEDS_SDK	:= $(filter-out clean help,$(or $(MAKECMDGOALS),all))
ifeq ($(KUT_PC_CC),)
ifneq ($(KUT_NEEDS_SDK),)
$(error $(KUT_PC): not found by $(PKG_CONFIG): is the kut SDK installed for $(ARCH)? \
  If it is under a prefix of its own, set PKG_CONFIG_PATH=<prefix>/lib/pkgconfig)
endif
endif

KUT_CLANG_TARGET := $(call kut_pcvar,clang_target)
KUT_LIBDIR	:= $(call kut_pcvar,libdir)
KUT_LDSCRIPT	:= $(call kut_pcvar,ldscript)
KUT_FLATFLAGS	:= $(call kut_pcvar,flatflags)
KUT_CFLAGS	:= $(shell $(PKG_CONFIG) --cflags $(KUT_PC) 2>/dev/null)
KUT_LIBS	:= $(shell $(PKG_CONFIG) --libs $(KUT_PC) 2>/dev/null)

# The compiler: make's built-in "cc" and a plain "gcc" mean the arch's GCC,
# a plain "clang" the .pc's clang_cc (the two toolchains kut is built
# with); another clang (clang-15) is told the target the same way.
KUT_CC_NAME	:= $(notdir $(firstword $(CC)))
ifneq ($(filter default,$(origin CC))$(filter cc gcc,$(KUT_CC_NAME)),)
KUT_CC		:= $(KUT_PC_CC)
KUT_OBJCOPY	:= $(call kut_pcvar,objcopy)
else ifeq ($(strip $(CC)),clang)
KUT_CC		:= $(call kut_pcvar,clang_cc)
KUT_OBJCOPY	:= $(call kut_pcvar,clang_objcopy)
else ifneq ($(filter clang clang-%,$(KUT_CC_NAME)),)
KUT_CC		:= $(CC)$(if $(findstring --target,$(CC)),, --target=$(KUT_CLANG_TARGET))
KUT_OBJCOPY	:= $(call kut_pcvar,clang_objcopy)
else
KUT_CC		:= $(CC)
KUT_OBJCOPY	:= $(call kut_pcvar,objcopy)
endif
ifneq ($(origin OBJCOPY),undefined)
KUT_OBJCOPY	:= $(OBJCOPY)
endif

KUT_OUT		:= $(O)/$(ARCH)
KUT_OBJDIR	:= $(KUT_OUT)/obj
# The warnings are the bundled tests' own (kut-<arch>.pc's warnflags).
KUT_OPT_CFLAGS	:= -O2 -g $(call kut_pcvar,warnflags)
KUT_DEPFLAGS	= -MMD -MP -MF $(@:.o=.d) -MT $@

# Objects go under $(KUT_OBJDIR), keeping the sources' relative paths
# ("../" becomes "__/" so that nothing lands outside the build tree).
kut_obj		= $(addprefix $(KUT_OBJDIR)/,$(addsuffix .o,$(basename $(subst ../,__/,$(1)))))
kut_srcs	= $(or $($(1)_SRCS),$(1).c)

KUT_ELFS	:= $(addprefix $(KUT_OUT)/,$(addsuffix .elf,$(TESTS)))
KUT_FLATS	:= $(KUT_ELFS:.elf=.flat)
KUT_ALL_SRCS	:= $(sort $(COMMON_SRCS) $(foreach t,$(TESTS),$(call kut_srcs,$(t))))
KUT_ALL_OBJS	:= $(call kut_obj,$(KUT_ALL_SRCS))

# Everything is rebuilt when the compiler, the flags or the SDK change
# (CC=clang after a GCC build, another prefix): the command lines are kept
# in a stamp file that every object depends on.
KUT_STAMP	:= $(KUT_OUT)/.kut-flags
KUT_CMDLINE	:= $(KUT_CC) $(KUT_CFLAGS) $(KUT_OPT_CFLAGS) $(CPPFLAGS) $(CFLAGS) | \
		   $(KUT_LIBS) $(LDFLAGS) $(LDLIBS) | $(KUT_OBJCOPY) $(KUT_FLATFLAGS)
ifneq ($(KUT_NEEDS_SDK),)
ifneq ($(file <$(KUT_STAMP)),$(KUT_CMDLINE))
$(shell mkdir -p $(KUT_OUT))
$(file >$(KUT_STAMP),$(KUT_CMDLINE))
endif
endif

# The SDK's own files: a new libkut relinks every test.
KUT_SDK_FILES	:= $(wildcard $(KUT_LIBDIR)/libkut-$(ARCH).a $(KUT_LDSCRIPT))

all: $(KUT_ELFS) $(KUT_FLATS)

# One line each, so that V=1 shows commands that can be pasted.
KUT_COMPILE	= $(KUT_CC) $(KUT_CFLAGS) $(KUT_OPT_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(KUT_DEPFLAGS)
KUT_LINK	= $(KUT_CC) $(LDFLAGS) -o $@ $(filter %.o %.gobj,$^) $(KUT_LIBS) $(LDLIBS)

# (Recipes are expanded before they run: the directory is made inline.)
$(KUT_STAMP):
	@:$(shell mkdir -p $(@D))$(file >$@,$(KUT_CMDLINE))

$(KUT_OBJDIR)/%.o: $(call kut_src,%.c) $(KUT_STAMP)
	@mkdir -p $(@D)
	$(call kut_say,CC,$@)
	$(KUT_Q)$(KUT_COMPILE) -c $< -o $@

$(KUT_OBJDIR)/%.o: $(call kut_src,%.S) $(KUT_STAMP)
	@mkdir -p $(@D)
	$(call kut_say,AS,$@)
	$(KUT_Q)$(KUT_COMPILE) -D__ASSEMBLY__ -c $< -o $@

# Sources named with "../" map to "__/" under the object directory.
$(KUT_OBJDIR)/__/%.o: $(call kut_src,../%.c) $(KUT_STAMP)
	@mkdir -p $(@D)
	$(call kut_say,CC,$@)
	$(KUT_Q)$(KUT_COMPILE) -c $< -o $@

# Snippets (s390x): built under $(KUT_SNIPDIR), where each flat binary
# is s390x/snippets/<c|asm>/<name>.gbin, the path objcopy names its
# symbols after.  The binary to object step is binutils' objcopy's,
# with Clang too.
KUT_SNIPDIR	:= $(KUT_OBJDIR)/snippets
KUT_ALL_SNIPPETS := $(sort $(foreach t,$(TESTS),$($(t)_SNIPPETS)))
kut_snip_type	= $(if $(filter %.c,$(1)),c,asm)
kut_snip_gbin	= s390x/snippets/$(call kut_snip_type,$(1))/$(notdir $(basename $(1))).gbin
kut_snip_gobj	= $(KUT_SNIPDIR)/$(basename $(call kut_snip_gbin,$(1))).gobj
kut_snip_pc	= $(KUT_PC)-snippet$(if $(filter %.c,$(1)),,-asm)

define kut_snippet_rule
$(KUT_SNIPDIR)/$(basename $(call kut_snip_gbin,$(1))).elf: $(call kut_src,$(1)) $(KUT_STAMP)
	@mkdir -p $$(@D)
	$$(call kut_say,SNIPPET,$$@)
	$$(KUT_Q)$$(KUT_CC) $$(shell $$(PKG_CONFIG) --cflags $(call kut_snip_pc,$(1))) \
		$$(KUT_OPT_CFLAGS) $$(CPPFLAGS) $$(CFLAGS) -o $$@ $$< \
		$$(shell $$(PKG_CONFIG) --libs $(call kut_snip_pc,$(1)))
$(KUT_SNIPDIR)/$(call kut_snip_gbin,$(1)): $(KUT_SNIPDIR)/$(basename $(call kut_snip_gbin,$(1))).elf
	$$(KUT_Q)$$(KUT_SNIP_OBJCOPY) $$(shell $$(PKG_CONFIG) --variable=gbinflags \
		$(call kut_snip_pc,$(1))) $$< $$@ && truncate -s %4096 $$@
$(call kut_snip_gobj,$(1)): $(KUT_SNIPDIR)/$(call kut_snip_gbin,$(1))
	$$(KUT_Q)cd $(KUT_SNIPDIR) && $$(KUT_SNIP_OBJCOPY) $$(shell $$(PKG_CONFIG) \
		--variable=gobjflags $(call kut_snip_pc,$(1))) $(call kut_snip_gbin,$(1)) $$(abspath $$@)
endef
ifneq ($(KUT_ALL_SNIPPETS),)
KUT_SNIP_OBJCOPY := $(call kut_pcvar,objcopy)
$(foreach s,$(KUT_ALL_SNIPPETS),$(eval $(call kut_snippet_rule,$(s))))
endif

define kut_test_rule
$(KUT_OUT)/$(1).elf: $(call kut_obj,$(call kut_srcs,$(1)) $(COMMON_SRCS)) \
		$(foreach s,$($(1)_SNIPPETS),$(call kut_snip_gobj,$(s))) $(KUT_SDK_FILES)
	$$(call kut_say,LD,$$@)
	$$(KUT_Q)$$(KUT_LINK)
endef
$(foreach t,$(TESTS),$(eval $(call kut_test_rule,$(t))))

$(KUT_OUT)/%.flat: $(KUT_OUT)/%.elf
	$(call kut_say,FLAT,$@)
	$(KUT_Q)$(KUT_OBJCOPY) $(KUT_FLATFLAGS) $< $@

# kut-run is called from inside $(KUT_OUT) by "check" (so logs/ lands
# there): a relative path to it must be made absolute first.
KUT_RUN_CMD	:= $(if $(findstring /,$(firstword $(KUT_RUN))),$(abspath $(firstword $(KUT_RUN))) \
		   $(wordlist 2,$(words $(KUT_RUN)),$(KUT_RUN)),$(KUT_RUN))

# Each test in turn; a skip (77) is not a failure.
run: all
	@failed=; \
	for t in $(TESTS); do \
		$(KUT_RUN_CMD) $(KUT_RUN_FLAGS) $(KUT_OUT)/$$t.flat $(RUN_ARGS); \
		s=$$?; \
		[ $$s = 0 ] || [ $$s = 77 ] || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "make run: failed:$$failed" >&2; exit 1; fi

run-%: $(KUT_OUT)/%.flat
	$(KUT_RUN_CMD) $(KUT_RUN_FLAGS) $< $(RUN_ARGS)

# The suite file goes next to the images, where its "file =" keys point.
$(KUT_OUT)/unittests.cfg: $(call kut_src,$(UNITTESTS))
	@mkdir -p $(@D)
	$(KUT_Q)cp $< $@

check: all $(KUT_OUT)/unittests.cfg
	cd $(KUT_OUT) && $(KUT_RUN_CMD) --arch=$(ARCH) $(KUT_RUN_FLAGS) . $(CHECK_TESTS)

clean:
	rm -rf $(KUT_OUT)
	@rmdir $(O) 2>/dev/null || true

help:
	@sed -n '/^# Goals:/,/^# Variables a repository may/p' $(KUT_MK_FILE) | \
		sed -e 's/^# \{0,1\}//' -e '$$d'

-include $(KUT_ALL_OBJS:.o=.d)

.PHONY: all run check clean help
.SECONDARY: $(KUT_ALL_OBJS) $(KUT_ELFS)

endif
