/* Report-side log writer (see lt_logwrite.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lt_logwrite.h"

struct wthread {
	uint32_t tid, seq;
	uint64_t chunk_off; /* file offset of the current chunk */
	uint32_t used;      /* bytes used in buf, header included */
	uint8_t *buf;
};

struct lt_logw {
	int fd;
	uint32_t chunk_size, data_offset;
	uint64_t next_chunk; /* file offset of the next chunk to hand out */
	struct wthread *th;
	size_t nth, cap;
	int err;
};

static int pwrite_all(int fd, const void *p, size_t n, uint64_t off)
{
	const char *c = p;
	while (n) {
		ssize_t k = pwrite(fd, c, n, (off_t)off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t)k;
		off += (uint64_t)k;
	}
	return 0;
}

struct lt_logw *lt_logw_open(const char *path, const struct lt_logw_opts *o)
{
	struct lt_logw *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->chunk_size = o->chunk_size ? o->chunk_size : 64u << 10;
	w->data_offset = 4096;
	w->next_chunk = w->data_offset;
	w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (w->fd < 0) {
		free(w);
		return NULL;
	}
	struct lt_file_header h;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, LT_LOG_MAGIC, LT_LOG_MAGIC_LEN);
	h.version = o->version ? o->version : LT_LOG_VERSION;
	h.header_size = sizeof(h);
	h.arch = LT_ARCH_X86_64;
	h.data_offset = w->data_offset;
	h.chunk_size = w->chunk_size;
	h.pid = o->pid;
	h.ppid = o->ppid;
	h.mono_ns = o->mono_ns;
	h.wall_ns = o->wall_ns;
	h.strsize = o->strsize ? o->strsize : 32;
	h.backend = LT_BACKEND_NATIVE;
	h.flags = o->flags;
	if (o->comm)
		memcpy(h.comm, o->comm, strnlen(o->comm, sizeof(h.comm)));
	if (pwrite_all(w->fd, &h, sizeof(h), 0) < 0 || ftruncate(w->fd, w->data_offset) < 0) {
		close(w->fd);
		free(w);
		return NULL;
	}
	return w;
}

static int flush_thread(struct lt_logw *w, struct wthread *t)
{
	if (!t->buf || t->used <= sizeof(struct lt_chunk_header))
		return 0;
	/* The rest of the chunk stays zero: a zero size ends it, as in a real log. */
	memset(t->buf + t->used, 0, w->chunk_size - t->used);
	return pwrite_all(w->fd, t->buf, w->chunk_size, t->chunk_off);
}

static void new_chunk(struct lt_logw *w, struct wthread *t)
{
	struct lt_chunk_header ch = { LT_CHUNK_MAGIC, t->tid, t->seq++, 0 };
	t->chunk_off = w->next_chunk;
	w->next_chunk += w->chunk_size;
	memcpy(t->buf, &ch, sizeof(ch));
	t->used = sizeof(ch);
}

static struct wthread *thread_for(struct lt_logw *w, uint32_t tid)
{
	for (size_t i = 0; i < w->nth; i++)
		if (w->th[i].tid == tid)
			return &w->th[i];
	if (w->nth == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		struct wthread *n = realloc(w->th, cap * sizeof(*n));
		if (!n)
			return NULL;
		w->th = n;
		w->cap = cap;
	}
	struct wthread *t = &w->th[w->nth];
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->buf = malloc(w->chunk_size);
	if (!t->buf)
		return NULL;
	w->nth++;
	new_chunk(w, t);
	return t;
}

int lt_logw_rec(struct lt_logw *w, uint32_t tid, void *rec, size_t len)
{
	size_t size = LT_ALIGN8(len);
	if (size > w->chunk_size - sizeof(struct lt_chunk_header) || size > UINT32_MAX) {
		errno = E2BIG;
		return -1;
	}
	struct wthread *t = thread_for(w, tid);
	if (!t)
		return -1;
	if (t->used + size > w->chunk_size) {
		if (flush_thread(w, t) < 0)
			return -1;
		new_chunk(w, t);
	}
	((struct lt_rec_header *)rec)->size = (uint32_t)size;
	memcpy(t->buf + t->used, rec, len);
	memset(t->buf + t->used + len, 0, size - len);
	t->used += (uint32_t)size;
	return 0;
}

size_t lt_logw_cap(uint8_t *buf, size_t off, unsigned arg, unsigned flags, unsigned sub,
		   const void *data, uint32_t len)
{
	struct lt_cap c = { (uint8_t)arg, (uint8_t)flags, (uint16_t)sub, len };
	memcpy(buf + off, &c, sizeof(c));
	off += sizeof(c);
	if (len)
		memcpy(buf + off, data, len);
	memset(buf + off + len, 0, LT_ALIGN8(len) - len);
	return off + LT_ALIGN8(len);
}

int lt_logw_syscall(struct lt_logw *w, uint32_t tid, uint64_t ts, unsigned nr,
		    const uint64_t args[6], int64_t ret, uint64_t dur, unsigned flags,
		    const void *caps, size_t caps_len, unsigned ncaps)
{
	uint8_t stackbuf[512];
	size_t len = sizeof(struct lt_rec_syscall) + caps_len;
	uint8_t *buf = len <= sizeof(stackbuf) ? stackbuf : malloc(len);
	if (!buf)
		return -1;
	struct lt_rec_syscall r;
	memset(&r, 0, sizeof(r));
	r.h.type = LT_REC_SYSCALL;
	r.h.flags = (uint16_t)flags;
	r.h.ts = ts;
	r.nr = nr;
	r.ncaps = ncaps;
	if (args)
		memcpy(r.args, args, sizeof(r.args));
	r.ret = ret;
	r.dur = dur;
	memcpy(buf, &r, sizeof(r));
	if (caps_len)
		memcpy(buf + sizeof(r), caps, caps_len);
	int rc = lt_logw_rec(w, tid, buf, len);
	if (buf != stackbuf)
		free(buf);
	return rc;
}

int lt_logw_note(struct lt_logw *w, uint32_t tid, uint64_t ts, unsigned code, const char *text,
		 size_t text_len)
{
	struct lt_rec_note n;
	size_t len = sizeof(n) + text_len;
	uint8_t *buf = malloc(len);
	if (!buf)
		return -1;
	memset(&n, 0, sizeof(n));
	n.h.type = LT_REC_NOTE;
	n.h.ts = ts;
	n.code = code;
	n.text_len = (uint32_t)text_len;
	memcpy(buf, &n, sizeof(n));
	memcpy(buf + sizeof(n), text, text_len);
	int rc = lt_logw_rec(w, tid, buf, len);
	free(buf);
	return rc;
}

int lt_logw_close(struct lt_logw *w)
{
	int rc = 0;
	for (size_t i = 0; i < w->nth; i++) {
		if (flush_thread(w, &w->th[i]) < 0)
			rc = -1;
		free(w->th[i].buf);
	}
	/* Whole chunks, as the shim's bump allocation leaves the file. */
	if (ftruncate(w->fd, (off_t)w->next_chunk) < 0)
		rc = -1;
	if (close(w->fd) < 0)
		rc = -1;
	free(w->th);
	free(w);
	return rc;
}
