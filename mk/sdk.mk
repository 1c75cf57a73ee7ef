# SPDX-License-Identifier: MIT
# sdk.mk - what "make install" puts beside the libraries for people who
# write tests: kut.mk (a test repository's whole build), the kut-new
# generator and its template, asm-offsets (kut-<arch>.pc's asm_offsets),
# the man pages and the documentation.
# Included by the top-level Makefile.

SDK_TEMPLATE	:= $(sort $(wildcard sdk/template/*))
SDK_MAN1	:= $(sort $(wildcard docs/man/*.1))
SDK_MAN7	:= $(sort $(wildcard docs/man/*.7))
SDK_DOCS	:= $(sort $(wildcard docs/*.md))
SDK_API_DOCS	:= $(sort $(wildcard docs/api/*.md))

# kut-new finds the template relative to itself: a moved prefix still works.
SDK_NEW_SUBST	= -e 's|@VERSION@|$(VERSION)|g' \
		  -e "s|@BIN_TO_DATADIR@|$$(realpath -m --relative-to=$(bindir) $(datadir))|g"

install-sdk:
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(datadir)/kut/template \
		$(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man7 \
		$(DESTDIR)$(docdir)/api
	install -m 644 sdk/kut.mk $(DESTDIR)$(datadir)/kut/kut.mk
	install -m 755 sdk/asm-offsets $(DESTDIR)$(datadir)/kut/asm-offsets
	install -m 644 $(SDK_TEMPLATE) $(DESTDIR)$(datadir)/kut/template/
	sed $(SDK_NEW_SUBST) sdk/kut-new.in > $(DESTDIR)$(bindir)/kut-new.tmp
	chmod 755 $(DESTDIR)$(bindir)/kut-new.tmp
	mv $(DESTDIR)$(bindir)/kut-new.tmp $(DESTDIR)$(bindir)/kut-new
	$(if $(SDK_MAN1),install -m 644 $(SDK_MAN1) $(DESTDIR)$(mandir)/man1/)
	$(if $(SDK_MAN7),install -m 644 $(SDK_MAN7) $(DESTDIR)$(mandir)/man7/)
	$(if $(SDK_DOCS),install -m 644 $(SDK_DOCS) $(DESTDIR)$(docdir)/)
	$(if $(SDK_API_DOCS),install -m 644 $(SDK_API_DOCS) $(DESTDIR)$(docdir)/api/)

.PHONY: install-sdk
