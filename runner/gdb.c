// SPDX-License-Identifier: MIT
/*
 * gdb.c - kut-run --gdb: the gdb stub's socket, QEMU's arguments for it,
 * and the gdb-multiarch command printed for the user (see gdb.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kut_abi.h"
#include "gdb.h"
#include "symbolize.h"

int gdb_stub_open(struct gdb_stub *stub, char *err, size_t errsize)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
		.sin_port = 0,
	};
	socklen_t len = sizeof(addr);
	/* Not close-on-exec: QEMU inherits it and serves gdb there. */
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0) {
		snprintf(err, errsize, "socket: %s", strerror(errno));
		return -1;
	}
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
	    listen(fd, 1) < 0 ||
	    getsockname(fd, (struct sockaddr *)&addr, &len) < 0) {
		snprintf(err, errsize, "listening on 127.0.0.1: %s",
			 strerror(errno));
		close(fd);
		return -1;
	}
	stub->fd = fd;
	stub->port = ntohs(addr.sin_port);
	return 0;
}

void gdb_stub_args(const struct gdb_stub *stub, struct strvec *argv)
{
	char *chardev = xasprintf("socket,id=kut-gdb,fd=%d,server=on,wait=off",
				  stub->fd);

	strvec_push(argv, "-S");
	strvec_push(argv, "-chardev");
	strvec_push(argv, chardev);
	strvec_push(argv, "-gdb");
	strvec_push(argv, "chardev:kut-gdb");
	free(chardev);
}

char *gdb_command(const struct arch_info *arch, const struct gdb_stub *stub,
		  const char *elf)
{
	struct strvec cmd = STRVEC_INIT;
	char *s;

	strvec_push(&cmd, "gdb-multiarch");
	strvec_push(&cmd, "-q");
	if (arch->gdb_arch) {
		s = xasprintf("set architecture %s", arch->gdb_arch);
		strvec_push(&cmd, "-ex");
		strvec_push(&cmd, s);
		free(s);
	}
	s = xasprintf("target remote 127.0.0.1:%d", stub->port);
	strvec_push(&cmd, "-ex");
	strvec_push(&cmd, s);
	free(s);
	strvec_push(&cmd, elf);
	s = shell_join(cmd.v);
	strvec_free(&cmd);
	return s;
}

void gdb_prepare(const char *image, const struct arch_info *arch,
		 struct strvec *argv)
{
	struct gdb_stub stub;
	char err[256], *elf, *abs, *cmd;

	if (gdb_stub_open(&stub, err, sizeof(err)) < 0)
		die(KUT_EXIT_ERROR, "%s: --gdb: %s", image, err);
	gdb_stub_args(&stub, argv);
	elf = symbolize_elf_for(image);
	if (!strcmp(elf, image) && !strstr(image, ".elf"))
		warn("%s: no .elf next to it: gdb will have no symbols", image);
	abs = realpath(elf, NULL);
	cmd = gdb_command(arch, &stub, abs ? abs : elf);
	fprintf(stderr, PROGNAME ": %s: QEMU waits for gdb on 127.0.0.1:%d; "
		"attach with:\n%s\n", image, stub.port, cmd);
	free(cmd);
	free(abs);
	free(elf);
}
