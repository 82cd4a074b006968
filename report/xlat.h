/* The decoders' shared internals (report/decode*.c): the context one call is formatted in,
 * value-to-name tables, and the printing primitives every decoder builds on. Report side
 * only. Whatever a capture holds was written by the traced program or copied by the
 * shim: every length is checked before a byte is read. */
#ifndef LT_XLAT_H
#define LT_XLAT_H

#include <stddef.h>
#include <stdint.h>

#include "lt_decode.h"
#include "lt_log.h"
#include "lt_syscall.h"

/* A value and its name; tables end with a NULL name. For flag tables, entries whose
 * value covers several bits come before the single bits they contain. */
struct lt_xlat {
	uint64_t val;
	const char *name;
};

/* One syscall being formatted. */
struct lt_dctx {
	struct lt_sb *sb;
	const struct lt_event *ev;
	const struct lt_fmt *fmt;
	const struct lt_sysent *se;
	unsigned strsize; /* -s, 32 when the options leave it 0 */
	int done;         /* the call returned (ret is meaningful) */
	int failed;       /* it returned an error: output arguments print as addresses */
	int force_hex;    /* quote strings as -xx would (getrandom's bytes, as strace does) */
};

/* Numbers and addresses. */
void lt_put_dec(struct lt_dctx *c, int64_t v);
void lt_put_udec(struct lt_dctx *c, uint64_t v);
void lt_put_hex(struct lt_dctx *c, uint64_t v);  /* "0x1f", "0" */
void lt_put_ptr(struct lt_dctx *c, uint64_t v);  /* "NULL", "0x7ffd..." */
void lt_put_fd(struct lt_dctx *c, int fd);      /* "3", or "3</etc/passwd>" with -y */
void lt_put_dirfd(struct lt_dctx *c, int fd);   /* AT_FDCWD or an fd */
void lt_put_mode(struct lt_dctx *c, uint64_t mode); /* "0644", "000" */

/* Strings: quoted and escaped as strace does; "..." follows when trunc. */
void lt_put_quoted(struct lt_dctx *c, const uint8_t *p, size_t len, int trunc);
/* The capture (arg, sub) as a NUL-terminated string limited by -s (limit 0) or by limit;
 * the address when there is no capture. */
void lt_put_cstr(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr, size_t limit);
/* A buffer of count bytes at addr, count known from the call: at most -s bytes shown. */
void lt_put_buf(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr, uint64_t count);
/* A path: whole (no -s limit). */
void lt_put_path(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr);

/* Captured structures: the data when a capture of at least need bytes exists, else NULL
 * (and the caller prints the address). */
const uint8_t *lt_cap_get(struct lt_dctx *c, int arg, unsigned sub, size_t need, size_t *len);

/* An array of n elements of es bytes at addr, captured as (arg, sub), as strace's
 * print_array prints it: NULL, [], the address when not even the first element was read,
 * "..." after -s elements (unless -v), "... / * 0xaddr * /" where the readable memory
 * ended. fn prints element k from its bytes e; it returns 0 to stop. Returns 1 if every
 * element was printed. */
typedef int (*lt_elem_fn)(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque);
int lt_put_array(struct lt_dctx *c, int arg, unsigned sub, uint64_t addr, uint64_t n, size_t es,
		 lt_elem_fn fn, void *opaque);

/* The bytes of argument i's size-byte structure past the start bytes it knows (up to a
 * page): ", / * bytes 24..31 * / "\x80..."" when not all zero, ", ???" when they could not
 * be read (strace's print_nonzero_bytes, for extensible structures). */
void lt_put_nonzero_tail(struct lt_dctx *c, int i, size_t start, uint64_t size);

/* Names from tables, honouring -X. put_xlat: one value; an unknown one prints in decimal
 * when unk is NULL, else in hex followed by the comment unk ("0x7 / * SEEK_??? * /").
 * put_flags: an OR of bits, unknown bits in hex, "0" when none (or the table's 0-valued
 * name). Both return 1 if any name was printed. */
