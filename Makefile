# SPDX-License-Identifier: MIT
# kut - kvm-unit-tests as an installable SDK.
#
#   make                 build kut-run, and libkut + bundled tests per arch
#   make install         install to $(PREFIX) (DESTDIR= for staging)
#   make run             install missing packages, build, run the bundled tests
#   make check           install missing packages, run the project's own tests
#   make check-dist      the Debian packages and the CI recipes (minutes)
#   make deps            only install missing Debian packages
#
# Variables: PREFIX, DESTDIR, ARCHES (default x86_64), TOOLCHAIN (gcc or
# clang), BUILD (build directory), V=1 (show commands).  See INSTALL.

include mk/config.mk

all: host guests

include mk/host.mk
include mk/sdk.mk
include mk/fuzz.mk

guests:
	$(Q)for a in $(ARCHES); do \
		$(MAKE) --no-print-directory -f mk/guest.mk ARCH=$$a all || exit 1; \
	done

install: all install-sdk
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(includedir)/kut
	install -m 755 $(KUT_RUN) $(DESTDIR)$(bindir)/kut-run
	cd include && find . -name arch -prune -o -type f -name '*.h' -print | \
		while read -r h; do \
			install -D -m 644 "$$h" "$(DESTDIR)$(includedir)/kut/$$h" || exit 1; \
		done
	$(Q)for a in $(ARCHES); do \
		$(MAKE) --no-print-directory -f mk/guest.mk ARCH=$$a install || exit 1; \
	done

deps:
	$(Q)scripts/install-deps $(ARCHES)

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)tests/run-bundled.sh $(BUILD)/$(TOOLCHAIN) $(KUT_RUN) $(ARCHES)

check: deps
	$(Q)$(MAKE) --no-print-directory check-nodeps

check-nodeps:
	$(Q)BUILD="$(BUILD)" ARCHES="$(ARCHES)" tests/check.sh

# Debian packages (build, lintian, autopkgtest) and the CI recipes run
# for real: minutes, so not part of make check; .ci/run runs it after.
check-dist:
	$(Q)scripts/install-deps --dist $(ARCHES)
	$(Q)BUILD="$(BUILD)" ARCHES="$(ARCHES)" tests/check.sh tests/check-deb.sh tests/e2e/gitlab-ci.sh

clean:
	rm -rf $(BUILD)

.PHONY: all guests install deps run check check-nodeps check-dist clean
