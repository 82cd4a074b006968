/* What the structure decoders share: decode_struct.c (the kind printers' table, whole
 * calls) and the family files decode_sock.c, decode_time.c, decode_stat.c,
 * decode_signal.c, decode_proc.c, decode_poll.c and decode_prctl.c. Report side only. */
#ifndef LT_DECODE_STRUCT_H
#define LT_DECODE_STRUCT_H

#include <string.h>

#include "lt_capture.h" /* LT_SUB_ENTRY */
#include "xlat.h"

/* a field of type T at byte off of a capture (unaligned) */
#define RD(T, p, off) ({ T v_; memcpy(&v_, (const uint8_t *)(p) + (off), sizeof v_); v_; })

static inline struct lt_sb *SB(struct lt_dctx *c) { return c->sb; }
static inline int lt_ok(struct lt_dctx *c) { return c->done && !c->failed; }
static inline int lt_verbose(struct lt_dctx *c) { return c->fmt && c->fmt->verbose; }

/* The object behind argument i: at entry for objects the call rewrites, else as the
 * capture has it. */
static inline const uint8_t *lt_in(struct lt_dctx *c, int i, size_t need)
{
	const uint8_t *d = lt_cap_get(c, i, LT_SUB_ENTRY, need, NULL);
	return d ? d : lt_cap_get(c, i, LT_CAP_SUB_SELF, need, NULL);
}

static inline const uint8_t *lt_out(struct lt_dctx *c, int i, size_t need)
{
	return lt_ok(c) ? lt_cap_get(c, i, LT_CAP_SUB_SELF, need, NULL) : NULL;
}

static inline enum lt_xlat_style lt_st(struct lt_dctx *c)
{
	return c->fmt ? c->fmt->xlat : LT_XLAT_ABBREV;
}

/* Whole calls (lt_decode_special): the arguments printed so far; lt_next before one,
 * lt_done after it. */
struct lt_args {
	struct lt_dctx *c;
	size_t *ends;
	int maxends, n;
};

static inline void lt_next(struct lt_args *a)
{
	if (a->n)
		lt_sb_puts(a->c->sb, ", ");
}

static inline void lt_done(struct lt_args *a)
{
	if (a->ends && a->n < a->maxends)
		a->ends[a->n] = a->c->sb->len;
	a->n++;
}

/* decode_sock.c: sockets, their addresses and options, iovecs and messages */
void lt_put_sockaddr(struct lt_dctx *c, const uint8_t *d, size_t len); /* len bytes of one */
void lt_put_socktype_arg(struct lt_dctx *c, int i, int kind);
void lt_put_sockproto_arg(struct lt_dctx *c, int i, int kind);
void lt_put_sockopt_name_arg(struct lt_dctx *c, int i, int kind);
void lt_put_sockopt_val_arg(struct lt_dctx *c, int i, int kind);
void lt_put_sockaddr_kind(struct lt_dctx *c, int i, int kind);
void lt_put_sockaddr(struct lt_dctx *c, const uint8_t *d, size_t len);
void lt_put_socklen_arg(struct lt_dctx *c, int i, int kind);
void lt_put_iov_arg(struct lt_dctx *c, int i, int kind);
/* iovec array (i, array_sub), buffer k at sub buf_sub0 + k, at most total bytes shown; out:
 * 1 for data the call wrote (addresses when it failed), -1 for addresses only */
void lt_put_iov_at(struct lt_dctx *c, int i, unsigned array_sub, unsigned buf_sub0,
		   uint64_t addr, uint64_t cnt, int out, uint64_t total);
void lt_put_msghdr_arg(struct lt_dctx *c, int i, int kind);
void lt_put_mmsg_arg(struct lt_dctx *c, int i, int kind);
void lt_ret_recvmmsg(struct lt_dctx *c);
void lt_put_ifindex(struct lt_dctx *c, uint32_t idx); /* decode_netlink.c */
void lt_put_sockaddr(struct lt_dctx *c, const uint8_t *d, size_t len);
void lt_put_inet_field(struct lt_dctx *c, int af, const uint8_t *a, const char *name);
void lt_put_hexbytes(struct lt_dctx *c, const uint8_t *d, size_t n);
void lt_put_mac(struct lt_dctx *c, const uint8_t *d, size_t n);
void lt_put_sockaddr_len(struct lt_dctx *c, uint64_t addr, const uint8_t *d, size_t have,
			 int64_t addrlen);

