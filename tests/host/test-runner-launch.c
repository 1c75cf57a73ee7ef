// SPDX-License-Identifier: MIT
/*
 * test-runner-launch.c - host tests of running QEMU and reading how it
 * ended: the exit-status decoding table, the stderr error-line rule, and
 * real launches of /bin/sh standing in for QEMU (output streaming,
 * timeouts that kill the whole process group, stray pipe holders,
 * parallel launches, and dying of Ctrl-C without leaving anything behind).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kut_abi.h"
#include "harness.h"
#include "launch.h"
#include "util.h"

#define EXITED(code)	((code) << 8)	/* a wait status, as Linux encodes it */

static struct launch_result decode(int status, const char *error_line)
{
	struct launch_result res;

	launch_decode_status(LAUNCH_DECODE_TESTDEV, status, error_line, &res);
	return res;
}

TEST(decode_pass_skip_fail)
{
	struct launch_result r;

	r = decode(EXITED(1), "");
	CHECK_INT(r.kind, LAUNCH_PASSED);
	CHECK_INT(r.exit_code, 0);
	CHECK_STR(r.reason, "");
	r = decode(EXITED(77), "");
	CHECK_INT(r.kind, LAUNCH_SKIPPED);
	CHECK_INT(r.exit_code, 77);
	r = decode(EXITED(KUT_QEMU_STATUS(KUT_TESTDEV_SKIP_CODE)), "");
	CHECK_INT(r.exit_code, 77);
	r = decode(EXITED(3), "");
	CHECK_INT(r.kind, LAUNCH_FAILED);
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "FAIL (guest exit code 1)");
	r = decode(EXITED(KUT_QEMU_STATUS(100)), "");
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "FAIL (guest exit code 100)");
	r = decode(EXITED(255), "");
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "FAIL (guest exit code 127)");
}

TEST(decode_guest_that_never_reported)
{
	struct launch_result r = decode(EXITED(0), "");

	CHECK_INT(r.kind, LAUNCH_FAILED);
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "guest stopped without reporting a result "
		  "(reset, triple fault or power-off)");
}

TEST(decode_qemu_failures)
{
	struct launch_result r;

	/* QEMU exits 1 when it cannot start: the error line tells. */
	r = decode(EXITED(1), "qemu-system-x86_64: -device foo: 'foo' is not "
		   "a valid device model name");
	CHECK_INT(r.kind, LAUNCH_ERROR);
	CHECK_INT(r.exit_code, 2);
	CHECK_STR(r.reason, "QEMU failed: qemu-system-x86_64: -device foo: "
		  "'foo' is not a valid device model name");
	r = decode(EXITED(2), "");
	CHECK_INT(r.exit_code, 2);
	CHECK_STR(r.reason, "QEMU exited with status 2");
	r = decode(EXITED(4), "qemu: oops");
	CHECK_INT(r.exit_code, 2);
	CHECK_STR(r.reason, "QEMU exited with status 4: qemu: oops");
	r = decode(SIGABRT, "");
	CHECK_INT(r.kind, LAUNCH_ERROR);
	CHECK_INT(r.exit_code, 2);
	CHECK(strstr(r.reason, "QEMU was killed by signal 6") == r.reason);
	r = decode(SIGSEGV | 0x80, "");		/* with a core dump */
	CHECK_INT(r.exit_code, 2);
}

TEST(decode_plain_commands)
{
	struct launch_result r;

	launch_decode_status(LAUNCH_DECODE_PLAIN, EXITED(0), "", &r);
	CHECK_INT(r.kind, LAUNCH_PASSED);
	launch_decode_status(LAUNCH_DECODE_PLAIN, EXITED(1), "x: bad", &r);
	CHECK_INT(r.kind, LAUNCH_ERROR);
	CHECK_STR(r.reason, "exited with status 1: x: bad");
}

static bool is_error(const char *line)
{
	return launch_is_error_line(line, strlen(line));
}