int lt_put_xlat(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk);
int lt_put_flags(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v);
int lt_put_flags_unk(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk);
const char *lt_xlat_name(const struct lt_xlat *t, uint64_t v);
/* A named value whose unknown values print in unsigned decimal with the comment unk
 * ("47 / * IORING_OP_??? * /"), as strace's XLAT_STYLE_FMT_U. */
int lt_put_xval_u(struct lt_dctx *c, const struct lt_xlat *t, uint64_t v, const char *unk);
/* Appends the flag names of v to sb (no -X handling); returns the bits left unnamed. */
uint64_t lt_flags_names(struct lt_sb *sb, const struct lt_xlat *t, uint64_t v, int *any);

/* Signals and sigsets: "SIGINT"; "[INT TERM]", "~[RTMIN RT_1]". */
void lt_put_signo(struct lt_dctx *c, int sig);
void lt_put_sigmask(struct lt_dctx *c, const uint8_t *p, size_t bytes);
void lt_put_sigset_arg(struct lt_dctx *c, int arg, uint64_t addr, uint64_t size);

/* decode_xlat.c: tables. */
extern const struct lt_xlat lt_x_open_flags[], lt_x_at_flags[], lt_x_faccessat_flags[], lt_x_access[], lt_x_prot[],
	lt_x_mmap_flags[], lt_x_whence[], lt_x_sighow[], lt_x_clockid[], lt_x_arch_prctl[],
	lt_x_grnd[], lt_x_clone_flags[], lt_x_af[], lt_x_socktype[], lt_x_sock_flags[],
	lt_x_fcntl_cmd[], lt_x_fd_flags[], lt_x_mremap[], lt_x_madvise[], lt_x_msync[],
	lt_x_futex_op[], lt_x_rlimit[], lt_x_epoll_op[], lt_x_epoll_events[], lt_x_poll_events[],
	lt_x_wait_options[], lt_x_itimer[], lt_x_timer_flags[], lt_x_ipproto[], lt_x_msg_flags[],
	lt_x_shut[], lt_x_sol[], lt_x_so[], lt_x_efd[], lt_x_mfd[], lt_x_memfd_secret[], lt_x_shm_flags[], lt_x_dnotify[], lt_x_membarrier_flags[],
	lt_x_delete_module_flags[], lt_x_pkey_access[], lt_x_unshare_flags[], lt_x_rename[],
	lt_x_statx_mask[], lt_x_prctl[], lt_x_flock[], lt_x_sa_flags[], lt_x_ioctl[],
	lt_x_sched_policy[], lt_x_rusage_who[], lt_x_prio_which[], lt_x_falloc[],
	lt_x_fadvise[], lt_x_close_range[], lt_x_mlockall[], lt_x_pidfd[], lt_x_personality[],
	lt_x_umount[], lt_x_idtype[], lt_x_splice[], lt_x_rwf[], lt_x_tfd[], lt_x_seccomp_op[],
	lt_x_membarrier[], lt_x_mlock2[], lt_x_inotify[], lt_x_resolve[], lt_x_sfd[],
	lt_x_kcmp[], lt_x_ptrace[], lt_x_epoll_create[], lt_x_xattr[], lt_x_timerfd_set[],
	lt_x_mount_flags[], lt_x_sig_code_generic[], lt_x_sigchld_code[], lt_x_sigsegv_code[],
	lt_x_sigbus_code[], lt_x_sigill_code[], lt_x_sigfpe_code[], lt_x_sigtrap_code[],
	lt_x_sigsys_code[], lt_x_ipc_flags[], lt_x_ipc_cmd[], lt_x_mpol_mode[], lt_x_statx_attr[],
	lt_x_fan_event_flags[], lt_x_xfeature_masks[], lt_x_xfeature_bits[], lt_x_adjtimex_modes[],
	lt_x_uffd_flags[];
