// SPDX-License-Identifier: MIT
/*
 * test-runner-gdb.c - host tests of kut-run --gdb's pieces: the stub's
 * socket listens on a loopback port and stays open across exec (QEMU
 * inherits it), QEMU's arguments name that descriptor, and the printed
 * gdb-multiarch command carries the arch, the port and the .elf.  The
 * whole path, with QEMU and gdb-multiarch, is tests/e2e/gdb.sh.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "archtab.h"
#include "gdb.h"
#include "util.h"

TEST(stub_listens_on_loopback_and_is_inherited)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);
	struct gdb_stub stub;
	char err[256];
	int c;

	CHECK_INT(gdb_stub_open(&stub, err, sizeof(err)), 0);
	CHECK(stub.port > 0 && stub.port < 65536);
	CHECK(!(fcntl(stub.fd, F_GETFD) & FD_CLOEXEC));
	CHECK_INT(getsockname(stub.fd, (struct sockaddr *)&addr, &len), 0);
	CHECK_INT(ntohl(addr.sin_addr.s_addr), INADDR_LOOPBACK);
	CHECK_INT(ntohs(addr.sin_port), stub.port);
	/* Listening already: a debugger may connect before QEMU accepts. */
	c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_INT(connect(c, (struct sockaddr *)&addr, sizeof(addr)), 0);
	close(c);
	close(stub.fd);
}

TEST(two_stubs_get_two_ports)
{
	struct gdb_stub a, b;
	char err[256];

	CHECK_INT(gdb_stub_open(&a, err, sizeof(err)), 0);
	CHECK_INT(gdb_stub_open(&b, err, sizeof(err)), 0);
	CHECK(a.port != b.port);
	close(a.fd);
	close(b.fd);
}

TEST(qemu_args_name_the_inherited_fd)
{
	struct gdb_stub stub = { .fd = 7, .port = 1234 };
	struct strvec argv = STRVEC_INIT;
	char *s;

	strvec_push(&argv, "qemu-system-x86_64");
	gdb_stub_args(&stub, &argv);
	s = shell_join(argv.v);
	CHECK_STR(s, "qemu-system-x86_64 -S -chardev "
		  "socket,id=kut-gdb,fd=7,server=on,wait=off "
		  "-gdb chardev:kut-gdb");
	free(s);
	strvec_free(&argv);
}

TEST(command_names_arch_port_and_elf)
{
	struct gdb_stub stub = { .fd = 7, .port = 40123 };
	char *s;

	s = gdb_command(arch_find("arm64"), &stub, "/t/x y.elf");
	CHECK_STR(s, "gdb-multiarch -q -ex 'set architecture aarch64' "
		  "-ex 'target remote 127.0.0.1:40123' '/t/x y.elf'");
	free(s);
	/* QEMU's x86 stub describes x86-64 registers for i386 guests too. */
	s = gdb_command(arch_find("i386"), &stub, "/t/a.elf");
	CHECK_STR(s, "gdb-multiarch -q -ex 'set architecture i386:x86-64' "
		  "-ex 'target remote 127.0.0.1:40123' /t/a.elf");
	free(s);
}

TEST(every_arch_names_its_gdb_architecture)
{
	size_t i;

	for (i = 0; arch_at(i); i++)
		if (!arch_at(i)->gdb_arch)
			printf("#   %s has no gdb_arch\n", arch_at(i)->name);
	for (i = 0; arch_at(i); i++)
		CHECK(arch_at(i)->gdb_arch != NULL);
}
