/* SPDX-License-Identifier: MIT */
/*
 * launch.h - run QEMU for one test and turn how it ended into a result.
 *
 * Each launch runs in its own process group so a timeout or Ctrl-C can
 * kill QEMU and anything it started, and dies with kut-run even if kut-run
 * is SIGKILLed.  Output is handed to a callback line by line (single-test
 * mode forwards and symbolizes it; suite mode writes logs/<test>.log), and
 * several launches can run at once: start them, call launch_wait() until
 * the ones you care about stop running, then collect each with
 * launch_end().  The result says passed, failed, skipped, timeout or error,
 * the matching kut-run exit code and a one-line reason.
 *
 * Signals: launch_init() makes SIGINT, SIGTERM, SIGHUP and SIGPIPE
 * deferred; launch_wait() and launch_check_signals() act on them by
 * killing every running QEMU group, removing tracked temporary files
 * (util.h) and dying of the same signal, so the shell sees the interrupt.
 */
#ifndef KUT_RUNNER_LAUNCH_H
#define KUT_RUNNER_LAUNCH_H

#include <stdbool.h>
#include <stddef.h>

/* How a launched program's exit status reads. */
enum launch_decode {
	/*
	 * The guest wrote code N to a test device (isa-debug-exit,
	 * chr-testdev) and QEMU exited with (N << 1) | 1; see kut_abi.h.
	 */
	LAUNCH_DECODE_TESTDEV,
	/* An ordinary command, such as a QEMU probe: status 0 passes. */
	LAUNCH_DECODE_PLAIN,
	/*
	 * QEMU exits 0 and the guest's console says the status, a line
	 * KUT_EXIT_STATUS_LINE "<status>" (s390x, see kut_abi.h); the status
	 * then reads as LAUNCH_DECODE_TESTDEV's.
	 */
	LAUNCH_DECODE_CONSOLE,
	/*
	 * LAUNCH_DECODE_TESTDEV, but when QEMU exits 0 after the guest
	 * printed a status line, LAUNCH_DECODE_CONSOLE: for an arch whose
	 * guests may power off after printing it instead of using the device
	 * (upstream's riscv ones).
	 */
	LAUNCH_DECODE_TESTDEV_OR_CONSOLE,
};

enum launch_kind {
	LAUNCH_PASSED,
	LAUNCH_FAILED,
	LAUNCH_SKIPPED,
	LAUNCH_TIMEOUT,
	LAUNCH_ERROR,
};

enum launch_stream {
	LAUNCH_STDOUT,		/* the guest's console */
	LAUNCH_STDERR,		/* QEMU's own messages */
};

/*
 * Output callback: whole lines, each with its '\n'.  A line still
 * unfinished when the program goes quiet for a moment, or ends, is passed
 * as it is, and the next call for that stream continues it.  It must not
 * call back into this module.
 */
typedef void launch_output_fn(void *ctx, enum launch_stream stream,
			      const char *text, size_t len);

struct launch_request {
	char *const *argv;		/* argv[0]: the program (PATH lookup) */
	long long timeout_ms;		/* 0: none */
	enum launch_decode decode;
	launch_output_fn *output;	/* NULL: output is dropped */
	void *ctx;			/* passed to output */
	bool stdin_pipe;		/* stdin a pipe launch_send() writes */
					/* to (else /dev/null) */
	bool foreign;			/* an image kut did not build (no kut */
					/* note): any console line is the */
					/* guest's word, as upstream's runner */
					/* takes its exit status alone */
};

struct launch_result {
	enum launch_kind kind;
	int exit_code;		/* kut-run's exit code for it (KUT_EXIT_*) */
	int status;		/* raw wait status, -1 if it never ran */
	bool refused;		/* skipped: QEMU refused the configuration */
	char reason[256];	/* one line, without the image name */
};

struct launch;

/*
 * Defer the fatal signals (see above) and make sure fds 0-2 are open.
 * Call early, before creating temporary files; idempotent.
 */
void launch_init(void);

/*
 * Start a program.  Returns the running launch, or NULL with @res filled
 * in (kind LAUNCH_ERROR) if it could not be started.
 */
struct launch *launch_start(const struct launch_request *req,
			    struct launch_result *res);

/*
 * Wait for something to happen to the running launches (output, exit, a
 * deadline, a signal) and handle it.  Returns how many are still running
 * (at once, with 0, when none is).
 */
int launch_wait(void);

bool launch_running(const struct launch *l);

/* Milliseconds on CLOCK_MONOTONIC: what deadlines are measured in. */
long long launch_now_ms(void);

/*
 * launch_wait(), but back within @max_ms even when nothing happens (for
 * callers that also watch something else, such as a socket appearing).
 */
