# SPDX-License-Identifier: MIT
# fuzz.mk - libFuzzer targets for kut-run's parsers (tests/fuzz/), built
# with Clang, AddressSanitizer and UndefinedBehaviorSanitizer over their
# own copy of runner/ (built for the fuzzer, main.c left out).
#
#   make fuzz             run each target for FUZZ_TIME seconds (60)
#   make fuzz-build       only build them
#
# A run starts from the committed corpus (tests/fuzz/corpus/<target>/)
# and keeps what it finds in $(BUILD)/fuzz/corpus/<target>/; a crash
# leaves its input in $(BUILD)/fuzz/ and stops the run.

FUZZ_OUT	:= $(BUILD)/fuzz
FUZZ_TARGETS	:= cfg smp shsplit expect image
FUZZ_CC		?= clang
FUZZ_TIME	?= 60
FUZZ_SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS	:= -std=gnu11 -g -O1 $(FUZZ_SAN) $(HOST_WARN) -idirafter include \
		   -iquote runner -iquote $(HOST_OUT)/gen -DKUT_VERSION='"$(VERSION)"'
FUZZ_RUNNER_OBJS := $(RUNNER_LIB_OBJS:$(HOST_OUT)/runner/%.o=$(FUZZ_OUT)/runner/%.o)
FUZZ_BINS	:= $(FUZZ_TARGETS:%=$(FUZZ_OUT)/fuzz-%)

$(FUZZ_OUT)/runner/archtab.o: $(ARCH_QEMU_H)

$(FUZZ_OUT)/runner/%.o: runner/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_OUT)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(FUZZ_RUNNER_OBJS)
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -iquote tests/fuzz \
		-o $@ $< $(FUZZ_RUNNER_OBJS)

# Kept for the next build: they are not intermediate files.
.SECONDARY: $(FUZZ_RUNNER_OBJS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	$(Q)for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_OUT)/corpus/$$t || exit 1; \
		echo "fuzz-$$t: $(FUZZ_TIME) s"; \
		(cd $(FUZZ_OUT) && ./fuzz-$$t -max_total_time=$(FUZZ_TIME) \
			-print_final_stats=1 corpus/$$t \
			$(CURDIR)/tests/fuzz/corpus/$$t) 2>&1 | \
			grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' \
			|| true; \
		[ -z "$$(ls $(FUZZ_OUT)/crash-* $(FUZZ_OUT)/leak-* $(FUZZ_OUT)/timeout-* $(FUZZ_OUT)/oom-* 2>/dev/null)" ] || \
			{ echo "fuzz-$$t: found a crash: $$(ls $(FUZZ_OUT)/crash-* $(FUZZ_OUT)/leak-* $(FUZZ_OUT)/timeout-* $(FUZZ_OUT)/oom-* 2>/dev/null)"; exit 1; }; \
	done

.PHONY: fuzz fuzz-build
