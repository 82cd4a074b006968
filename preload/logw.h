/* The shim's log writer: one file per process image, per-thread chunks mapped MAP_SHARED
 * (see lib/lt_log.h). Safe in the SIGSYS handler: raw syscalls only, no locks; chunks are
 * handed out by an atomic bump of next_off. */
#ifndef LT_LOGW_H
#define LT_LOGW_H

#include <limits.h>
#include <stdint.h>

#include "lt_log.h"

#define LT_LOGW_CHUNK (1024u << 10)
/* Blocks of a chunk are reserved (fallocate, which also extends the file) a step at a
 * time. A thread's first chunk starts small: LT_LOGW_STEP_MIN while it holds less than
 * LT_LOGW_SMALL, then doubling up to LT_LOGW_STEP_MAX, so a process that makes a few
 * hundred calls leaves a log of a few pages on disk. A thread that needs a second chunk
 * is busy: its later chunks grow LT_LOGW_STEP_MAX at a time (an fallocate on ext4 costs
 * tens of µs). */
#define LT_LOGW_STEP_MIN (16u << 10)
#define LT_LOGW_SMALL (64u << 10)
#define LT_LOGW_STEP_MAX (256u << 10)
/* Kept free at the end of a chunk's reserved bytes for what is written when the log
 * cannot grow: one LT_REC_NOTE (log full) and one LT_REC_LOST. */
#define LT_LOGW_TAIL 128u
/* After ENOSPC or EDQUOT, the log does not try to grow again for a while (doubling with
 * each failure between these bounds): records are counted as lost at tracing speed
 * instead of one failing fallocate per call, and a disk that frees up is used again
 * within a second. */
#define LT_LOGW_BACKOFF_MIN_NS 1000000ull
#define LT_LOGW_BACKOFF_MAX_NS 1000000000ull
#define LT_LOGW_DATA_OFF 4096u
#define LT_LOGW_CAP (1ull << 30) /* per process image: beyond this, records are lost */

struct lt_log {
	int fd;             /* high descriptor, or -1 when lost (reopened by path) */
	int pid;            /* the process this log belongs to */
	uint64_t dev, ino;  /* identity of the file, checked before each use of fd */
	uint64_t next_off;  /* atomic: next free chunk offset */
	uint32_t chunk_size;
	int open;
	int exit_logged;    /* an LT_REC_EXIT is in the log */
	int full_noted;     /* atomic: an LT_NOTE_LOG_FULL note is in the log */
	uint64_t full_until;   /* CLOCK_MONOTONIC ns: no growth attempt before (disk full) */
	uint64_t full_backoff; /* the interval that set full_until */
	uint64_t orphan_lost;  /* atomic: lost by threads without a chunk, reported by the
				  next thread that writes */
	uint64_t grow_calls;   /* atomic: growth attempts (fallocate), for tests */
	char path[PATH_MAX];
};

/* One thread's position in its current chunk. */
struct lt_chunk {
	char *base;     /* mapping of the chunk, or 0 */
	uint32_t pos;   /* next free byte in the chunk */
	uint32_t avail; /* bytes of the chunk with blocks reserved (fallocate), from its start */
	uint32_t ready; /* bytes of the chunk prefaulted writable (MADV_POPULATE_WRITE) */
	uint64_t off;   /* the chunk's offset in the file */
	uint64_t retry; /* a chunk offset taken but not yet usable (disk full): retried, so
			   failures do not use up the file */
	uint32_t seq;   /* chunks taken so far by this thread */
	uint32_t first; /* this is the thread's first chunk: it grows in small steps */
	uint64_t lost;  /* records not written since the last LT_REC_LOST */
	struct lt_rec_lost *lostrec; /* the LT_REC_LOST at the end of this chunk that
					counts the losses now going on, or 0 */
	int pid;        /* the process that mapped base (a fork child must not write it) */
};

/* Creates <dir>/<pid>[.n].ltl and writes its header; 0 or -errno. */
int lt_log_create(struct lt_log *lg, const char *dir, int pid, int ppid, uint32_t flags,
		  uint32_t strsize, const char *comm);
/* Space for a record of size bytes (a multiple of 8) in the thread's chunk, taking a new
 * chunk when needed; 0 if none can be had. A loss is always counted in the log: in an
 * LT_REC_LOST at the end of the thread's chunk (space kept for it, its count updated in
 * place while the losses go on), or, for a thread without a chunk, by the next record any
 * thread writes. The first time the log cannot grow it says why (LT_NOTE_LOG_FULL). The
 * caller fills the record and publishes it with lt_log_publish. */
void *lt_log_reserve(struct lt_log *lg, struct lt_chunk *ck, uint32_t tid, uint32_t size);
static inline void lt_log_publish(void *rec, uint32_t size)
{
	__atomic_store_n(&((struct lt_rec_header *)rec)->size, size, __ATOMIC_RELEASE);
}
/* Unmaps the chunk (a thread that exits, or a fork child dropping the parent's chunks).
 * Losses not yet in the log are left in ck->lost. */
void lt_chunk_drop(struct lt_chunk *ck);
/* Makes sure fd still names our file (a program may close every descriptor above 2). */
int lt_log_check_fd(struct lt_log *lg);

#endif
