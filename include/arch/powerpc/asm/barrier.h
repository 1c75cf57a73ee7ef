/* SPDX-License-Identifier: MIT */
/*
 * asm/barrier.h - memory barriers and spin-wait hints on 64-bit Power.
 * sync orders everything (device accesses included); lwsync orders
 * normal memory except stores before later loads, which is what the
 * smp_ read and write barriers need.
 */
#ifndef _ASMPPC64_BARRIER_H_
#define _ASMPPC64_BARRIER_H_

#define mb()		asm volatile("sync" : : : "memory")
#define rmb()		asm volatile("sync" : : : "memory")
#define wmb()		asm volatile("sync" : : : "memory")
#define smp_mb()	asm volatile("sync" : : : "memory")
#define smp_rmb()	asm volatile("lwsync" : : : "memory")
#define smp_wmb()	asm volatile("lwsync" : : : "memory")

/* Spin-wait hint: low, then medium thread priority (or 1,1,1; or 2,2,2). */
#define cpu_relax()	asm volatile("or 1,1,1\n\tor 2,2,2" : : : "memory")
/* POWER10's "pause_short" (wait 2,0), spelt as its encoding. */
#define pause_short()	asm volatile(".long 0x7c40003c" : : : "memory")

#endif /* _ASMPPC64_BARRIER_H_ */
