# SPDX-License-Identifier: MIT
# arch-vars.mk - the build's own facts, read by the packaging (gen-control,
# rules), so that debian/ repeats nothing mk/ says:
#   make -s -f debian/arch-vars.mk print-ARCHES
#   make -s -f debian/arch-vars.mk ARCH=arm64 print-DEB_PACKAGES
include mk/config.mk
ifneq ($(ARCH),)
include mk/arch/$(ARCH).mk
endif

print-%:
	@echo '$(strip $($*))'
