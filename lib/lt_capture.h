/* What the shim captures behind each argument: the table's kinds decide it, here, so the
 * shim only copies bytes. Linked into the shim: no libc, no allocation, no locks. */
#ifndef LT_CAPTURE_H
#define LT_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

enum lt_cap_phase { LT_PHASE_ENTRY = 0, LT_PHASE_EXIT = 1 };

/* One region to copy. For LT_CAP_STR the copy stops at the first NUL or at len. */
struct lt_cap_req {
	uint8_t arg;
	uint8_t flags;   /* LT_CAP_STR, LT_CAP_EXIT (set by the planner for the exit phase) */
	uint16_t sub;
	uint32_t len;    /* the most to copy */
	uint32_t full;   /* the object's full length when known (>len means truncated); for
			    strings 0 (the copier sets LT_CAP_TRUNC if no NUL within len) */
	uint64_t addr;
};

/* Lists the regions to capture for syscall nr in the given phase. At exit, ret is the raw
 * return; regions that depend on memory the program owns (iovec arrays, msghdr) are
 * planned from read(addr,len) callbacks, which must copy safely (never fault).
 * Returns the number of requests written to out (at most max). */
typedef int (*lt_peek_fn)(void *ctx, uint64_t addr, void *dst, size_t len);
int lt_capture_plan(unsigned nr, const uint64_t args[6], int64_t ret, enum lt_cap_phase phase,
		    unsigned strsize, lt_peek_fn peek, void *ctx, struct lt_cap_req *out, int max);

#define LT_CAP_MAX_REQS 40
#define LT_PATH_CAP 4096 /* paths are captured whole, like strace prints them */

/* What lt_cap.sub names (the planner writes these, the decoders read them):
 *  LT_CAP_SUB_SELF   the object args[arg] points to (string, buffer, structure, array),
 *                    as it was after the call (or at entry for what never returns:
 *                    execve's path and argv/envp arrays);
 *  LT_SUB_ENTRY      the same object as it was at entry, for objects the call rewrites
 *                    (select's fd_sets and timeout, socklen and offset in/out values,
 *                    recvmsg's msghdr);
 *  0..               element i of an array argument: the buffer of iovec i (readv,
 *                    writev, and the msg_iov of sendmsg/recvmsg), the string argv[i];
 *  LT_SUB_MSG_*      what a msghdr points to: msg_name, the msg_iov array, msg_control;
 *  LT_SUB_SIGMASK    the sigset behind pselect6's {sigset_t *, size_t} argument;
 *  LT_SUB_SOCK_FPROG the BPF instructions of setsockopt's struct sock_fprog;
 *  LT_SUB_STRINGS    argv/envp strings as one copy, from the lowest of the first
 *                    LT_CAP_MAX_ARGV pointers to -s + 1 bytes past the highest, when
 *                    they lie within LT_STRINGS_SPAN (else string i is sub i);
 *  0, 1              for clone3's clone_args: the set_tid array, and after a success
 *                    the descriptor the kernel stored at pidfd;
 *  LT_SUB_MMSG_*(k)  sendmmsg/recvmmsg element k's msg_name, msg_iov array, and the
 *                    buffer of its iovec j (the mmsghdr array itself is SELF);
 *  0, LT_SUB_V4L2_STRING(k)  VIDIOC_*_EXT_CTRLS: the controls array, control k's string.
 * rt_sigreturn has no arguments: the recorder passes the user stack pointer at the
 * trap as args[0], and the planner captures the signal frame's saved mask from it. */
#define LT_SUB_ENTRY 0xfffeu
#define LT_SUB_MSG_NAME 0xff00u
#define LT_SUB_MSG_IOV 0xff01u
#define LT_SUB_MSG_CONTROL 0xff02u
#define LT_SUB_SIGMASK 0xff03u
#define LT_SUB_SOCK_FPROG 0xff04u
#define LT_BPF_MAX 256 /* BPF instructions of a socket filter captured */
#define LT_SUB_STRINGS 0xff05u
#define LT_MMSG_MAX 8 /* mmsghdr elements whose contents are captured */
#define LT_SUB_MMSG_IOV(k) (0x100u + (k))
#define LT_SUB_MMSG_BUF(k, j) (0x200u + (k) * 16u + (j))
#define LT_SUB_MMSG_NAME(k) (0x300u + (k))
#define LT_SUB_V4L2_STRING(k) (1u + (k)) /* k < LT_CAP_MAX_ELEMS */
#define LT_CAP_MAX_ELEMS 16     /* array elements whose buffers are captured */
#define LT_CAP_MAX_ARGV 64      /* argv/envp strings captured (strace shows 32, then ...; -v all) */
#define LT_CAP_MAX_ARGV_COPIES 32 /* of them copied one by one when they lie apart */
#define LT_STRINGS_SPAN 4096    /* argv/envp strings closer than this are copied at once */
#define LT_CAP_MAX_ENVP 4096    /* envp pointers counted */
#define LT_SEND_WHOLE 512       /* sendto data up to this is captured whole (netlink) */
#define LT_CAP_DIRENTS 24576    /* getdents buffer bytes captured (to count entries) */
/* the longs of a nodemask of maxnode bits, as the kernel (and strace) count them */
/* quotactl's data argument for command cmd (QCMD's high part): its size (0: not an
 * object the call reads or writes), *out set when the call writes it */
size_t lt_quota_data_size(uint32_t cmd, int *out);

#define LT_FSCONFIG_STR 256            /* fsconfig's keys and string values, as strace reads them */
#define LT_FSCONFIG_BIN_MAX (1 << 20)  /* and its binary values up to this size */

/* SG_IO (v3 'S' and v4 'Q' headers): the command (cmdp, request) and sense (sbp, response)
 * bytes, the data out (entry) and in (exit): a buffer, or an iovec array with the buffer of
 * iovec i at *_BUF + i */
#define LT_SUB_SG_CMD 1
#define LT_SUB_SG_SENSE 2
#define LT_SUB_SG_DOUT 3
#define LT_SUB_SG_DIN 4
#define LT_SUB_SG_DOUT_BUF 0x10
#define LT_SUB_SG_DIN_BUF 0x20

/* TEE: the argument behind a struct tee_ioctl_buf_data, at entry and after a success */
#define LT_SUB_TEE_IN 0
#define LT_SUB_TEE_OUT 1
#define LT_TEE_MAX_ARG 1024
#define LT_DM_CAP 4096 /* device mapper: bytes of a dm_ioctl buffer (data_size) copied */

#define LT_SUB_IOCB_BUF 32 /* io_submit: iocb k's PWRITE bytes are sub 32 + k */
#define LT_SUB_IOCB_IOV 64 /* and its PREADV/PWRITEV iovecs sub 64 + k */

#define LT_NODEMASK_WORDS(maxnode) ((maxnode) ? ((uint64_t)(maxnode) + 62) / 64 : 0)
#define LT_MINCORE_PAGES(len) ((uint64_t)(len) / 4096 + ((uint64_t)(len) % 4096 != 0))
#define LT_SIGFRAME_MASK_OFF 296 /* x86-64: rsp at rt_sigreturn + this = uc_sigmask */

#endif
