/* SPDX-License-Identifier: MIT */
/*
 * asm/pci.h - upstream kvm-unit-tests' per-arch PCI header, kept so that
 * tests including it build.  kut's config accessors and
 * pci_translate_addr() are the same functions on every arch and are
 * declared in <pci.h>; the arch differences stay inside libkut.
 */
#ifndef _ASM_PCI_H_
#define _ASM_PCI_H_

#include <pci.h>

#endif /* _ASM_PCI_H_ */
