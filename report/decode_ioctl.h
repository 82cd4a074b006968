/* What the ioctl decoders share: decode_ioctl.c (the request's name, the dispatch by the
 * request's type byte, terminals) and the family files decode_ioctl_*.c. Report side. */
#ifndef LT_DECODE_IOCTL_H
#define LT_DECODE_IOCTL_H

#include "decode_struct.h"

/* decode_ioctl.c: the whole call (lt_decode_special's case for ioctl) */
int lt_special_ioctl(struct lt_args *a);

/* decode_struct.c: [N] behind argument i, or its address */
void lt_put_int_array1(struct lt_dctx *c, int i, const uint8_t *d, int sign);

/* A family's decoder prints what follows the request (", ARG" or nothing, as strace's
 * *_ioctl.c do for RVAL_IOCTL_DECODED) and returns 1; 0 for a request it does not know,
 * whose argument then prints in hex. */
typedef int (*lt_ioctl_fn)(struct lt_args *a, uint32_t req);

/* argument 2 as a size-byte structure printed by fn: as the call read it (out == 0) or
 * as it wrote it on success (out == 1); the address (NULL) when it could not be read */
void lt_ioctl_obj(struct lt_args *a, size_t size, int out,
		  void (*fn)(struct lt_dctx *c, const uint8_t *d));
/* a number behind argument 2 (strace's printnum_*): [N] of size bytes, signed or not */
void lt_ioctl_num(struct lt_args *a, int out, size_t size, int sign);
/* a char array field: up to its NUL, or all but its last byte and "..." without one
 * (strace's PRINT_FIELD_CSTRING) */
void lt_ioctl_cstring(struct lt_dctx *c, const uint8_t *p, size_t size);
/* ", name=[...]": n reserved u32 words in hex, only when one is not zero */
void lt_ioctl_reserved(struct lt_dctx *c, const char *name, const uint8_t *p, size_t n);

/* decode_ioctl_fs.c: 'f' (FS_IOC_*FLAGS, FS_IOC_FIEMAP), 'X' (FIFREEZE, FITRIM, fsxattr) */
int lt_ioctl_fs_f(struct lt_args *a, uint32_t req);
int lt_ioctl_fs_x(struct lt_args *a, uint32_t req);

/* decode_ioctl_block.c: disks: 0x03 (HDIO_*), 0x12 (BLK*), 'L' (loop devices) */
int lt_ioctl_hdio(struct lt_args *a, uint32_t req);
int lt_ioctl_block(struct lt_args *a, uint32_t req);
int lt_ioctl_loop(struct lt_args *a, uint32_t req);

/* decode_ioctl_gpio.c: 0xb4, GPIO lines (v1 and v2) */
int lt_ioctl_gpio(struct lt_args *a, uint32_t req);

/* decode_ioctl_evdev.c: 'E', input event devices; lt_evdev_number prints the numbers
 * that carry an argument (EVIOCGBIT(EV_KEY, 8)) and returns 1, else 0 */
int lt_ioctl_evdev(struct lt_args *a, uint32_t req);
int lt_evdev_number(struct lt_dctx *c, uint32_t req);

/* decode_ioctl_ptp.c: '=', PTP hardware clocks */
int lt_ioctl_ptp(struct lt_args *a, uint32_t req);

/* decode_ioctl_rtc.c: 'p', real-time clocks */
int lt_ioctl_rtc(struct lt_args *a, uint32_t req);

/* decode_ioctl_kd.c: 'K', consoles and keyboards */
int lt_ioctl_kd(struct lt_args *a, uint32_t req);
/* decode_ioctl_v4l2.c: 'V', Video4Linux2 devices */
int lt_ioctl_v4l2(struct lt_args *a, uint32_t req);
/* decode_ioctl_scsi.c: 0x22, SCSI generic (SG_IO v3 and v4) */
extern const struct lt_xlat lt_x_ioctl_scsi[];
int lt_ioctl_scsi(struct lt_args *a, uint32_t req);

/* decode_ioctl_btrfs.c: 0x94, btrfs */
int lt_ioctl_btrfs(struct lt_args *a, uint32_t req);

/* decode_ioctl_dm.c: 0xfd, device mapper */
int lt_ioctl_dm(struct lt_args *a, uint32_t req);

/* decode_ioctl_mtd.c: 'M', MTD devices; lt_mixer_number prints the OSS mixer's
 * MIXER_READ(n)/MIXER_WRITE(n) that share the type and returns 1, else 0 */
int lt_ioctl_mtd(struct lt_args *a, uint32_t req);
int lt_mixer_number(struct lt_dctx *c, uint32_t req);

/* decode_ioctl_sock.c: 0x89, sockets and network interfaces */
int lt_ioctl_sock(struct lt_args *a, uint32_t req);

/* decode_ioctl_tee.c: 0xa4, trusted execution environments */
int lt_ioctl_tee(struct lt_args *a, uint32_t req);

/* decode_ioctl_ubi.c: 'o' and 'O', UBI volumes */
int lt_ioctl_ubi(struct lt_args *a, uint32_t req);

/* decode_ioctl_dev.c: small device families: counter, inotify, random, watchdog, nbd,
 * seccomp user notifications, perf events */
int lt_ioctl_counter(struct lt_args *a, uint32_t req);
int lt_ioctl_inotify(struct lt_args *a, uint32_t req);
int lt_ioctl_random(struct lt_args *a, uint32_t req);
int lt_ioctl_watchdog(struct lt_args *a, uint32_t req);
int lt_ioctl_nbd(struct lt_args *a, uint32_t req);
int lt_ioctl_seccomp(struct lt_args *a, uint32_t req);
int lt_ioctl_perf(struct lt_args *a, uint32_t req);

#endif
