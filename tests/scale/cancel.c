/* pthread_cancel of a thread blocked in pthread_cond_timedwait (a futex wait, a
 * cancellation point made asynchronously cancellable by glibc around the syscall): the
 * forced unwind must go through a rewritten site's entry (its CFI) into glibc and run the
 * cleanup handlers (built with -fexceptions: unwound frame by frame). Prints one line per
 * round. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int cleaned;

static void cleanup(void *a)
{
	(void)a;
	cleaned++;
	pthread_mutex_unlock(&mu);
}

static void *waiter(void *a)
{
	(void)a;
	pthread_cleanup_push(cleanup, 0);
	pthread_mutex_lock(&mu);
	for (;;) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 1000000;
		if (ts.tv_nsec >= 1000000000)
			ts.tv_sec++, ts.tv_nsec -= 1000000000;
		pthread_cond_timedwait(&cv, &mu, &ts);
	}
	pthread_cleanup_pop(0);
	return 0;
}

int main(void)
{
	for (int i = 0; i < 5; i++) {
		pthread_t t;
		void *r;
		pthread_create(&t, 0, waiter, 0);
		usleep(30000);
		pthread_cancel(t);
		pthread_join(t, &r);
		printf("round %d: %s, cleanups %d\n", i, r == PTHREAD_CANCELED ? "cancelled" : "?",
		       cleaned);
	}
	return 0;
}
