/* The shim's log writer: one file per process image, per-thread chunks mapped MAP_SHARED
 * (see lib/lt_log.h). Safe in the SIGSYS handler: raw syscalls only, no locks; chunks are
 * handed out by an atomic bump of next_off. */
#ifndef LT_LOGW_H
#define LT_LOGW_H

#include <limits.h>
#include <stdint.h>

#include "lt_log.h"

#define LT_LOGW_CHUNK (1024u << 10)
#define LT_LOGW_STEP (256u << 10) /* blocks are reserved this much at a time */
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
	uint64_t lost;  /* records not written since the last LT_REC_LOST */
	int pid;        /* the process that mapped base (a fork child must not write it) */
};

/* Creates <dir>/<pid>[.n].ltl and writes its header; 0 or -errno. */
int lt_log_create(struct lt_log *lg, const char *dir, int pid, int ppid, uint32_t flags,
		  uint32_t strsize, const char *comm);
/* Space for a record of size bytes (a multiple of 8) in the thread's chunk, taking a new
 * chunk when needed; 0 if none can be had (the loss is counted in ck->lost and reported
 * by an LT_REC_LOST record when space comes back). The caller fills the record and
 * publishes it with lt_log_publish. */
void *lt_log_reserve(struct lt_log *lg, struct lt_chunk *ck, uint32_t tid, uint32_t size);
static inline void lt_log_publish(void *rec, uint32_t size)
{
	__atomic_store_n(&((struct lt_rec_header *)rec)->size, size, __ATOMIC_RELEASE);
}
/* Unmaps the chunk (a thread that exits, or a fork child dropping the parent's chunks). */
void lt_chunk_drop(struct lt_chunk *ck);
/* Makes sure fd still names our file (a program may close every descriptor above 2). */
int lt_log_check_fd(struct lt_log *lg);

#endif