TEST(console_status_lines)
{
	CHECK_INT(launch_console_status("EXIT: STATUS=1\n", 15), 1);
	CHECK_INT(launch_console_status("EXIT: STATUS=155", 16), 155);
	CHECK_INT(launch_console_status("EXIT: STATUS=3\r\n", 16), 3);
	CHECK_INT(launch_console_status("EXIT: STATUS=\n", 14), -1);
	CHECK_INT(launch_console_status("EXIT: STATUS=12x\n", 17), -1);
	CHECK_INT(launch_console_status("EXIT: STATUS=99999999999\n", 25), -1);
	CHECK_INT(launch_console_status(" EXIT: STATUS=1\n", 16), -1);
	CHECK_INT(launch_console_status("EXIT: STATUS", 12), -1);
}

TEST(decode_console)
{
	struct launch_result r;

	launch_decode_console(EXITED(0), 1, "", &r);
	CHECK_INT(r.kind, LAUNCH_PASSED);
	CHECK_INT(r.exit_code, 0);
	CHECK_INT(r.status, EXITED(0));
	launch_decode_console(EXITED(0), 3, "", &r);
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "FAIL (guest exit code 1)");
	launch_decode_console(EXITED(0), 129, "", &r);
	CHECK_STR(r.reason, "FAIL (guest exit code 64)");
	launch_decode_console(EXITED(0), 77, "", &r);
	CHECK_INT(r.kind, LAUNCH_SKIPPED);
	CHECK_INT(r.exit_code, 77);
	launch_decode_console(EXITED(0), -1, "", &r);
	CHECK_INT(r.kind, LAUNCH_FAILED);
	CHECK(!strncmp(r.reason, "guest stopped without reporting a result",
		       strlen("guest stopped without reporting a result")));
	/* QEMU's own failure wins over whatever the console said. */
	launch_decode_console(EXITED(1), 1, "qemu: -device x: no", &r);
	CHECK_INT(r.kind, LAUNCH_ERROR);
	CHECK_INT(r.exit_code, 2);
	launch_decode_console(EXITED(1), -1, "", &r);
	CHECK_INT(r.exit_code, 2);
	launch_decode_console(SIGKILL, 1, "", &r);
	CHECK_INT(r.exit_code, 2);
}

TEST(error_lines)
{
	CHECK(is_error("qemu-system-x86_64: -device foo: 'foo' is not a valid "
		       "device model name\n"));
	CHECK(is_error("qemu: could not load PC BIOS 'x'\n"));
	CHECK(!is_error("qemu-system-x86_64: warning: host doesn't support "
			"requested feature: CPUID.01H:ECX.pni [bit 0]\n"));
	CHECK(!is_error("qemu-system-x86_64: info: something\n"));
	CHECK(!is_error("qemu-system-x86_64: -accel kvm: warning: Number of "
			"SMP cpus requested (4) exceeds the recommended cpus "
			"supported by KVM (2)\n"));
	CHECK(is_error("qemu-system-x86_64: -smp 300: Invalid SMP CPUs 300\n"));
	CHECK(!is_error("Use -machine help to list supported machines\n"));
	CHECK(!is_error("\n"));
	CHECK(!is_error(""));
	CHECK(!is_error(": x"));
	CHECK(!is_error("qemu:"));
	CHECK(!is_error("qemu:x"));
}

/* Everything a launch printed, one string per stream. */
struct capture {
	struct strvec chunks;		/* "1:text" or "2:text" per call */
	char out[1 << 17];
	size_t out_len;
};

static void capture(void *ctx, enum launch_stream stream, const char *text,
		    size_t len)
{
	struct capture *c = ctx;
	char *chunk = xasprintf("%d:%.*s", stream == LAUNCH_STDOUT ? 1 : 2,
				(int)len, text);

	strvec_push(&c->chunks, chunk);
	free(chunk);
	if (stream == LAUNCH_STDOUT && c->out_len + len < sizeof(c->out)) {
		memcpy(c->out + c->out_len, text, len);
		c->out_len += len;
		c->out[c->out_len] = '\0';
	}
}

static struct capture cap;

