# SPDX-License-Identifier: MIT
# host.mk - what runs on the build machine: kut-run, and the host unit
# tests of the runner and of libkut's portable code.

HOST_OUT	:= $(BUILD)/host
KUT_RUN		:= $(HOST_OUT)/kut-run

RUNNER_SRCS	:= $(sort $(wildcard runner/*.c))
RUNNER_OBJS	:= $(RUNNER_SRCS:runner/%.c=$(HOST_OUT)/runner/%.o)
RUNNER_LIB_OBJS	:= $(filter-out $(HOST_OUT)/runner/main.o,$(RUNNER_OBJS))
RUNNER_CFLAGS	:= -std=gnu11 $(HOST_CFLAGS) $(HOST_WARN) -iquote include \
		   -DKUT_VERSION='"$(VERSION)"' -MMD -MP

host: $(KUT_RUN)

$(HOST_OUT)/runner/%.o: runner/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) $(RUNNER_CFLAGS) -c $< -o $@

$(KUT_RUN): $(RUNNER_OBJS)
	@$(if $(Q),echo "  HOSTLD  $@")
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $^

# libkut's common code, built for the host with every symbol renamed
# kut_<name>, so host tests can compare it with the host libc.
LIBKUT_HOST_SRCS := $(sort $(wildcard libkut/*.c))
LIBKUT_HOST_OBJS := $(LIBKUT_HOST_SRCS:libkut/%.c=$(HOST_OUT)/libkut/%.o)
LIBKUT_HOST	:= $(HOST_OUT)/libkut-host.o
LIBKUT_HOST_CFLAGS := -std=gnu11 $(HOST_CFLAGS) $(HOST_WARN) -ffreestanding -fno-builtin \
		   -fno-pic -ffunction-sections -fdata-sections \
		   -Iinclude -Itests/host/asm -DKUT_ARCH='"host"' -MMD -MP

$(HOST_OUT)/libkut/%.o: libkut/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) $(LIBKUT_HOST_CFLAGS) -c $< -o $@

$(LIBKUT_HOST): $(LIBKUT_HOST_OBJS)
	$(Q)ld -r -o $@.tmp $^ && objcopy --prefix-symbols=kut_ $@.tmp $@ && rm -f $@.tmp

HOST_TEST_SRCS	:= $(sort $(wildcard tests/host/test-*.c))
HOST_TESTS	:= $(HOST_TEST_SRCS:tests/host/%.c=$(HOST_OUT)/%)
HOST_TEST_CFLAGS := -std=gnu11 $(HOST_CFLAGS) $(HOST_WARN) -iquote include \
		   -iquote runner -iquote tests/host -DKUT_VERSION='"$(VERSION)"'

$(HOST_OUT)/test-runner-%: tests/host/test-runner-%.c $(RUNNER_LIB_OBJS)
	@$(if $(Q),echo "  HOSTLD  $@")
	$(Q)$(HOSTCC) $(HOST_TEST_CFLAGS) -o $@ $^

$(HOST_OUT)/test-lib-%: tests/host/test-lib-%.c tests/host/arch-stubs.c $(LIBKUT_HOST)
	@$(if $(Q),echo "  HOSTLD  $@")
	$(Q)$(HOSTCC) $(HOST_TEST_CFLAGS) -no-pie -o $@ $^ -Wl,--gc-sections

host-tests: $(HOST_TESTS)

-include $(RUNNER_OBJS:.o=.d) $(LIBKUT_HOST_OBJS:.o=.d)

.PHONY: host host-tests
