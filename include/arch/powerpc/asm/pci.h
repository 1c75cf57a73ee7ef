/* SPDX-License-Identifier: MIT */
/*
 * asm/pci.h - upstream kvm-unit-tests' per-arch PCI header, kept so that
 * tests including it build; everything is in <pci.h>.
 */
#ifndef _ASM_PCI_H_
#define _ASM_PCI_H_

#include <pci.h>

#endif /* _ASM_PCI_H_ */
