# SPDX-License-Identifier: MIT
# arch.mk - load one arch's facts: mk/arch/$(ARCH).mk, then the defaults
# a fragment may leave out.  Included by mk/guest.mk (the build) and
# mk/archvars.mk (scripts that need a fact), so both see the same values.

ifeq ($(wildcard mk/arch/$(ARCH).mk),)
$(error unknown ARCH '$(ARCH)': no mk/arch/$(ARCH).mk)
endif
include mk/arch/$(ARCH).mk

# The asm/ directories of the arch, most specific first (an arch may share
# asm/ headers with a sibling, as arm and arm64 do).
ASM_INCLUDE_DIRS ?= include/arch/$(FAMILY)
TEST_SRC_DIR	?= tests/$(ARCH)
# The bundled tests' suite file (arches of one family may share one).
UNITTESTS_CFG	?= tests/$(ARCH)/unittests.cfg
# The linker script, installed as kut.lds (arches of one family may share).
LDS_SRC		?= linker-scripts/$(ARCH).lds
# The header directories of the arch, in the compiler's search order.
ARCH_INCLUDE_DIRS = include $(ASM_INCLUDE_DIRS) $(if $(FAMILY_INCLUDE),include/$(FAMILY_INCLUDE))
