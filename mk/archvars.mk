# SPDX-License-Identifier: MIT
# archvars.mk - print variables of one arch's fragment, one per line, for
# what needs an arch fact outside the guest build: scripts/install-deps
# (the Debian packages), mk/host.mk (kut-run's QEMU names), the checks.
# Make reads the fragment (mk/arch.mk), so "+=", includes and references
# work as in the build.
#   make -s -f mk/archvars.mk ARCH=arm64 VARS="QEMU QEMU_PACKAGE"

include mk/arch.mk

show:
	@:$(foreach v,$(VARS),$(info $($(v))))

.PHONY: show
