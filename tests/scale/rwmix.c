/* Calls that go through rewritten sites once the first round has trapped, with what must
 * behave as untraced around them: a signal arriving inside a blocked call (restarted with
 * SA_RESTART, EINTR without), fork + wait, vfork + exec (posix_spawn), threads.
 * rwmix ROUNDS. Output: one line per round, so a broken round shows. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
static volatile int got;

static void on_usr1(int sig)
{
	(void)sig;
	got++;
}

static long raw_getppid(void)
{
	long r;
	__asm__ volatile("mov $110, %%eax\n\tsyscall" : "=a"(r) : : "rcx", "r11", "memory");
	return r;
}

/* The state letter of process pid (/proc/PID/stat), or 0. */
static char proc_state(pid_t pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* A child signals us once we block in read (asleep: the only call that sleeps here), then
 * writes: returns what read returned. */
static long read_interrupted(int restart)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigaction(SIGUSR1, &sa, 0);
	int p[2];
	if (pipe(p))
		return -100;
	pid_t parent = getpid(), c = fork();
	if (c == 0) {
		struct timespec ts = { 0, 20 * 1000 * 1000 }, tick = { 0, 1000 * 1000 };
		for (int i = 0; i < 5000 && proc_state(parent) != 'S'; i++)
			syscall(SYS_nanosleep, &tick, 0);
		syscall(SYS_nanosleep, &tick, 0);
		syscall(SYS_kill, parent, SIGUSR1);
		syscall(SYS_nanosleep, &ts, 0);
		syscall(SYS_write, p[1], "x", 1);
		_exit(0);
	}
	char b;
	long r = syscall(SYS_read, p[0], &b, 1);
	if (r < 0)
		r = -errno;
	int st;
	waitpid(c, &st, 0);
	close(p[0]);
	close(p[1]);
	return r;
}

static void *thread_fn(void *arg)
{
	long s = 0;
	for (int i = 0; i < 100; i++)
		s += syscall(SYS_getppid) + raw_getppid();
	*(long *)arg = s;
	return 0;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 5;
	pid_t pp = getppid();
	for (int r = 0; r < rounds; r++) {
		int ok = 1;
		for (int i = 0; i < 50; i++)
			ok &= syscall(SYS_getppid) == pp && raw_getppid() == pp && getppid() == pp;
		long rr = read_interrupted(1), re = read_interrupted(0);
		pid_t c;
		char *args[] = { "true", 0 };
		int st = -1;
		if (posix_spawn(&c, "/bin/true", 0, 0, args, environ) == 0)
			waitpid(c, &st, 0);
		pthread_t t;
		long ts = 0;
		pthread_create(&t, 0, thread_fn, &ts);
		pthread_join(t, 0);
		printf("round %d: getppid %s, restarted read %ld, interrupted read %ld, spawn %d, "
		       "thread %s\n", r, ok ? "ok" : "WRONG", rr, re, st,
		       ts == 200L * pp ? "ok" : "WRONG");
	}
	printf("signals %d\n", got);
	return 0;
}