/* decode_sock.c: netlink protocols (NETLINK_ROUTE...) */
extern const struct lt_xlat lt_x_netlink[];

/* decode_struct.c: structures behind pointers, and calls whose arguments depend on one
 * another. lt_decode_special prints a whole call's arguments when it knows the call
 * (returns the displayed count) or returns -1 to let the table drive. */
int lt_decode_special(struct lt_dctx *c, size_t *ends, int maxends);
/* Prints argument i of the given kind; returns 0 if the kind has no structure decoder
 * (the caller then prints it generically). */
int lt_decode_struct(struct lt_dctx *c, int i, int kind);
/* The decoration after the return value: " (flags O_RDWR)", " (in [3])"...; may be empty. */
void lt_decode_ret_extra(struct lt_dctx *c);
/* decode_prctl.c: 1 when prctl's or arch_prctl's return value is a flag word strace shows
 * in hex */
int lt_prctl_ret_hex(const struct lt_event *ev);

/* decode.c: open(2) flags with the access mode first, as strace shows them. */
void lt_put_open_flags(struct lt_dctx *c, uint64_t v);
/* decode.c: argument i printed as the table's kind says. */
void lt_put_arg_by_kind(struct lt_dctx *c, int i);
int lt_put_own_kind(struct lt_dctx *c, int i, int kind); /* 0: the kind has no own printer */
void lt_put_generic(struct lt_dctx *c, int kind, uint64_t v); /* by lt_kinds[kind] alone */

/* decode_time.c: a clock_t count of ticks with its seconds, "13 / * 0.13 s * /". */
void lt_put_clock_t(struct lt_dctx *c, uint64_t v);

/* decode_io_uring.c: io_uring_register's argument i, by opcode. */
void lt_put_io_uring_register_arg(struct lt_dctx *c, int i);

/* decode_perf.c: perf_event_open's attr (argument i at addr). */
void lt_put_perf_attr(struct lt_dctx *c, int i, uint64_t addr);

/* decode_netlink.c: the data of argument i, sent on fd, as netlink messages when fd is a
 * netlink socket (returns 0, printing nothing, if it is not). */
int lt_put_netlink(struct lt_dctx *c, int i, int fd, uint64_t addr, uint64_t len);

/* decode_misc.c: the small calls (kcmp, reboot, syslog, sethostname) whose arguments
 * depend on one another: as lt_decode_special (-1: let the table drive); ioprio values;
 * pointers to one value the call writes ("[0x7f..]", "[24]"); ioprio_get's decoration. */
int lt_decode_special_misc(struct lt_dctx *c, size_t *ends, int maxends);
void lt_put_ioprio_arg(struct lt_dctx *c, int i, int kind);
void lt_put_mfd_flags_arg(struct lt_dctx *c, int i, int kind);
void lt_put_mfd_name_arg(struct lt_dctx *c, int i, int kind);
void lt_put_mq_attr_arg(struct lt_dctx *c, int i, int kind);
void lt_put_sysctl_args_arg(struct lt_dctx *c, int i, int kind);
void lt_put_user_desc_arg(struct lt_dctx *c, int i, int kind);
void lt_put_sched_attr_arg(struct lt_dctx *c, int i, int kind);
void lt_put_futex_waitv_arg(struct lt_dctx *c, int i, int kind);
void lt_put_addr_out(struct lt_dctx *c, int i, int kind);
void lt_put_size_out(struct lt_dctx *c, int i, int kind);
void lt_decode_ret_misc(struct lt_dctx *c);

/* stat-like mode: "S_IFREG|0644". */
void lt_put_st_mode(struct lt_dctx *c, uint32_t mode);

/* decode_ioctl.c: the request an ioctl name (in any family's table) stands for; 1 if known */
int lt_ioctl_by_name(const char *name, size_t len, uint64_t *req);

#endif
