/* libtrace log format. This header is the specification; readers and writers include it.
 *
 * One log file per traced process image, created 0600 with O_EXCL|O_NOFOLLOW|O_CLOEXEC
 * in the run directory:  <rundir>/<pid>.ltl  (an execve'd image of the same pid writes
 * <pid>.<n>.ltl, n = 1, 2, ...). All integers are little-endian (x86-64 native).
 *
 *   offset 0            struct lt_file_header (header_size bytes; readers ignore the
 *                       bytes they do not know, so later versions may append fields)
 *   data_offset         chunk 0, chunk 1, ... each chunk_size bytes
 *
 * Chunks. Each chunk belongs to one thread (chunk header tid) and holds that thread's
 * records in the order they were written; a thread takes a new chunk when its current one
 * is full. Chunks are handed out by an atomic bump of the file size, so a thread's chunks
 * appear in file order but interleave with other threads' chunks. Writers map the file
 * MAP_SHARED, so what a thread wrote survives the process being SIGKILLed.
 *
 * Records. 8-byte aligned, each starting with struct lt_rec_header. A writer fills the
 * whole record, then publishes it by storing `size` last (release order). A header whose
 * size is 0, a chunk's end, or the file's end ends the chunk: a log cut short is readable
 * up to its last whole record. Readers check every size against the chunk bounds and skip
 * record types they do not know (size tells how far). Within a chunk, records are in the
 * order they were completed: a call interrupted by a signal handler comes after the
 * handler's records (its ts, the entry time, is earlier); sort by ts for time order.
 *
 * Time. Record timestamps are CLOCK_MONOTONIC nanoseconds; the file header gives one
 * monotonic and one realtime reading taken together, so wall = ts - mono_ns + wall_ns.
 */
#ifndef LT_LOG_H
#define LT_LOG_H

#include <stdint.h>

#define LT_LOG_MAGIC "LTRACE\x1a\x01" /* 8 bytes, no NUL needed */
#define LT_LOG_MAGIC_LEN 8
#define LT_LOG_VERSION 1     /* what this build writes */
#define LT_LOG_VERSION_MIN 1 /* oldest version this build reads */
#define LT_LOG_SUFFIX ".ltl"

#define LT_ARCH_X86_64 0xC000003Eu /* AUDIT_ARCH_X86_64 */

/* Sanity bounds a reader enforces before trusting the header. */
#define LT_CHUNK_SIZE_MIN 4096u
#define LT_CHUNK_SIZE_MAX (64u << 20)
#define LT_DATA_OFFSET_MAX (1u << 20)

enum lt_backend_id {
	LT_BACKEND_NATIVE = 1,
	LT_BACKEND_STRACE = 2,
};

/* lt_file_header.flags */
#define LT_LOG_F_EXEC 0x1u /* this image was started by an execve of a traced process */
#define LT_LOG_F_FORK 0x2u /* this process was forked/vforked/spawned by a traced process */
#define LT_LOG_F_ROOT 0x4u /* the first process of the run (the one that prints the report) */

struct lt_file_header {
	char magic[8];        /* LT_LOG_MAGIC */
	uint16_t version;     /* LT_LOG_VERSION_MIN <= version <= LT_LOG_VERSION */
	uint16_t header_size; /* >= offsetof(comm) + 16 for version 1 */
	uint32_t arch;        /* LT_ARCH_X86_64 */
	uint32_t data_offset; /* multiple of 4096, >= header_size, <= LT_DATA_OFFSET_MAX */
	uint32_t chunk_size;  /* multiple of 4096, in [LT_CHUNK_SIZE_MIN, LT_CHUNK_SIZE_MAX] */
	uint32_t pid;
	uint32_t ppid;
	uint64_t mono_ns;     /* CLOCK_MONOTONIC when the log was created */
	uint64_t wall_ns;     /* CLOCK_REALTIME at the same moment */
	uint32_t strsize;     /* capture limit for string/buffer data (LIBTRACE_STRSIZE) */
	uint32_t backend;     /* enum lt_backend_id */
	uint32_t flags;       /* LT_LOG_F_* */
	uint32_t reserved;
	char comm[16];        /* process name at log creation, NUL padded */
};

#define LT_CHUNK_MAGIC 0x4b43544cu /* "LTCK" */

struct lt_chunk_header {
	uint32_t magic; /* LT_CHUNK_MAGIC; anything else: the chunk was never used */
	uint32_t tid;   /* owning thread */
	uint32_t seq;   /* the thread's chunk number, from 0 */
	uint32_t reserved;
};

enum lt_rec_type {
	LT_REC_SYSCALL = 1, /* struct lt_rec_syscall + captures */
	LT_REC_SIGNAL = 2,  /* struct lt_rec_signal */
	LT_REC_EXIT = 3,    /* struct lt_rec_exit */
	LT_REC_LOST = 4,    /* struct lt_rec_lost */
	LT_REC_WINDOW = 5,  /* struct lt_rec_window */
	LT_REC_THREAD = 6,  /* struct lt_rec_thread */
	LT_REC_PROCESS = 7, /* struct lt_rec_process */
	LT_REC_FD = 8,      /* struct lt_rec_fd */
	LT_REC_NOTE = 9,    /* struct lt_rec_note: something the tracer did or could not do */
	/* 0x7ffe: an UNFINISHED syscall record logged early (a long-blocking call) whose
	 * complete copy follows once it returned; the type was overwritten so that readers,
	 * which skip any type they do not know by its size, see the call once. */
};

