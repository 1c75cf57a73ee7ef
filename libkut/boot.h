/* SPDX-License-Identifier: MIT */
/*
 * boot.h - what an arch's boot code hands to the common start-up
 * (internal, not installed).
 *
 * Each arch reads its firmware's boot protocol (PVH start_info on x86, the
 * device tree elsewhere) into a struct kut_boot_info and calls kut_start(),
 * which copies what it needs, sets up the allocators and runs main().
 */
#ifndef KUT_LIBKUT_BOOT_H
#define KUT_LIBKUT_BOOT_H

#include <stddef.h>
#include <stdint.h>

#define KUT_MAX_MEM_REGIONS	32
#define KUT_MAX_NAMED_AREAS	4

struct kut_mem_region {
	uint64_t start;		/* first byte */
	uint64_t end;		/* one past the last byte */
};

struct kut_boot_info {
	const char *cmdline;		/* NULL: empty */
	const char *initrd;		/* environment, "KEY=VAL" lines */
	size_t initrd_size;
	/* Usable RAM as the firmware reports it, image included. */
	int nr_mem;
	struct kut_mem_region mem[KUT_MAX_MEM_REGIONS];
	/* Highest address the arch has mapped, so allocations stay usable. */
	uint64_t mapped_limit;
	/*
	 * The arch's named page-allocator areas (asm/memory_areas.h), by
	 * increasing base: free RAM from areas[i].base up to the next base
	 * becomes area number areas[i].number, or, when that range of
	 * addresses has several pieces of free RAM, the next numbers up to
	 * number + count - 1 (count 0 is 1).  None (nr_areas 0): each free
	 * RAM range becomes an area of the lowest unused number.
	 */
	int nr_areas;
	struct kut_area {
		uint64_t base;
		uint8_t number;
		uint8_t count;
	} areas[KUT_MAX_NAMED_AREAS];
};

/* Bounds of the loaded image, from the linker script. */
extern char __image_start[], __image_end[];

/*
 * Add [start, end) to @bi's RAM list, merging with neighbours and ignoring
 * empty ranges; returns -1 when the list is full.
 */
int kut_boot_add_mem(struct kut_boot_info *bi, uint64_t start, uint64_t end);

/* The end of the highest RAM region boot found (0 before kut_start()). */
uint64_t kut_ram_end(void);

/*
 * The arch now maps memory up to @limit: give the RAM between the old
 * mapped_limit and @limit to the page allocator (setup_vm() on x86).
 * Nothing happens if @limit is not higher, or nothing was left out.
 */
void kut_mem_extend(uint64_t limit);

/* Common start-up: never returns (main's result goes to exit()). */
void kut_start(struct kut_boot_info *bi) __attribute__((noreturn));

#endif /* KUT_LIBKUT_BOOT_H */