static struct launch_result run_sh_image(const char *script,
					   long long timeout_ms,
					   enum launch_decode decode,
					   bool foreign)
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };
	struct launch_request req = {
		.argv = argv,
		.timeout_ms = timeout_ms,
		.decode = decode,
		.output = capture,
		.ctx = &cap,
		.foreign = foreign,
	};
	struct launch_result res;

	strvec_free(&cap.chunks);
	cap.out_len = 0;
	cap.out[0] = '\0';
	launch_run(&req, &res);
	return res;
}

static struct launch_result run_sh_as(const char *script, long long timeout_ms,
					enum launch_decode decode)
{
	return run_sh_image(script, timeout_ms, decode, false);
}

static struct launch_result run_sh(const char *script, long long timeout_ms)
{
	return run_sh_as(script, timeout_ms, LAUNCH_DECODE_TESTDEV);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether @pid is dead: no such process, or a zombie nobody reaped yet. */
static bool dead(pid_t pid)
{
	char path[64], buf[256], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return true;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' && p[2] == 'Z';
}

/* Whether @pid is dead, waiting up to a second for it. */
static bool gone(pid_t pid)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (dead(pid))
			return true;
		usleep(10000);
	}
	return false;
}

TEST(run_streams_lines_in_order)
{
	struct launch_result r;

	r = run_sh("echo one; echo two >&2; echo three; printf 'SUMMARY: four'; "
		   "exit 1", 5000);
	CHECK_INT(r.kind, LAUNCH_PASSED);
	CHECK_INT(r.exit_code, 0);
	CHECK_STR(cap.out, "one\nthree\nSUMMARY: four");
	CHECK(cap.chunks.n == 4);
	if (cap.chunks.n == 4) {
		CHECK_STR(cap.chunks.v[0], "1:one\n");
		CHECK_STR(cap.chunks.v[3], "1:SUMMARY: four");
	}
}

TEST(run_results)
{
	CHECK_INT(run_sh("echo 'SKIP: no device'; exit 77", 5000).exit_code, 77);
	CHECK_INT(run_sh("echo 'SUMMARY: 2 tests, 2 skipped'; exit 77",
			 5000).exit_code, 77);
	CHECK_INT(run_sh("exit 5", 5000).exit_code, 1);
	CHECK_INT(run_sh("exit 0", 5000).exit_code, 1);
	CHECK_INT(run_sh("exit 6", 5000).exit_code, 2);
	CHECK_INT(run_sh("kill -ABRT $$", 5000).exit_code, 77);	/* silent */
	CHECK_INT(run_sh("echo 'qemu-x: warning: meh' >&2; echo 'PASS: x'; exit 1",
			 5000).exit_code, 0);
	CHECK_INT(run_sh("echo 'qemu-x: -device foo: no' >&2; exit 1", 5000).exit_code, 2);
}