struct lt_rec_header {
	uint16_t type;  /* enum lt_rec_type */
	uint16_t flags; /* per type */
	uint32_t size;  /* whole record in bytes incl. this header; multiple of 8; 0 = end */
	uint64_t ts;    /* CLOCK_MONOTONIC ns; for a syscall, its entry */
};

/* lt_rec_syscall: h.flags */
#define LT_SC_UNFINISHED 0x1u /* entry only: the call did not return to the recorder
				 (execve that succeeded, exit, exit_group, a kill of
				 oneself by a fatal signal); ret/dur unset. The native
				 backend logs execve and kill/tkill/tgkill this way
				 before making them and, if they return, completes the
				 same record in place (ret, dur, then flags = 0; size
				 unchanged): a reader may see either state. */
#define LT_SC_FAST 0x2u       /* recorded by an interposed libc wrapper, not a trap */
#define LT_SC_INJECTED 0x4u   /* the call was not made: its result was injected (error=,
				 retval=): strace's "(INJECTED)" */
#define LT_SC_RESTART 0x8u    /* the kernel returned an ERESTART* code (ret holds it, e.g.
				 -514): the call was interrupted and will be restarted or
				 fail with EINTR; strace prints "= ? ERESTART..." */
#define LT_SC_DELAYED 0x10u   /* an injected delay_enter=/delay_exit= (in dur): strace's
				 "(DELAYED)", after "(INJECTED)" when both. An injected
				 signal= marks no call (strace neither): its signal record
				 follows. */

struct lt_rec_syscall {
	struct lt_rec_header h;
	uint32_t nr;
	uint32_t ncaps;  /* struct lt_cap records that follow, each padded to 8 bytes */
	uint64_t args[6];
	int64_t ret;     /* raw kernel return: -4095..-1 is -errno */
	uint64_t dur;    /* ns from entry to return */
};

/* Captured memory behind an argument: strings, buffers, structures. */
#define LT_CAP_EXIT 0x1u  /* read after the call returned (output data) */
#define LT_CAP_TRUNC 0x2u /* the object was longer than what was captured */
#define LT_CAP_FAULT 0x4u /* the memory could not be read; len is 0 */
#define LT_CAP_STR 0x8u   /* a NUL-terminated string (the NUL is not stored) */
#define LT_CAP_SHORT 0x10u /* the memory ended (a fault) before the length asked for, and
			    * before a string's NUL: strace, which reads min(len, -s + 1)
			    * bytes whole, prints the address when it got fewer */
#define LT_CAP_SUB_SELF 0xffffu

struct lt_cap {
	uint8_t arg;    /* argument index 0..5 */
	uint8_t flags;  /* LT_CAP_* */
	uint16_t sub;   /* LT_CAP_SUB_SELF, or an element index (e.g. iovec i's buffer) */
	uint32_t len;   /* bytes of data that follow this header, then pad to 8 */
};

struct lt_rec_signal {
	struct lt_rec_header h;  /* h.flags: LT_SIG_* */
	uint8_t siginfo[128];    /* the kernel's siginfo_t as delivered */
};
#define LT_SIG_HANDLER 0x1u /* the program's handler was entered */

struct lt_rec_exit {
	struct lt_rec_header h;
	int32_t code;   /* exit_group status, if !signo */
	int32_t signo;  /* killed by this signal, else 0 */
};

struct lt_rec_lost {
	struct lt_rec_header h;
	uint64_t count; /* records this thread could not write since its previous lost record */
};

struct lt_rec_window {
	struct lt_rec_header h;
	uint32_t on;    /* 1: tracing started, 0: stopped */
	uint32_t seq;   /* window number, from 1 */
};

struct lt_rec_thread {
	struct lt_rec_header h;
	char name[16];  /* the thread's comm, NUL padded */
};

struct lt_rec_process {
	struct lt_rec_header h;  /* h.flags: LT_LOG_F_* like the file header */
	uint32_t pid;
	uint32_t ppid;
	uint32_t cmdline_len;    /* bytes that follow: argv, each NUL-terminated */
	uint32_t reserved;
};

struct lt_rec_fd {
	struct lt_rec_header h;
	int32_t fd;        /* a descriptor open when tracing began (for -y); AT_FDCWD (-100):
			    * the working directory */
	uint32_t path_len; /* bytes of path that follow (no NUL) */
};

/* A note from the tracer about itself, shown in every output as strace shows its own
 * messages: what it changed or gave up (a thread disarmed because it is ptraced, a log
 * that hit its size limit, a control signal moved, a fallback taken under seccomp). The
 * code is stable for tools; the text is for people. Readers print the text escaped. */
enum lt_note_code {
	LT_NOTE_TEXT = 0,        /* only the text says what happened */
	LT_NOTE_PTRACED = 1,     /* this thread became a tracee; it is no longer recorded */
	LT_NOTE_LOG_FULL = 2,    /* the log could not grow (EFBIG, ENOSPC, EDQUOT) */
	LT_NOTE_SECCOMP = 3,     /* a shim call is forbidden by the program's filter */
	LT_NOTE_SIGNALS = 4,     /* the control signals changed (text: which, and why) */
	LT_NOTE_UNTRACED = 5,    /* calls made before the shim could see them (the loader's) */
};

struct lt_rec_note {
	struct lt_rec_header h;
	uint32_t code;     /* enum lt_note_code */
	uint32_t text_len; /* bytes of UTF-8 text that follow (no NUL) */
};

#define LT_ALIGN8(n) (((n) + 7u) & ~(uint64_t)7u)

#endif
