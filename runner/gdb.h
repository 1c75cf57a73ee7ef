/* SPDX-License-Identifier: MIT */
/*
 * gdb.h - kut-run --gdb: QEMU starts stopped, with its gdb stub listening
 * on a free local TCP port, and kut-run prints the gdb-multiarch command
 * that attaches to it with the test's symbols.
 *
 * kut-run opens the listening socket itself (port 0: the kernel picks a
 * free one) and QEMU inherits it, so no other program can take the port
 * between the choice and QEMU's start, as it could if kut-run only picked
 * a number for QEMU to bind.
 */
#ifndef KUT_RUNNER_GDB_H
#define KUT_RUNNER_GDB_H

#include <stddef.h>

#include "archtab.h"
#include "util.h"

struct gdb_stub {
	int fd;			/* listening socket, inherited by QEMU */
	int port;		/* its port on 127.0.0.1 */
};

/*
 * Listen on 127.0.0.1 on a port the kernel chooses.  Returns 0, or -1 with
 * the problem in @err.
 */
int gdb_stub_open(struct gdb_stub *stub, char *err, size_t errsize);

/*
 * Append what makes QEMU wait before the first instruction and serve gdb
 * on the stub's socket (-S, a socket chardev on the inherited fd, -gdb).
 */
void gdb_stub_args(const struct gdb_stub *stub, struct strvec *argv);

/*
 * The gdb-multiarch command line attaching to @stub, shell-quoted: the
 * arch's gdb architecture when the table names one (QEMU's x86 stub always
 * describes 64-bit registers, even for an i386 guest), the port, and @elf
 * for symbols (malloc'd).
 */
char *gdb_command(const struct arch_info *arch, const struct gdb_stub *stub,
		  const char *elf);

/*
 * All of --gdb for @image: open the stub, append its QEMU arguments to
 * @argv, and print on stderr the gdb-multiarch command, with the .elf next
 * to the image when there is one (absolute, for another terminal).  Dies
 * with exit status 2 when the socket cannot be opened.
 */
void gdb_prepare(const char *image, const struct arch_info *arch,
		 struct strvec *argv);

#endif /* KUT_RUNNER_GDB_H */