/* decode_time.c: time structures */
void lt_put_time_comment(struct lt_dctx *c, int64_t sec, uint64_t nsec);
void lt_put_timespec_data(struct lt_dctx *c, const uint8_t *d, const char *frac);
void lt_put_timespec_arg(struct lt_dctx *c, int i, int kind);
void lt_put_timespec_out(struct lt_dctx *c, int i, int kind);
void lt_put_sleep_rem(struct lt_dctx *c, int i, int kind);
void lt_put_itimerval(struct lt_dctx *c, const uint8_t *d);
void lt_put_itimerspec(struct lt_dctx *c, const uint8_t *d);
void lt_put_timespec_pair(struct lt_dctx *c, const uint8_t *d);
void lt_put_timeval_pair(struct lt_dctx *c, const uint8_t *d);
void lt_put_tms(struct lt_dctx *c, const uint8_t *d);
void lt_put_time_out(struct lt_dctx *c, const uint8_t *d);
void lt_put_utimbuf(struct lt_dctx *c, const uint8_t *d);
void lt_put_timezone(struct lt_dctx *c, const uint8_t *d);
void lt_put_timex(struct lt_dctx *c, const uint8_t *d);
void lt_ret_time(struct lt_dctx *c);
void lt_ret_adjtimex(struct lt_dctx *c);

/* decode_stat.c: stat family */
void lt_put_dev(struct lt_dctx *c, uint64_t dev);
void lt_put_kernel_version(struct lt_dctx *c, uint32_t v); /* decode_bpf.c */
void lt_put_access_mode(struct lt_dctx *c, int i, int kind);
void lt_put_xattr_val(struct lt_dctx *c, int i, int kind);
void lt_put_xattr_list(struct lt_dctx *c, int i, int kind);
void lt_put_stat(struct lt_dctx *c, const uint8_t *d);
void lt_put_statx(struct lt_dctx *c, const uint8_t *d);
void lt_put_statfs(struct lt_dctx *c, const uint8_t *d);

/* decode_signal.c: signals' structures */
void lt_put_sigaction(struct lt_dctx *c, const uint8_t *d);
void lt_put_stack(struct lt_dctx *c, const uint8_t *d);
void lt_put_wstatus_obj(struct lt_dctx *c, const uint8_t *d);
void lt_put_sigevent(struct lt_dctx *c, const uint8_t *d);
void lt_put_siginfo(struct lt_dctx *c, const uint8_t *d);
void lt_put_pselect_arg(struct lt_dctx *c, int i, int kind);

/* decode_proc.c: processes and resources */
void lt_put_rlimit(struct lt_dctx *c, const uint8_t *d);
void lt_put_rusage(struct lt_dctx *c, const uint8_t *d);
void lt_put_utsname(struct lt_dctx *c, const uint8_t *d);
void lt_put_sysinfo(struct lt_dctx *c, const uint8_t *d);
void lt_put_groups(struct lt_dctx *c, int i, int kind);
void lt_put_cpuset(struct lt_dctx *c, int i, int kind);
void lt_put_sched_param(struct lt_dctx *c, const uint8_t *d);
void lt_put_argv_arg(struct lt_dctx *c, int i, int kind);
void lt_put_clone_args(struct lt_dctx *c, int i, int kind);

/* decode_mem.c: memory policy and residency */
void lt_put_mpol_mode(struct lt_dctx *c, int i, int kind);
void lt_put_nodemask(struct lt_dctx *c, int i, int kind);
void lt_put_mpol_mode_out(struct lt_dctx *c, const uint8_t *d);
void lt_put_move_pages_arr(struct lt_dctx *c, int i, int kind);
void lt_put_mincore_vec(struct lt_dctx *c, int i, int kind);