/* Found by a hostile guest: the exit status alone does not decide. */
TEST(run_needs_the_guests_word)
{
	struct launch_result r;

	r = run_sh("exit 1", 5000);
	CHECK_INT(r.exit_code, 1);
	CHECK(strstr(r.reason, "no result from the guest") != NULL);
	CHECK_INT(run_sh("echo 'INFO: hello'; exit 1", 5000).exit_code, 1);
	/* An image kut did not build (upstream's vmexit prints figures
	 * only): any line is its word, nothing is still no result. */
	CHECK_INT(run_sh_image("echo 'cpuid 1234'; exit 1", 5000,
			       LAUNCH_DECODE_TESTDEV, true).exit_code, 0);
	CHECK_INT(run_sh_image("echo; exit 1", 5000,
			       LAUNCH_DECODE_TESTDEV, true).exit_code, 1);
	r = run_sh_image("exit 1", 5000, LAUNCH_DECODE_TESTDEV, true);
	CHECK_INT(r.exit_code, 1);
	CHECK(strstr(r.reason, "printed nothing") != NULL);
	/* A kut image's exit line is its word, when it says QEMU's status
	 * and stands at the start of a line. */
	CHECK_INT(run_sh("echo 'cycles 1234'; echo 'EXIT: STATUS=1'; exit 1",
			 5000).exit_code, 0);
	r = run_sh("echo 'EXIT: STATUS=3'; exit 1", 5000);
	CHECK_INT(r.exit_code, 1);
	CHECK(strstr(r.reason, "no report, SUMMARY or exit line") != NULL);
	CHECK_INT(run_sh("echo 'x EXIT: STATUS=1'; exit 1", 5000).exit_code, 1);
	CHECK_INT(run_sh("echo 'FAIL: x'; echo 'EXIT: STATUS=1'; exit 128",
			 5000).exit_code, 1);
	r = run_sh("exit 77", 5000);
	CHECK_INT(r.exit_code, 1);
	CHECK(strstr(r.reason, "without a SKIP") != NULL);
	CHECK_INT(run_sh("echo 'PASS: x'; exit 77", 5000).exit_code, 1);
	r = run_sh("echo 'FAIL: bad'; exit 128", 5000);
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "the guest reported a failure, then QEMU exited "
		  "with status 128");
	CHECK_INT(run_sh("echo 'SUMMARY: 3 tests, 1 unexpected failures'; "
			 "exit 6", 5000).exit_code, 1);
	CHECK_INT(run_sh("echo 'PASS: x'; exit 128", 5000).exit_code, 2);
	CHECK_INT(run_sh_as("echo 'EXIT: STATUS=77'; exit 0", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 1);
}

