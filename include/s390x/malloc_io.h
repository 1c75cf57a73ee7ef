/* SPDX-License-Identifier: MIT */
/*
 * malloc_io.h - memory for I/O control blocks and data (upstream
 * kvm-unit-tests' lib/s390x/malloc_io.h): whole pages below 2 GiB
 * (AREA_DMA31), as channel programs address them with 31 bits.  kut has
 * no protected virtualization, so nothing is shared with the host.
 */
#ifndef _S390X_MALLOC_IO_H_
#define _S390X_MALLOC_IO_H_

/* @size bytes, page aligned, below 2 GiB, from areas also in @flags. */
void *alloc_io_mem(int size, int flags);

/* Give back what alloc_io_mem() returned, with the same @size. */
void free_io_mem(void *p, int size);

#endif /* _S390X_MALLOC_IO_H_ */