/* decode_mount.c: mount, swapon */
void lt_put_mount_flags(struct lt_dctx *c, int i, int kind);
void lt_put_mount_str(struct lt_dctx *c, int i, int kind);
void lt_put_swap_flags(struct lt_dctx *c, int i, int kind);
void lt_put_mount_attr(struct lt_dctx *c, int i, int kind);
void lt_put_fsconfig_arg(struct lt_dctx *c, int i, int kind);
void lt_put_open_tree_flags(struct lt_dctx *c, int i, int kind);

/* decode_quota.c: quotactl and quotactl_fd, whole */
int lt_special_quotactl(struct lt_args *a);
void lt_put_quota_addr(struct lt_dctx *c, int i, int kind);

/* decode_io_uring.c: an iovec element, {iov_base=addr, iov_len=n} */
int lt_elem_iov_addr(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *o);
/* decode_proc.c: an array element that is an int, in decimal */
int lt_elem_int(struct lt_dctx *c, const uint8_t *e, uint64_t k, void *opaque);

/* decode_aio.c: Linux AIO */
void lt_put_iocbpp(struct lt_dctx *c, int i, int kind);
void lt_put_iocb_hdr(struct lt_dctx *c, const uint8_t *d);
void lt_put_io_event(struct lt_dctx *c, const uint8_t *d);
void lt_put_io_events(struct lt_dctx *c, int i, int kind);
void lt_put_aio_ctx(struct lt_dctx *c, const uint8_t *d);

/* decode_poll.c: poll, select, epoll */
void lt_put_pollfds_arg(struct lt_dctx *c, int i, int kind);
void lt_put_epoll_event_arg(struct lt_dctx *c, int i, int kind);
void lt_put_epoll_events_arg(struct lt_dctx *c, int i, int kind);
void lt_put_fdset_kind(struct lt_dctx *c, int i, int kind);
void lt_ret_poll(struct lt_dctx *c);
void lt_ret_select(struct lt_dctx *c);

/* decode_landlock.c, decode_kexec.c, decode_seccomp.c, decode_io_uring.c */
void lt_put_landlock_ruleset_attr(struct lt_dctx *c, int i, int kind);
void lt_put_landlock_rule_attr(struct lt_dctx *c, int i, int kind);
void lt_put_kexec_segments(struct lt_dctx *c, int i, int kind);
void lt_put_kexec_flags(struct lt_dctx *c, int i, int kind);
void lt_put_kexec_cmdline(struct lt_dctx *c, int i, int kind);
void lt_put_seccomp_flags(struct lt_dctx *c, int i, int kind);
void lt_put_seccomp_args(struct lt_dctx *c, int i, int kind);
void lt_put_seccomp_fprog(struct lt_dctx *c, int i);
void lt_put_bpf_code(struct lt_dctx *c, unsigned code, int extended);
/* decode_sockopt.c: a socket filter's k, its special offsets (SKF_AD_OFF+...) by name */
void lt_put_sock_filter_k(struct lt_dctx *c, uint16_t code, uint32_t k);
void lt_put_bpf_attr(struct lt_dctx *c, int i, int kind);
void lt_put_ifindex(struct lt_dctx *c, uint32_t idx); /* decode_netlink.c */
void lt_put_io_uring_params(struct lt_dctx *c, int i, int kind);

/* decode_struct.c: one argument of a whole call */
void lt_arg_hex(struct lt_args *a, uint64_t v);
void lt_arg_dec(struct lt_args *a, int64_t v);
void lt_arg_udec(struct lt_args *a, uint64_t v);
void lt_arg_ptr(struct lt_args *a, uint64_t v);

/* decode_prctl.c: prctl's arguments by option, and what follows its (and arch_prctl's)
 * return value */
int lt_special_prctl(struct lt_args *a);
void lt_ret_prctl(struct lt_dctx *c);

#endif