TEST(run_console_status)
{
	CHECK_INT(run_sh_as("echo hello; echo 'EXIT: STATUS=1'; exit 0", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 0);
	CHECK_INT(run_sh_as("echo 'EXIT: STATUS=3'; exit 0", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 1);
	CHECK_INT(run_sh_as("echo 'SKIP: x'; echo 'EXIT: STATUS=77'; exit 0",
			    5000, LAUNCH_DECODE_CONSOLE).exit_code, 77);
	/* The first status line counts, and only at the start of a line. */
	CHECK_INT(run_sh_as("printf 'EXIT: STATUS=1\\nEXIT: STATUS=3\\n'", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 0);
	CHECK_INT(run_sh_as("printf 'x EXIT: STATUS=1\\n'", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 1);
	CHECK_INT(run_sh_as("echo no status; exit 0", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 1);
	CHECK_INT(run_sh_as("echo 'EXIT: STATUS=1'; exit 1", 5000,
			    LAUNCH_DECODE_CONSOLE).exit_code, 2);
	/* Other arches' images do not get to pass by printing the line. */
	CHECK_INT(run_sh("echo 'EXIT: STATUS=1'; exit 0", 5000).exit_code, 1);
	/* riscv's: the test device's code, else the line on a clean exit. */
	CHECK_INT(run_sh_as("echo 'EXIT: STATUS=1'; exit 0", 5000,
			    LAUNCH_DECODE_TESTDEV_OR_CONSOLE).exit_code, 0);
	CHECK_INT(run_sh_as("echo 'EXIT: STATUS=3'; exit 0", 5000,
			    LAUNCH_DECODE_TESTDEV_OR_CONSOLE).exit_code, 1);
	CHECK_INT(run_sh_as("echo 'EXIT: STATUS=1'; exit 3", 5000,
			    LAUNCH_DECODE_TESTDEV_OR_CONSOLE).exit_code, 1);
	CHECK_INT(run_sh_as("echo no status; exit 0", 5000,
			    LAUNCH_DECODE_TESTDEV_OR_CONSOLE).exit_code, 1);
}

TEST(qemu_refusing_the_configuration_is_a_skip)
{
	struct launch_result r;

	/* Before the guest said anything: SKIP with QEMU's reason. */
	r = run_sh("echo \"qemu: CPU model 'host' requires KVM or HVF\" >&2; "
		   "exit 1", 5000);
	CHECK_INT(r.kind, LAUNCH_SKIPPED);
	CHECK_INT(r.exit_code, 77);
	CHECK(r.refused);
	CHECK_STR(r.reason, "qemu: CPU model 'host' requires KVM or HVF");
	r = run_sh("echo \"qemu: Property 'max-x86_64-cpu.vmx-mbec' not "
		   "found\" >&2; exit 1", 5000);
	CHECK_INT(r.exit_code, 77);
	r = run_sh("echo 'qemu: error: failed to set MSR 0x10a' >&2; "
		   "kill -ABRT $$", 5000);
	CHECK_INT(r.kind, LAUNCH_SKIPPED);
	CHECK_STR(r.reason, "QEMU aborted at start-up: qemu: error: failed "
		  "to set MSR 0x10a");
	/* A wrong command line, or an abort after the guest spoke: errors. */
	r = run_sh("echo 'qemu: -foo: invalid option' >&2; exit 1", 5000);
	CHECK_INT(r.exit_code, 2);
	CHECK(!r.refused);
	r = run_sh("echo hello; echo 'qemu: x not supported' >&2; exit 1",
		   5000);
	CHECK_INT(r.exit_code, 2);
	r = run_sh("echo hello; kill -ABRT $$", 5000);
	CHECK_INT(r.kind, LAUNCH_ERROR);
	CHECK(!launch_is_refusal("qemu: could not load kernel 't.flat'"));
	CHECK(launch_is_refusal("qemu-system-s390x: Parameter 'smp.books' is unexpected"));
	CHECK(launch_is_refusal("qemu: -device x: 'x' is not a valid device "
				"model name"));
	/* ppc64's smp = 8,threads=4 under TCG */
	CHECK(launch_is_refusal("qemu-system-ppc64: TCG cannot support more "
				"than 1 thread/core on a pseries machine"));
}

TEST(run_stdin_is_dev_null)
{
	struct launch_result r = run_sh("cat; echo 'PASS: x'; exit 1", 5000);

	CHECK_INT(r.exit_code, 0);
}

TEST(run_missing_program)
{
	char *argv[] = { "/nonexistent/qemu", NULL };
	struct launch_request req = { .argv = argv };
	struct launch_result r;

	launch_run(&req, &r);
	CHECK_INT(r.kind, LAUNCH_ERROR);
	CHECK_INT(r.exit_code, 2);
	CHECK_STR(r.reason, "cannot run /nonexistent/qemu: No such file or directory");
}

TEST(timeout_kills_the_whole_group)
{
	long long t0 = now_ms();
	struct launch_result r;
	pid_t grandchild = 0;

	r = run_sh("sleep 100 & echo $!; sleep 100", 300);
	CHECK_INT(r.kind, LAUNCH_TIMEOUT);
	CHECK_INT(r.exit_code, 124);
	CHECK_STR(r.reason, "timeout after 0.3s; QEMU killed");
	CHECK(now_ms() - t0 < 2000);
	grandchild = (pid_t)atoi(cap.out);
	CHECK(grandchild > 0);
	if (grandchild > 0)
		CHECK(gone(grandchild));
}

TEST(kvm_internal_error_ends_the_test_as_failed)
{
	long long t0 = now_ms();
	struct launch_result r;

	/* QEMU's way: the message, a register dump, then a paused guest. */
	r = run_sh("echo 'KVM internal error. Suberror: 1' >&2; "
		   "echo 'emulation failure' >&2; echo 'RAX=0' >&2; "
		   "sleep 100", 60000);
	CHECK_INT(r.kind, LAUNCH_FAILED);
	CHECK_INT(r.exit_code, 1);
	CHECK_STR(r.reason, "QEMU stopped the guest: KVM internal error. Suberror: 1");
	CHECK(now_ms() - t0 < 3000);
	CHECK(strstr(cap.chunks.n ? cap.chunks.v[cap.chunks.n - 1] : "", "RAX=0") != NULL);
}

TEST(timeout_escalates_to_sigkill)
{
	long long t0 = now_ms(), dt;
	struct launch_result r;

	r = run_sh("trap '' TERM; echo $$; while :; do sleep 1; done", 200);
	dt = now_ms() - t0;
	CHECK_INT(r.exit_code, 124);
	CHECK(dt >= 2000 && dt < 4000);
	CHECK(gone((pid_t)atoi(cap.out)));
}

TEST(exit_kills_stragglers_in_the_group)
{
	long long t0 = now_ms();
	struct launch_result r;

	/* The background sleep holds our pipes open; it must not stall us. */
	r = run_sh("sleep 30 & echo $!; echo 'PASS: x'; exit 1", 5000);
	CHECK_INT(r.exit_code, 0);
	CHECK(now_ms() - t0 < 1000);
	CHECK(gone((pid_t)atoi(cap.out)));
}

TEST(escaped_pipe_holder_does_not_stall_us)
{
	long long t0 = now_ms();
	struct launch_result r;
	pid_t pid;

	r = run_sh("setsid sh -c 'echo $$; exec sleep 30' & sleep 0.2; "
		   "echo 'PASS: x'; exit 1", 5000);
	CHECK_INT(r.exit_code, 0);
	CHECK(now_ms() - t0 < 3000);
	pid = (pid_t)atoi(cap.out);
	CHECK(pid > 0);
	if (pid > 0)
		kill(pid, SIGKILL);
}

TEST(partial_line_flushed_when_quiet)
{
	struct launch_result r = run_sh("printf abc; sleep 0.5; echo def; "
					"echo 'PASS: x'; exit 1", 5000);

	CHECK_INT(r.exit_code, 0);
	CHECK(cap.chunks.n == 3);
	if (cap.chunks.n == 3) {
		CHECK_STR(cap.chunks.v[0], "1:abc");
		CHECK_STR(cap.chunks.v[1], "1:def\n");
	}
}

TEST(very_long_line_arrives_whole_in_pieces)
{
	struct launch_result r = run_sh("head -c 100000 /dev/zero | tr '\\0' x; "
					"echo; echo 'PASS: x'; exit 1", 5000);
	size_t i;

	CHECK_INT(r.exit_code, 0);
	CHECK_INT(cap.out_len, 100001 + strlen("PASS: x\n"));
	for (i = 0; i < 100000 && cap.out[i] == 'x'; i++)
		;
	CHECK_INT(i, 100000);
	CHECK(cap.chunks.n >= 2);
}

/*
 * A launch that is over but not collected (suite mode busy migrating
 * another test) must not make launch_wait() return at once: a caller
 * that counted its wake-ups (the panic group's wait for QMP) gave up in
 * a blink and killed a QEMU that was just starting.
 */
TEST(an_uncollected_launch_lets_launch_wait_sleep)
{
	char *argv[] = { "/bin/sh", "-c", "exit 0", NULL };
	struct launch_request req = {
		.argv = argv,
		.decode = LAUNCH_DECODE_PLAIN,
	};
	struct launch_result res;
	struct launch *done;
	long long t0;
	int calls = 0;

	done = launch_start(&req, &res);
	CHECK(done != NULL);
	if (!done)
		return;
	while (launch_running(done))
		launch_wait();
	/*
	 * 1.5 s of launch_wait_max(50), past the time its output may still
	 * drain (1 s): about 30 calls, not thousands.
	 */
	for (t0 = now_ms(); now_ms() - t0 < 1500; calls++)
		launch_wait_max(50);
	CHECK(calls <= 60);
	/*
	 * An uncapped launch_wait() returns at once: with nothing running
	 * and no timer, its poll would never end (suite mode hung there
	 * after a panic test whose neighbour ended during it).  SIGALRM's
	 * default action ends this program if it does not.
	 */
	alarm(10);
	t0 = now_ms();
	CHECK_INT(launch_wait(), 0);
	CHECK(now_ms() - t0 < 5000);
	alarm(0);
	launch_end(done, &res);
	CHECK_INT(res.exit_code, 0);
}

TEST(parallel_launches)
{
	static struct capture caps[3];
	const char *scripts[3] = {
		"sleep 0.3; echo 'PASS: a'; exit 1",
		"echo b; exit 3",
		"echo c; sleep 5",
	};
	struct launch *l[3];
	struct launch_result res[3];
	char *argv[3][4];
	int i, done = 0;

	for (i = 0; i < 3; i++) {
		struct launch_request req = {
			.argv = argv[i],
			.timeout_ms = 1000,
			.decode = LAUNCH_DECODE_TESTDEV,
			.output = capture,
			.ctx = &caps[i],
		};

		argv[i][0] = "/bin/sh";
		argv[i][1] = "-c";
		argv[i][2] = (char *)scripts[i];
		argv[i][3] = NULL;
		l[i] = launch_start(&req, &res[i]);
		CHECK(l[i] != NULL);
		if (!l[i])
			return;
	}
	while (done < 3) {
		launch_wait();
		for (i = 0; i < 3; i++) {
			if (l[i] && !launch_running(l[i])) {
				launch_end(l[i], &res[i]);
				l[i] = NULL;
				done++;
			}
		}
	}
	CHECK_INT(res[0].exit_code, 0);
	CHECK_STR(caps[0].out, "PASS: a\n");
	CHECK_INT(res[1].exit_code, 1);
	CHECK_STR(caps[1].out, "b\n");
	CHECK_INT(res[2].exit_code, 124);
	CHECK_STR(caps[2].out, "c\n");
	for (i = 0; i < 3; i++)
		strvec_free(&caps[i].chunks);
}

/* The child's output callback tells the test QEMU's stand-in pid. */
static int pid_pipe;

static void send_pid(void *ctx, enum launch_stream stream, const char *text,
		     size_t len)
{
	(void)ctx;
	if (stream == LAUNCH_STDOUT && write(pid_pipe, text, len) < 0)
		_exit(99);
}

static void run_until_signalled(const char *tmp)
{
	char *argv[] = { "/bin/sh", "-c",
			 "trap '' INT; echo $$; while :; do sleep 1; done",
			 NULL };
	struct launch_request req = {
		.argv = argv,
		.decode = LAUNCH_DECODE_TESTDEV,
		.output = send_pid,
	};
	struct launch_result r;

	launch_init();
	tempfile_track(tmp);
	launch_run(&req, &r);
	_exit(98);		/* only a signal should end this */
}

/*
 * Run a stand-in QEMU in a forked "kut-run", send that process @sig and
 * check it died of it, taking QEMU with it.  A catchable signal must also
 * remove the tracked temporary file; SIGKILL cannot, but QEMU still dies
 * (PR_SET_PDEATHSIG).
 */
static void check_dies_of(int sig)
{
	char tmp[] = "/tmp/kut-test-launch.XXXXXX", buf[32] = "";
	int fd = mkstemp(tmp), p[2], status = 0;
	long long t0;
	pid_t child, qemu;

	CHECK(fd >= 0 && pipe(p) == 0);
	close(fd);
	child = fork();
	if (child == 0) {
		close(p[0]);
		pid_pipe = p[1];
		run_until_signalled(tmp);
	}
	close(p[1]);
	CHECK(read(p[0], buf, sizeof(buf) - 1) > 0);
	close(p[0]);
	qemu = (pid_t)atoi(buf);
	CHECK(qemu > 0);
	t0 = now_ms();
	kill(child, sig);
	waitpid(child, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == sig);
	/* The stand-in ignores SIGINT; our SIGTERM ends it at once. */
	CHECK(now_ms() - t0 < 1500);
	if (qemu > 0)
		CHECK(gone(qemu));
	if (sig != SIGKILL)
		CHECK(access(tmp, F_OK) != 0);
	unlink(tmp);
}

TEST(sigint_kills_qemu_removes_files_and_reraises)
{
	check_dies_of(SIGINT);
}

TEST(sigterm_and_sighup_too)
{
	check_dies_of(SIGTERM);
	check_dies_of(SIGHUP);
}

TEST(sigkill_of_kut_run_still_kills_qemu)
{
	check_dies_of(SIGKILL);
}

TEST(zz_cleanup)
{
	strvec_free(&cap.chunks);
	CHECK(1);
}
