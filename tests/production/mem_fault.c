/* The program's own SIGSEGV/SIGBUS handling, which the tracer takes over to make its copies
 * fault-safe, must behave exactly as untraced: a handler sees the fault's si_code and
 * address and can longjmp out; SA_RESETHAND makes the second fault fatal; SIG_IGN does not
 * stop a real fault; the default action kills with the right status; a SIGSEGV sent with
 * kill while blocked stays pending; sigaction reads back what the program set. Each case
 * runs in a child; the parent prints its wait status. */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile int code;
static volatile void *addr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	code = sig * 100 + si->si_code;
	addr = si->si_addr;
	siglongjmp(jb, 1);
}

static void set(int sig, void *h, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	if (h == SIG_DFL || h == SIG_IGN)
		sa.sa_handler = h;
	else
		sa.sa_sigaction = h;
	sa.sa_flags = flags;
	if (sigaction(sig, &sa, 0))
		exit(90);
}

static volatile int *nullp;

static void segv_handled(void)
{
	set(SIGSEGV, on_fault, SA_SIGINFO);
	struct sigaction now;
	sigaction(SIGSEGV, 0, &now);
	printf("reads back own handler: %d flags ok: %d\n", now.sa_sigaction == on_fault,
	       !!(now.sa_flags & SA_SIGINFO));
	for (int i = 0; i < 3; i++)
		if (!sigsetjmp(jb, 1))
			*nullp = 1;
	printf("handled: code %d addr %p\n", code, (void *)addr);
	/* a write(2) from the handler's context and after it: still traced, still working */
	if (write(1, "after\n", 6) != 6)
		exit(91);
}

static void bus_handled(void)
{
	char path[] = "/tmp/lt-prod-bus.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		exit(92);
	unlink(path);
	char *m = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED)
		exit(93);
	set(SIGBUS, on_fault, SA_SIGINFO);
	if (!sigsetjmp(jb, 1))
		m[100] = 1; /* past the end of an empty file */
	printf("bus: code %d\n", code);
}

static void resethand(void)
{
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
	set(SIGSEGV, on_fault, SA_SIGINFO | SA_RESETHAND);
	if (!sigsetjmp(jb, 1))
		*nullp = 1;
	printf("first fault handled: %d\n", code);
	fflush(stdout);
	struct sigaction now;
	sigaction(SIGSEGV, 0, &now);
	printf("now default: %d\n", now.sa_handler == SIG_DFL);
	fflush(stdout);
	*nullp = 2;
}

static void ignored_fault(void)
{
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
	set(SIGSEGV, SIG_IGN, 0);
	kill(getpid(), SIGSEGV); /* ignored */
	printf("kill ignored\n");
	fflush(stdout);
	*nullp = 3; /* a real fault is not */
}

static void default_fault(void)
{
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
	*nullp = 4;
}

static void sent_default(void)
{
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGBUS);
	printf("not reached\n");
}

static void pending_while_blocked(void)
{
	setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, 0 });
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGSEGV);
	sigprocmask(SIG_BLOCK, &s, 0);
	kill(getpid(), SIGSEGV);
	/* calls whose captures copy from the program while SIGSEGV is blocked */
	char buf[64];
	int fd = open("/dev/zero", O_RDONLY);
	if (read(fd, buf, sizeof buf) != sizeof buf || syscall(SYS_write, 1, "blocked\n", 8) != 8)
		exit(94);
	sigset_t p;
	sigpending(&p);
	printf("pending: %d\n", sigismember(&p, SIGSEGV));
	fflush(stdout);
	sigprocmask(SIG_UNBLOCK, &s, 0); /* dies here */
	printf("not reached\n");
}

static void run(const char *name, void (*fn)(void))
{
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		fn();
		fflush(stdout);
		_exit(0);
	}
	int st;
	if (waitpid(p, &st, 0) != p)
		exit(95);
	printf("%s: status %#x\n", name, st);
}

int main(void)
{
	run("segv_handled", segv_handled);
	run("bus_handled", bus_handled);
	run("resethand", resethand);
	run("ignored_fault", ignored_fault);
	run("default_fault", default_fault);
	run("sent_default", sent_default);
	run("pending_while_blocked", pending_while_blocked);
	return 0;
}
