// SPDX-License-Identifier: MIT
/*
 * launch.c - spawn QEMU, stream its output, enforce the timeout, survive
 * signals and decode how it ended.
 *
 * One poll() loop serves every running launch, so suite mode can run many
 * QEMUs from a single thread.  Signal handlers only record the signal and
 * write a byte to a self-pipe that poll() watches; the real work (killing
 * process groups, removing files) happens outside the handler, where it is
 * safe.  A child's exit is seen with waitid(WNOWAIT) first, so its process
 * group can still be killed (stragglers included) before the pid is
 * reaped and could be reused.
 */
#define _GNU_SOURCE	/* memmem() */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kut_abi.h"
#include "launch.h"
#include "result.h"
#include "util.h"
#include "watchdog.h"

/* SIGTERM first so QEMU can exit cleanly; SIGKILL if it has not by then. */
#define KILL_GRACE_MS		2000
/* After QEMU exits, how long a stray holder of its pipes may delay us. */
#define DRAIN_MS		1000
/* A partial line is passed on once the program has been quiet this long. */
#define IDLE_FLUSH_MS		200
/* Longest line kept whole; a longer one is passed on in pieces. */
#define MAX_LINE		65536

struct outbuf {
	int fd;			/* -1 once at end of file */
	enum launch_stream stream;
	char *buf;
	size_t len;
	bool at_bol;		/* the next byte starts a line */
	long long last_read;	/* when data last came, for the idle flush */
};

struct launch {
	struct launch *next;
	pid_t pid;		/* also the process group id */
	launch_output_fn *output;
	void *ctx;
	enum launch_decode decode;
	long long timeout_ms;
	long long deadline;	/* 0: no timeout */
	long long kill_at;	/* SIGKILL time after a timeout's SIGTERM */
	long long drain_until;	/* give up on the pipes after exit */
	bool timed_out;
	long long stop_at;	/* QEMU paused the guest: stop QEMU then */
	char vm_error[200];	/* why QEMU paused it ("KVM internal error") */
	bool exited;		/* reaped; status is valid */
	int status;
	struct outbuf out[2];
	char error_line[200];	/* first error line on QEMU's stderr */
	bool guest_spoke;	/* anything came on stdout (the console) */
	struct launch_words words;	/* what the guest said */
	int in_fd;		/* write end of its stdin pipe, or -1 */
};

static struct launch *running;
static launch_interrupt_fn *interrupt_hook;
static void *interrupt_ctx;
static int selfpipe[2] = { -1, -1 };
static volatile sig_atomic_t pending_signal;

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
#define N_FATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
/* Which fatal signals got our handler (ignored ones stay ignored). */
static bool handled[N_FATAL];

long long launch_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void poke_selfpipe(void)
{
	int saved = errno;

	if (write(selfpipe[1], "", 1) < 0) {
		/* Full pipe: a wake-up is already pending. */
	}
	errno = saved;
}

static void on_fatal_signal(int sig)
{
	if (!pending_signal)
		pending_signal = sig;
	poke_selfpipe();
}

static void on_sigchld(int sig)
{
	(void)sig;
	poke_selfpipe();
}

