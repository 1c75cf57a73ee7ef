# SPDX-License-Identifier: MIT
# archvars.mk - print variables of one arch's fragment, one per line, for
# what needs an arch fact outside the guest build: scripts/install-deps
# (the Debian packages) and mk/host.mk (kut-run's QEMU names).  Make reads
# the fragment, so "+=", includes and references work as in the build.
#   make -s -f mk/archvars.mk ARCH=arm64 VARS="QEMU QEMU_PACKAGE"

ifeq ($(wildcard mk/arch/$(ARCH).mk),)
$(error unknown ARCH '$(ARCH)': no mk/arch/$(ARCH).mk)
endif
include mk/arch/$(ARCH).mk

show:
	@:$(foreach v,$(VARS),$(info $($(v))))

.PHONY: show
