/* A report-side writer of binary logs (lib/lt_log.h), for tests and benchmarks that need
 * logs of a known content: it writes exactly the layout the shim writes (per-thread chunks
 * handed out in order of first need) but with plain file I/O. Not used by the shim. */
#ifndef LT_LOGWRITE_H
#define LT_LOGWRITE_H

#include <stddef.h>
#include <stdint.h>

#include "lt_log.h"

struct lt_logw;

struct lt_logw_opts {
	uint32_t pid, ppid;
	uint64_t mono_ns, wall_ns;
	uint32_t chunk_size;  /* 0: 64 KiB */
	uint32_t flags;       /* LT_LOG_F_* */
	uint32_t strsize;     /* 0: 32 */
	uint16_t version;     /* 0: LT_LOG_VERSION (tests write future versions) */
	const char *comm;
};

/* Creates (truncates) path. NULL on error (errno set). */
struct lt_logw *lt_logw_open(const char *path, const struct lt_logw_opts *o);
/* Appends a whole record for thread tid. rec starts with a struct lt_rec_header whose
 * size is set here to LT_ALIGN8(len). Returns 0 or -1. */
int lt_logw_rec(struct lt_logw *w, uint32_t tid, void *rec, size_t len);
/* A syscall record with captures: caps points to ncaps struct lt_cap headers, each
 * followed by its data padded to 8 (caps_len bytes in all). */
int lt_logw_syscall(struct lt_logw *w, uint32_t tid, uint64_t ts, unsigned nr,
		    const uint64_t args[6], int64_t ret, uint64_t dur, unsigned flags,
		    const void *caps, size_t caps_len, unsigned ncaps);
/* Appends one capture (header + data + padding) to buf; returns the new length. */
size_t lt_logw_cap(uint8_t *buf, size_t off, unsigned arg, unsigned flags, unsigned sub,
		   const void *data, uint32_t len);
/* A note record (LT_REC_NOTE): code and text_len bytes of text. */
int lt_logw_note(struct lt_logw *w, uint32_t tid, uint64_t ts, unsigned code, const char *text,
		 size_t text_len);
/* Flushes every chunk and closes. Returns 0 or -1. */
int lt_logw_close(struct lt_logw *w);

#endif