/* pipe2() is not in every libc's default namespace; this is enough here. */
static int cloexec_pipe(int p[2])
{
	if (pipe(p) < 0)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static void open_std_fds(void)
{
	int fd;

	/* A closed 0-2 would be reused by our pipes and confuse dup2(). */
	while ((fd = open("/dev/null", O_RDWR)) >= 0 && fd <= 2)
		;
	if (fd > 2)
		close(fd);
}

void launch_init(void)
{
	struct sigaction sa, old;
	size_t i;

	if (selfpipe[0] >= 0)
		return;
	open_std_fds();
	if (cloexec_pipe(selfpipe) < 0)
		die(2, "cannot create a pipe: %s", strerror(errno));
	fcntl(selfpipe[0], F_SETFL, O_NONBLOCK);
	fcntl(selfpipe[1], F_SETFL, O_NONBLOCK);
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_sigchld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	/* No SA_RESTART: a write blocked on a stalled reader must give up. */
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = 0;
	for (i = 0; i < N_FATAL; i++) {
		sigaction(fatal_signals[i], NULL, &old);
		if (old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal_signals[i], &sa, NULL);
		handled[i] = true;
	}
}

static void block_signals(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (i = 0; i < N_FATAL; i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/*
 * In the child, between fork() and exec().  Nothing here may touch the
 * parent's state; execvp() is safe because kut-run has a single thread.
 */
static void __attribute__((noreturn))
exec_child(char *const *argv, pid_t parent, const sigset_t *mask,
	   int in_fd, int out_fd, int err_fd, int report_fd)
{
	int devnull, e;
	size_t i;

	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);	/* kut-run died before prctl() took effect */
	for (i = 0; i < N_FATAL; i++)
		if (handled[i])
			signal(fatal_signals[i], SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	sigprocmask(SIG_SETMASK, mask, NULL);
	devnull = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (devnull < 0 || dup2(devnull, 0) < 0 || dup2(out_fd, 1) < 0 ||
	    dup2(err_fd, 2) < 0)
		e = errno;
	else {
		execvp(argv[0], argv);
		e = errno;
	}
	if (write(report_fd, &e, sizeof(e)) < 0) {
		/* Nothing left to tell it with; the parent sees status 127. */
	}
	_exit(127);
}

static void outbuf_init(struct outbuf *ob, int fd, enum launch_stream stream)
{
	fcntl(fd, F_SETFL, O_NONBLOCK);
	ob->fd = fd;
	ob->stream = stream;
	ob->buf = NULL;
	ob->len = 0;
	ob->at_bol = true;
	ob->last_read = 0;
}

/* Read the exec-error report; returns errno of a failed exec, or 0. */
static int exec_error(int fd)
{
	ssize_t n;
	int e = 0;

	do
		n = read(fd, &e, sizeof(e));
	while (n < 0 && errno == EINTR);
	return n == (ssize_t)sizeof(e) ? e : 0;
}

static void start_failed(struct launch_result *res, const char *what,
			 const char *prog, int err)
{
	res->kind = LAUNCH_ERROR;
	res->exit_code = KUT_EXIT_ERROR;
	res->status = -1;
	res->refused = false;
	snprintf(res->reason, sizeof(res->reason), "%s %s: %s", what, prog,
		 strerror(err));
}

static struct launch *new_launch(const struct launch_request *req, pid_t pid,
				 int out_fd, int err_fd)
{
	struct launch *l = xmalloc(sizeof(*l));

	memset(l, 0, sizeof(*l));
	l->pid = pid;
	l->output = req->output;
	l->ctx = req->ctx;
	l->decode = req->decode;
	l->words.foreign = req->foreign;
	l->in_fd = -1;
	l->timeout_ms = req->timeout_ms;
	if (req->timeout_ms > 0)
		l->deadline = launch_now_ms() + req->timeout_ms;
	outbuf_init(&l->out[LAUNCH_STDOUT], out_fd, LAUNCH_STDOUT);
	outbuf_init(&l->out[LAUNCH_STDERR], err_fd, LAUNCH_STDERR);
	l->next = running;
	running = l;
	return l;
}

/* The child's stdout, stderr and exec-error pipes, or -1 (errno set). */
static int open_pipes(int p[3][2])
{
	int i, e;

	for (i = 0; i < 3; i++) {
		if (cloexec_pipe(p[i]) == 0)
			continue;
		e = errno;
		while (i--) {
			close(p[i][0]);
			close(p[i][1]);
		}
		errno = e;
		return -1;
	}
	return 0;
}

struct launch *launch_start(const struct launch_request *req,
			    struct launch_result *res)
{
	struct launch *l = NULL;
	pid_t parent = getpid(), pid;
	int p[3][2], in[2] = { -1, -1 }, e;
	sigset_t old;

	launch_init();
	launch_check_signals();
	if (req->stdin_pipe && cloexec_pipe(in) < 0) {
		start_failed(res, "cannot start", req->argv[0], errno);
		return NULL;
	}
	if (open_pipes(p) < 0) {
		e = errno;
		if (in[0] >= 0) {
			close(in[0]);
			close(in[1]);
		}
		start_failed(res, "cannot start", req->argv[0], e);
		return NULL;
	}
	/* The child must not be reaped or signalled before it is listed. */
	block_signals(&old);
	pid = fork();
	if (pid == 0)
		exec_child(req->argv, parent, &old, in[0], p[0][1], p[1][1],
			   p[2][1]);
	e = errno;
	if (pid > 0)
		setpgid(pid, pid);	/* whichever of us runs first wins */
	close(p[0][1]);
	close(p[1][1]);
	close(p[2][1]);
	if (in[0] >= 0)
		close(in[0]);
	if (pid > 0)
		e = exec_error(p[2][0]);
	close(p[2][0]);
	if (pid > 0 && !e) {
		l = new_launch(req, pid, p[0][0], p[1][0]);
		l->in_fd = in[1];
		in[1] = -1;
		watchdog_watch(pid, l->deadline ? l->deadline + KILL_GRACE_MS : 0);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (l)
		return l;
	if (pid > 0)
		waitpid(pid, NULL, 0);
	if (in[1] >= 0)
		close(in[1]);
	close(p[0][0]);
	close(p[1][0]);
	start_failed(res, pid > 0 ? "cannot run" : "cannot start",
		     req->argv[0], e);
	return NULL;
}

bool launch_is_error_line(const char *line, size_t len)
{
	size_t i = 0;

	/* "prog: message", where prog is one word at the start of the line */
	while (i < len && line[i] != ':' && line[i] != ' ' && line[i] != '\t')
		i++;
	if (i == 0 || i + 1 >= len || line[i] != ':' || line[i + 1] != ' ')
		return false;
	line += i + 2;
	len -= i + 2;
	/* a command-line location first: "-accel kvm: warning: ..." */
	if (len && line[0] == '-') {
		for (i = 0; i + 1 < len && !(line[i] == ':' && line[i + 1] == ' '); i++)
			;
		if (i + 1 < len) {
			line += i + 2;
			len -= i + 2;
		}
	}
	return !(len >= 8 && !memcmp(line, "warning:", 8)) &&
	       !(len >= 5 && !memcmp(line, "info:", 5));
}

static void note_error_line(struct launch *l, const char *text, size_t len)
{
	if (l->error_line[0] || !launch_is_error_line(text, len))
		return;
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len >= sizeof(l->error_line))
		len = sizeof(l->error_line) - 1;
	memcpy(l->error_line, text, len);
	l->error_line[len] = '\0';
}

/*
 * QEMU reports a guest KVM cannot continue ("KVM internal error", e.g. an
 * emulation failure) and then pauses it forever instead of exiting.  That
 * is the guest's failure, not a hang: stop QEMU once the register dump
 * that follows has had time to arrive.
 */
#define VM_ERROR_GRACE_MS	300

static void note_vm_error(struct launch *l, const char *text, size_t len)
{
	static const char marker[] = "KVM internal error";

	if (l->vm_error[0] || len < sizeof(marker) - 1 ||
	    memcmp(text, marker, sizeof(marker) - 1))
		return;
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len >= sizeof(l->vm_error))
		len = sizeof(l->vm_error) - 1;
	memcpy(l->vm_error, text, len);
	l->vm_error[len] = '\0';
	l->stop_at = launch_now_ms() + VM_ERROR_GRACE_MS;
}

int launch_console_status(const char *text, size_t len)
{
	size_t n = strlen(KUT_EXIT_STATUS_LINE), i;
	int status = 0;

	if (len <= n || memcmp(text, KUT_EXIT_STATUS_LINE, n))
		return -1;
	for (i = n; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
		if (status > 100000)
			return -1;
		status = status * 10 + (text[i] - '0');
	}
	if (i == n || (i < len && text[i] != '\n' && text[i] != '\r'))
		return -1;
	return status;
}

static void emit(struct launch *l, struct outbuf *ob, const char *text,
		 size_t len)
{
	if (ob->stream == LAUNCH_STDERR && ob->at_bol) {
		note_error_line(l, text, len);
		note_vm_error(l, text, len);
	}
	if (ob->stream == LAUNCH_STDOUT)
		l->guest_spoke = true;
	if (ob->stream == LAUNCH_STDOUT && ob->at_bol)
		launch_note_words(&l->words, text, len);
	if (l->output)
		l->output(l->ctx, ob->stream, text, len);
	ob->at_bol = text[len - 1] == '\n';
}

/* Pass on every complete line; with @all, the unfinished rest as well. */
static void deliver(struct launch *l, struct outbuf *ob, bool all)
{
	size_t start = 0, i;

	for (i = 0; i < ob->len; i++) {
		if (ob->buf[i] != '\n')
			continue;
		emit(l, ob, ob->buf + start, i + 1 - start);
		start = i + 1;
	}
	if ((all || ob->len - start >= MAX_LINE) && start < ob->len) {
		emit(l, ob, ob->buf + start, ob->len - start);
		start = ob->len;
	}
	if (start) {
		memmove(ob->buf, ob->buf + start, ob->len - start);
		ob->len -= start;
	}
}

static void close_outbuf(struct launch *l, struct outbuf *ob)
{
	if (ob->fd < 0)
		return;
	deliver(l, ob, true);
	close(ob->fd);
	ob->fd = -1;
	free(ob->buf);
	ob->buf = NULL;
}

static void read_outbuf(struct launch *l, struct outbuf *ob)
{
	char chunk[16384];
	ssize_t n = read(ob->fd, chunk, sizeof(chunk));

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		close_outbuf(l, ob);
		return;
	}
	ob->buf = xrealloc(ob->buf, ob->len + (size_t)n);
	memcpy(ob->buf + ob->len, chunk, (size_t)n);
	ob->len += (size_t)n;
	ob->last_read = launch_now_ms();
	deliver(l, ob, false);
}

static void kill_group(struct launch *l, int sig)
{
	if (l->exited)
		return;
	/* ESRCH: the group was never formed; at least reach QEMU itself. */
	if (kill(-l->pid, sig) < 0 && errno == ESRCH)
		kill(l->pid, sig);
}

/* Has the child exited?  Looks without reaping, so the group stays ours. */
static bool child_exited(const struct launch *l)
{
	siginfo_t si;

	si.si_pid = 0;
	if (waitid(P_PID, (id_t)l->pid, &si, WEXITED | WNOHANG | WNOWAIT) < 0)
		return errno == ECHILD;
	return si.si_pid != 0;
}

static void reap(struct launch *l)
{
	/*
	 * Past its deadline is a timeout, even if kut-run was stuck (on a
	 * stalled stdout) and the watchdog stopped QEMU.
	 */
	if (l->deadline && !l->timed_out && launch_now_ms() >= l->deadline)
		l->timed_out = true;
	/* Whatever QEMU left in its group goes with it. */
	kill_group(l, SIGKILL);
	watchdog_forget(l->pid);
	while (waitpid(l->pid, &l->status, 0) < 0 && errno == EINTR)
		;
	l->exited = true;
	l->drain_until = launch_now_ms() + DRAIN_MS;
}

static void check_timers(struct launch *l, long long now)
{
	size_t i;

	if (!l->exited && l->deadline && !l->timed_out && now >= l->deadline) {
		l->timed_out = true;
		l->kill_at = now + KILL_GRACE_MS;
		kill_group(l, SIGTERM);
	}
	if (!l->exited && l->stop_at && now >= l->stop_at) {
		l->stop_at = 0;
		l->kill_at = now + KILL_GRACE_MS;
		kill_group(l, SIGTERM);
	}
	if (!l->exited && l->kill_at && now >= l->kill_at) {
		l->kill_at = 0;
		kill_group(l, SIGKILL);
	}
	for (i = 0; i < 2; i++) {
		struct outbuf *ob = &l->out[i];

		if (ob->fd < 0)
			continue;
		if (l->exited && now >= l->drain_until)
			close_outbuf(l, ob);
		else if (ob->len && now >= ob->last_read + IDLE_FLUSH_MS)
			deliver(l, ob, true);
	}
}

static long long min_deadline(long long a, long long b)
{
	return !a || (b && b < a) ? b : a;
}

/* The earliest time launch_wait() must wake up for @l, 0 if none. */
static long long next_wake(const struct launch *l)
{
	long long t = 0;
	size_t i;

	if (!l->exited) {
		t = l->timed_out ? l->kill_at : l->deadline;
		t = min_deadline(t, l->stop_at ? l->stop_at : l->kill_at);
	} else if (l->out[0].fd >= 0 || l->out[1].fd >= 0) {
		/*
		 * Only while its pipes are open: a launch that is over but
		 * not collected yet (its caller is busy with a migration)
		 * must not make every launch_wait() return at once.
		 */
		t = l->drain_until;
	}
	for (i = 0; i < 2; i++)
		if (l->out[i].fd >= 0 && l->out[i].len)
			t = min_deadline(t, l->out[i].last_read + IDLE_FLUSH_MS);
	return t;
}

bool launch_running(const struct launch *l)
{
	return !l->exited || l->out[0].fd >= 0 || l->out[1].fd >= 0;
}

static int poll_timeout(long long wake, long long now)
{
	if (!wake)
		return -1;
	if (wake <= now)
		return 0;
	return wake - now > 60000 ? 60000 : (int)(wake - now);
}

static void drain_selfpipe(void)
{
	char buf[64];

	while (read(selfpipe[0], buf, sizeof(buf)) > 0)
		;
}

struct poll_slot {
	struct launch *l;
	struct outbuf *ob;
};

/* Slot 0 is the self-pipe; then the open pipes of every launch. */
static nfds_t build_pollfds(struct pollfd **fds, struct poll_slot **slot,
			    long long *wake)
{
	struct launch *l;
	nfds_t n = 1;
	size_t i;

	for (l = running; l; l = l->next)
		n += 2;
	*fds = xmalloc(n * sizeof(**fds));
	*slot = xmalloc(n * sizeof(**slot));
	(*fds)[0].fd = selfpipe[0];
	(*fds)[0].events = POLLIN;
	n = 1;
	*wake = 0;
	for (l = running; l; l = l->next) {
		*wake = min_deadline(*wake, next_wake(l));
		for (i = 0; i < 2; i++) {
			if (l->out[i].fd < 0)
				continue;
			(*fds)[n].fd = l->out[i].fd;
			(*fds)[n].events = POLLIN;
			(*slot)[n].l = l;
			(*slot)[n++].ob = &l->out[i];
		}
	}
	return n;
}

int launch_send(struct launch *l, const char *s)
{
	struct timespec zero = { 0, 0 };
	size_t len = strlen(s);
	sigset_t pipe_set, old;
	int r = l->in_fd >= 0 ? 0 : -1;
	ssize_t n;

	/* A program that is gone gives EPIPE, not a SIGPIPE that ends us. */
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	while (r == 0 && len) {
		n = write(l->in_fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			r = -1;
			break;
		}
		s += n;
		len -= (size_t)n;
	}
	while (sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return r;
}

void launch_kill(struct launch *l)
{
	kill_group(l, SIGKILL);
}

long long launch_time_left(const struct launch *l)
{
	long long left = l->deadline - launch_now_ms();

	if (!l->deadline)
		return 0;
	return left > 0 ? left : 1;
}

static long long wait_cap = -1;	/* launch_wait_max()'s bound, -1: none */

/* Whether any launch still runs or has output to drain. */
static bool any_running(void)
{
	const struct launch *l;

	for (l = running; l; l = l->next)
		if (launch_running(l))
			return true;
	return false;
}

int launch_wait_max(long long max_ms)
{
	int n;

	wait_cap = max_ms;
	n = launch_wait();
	wait_cap = -1;
	return n;
}

int launch_wait(void)
{
	struct poll_slot *slot;
	struct pollfd *fds;
	struct launch *l;
	long long wake;
	nfds_t n, i;
	int count = 0;

	launch_check_signals();
	/*
	 * Nothing could ever wake us when no launch runs: not even one that
	 * ended beside a migration or panic test and waits to be collected
	 * (its pipes closed, no timer left).  A caller that caps its wait
	 * (launch_wait_max()) still sleeps for its cap.
	 */
	if (!running || (wait_cap < 0 && !any_running()))
		return 0;
	n = build_pollfds(&fds, &slot, &wake);
	if (wait_cap >= 0)
		wake = min_deadline(wake, launch_now_ms() + wait_cap);
	if (poll(fds, n, poll_timeout(wake, launch_now_ms())) > 0 && fds[0].revents)
		drain_selfpipe();
	launch_check_signals();
	for (i = 1; i < n; i++)
		if (fds[i].revents)
			read_outbuf(slot[i].l, slot[i].ob);
	free(fds);
	free(slot);
	for (l = running; l; l = l->next) {
		if (!l->exited && child_exited(l))
			reap(l);
		check_timers(l, launch_now_ms());
		count += launch_running(l);
	}
	return count;
}

static const char *signal_name(int sig)
{
	const char *s = strsignal(sig);

	return s ? s : "unknown signal";
}

void launch_decode_status(enum launch_decode decode, int status,
			  const char *error_line, struct launch_result *res)
{
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	const char *sep = *error_line ? ": " : "";

	res->status = status;
	res->reason[0] = '\0';
	res->kind = LAUNCH_ERROR;
	res->exit_code = KUT_EXIT_ERROR;
	if (WIFSIGNALED(status)) {
		snprintf(res->reason, sizeof(res->reason),
			 "QEMU was killed by signal %d (%s)%s%s",
			 WTERMSIG(status), signal_name(WTERMSIG(status)),
			 sep, error_line);
	} else if (code < 0) {
		snprintf(res->reason, sizeof(res->reason),
			 "QEMU ended with wait status %#x", status);
	} else if (decode == LAUNCH_DECODE_PLAIN) {
		if (code == 0) {
			res->kind = LAUNCH_PASSED;
			res->exit_code = KUT_EXIT_PASS;
		} else {
			snprintf(res->reason, sizeof(res->reason),
				 "exited with status %d%s%s", code, sep,
				 error_line);
		}
	} else if (code == KUT_QEMU_STATUS(0) && *error_line) {
		snprintf(res->reason, sizeof(res->reason),
			 "QEMU failed: %s", error_line);
	} else if (code == KUT_QEMU_STATUS(0)) {
		res->kind = LAUNCH_PASSED;
		res->exit_code = KUT_EXIT_PASS;
	} else if (code == KUT_EXIT_SKIP) {
		res->kind = LAUNCH_SKIPPED;
		res->exit_code = KUT_EXIT_SKIP;
		snprintf(res->reason, sizeof(res->reason),
			 "SKIP (the test skipped itself)");
	} else if (code & 1) {
		res->kind = LAUNCH_FAILED;
		res->exit_code = KUT_EXIT_FAIL;
		snprintf(res->reason, sizeof(res->reason),
			 "FAIL (guest exit code %d)", code >> 1);
	} else if (code == 0) {
		res->kind = LAUNCH_FAILED;
		res->exit_code = KUT_EXIT_FAIL;
		snprintf(res->reason, sizeof(res->reason),
			 "guest stopped without reporting a result "
			 "(reset, triple fault or power-off)%s%s", sep,
			 error_line);
	} else {
		snprintf(res->reason, sizeof(res->reason),
			 "QEMU exited with status %d%s%s", code, sep,
			 error_line);
	}
}

void launch_decode_console(int status, int console_status,
			   const char *error_line, struct launch_result *res)
{
	/*
	 * Only a clean exit carries the console's status; any other is
	 * QEMU's own failure, whatever the console said.
	 */
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		launch_decode_status(LAUNCH_DECODE_PLAIN, status, error_line, res);
		return;
	}
	launch_decode_status(LAUNCH_DECODE_TESTDEV,
			     console_status < 0 ? 0 : (console_status & 0xff) << 8,
			     error_line, res);
	res->status = status;
}

bool launch_is_refusal(const char *line)
{
	static const char *const says[] = {
		"not supported", "unsupported", "requires KVM",
		"' not found", "is not a valid device model name",
		"unable to find CPU model", "does not support",
		"doesn't support", "not available", "no accelerator found",
		"cannot support",
		/* an -smp or -machine key this QEMU lacks (books, drawers) */
		"' is unexpected",
	};
	size_t i;

	for (i = 0; i < sizeof(says) / sizeof(says[0]); i++)
		if (strstr(line, says[i]))
			return true;
	return false;
}

/*
 * QEMU that stopped before the guest said a word, because it cannot run
 * this configuration (a CPU model, feature or device it lacks, or an
 * abort() while setting up the vCPUs): SKIP with QEMU's reason, as
 * upstream's runner does.  Other start-up errors stay errors.
 */
static void startup_refusal(const struct launch *l, struct launch_result *res)
{
	if (l->decode == LAUNCH_DECODE_PLAIN || l->guest_spoke ||
	    res->kind != LAUNCH_ERROR)
		return;
	if (WIFSIGNALED(l->status) && WTERMSIG(l->status) == SIGABRT) {
		snprintf(res->reason, sizeof(res->reason),
			 "QEMU aborted at start-up%s%s",
			 l->error_line[0] ? ": " : "", l->error_line);
	} else if (WIFEXITED(l->status) && l->error_line[0] &&
		   launch_is_refusal(l->error_line)) {
		snprintf(res->reason, sizeof(res->reason), "%s",
			 l->error_line);
	} else {
		return;
	}
	res->kind = LAUNCH_SKIPPED;
	res->exit_code = KUT_EXIT_SKIP;
	res->refused = true;
}

void launch_note_words(struct launch_words *w, const char *text, size_t len)
{
	size_t n = len < 15 ? len : 15;
	enum check_kind kind;
	const char *rest;
	char head[16];

	/* Tags are short: their first bytes are enough to tell. */
	memcpy(head, text, n);
	head[n] = '\0';
	w->spoke |= len > 0 && text[0] != '\n' && text[0] != '\r';
	/* The first exit line counts, as for upstream's runner. */
	if (!w->exit_line) {
		w->exit_status = launch_console_status(text, len);
		w->exit_line = w->exit_status >= 0;
	}
	if (result_parse_check(head, &kind, &rest)) {
		if (kind == CHECK_INFO)
			return;
		w->result = true;
		w->fail |= kind == CHECK_FAIL || kind == CHECK_ABORT;
		w->skip |= kind == CHECK_SKIP;
	} else if (result_summary_of(head)) {
		w->result = true;
		w->fail |= memmem(text, len, "unexpected failures", 19) != NULL;
		w->skip |= memmem(text, len, "skipped", 7) != NULL ||
			   (len > 10 && !memcmp(text + 9, "0 tests", 7));
	}
}

void launch_judge_words(enum launch_decode decode,
			const struct launch_words *w,
			struct launch_result *res)
{
	int code = res->status >= 0 && WIFEXITED(res->status) ?
		   WEXITSTATUS(res->status) : -1;
	bool said_exit = w->exit_line && w->exit_status == code;

	if (res->kind == LAUNCH_PASSED && decode == LAUNCH_DECODE_TESTDEV &&
	    !w->result && !said_exit && !(w->foreign && w->spoke)) {
		res->kind = LAUNCH_FAILED;
		res->exit_code = KUT_EXIT_FAIL;
		snprintf(res->reason, sizeof(res->reason), "no result from the "
			 "guest: QEMU exited with status %d and the guest "
			 "printed %s", code, w->foreign ? "nothing" :
			 "no report, SUMMARY or exit line");
	} else if (res->kind == LAUNCH_SKIPPED && !w->skip) {
		res->kind = LAUNCH_FAILED;
		res->exit_code = KUT_EXIT_FAIL;
		snprintf(res->reason, sizeof(res->reason), "the skip status "
			 "came without a SKIP from the guest");
	} else if (res->kind == LAUNCH_ERROR && code >= 0 && w->fail) {
		res->kind = LAUNCH_FAILED;
		res->exit_code = KUT_EXIT_FAIL;
		snprintf(res->reason, sizeof(res->reason), "the guest reported "
			 "a failure, then QEMU exited with status %d", code);
	}
}

void launch_end(struct launch *l, struct launch_result *res)
{
	struct launch **p;
	char dur[32];

	for (p = &running; *p; p = &(*p)->next) {
		if (*p == l) {
			*p = l->next;
			break;
		}
	}
	close_outbuf(l, &l->out[0]);
	close_outbuf(l, &l->out[1]);
	if (l->in_fd >= 0)
		close(l->in_fd);
	if (l->timed_out) {
		format_duration(l->timeout_ms, dur, sizeof(dur));
		res->kind = LAUNCH_TIMEOUT;
		res->exit_code = KUT_EXIT_TIMEOUT;
		res->status = l->status;
		snprintf(res->reason, sizeof(res->reason),
			 "timeout after %s; QEMU killed", dur);
	} else if (l->vm_error[0]) {
		res->kind = LAUNCH_FAILED;
		res->exit_code = KUT_EXIT_FAIL;
		res->status = l->status;
		snprintf(res->reason, sizeof(res->reason),
			 "QEMU stopped the guest: %s", l->vm_error);
	} else if (l->decode == LAUNCH_DECODE_CONSOLE ||
		   (l->decode == LAUNCH_DECODE_TESTDEV_OR_CONSOLE &&
		    l->words.exit_line && WIFEXITED(l->status) &&
		    WEXITSTATUS(l->status) == 0)) {
		launch_decode_console(l->status, l->words.exit_line ?
				      l->words.exit_status : -1,
				      l->error_line, res);
		launch_judge_words(LAUNCH_DECODE_CONSOLE, &l->words, res);
	} else if (l->decode == LAUNCH_DECODE_TESTDEV_OR_CONSOLE) {
		launch_decode_status(LAUNCH_DECODE_TESTDEV, l->status,
				     l->error_line, res);
		launch_judge_words(LAUNCH_DECODE_TESTDEV, &l->words, res);
	} else {
		launch_decode_status(l->decode, l->status, l->error_line, res);
		launch_judge_words(l->decode, &l->words, res);
	}
	res->refused = false;
	startup_refusal(l, res);
	free(l);
}

void launch_run(const struct launch_request *req, struct launch_result *res)
{
	struct launch *l = launch_start(req, res);

	if (!l)
		return;
	while (launch_running(l))
		launch_wait();
	launch_end(l, res);
}

/* Ask every group to stop, wait a little, then kill and reap them all. */
static void kill_all(void)
{
	long long give_up = launch_now_ms() + KILL_GRACE_MS;
	struct timespec tick = { 0, 10 * 1000000 };
	struct launch *l;
	bool waiting = true;

	for (l = running; l; l = l->next)
		kill_group(l, SIGTERM);
	while (waiting && launch_now_ms() < give_up) {
		waiting = false;
		for (l = running; l; l = l->next)
			waiting |= !l->exited && !child_exited(l);
		if (waiting)
			nanosleep(&tick, NULL);
	}
	for (l = running; l; l = l->next)
		if (!l->exited)
			reap(l);
}

void launch_on_interrupt(launch_interrupt_fn *fn, void *ctx)
{
	interrupt_hook = fn;
	interrupt_ctx = ctx;
}

void launch_check_signals(void)
{
	launch_interrupt_fn *hook;
	int sig = pending_signal;
	sigset_t set;

	if (!sig)
		return;
	kill_all();
	hook = interrupt_hook;
	interrupt_hook = NULL;	/* once, even if the hook is interrupted */
	if (hook)
		hook(interrupt_ctx, sig);
	tempfile_remove_all();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}