int launch_wait_max(long long max_ms);

/*
 * Write @s to the standard input of a launch started with stdin_pipe
 * (a key press for a guest waiting in getchar()).  Returns 0, or -1 when
 * it cannot be written (no pipe, or the program is gone).
 */
int launch_send(struct launch *l, const char *s);

/* Kill @l's process group now (it still has to be collected). */
void launch_kill(struct launch *l);

/* The time left before @l's timeout, in ms (0: it has none). */
long long launch_time_left(const struct launch *l);

/*
 * Collect the result of a launch that stopped running, and free it.  The
 * launch reaps its own child: nothing else may wait() for it.
 */
void launch_end(struct launch *l, struct launch_result *res);

/* launch_start(), launch_wait() until done, launch_end(). */
void launch_run(const struct launch_request *req, struct launch_result *res);

/*
 * If a deferred fatal signal arrived: kill every running launch's group,
 * call the interrupt hook, remove tracked temporary files and die of that
 * signal.
 */
void launch_check_signals(void);

/*
 * Called with the signal by launch_check_signals() once every QEMU is
 * gone, before kut-run dies: a suite ends its reports there (TAP's "Bail
 * out!", a JUnit file saying it was interrupted).  One hook; NULL clears.
 */
typedef void launch_interrupt_fn(void *ctx, int sig);
void launch_on_interrupt(launch_interrupt_fn *fn, void *ctx);

/*
 * What the guest said on its console, for verdicts that need its own word
 * (an exit status alone is ambiguous: QEMU's own exit 1 reads as the
 * guest's "pass" through isa-debug-exit).
 */
struct launch_words {
	bool result;		/* any report line (PASS:, FAIL:, ...) or SUMMARY: */
	bool fail;		/* FAIL:, ABORT: or a SUMMARY with failures */
	bool skip;		/* SKIP:, or a SUMMARY with skips or no tests */
	bool spoke;		/* any console line at all */
	bool foreign;		/* from launch_request: spoke is enough */
	bool exit_line;		/* a KUT_EXIT_STATUS_LINE line came ... */
	int exit_status;	/* ... and this is the first one's status */
};

/* Note what line @text (@len bytes, from its start) says. */
void launch_note_words(struct launch_words *w, const char *text, size_t len);

/*
 * Hold a decoded result to what the guest said: LAUNCH_DECODE_TESTDEV's
 * pass needs the guest's own word ("no result from the guest"): a report
 * line, or its exit line with the status QEMU exited with (every kut
 * image prints one in exit(), as upstream's arm, powerpc, riscv and s390x
 * images do; a program that prints only figures has that), or, from a
 * foreign image, any line (upstream's x86 vmexit prints only figures and
 * no exit line); a skip status needs the guest's SKIP; an unexpected exit
 * status after the guest reported a failure is that failure.
 */
void launch_judge_words(enum launch_decode decode,
			const struct launch_words *w,
			struct launch_result *res);

/*
 * The decoding itself, exposed for tests.  @status is a wait status;
 * @error_line is the first error line QEMU printed on stderr, or "".
 */
void launch_decode_status(enum launch_decode decode, int status,
			  const char *error_line, struct launch_result *res);

/*
 * LAUNCH_DECODE_CONSOLE's decoding: @status is QEMU's wait status,
 * @console_status the number of the first KUT_EXIT_STATUS_LINE line on
 * the guest's console, or -1 if there was none.
 */
void launch_decode_console(int status, int console_status,
			   const char *error_line, struct launch_result *res);

/*
 * The status in a console line @text (@len bytes, with or without its
 * newline) that starts with KUT_EXIT_STATUS_LINE, or -1 if it is not one.
 */
int launch_console_status(const char *text, size_t len);

/*
 * Whether a line QEMU printed on stderr is an error ("prog: -device foo:
 * ...") rather than a "prog: warning: ..." or "prog: info: ..." note
 * (also after an option's location: "prog: -accel kvm: warning: ...") or
 * an unprefixed hint.
 */
bool launch_is_error_line(const char *line, size_t len);

/*
 * Whether QEMU's error @line says it cannot run the configuration asked
 * for ("CPU model 'host' requires KVM", "Property '...vmx-mbec' not
 * found", "... not supported"), not that the command is wrong.  When
 * QEMU stops with such a line, or aborts, before the guest printed
 * anything, the launch is LAUNCH_SKIPPED with QEMU's line as the reason,
 * as upstream's runner skips tests QEMU refuses.
 */
bool launch_is_refusal(const char *line);

#endif /* KUT_RUNNER_LAUNCH_H */
