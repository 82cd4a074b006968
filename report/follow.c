/* --follow (see lt_follow.h).
 *
 * The logs are written in place while we read them: a record becomes visible when the
 * writer stores its size, last, so a reader that opens the files again sees every record
 * published so far and nothing half-written. Each pass opens the run with a fresh reader
 * (the one reader, with all its checks) and passes on the events not passed on before.
 * An event is known by its thread, entry time, call and unfinished state: an early
 * "unfinished" copy of a blocking call and its finished record are two events, as strace
 * prints "<unfinished ...>" and then the whole call; the early copy is held back for a
 * second, so a call that returns within it is printed once.
 *
 * Time order across threads: a call is logged when it returns, with its entry time, so a
 * pass holds back the events that entered in the last LAG_NS; a call that took longer
 * than that comes out late, after calls that entered after it (strace's live output does
 * the same with its resumed lines). The last pass, once the run is over, holds nothing back.
 *
 * Each pass rereads the run: the pause between passes is twice the last pass's duration
 * (at least POLL_NS), so following costs at most a third of a core whatever the size.
 * It ends at a signal, or when its parent (the launcher, or the shell) is gone. */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lt_follow.h"
#include "lt_hmap.h"
#include "lt_reader.h"

#define LAG_NS 100000000ull  /* 100 ms */
#define POLL_NS 100000000ull /* 100 ms */
#define HOLD_UNFINISHED_NS 1000000000ull /* 1 s */

static uint64_t now_ns(clockid_t clk)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t event_key(const struct lt_event *ev)
{
	uint64_t k[4] = { ev->tid, ev->ts_ns, (uint64_t)ev->type << 32 | (uint32_t)ev->nr,
			  ev->flags & LT_EVF_UNFINISHED };
	return lt_hash_bytes(k, sizeof(k));
}

/* A blocking call's early copy is shown only once it has blocked a while; calls that
 * never return (exit, exit_group, a successful execve) are not waited for. */
static int held(const struct lt_event *ev, uint64_t cutoff)
{
	if (!(ev->flags & LT_EVF_UNFINISHED) || cutoff == UINT64_MAX)
		return 0;
	if (ev->name && (!strcmp(ev->name, "exit") || !strcmp(ev->name, "exit_group") ||
			 !strncmp(ev->name, "execve", 6)))
		return 0;
	return ev->ts_ns > cutoff - HOLD_UNFINISHED_NS;
}

/* One pass; returns what each returned if negative, else the reader's error count. */
static int pass(const char *dir, struct lt_hmap *seen, uint64_t cutoff,
		int (*each)(void *, const struct lt_event *), void *ctx)
{
	struct lt_reader *rd = lt_reader_new();
	int rc = 0;
	if (lt_reader_add(rd, dir) == 0) {
		struct lt_event ev;
		while (lt_reader_next(rd, &ev) == 1) {
			if (ev.ts_ns > cutoff)
				continue;
			if (held(&ev, cutoff))
				continue;
			int added = 0;
			lt_hmap_add(seen, event_key(&ev), &added);
			if (added && (rc = each(ctx, &ev)) < 0)
				break;
		}
	}
	if (rc >= 0)
		rc = each(ctx, NULL);
	if (rc >= 0)
		rc = (int)lt_reader_errors(rd);
	lt_reader_free(rd);
	return rc;
}

int lt_follow(const char *dir, int (*each)(void *ctx, const struct lt_event *ev), void *ctx,
	      volatile sig_atomic_t *stop)
{
	struct lt_hmap seen = { 0 };
	/* While the run is written, a file can be caught half made (a header not yet
	 * complete): those passes report nothing; the last one reports what is still wrong. */
	int saved = dup(2), null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int rc = 0;
	pid_t parent = getppid(); /* a follower whose launcher is gone stops too */
	for (;;) {
		if (getppid() != parent)
			*stop = 1;
		int last = *stop != 0;
		uint64_t t0 = now_ns(CLOCK_MONOTONIC);
		if (last && saved >= 0)
			dup2(saved, 2);
		else if (null >= 0)
			dup2(null, 2);
		uint64_t cutoff = last ? UINT64_MAX : now_ns(CLOCK_REALTIME) - LAG_NS;
		rc = pass(dir, &seen, cutoff, each, ctx);
		if (last || rc < 0)
			break;
		uint64_t pause = 2 * (now_ns(CLOCK_MONOTONIC) - t0);
		if (pause < POLL_NS)
			pause = POLL_NS;
		struct timespec ts = { (time_t)(pause / 1000000000ull), (long)(pause % 1000000000ull) };
		while (!*stop && nanosleep(&ts, &ts) != 0)
			;
	}
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
	if (null >= 0)
		close(null);
	lt_hmap_free(&seen);
	return rc;
}
