/* ioctl by request (report/decode_ioctl*.c): strace 6.1's lines for the same calls, as its
 * own test programs print them (tests/ioctl_counter.c, ioctl_fiemap.c, ioctl_fs_f.c,
 * ioctl_fs_x.c, ioctl_inotify.c, ioctl_random.c, ioctl_watchdog.c, ioctl_hdio.c,
 * ioctl_block.c, ioctl_nbd.c, ioctl_tiocm.c, ioctl_gpio.c,
 * ioctl_evdev.c, ioctl_ptp.c, ioctl_loop.c,
 * ioctl_seccomp.c, ioctl_perf.c, ioctl_rtc.c, ioctl_sock_gifconf.c, ioctl_ubi.c,
 * ioctl_sg_io_v3.c, ioctl_sg_io_v4.c, ioctl_scsi.c,
 * ioctl_dm.c, ioctl_mtd.c, ioctl_tee.c, ioctl_sock.c, btrfs.c, ioctl_kd.c, ioctl_v4l2.c), with the captures the shim would make (lt_req_ioctl: the request number's direction and size). */
#include <stdint.h>
#include <stdlib.h>

#include "decode_fixture.h"

#define A 0x7ffd1000u
#define EBADF_ " = -1 EBADF (Bad file descriptor)"

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static struct lt_fmt fraw = { .strsize = 32, .xlat = LT_XLAT_RAW };
static struct lt_fmt fverb = { .strsize = 32, .xlat = LT_XLAT_VERBOSE };

static void test_names(void)
{
	struct lt_event ev;
	/* no argument for a request that takes none; names a number shares, sorted */
	ev = mk("ioctl", -9, (uint64_t)-1, 0x3e01, 0xdeadbeefbadc0dedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, COUNTER_ENABLE_EVENTS_IOCTL)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x3e02, 0, 0, 0, 0);
	EXPECTF(ev, &fraw, "ioctl(-1, 0x3e02)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x3e02, 0, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0x3e02 /* COUNTER_DISABLE_EVENTS_IOCTL */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x5204, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x58ff, 0, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0x58ff /* _IOC(_IOC_NONE, 0x58, 0xff, 0) */, 0)" EBADF_);
	/* INOTIFY_IOC_SETNEXTWD: the value itself, an int */
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40044900, 0xdeadbeefbadc0dedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, INOTIFY_IOC_SETNEXTWD, -1159983635)" EBADF_);
}

static void test_counter(void)
{
	struct lt_event ev;
	uint8_t w[6] = { 5, 2, 23, 42, 6, 69 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, w, sizeof w);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40063e00, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_EXTENSION, "
		   "scope=COUNTER_SCOPE_COUNT, parent=23, id=42}, event=COUNTER_EVENT_CAPTURE, channel=69})" EBADF_);
	uint8_t u[6] = { 6, 3, 142, 160, 7, 173 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, u, sizeof u);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40063e00, A, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0x40063e00 /* COUNTER_ADD_WATCH_IOCTL */, {component={type=0x6 "
		    "/* COUNTER_COMPONENT_??? */, scope=0x3 /* COUNTER_SCOPE_??? */, parent=142, id=160}, "
		    "event=0x7 /* COUNTER_EVENT_??? */, channel=173})" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40063e00, 0, 0, 0, 0);
	EXPECTF(ev, &fraw, "ioctl(-1, 0x40063e00, NULL)" EBADF_);
}

static void test_fs(void)
{
	struct lt_event ev;
	uint8_t fm[32] = { 0 };
	put64(fm, 0xdeadbeefcafef00dull);
	put64(fm + 8, 0xfacefeedbabec0deull);
	put32(fm + 16, 7);
	put32(fm + 24, 0xdeadc0de);
	cap(2, LT_SUB_ENTRY, 0, fm, sizeof fm);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc020660b, A, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0xc020660b /* FS_IOC_FIEMAP */, {fm_start=16045690984503111693, "
		    "fm_length=18072662651678146782, fm_flags=0x7 /* FIEMAP_FLAG_SYNC|FIEMAP_FLAG_XATTR|"
		    "FIEMAP_FLAG_CACHE */, fm_extent_count=3735929054})" EBADF_);
	put32(fm + 16, 0xfffffff8);
	cap(2, LT_SUB_ENTRY, 0, fm, sizeof fm);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc020660b, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FS_IOC_FIEMAP, {fm_start=16045690984503111693, fm_length=18072662651678146782, "
		   "fm_flags=0xfffffff8 /* FIEMAP_FLAG_??? */, fm_extent_count=3735929054})" EBADF_);
	uint32_t fl = 0xd000000;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &fl, sizeof fl);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40046602, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FS_IOC32_SETFLAGS, [0xd000000 /* FS_???_FL */])" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80046601, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FS_IOC32_GETFLAGS, NULL)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0045877, 0xbadc0deddeadc0deull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FIFREEZE)" EBADF_);
	uint8_t r[24];
	put64(r, 0xdeadbeefcafef00dull);
	put64(r + 8, 0xfacefeedbabec0deull);
	put64(r + 16, 0xbadc0deddeadc0deull);
	cap(2, LT_SUB_ENTRY, 0, r, sizeof r);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0185879, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FITRIM, {start=0xdeadbeefcafef00d, len=18072662651678146782, "
		   "minlen=13464652301225279710})" EBADF_);
	uint8_t x[28] = { 0 };
	put32(x, 0x7ffe0004);
	put32(x + 4, 0xdeadbeef);
	put32(x + 12, 0xcafef00d);
	put32(x + 16, 0xbabec0de);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, x, sizeof x);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x401c5820, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FS_IOC_FSSETXATTR, {fsx_xflags=0x7ffe0004 /* FS_XFLAG_??? */, "
		   "fsx_extsize=3735928559, fsx_projid=0xcafef00d, fsx_cowextsize=3133063390})" EBADF_);
	/* what a getter would have written is not shown when it failed */
	ev = mk("ioctl", -9, (uint64_t)-1, 0x801c581f, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, FS_IOC_FSGETXATTR, 0x7ffd1000)" EBADF_);
}

static void test_dev(void)
{
	struct lt_event ev;
	uint8_t pool[8] = { 3, 0, 0, 0, 8, 0, 0, 0 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, pool, sizeof pool);
	cap(2, 0, LT_CAP_EXIT, "12345678", 8);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40085203, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, RNDADDENTROPY, {entropy_count=3, buf_size=8, buf=\"12345678\"})" EBADF_);
	int32_t t = 123;
	cap(2, LT_SUB_ENTRY, 0, &t, sizeof t);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0045706, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, WDIOC_SETTIMEOUT, [123])" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80045701, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, WDIOC_GETSTATUS, 0x7ffd1000)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80045705, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, WDIOC_KEEPALIVE)" EBADF_);
	/* network block devices */
	ev = mk("ioctl", -9, (uint64_t)-1, 0xab0a, 0x8000840b, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS|NBD_FLAG_READ_ONLY|NBD_FLAG_SEND_FUA|"
		   "NBD_FLAG_SEND_CACHE|0x80008000)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xab07, 0xcafef00ddeadbeefull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, NBD_SET_SIZE_BLOCKS, 14627392582107119343)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xab08, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, NBD_DISCONNECT)" EBADF_);
	/* modem lines (tests/ioctl_tiocm.c) */
	uint32_t m = 0xffff1e00;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &m, sizeof m);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x5416, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, TIOCMBIS, [0xffff1e00 /* TIOCM_??? */])" EBADF_);
	m = 0xe1ff;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &m, sizeof m);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x5418, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, TIOCMSET, [TIOCM_LE|TIOCM_DTR|TIOCM_RTS|TIOCM_ST|TIOCM_SR|TIOCM_CTS|"
		   "TIOCM_CAR|TIOCM_RNG|TIOCM_DSR|TIOCM_OUT1|TIOCM_OUT2|TIOCM_LOOP])" EBADF_);
}

static void test_disk(void)
{
	struct lt_event ev;
	uint8_t cmd[4] = { 0xca, 0xff, 0xee, 1 };
	cap(2, LT_SUB_ENTRY, 0, cmd, sizeof cmd);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x31f, A, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0x31f /* HDIO_DRIVE_CMD */, {command=0xca /* ATA_CMD_WRITE */, "
		    "sector_number=255, feature=238, sector_count=1})" EBADF_);
	uint32_t rst[3] = { 0xdeadbeef, 0xaaaaaaaa, 0xbeefbeef };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, rst, sizeof rst);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x328, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, HDIO_SCAN_HWIF, [0xdeadbeef, 0xaaaaaaaa, 0xbeefbeef])" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x329, 0xfacefeedded2ffffull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|"
		   "1 << IDE_NICE_1|1 << IDE_NICE_0|1 << IDE_NICE_2|0xfacefeedded2ffe0)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x32d, 0xfacefeedded4ffffull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, HDIO_SET_BUSSTATE, 0xfacefeedded4ffff /* BUSSTATE_??? */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x305, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, HDIO_GET_QDMA, 0)" EBADF_);
	/* block devices */
	ev = mk("ioctl", -9, (uint64_t)-1, 0x125d, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BLKROSET, NULL)" EBADF_);
	uint64_t range[2] = { 0xdeadbeefbadc0dedull, 0xfacefeedcafef00dull };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, range, sizeof range);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x1277, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BLKDISCARD, [16045690984232390125, 18072662651950788621])" EBADF_);
	uint8_t pg[24] = { 0 }, part[152];
	put32(pg, 1);
	put32(pg + 4, 0xdeadbeef);
	put32(pg + 8, 0xbadc0ded);
	put64(pg + 16, A + 0x100);
	memset(part, 0, sizeof part);
	put64(part, 0xfac1fed2dad3bef4ull);
	put64(part + 8, 0xfac5fed6dad7bef8ull);
	put32(part + 16, 0xdeadbeef);
	memset(part + 20, 'A', 64);
	memset(part + 84, 'B', 64);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, pg, sizeof pg);
	cap(2, 0, LT_CAP_EXIT, part, sizeof part);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x1269, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BLKPG, {op=BLKPG_ADD_PARTITION, flags=-559038737, datalen=-1159983635, "
		   "data={start=-377740712154513676, length=-376614795067539720, pno=-559038737, "
		   "devname=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"..., "
		   "volname=\"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\"...}})" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x1274, 0xdeadbeefbadc0dedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BLKTRACESTART)" EBADF_);
	/* loop devices: encryption fields only when set (or with -v) */
	uint8_t li[168];
	for (int k = 0; k < 168; k++)
		li[k] = (uint8_t)(0x80 + k);
	put32(li + 36, 0);
	put32(li + 44, 1);
	memset(li + 48, 'A', 64);
	memset(li + 112, 'B', 32);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, li, sizeof li);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4c02, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, LOOP_SET_STATUS, {lo_number=-2088599168, lo_offset=0xa3a2a1a0, "
		   "lo_flags=LO_FLAGS_READ_ONLY, lo_name=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		   "AAAAAAAAAAAA\"..., ...})" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4c81, 0xdeadbeefbadc0dedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, LOOP_CTL_REMOVE, -1159983635)" EBADF_);
}

static void test_gpio(void)
{
	struct lt_event ev;
	uint64_t vals[2] = { 0xcacafeedfacecafeull, 0xfadebeaddeedbabeull };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, vals, sizeof vals);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc010b40f, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, {bits=0xcacafeedfacecafe, "
		   "mask=0xfadebeaddeedbabe})" EBADF_);
	/* an attribute whose padding is used prints raw */
	uint8_t lc[272] = { 0 };
	put64(lc, 0x102);
	put32(lc + 8, 1);
	put32(lc + 32, 1);
	put32(lc + 36, 0xfeedface);
	put64(lc + 40, 0xdeadbeefba11c0daull);
	put64(lc + 48, 1);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, lc, sizeof lc);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc110b40d, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, {flags=GPIO_V2_LINE_FLAG_ACTIVE_LOW|"
		   "GPIO_V2_LINE_FLAG_BIAS_PULL_UP, num_attrs=1, attrs=[{attr={id=1, padding=0xfeedface, "
		   "data=0xdeadbeefba11c0da}, mask=0x1}]})" EBADF_);
	uint8_t li[72] = { 0 };
	put32(li, 50);
	cap(2, LT_SUB_ENTRY, 0, li, sizeof li);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc048b40b, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, GPIO_GET_LINEINFO_WATCH_IOCTL, {line_offset=50})" EBADF_);
}

static void test_evdev(void)
{
	struct lt_event ev;
	/* numbers that carry an argument */
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80014521, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, EVIOCGBIT(EV_KEY, 1), NULL)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x800e453f, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, EVIOCGBIT(0x1f /* EV_??? */, 14), NULL)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x401845ce, 0, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0x401845ce /* EVIOCSABS(0xe) */, NULL)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80004506, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, EVIOCGNAME(0), NULL)" EBADF_);
	uint32_t kc[2] = { 0xdeadbeef, 1 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, kc, sizeof kc);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40084504, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, EVIOCSKEYCODE, [3735928559, KEY_ESC])" EBADF_);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, kc, sizeof kc);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40084504, A, 0, 0, 0);
	EXPECTF(ev, &fraw, "ioctl(-1, 0x40084504, [3735928559, 0x1])" EBADF_);
	uint8_t ff[48];
	for (int k = 0; k < 48; k++)
		ff[k] = (uint8_t)(0x80 + k);
	ff[0] = 0x52;
	ff[1] = 0;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ff, sizeof ff);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40304580, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, EVIOCSFF, {type=FF_CONSTANT, id=-31870, direction=34180, ...})" EBADF_);
}

static void test_ptp(void)
{
	struct lt_event ev;
	uint8_t e[16] = { 0 };
	put32(e, 3141592653u);
	put32(e + 4, 0xdeadbabe);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, e, sizeof e);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40103d02, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PTP_EXTTS_REQUEST, {index=3141592653, flags=PTP_RISING_EDGE|"
		   "PTP_FALLING_EDGE|PTP_STRICT_FLAGS|0xdeadbab0})" EBADF_);
	uint8_t p[96] = { 0 };
	put32(p + 64, 3405691582u);
	put32(p + 68, 3);
	put32(p + 72, 4276993775u);
	put32(p + 76, 0xbadc0ded);
	put32(p + 92, 0xdadfaced);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, p, sizeof p);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40603d10, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PTP_PIN_SETFUNC2, {index=3405691582, func=PTP_PF_PHYSYNC, "
		   "chan=4276993775, rsv=[0xbadc0ded, 0, 0, 0, 0xdadfaced]})" EBADF_);
	/* a getter that failed shows only what it was asked */
	cap(2, LT_SUB_ENTRY, 0, p, sizeof p);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0603d06, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PTP_PIN_GETFUNC, {index=3405691582})" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40043d0d, 0xfffffffff8a432ebull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PTP_ENABLE_PPS2, 0xfffffffff8a432eb)" EBADF_);
}

static void test_seccomp(void)
{
	struct lt_event ev;
	uint8_t r[24] = { 0 };
	put64(r, 0xdeadc0debadc0dedull);
	put64(r + 8, 0xdadfacedbeefdeedull);
	put32(r + 16, (uint32_t)-63);
	put32(r + 20, 1);
	cap(2, LT_SUB_ENTRY, 0, r, sizeof r);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0182101, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, {id=0xdeadc0debadc0ded, val=-2675229516524167443, "
		   "error=-ENOSR, flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE})" EBADF_);
	uint64_t id = 0xdecaffedfacefeedull;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, &id, sizeof id);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80082102, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, [0xdecaffedfacefeed])" EBADF_);
	uint8_t n[80] = { 0 };
	put32(n + 8, 832);
	put32(n + 16, 186);
	put32(n + 20, 0xc000003e);
	cap(2, LT_SUB_ENTRY, 0, n, sizeof n);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0502100, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, {id=0, pid=832, flags=0, data={nr=__NR_gettid, "
		   "arch=AUDIT_ARCH_X86_64, instruction_pointer=NULL, args=[0, 0, 0, 0, 0, 0]}} => "
		   "0x7ffd1000)" EBADF_);
}

static void test_perf(void)
{
	struct lt_event ev;
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2400, 0xdeadbeefbadc0dedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0xbadc0dec)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2401, 2, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PERF_EVENT_IOC_DISABLE, 0x2 /* PERF_IOC_FLAG_??? */)" EBADF_);
	/* a filter string that runs into unreadable memory */
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT | LT_CAP_STR | LT_CAP_TRUNC, "89abcdef0123456789abcdef0", 25);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40082406, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PERF_EVENT_IOC_SET_FILTER, 0x7ffd1000)" EBADF_);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT | LT_CAP_STR, "89abcdef0123456789abcdef", 24);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40082406, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PERF_EVENT_IOC_SET_FILTER, \"89abcdef0123456789abcdef\")" EBADF_);
	uint32_t q[2] = { 0xbadc0ded, 0 };
	cap(2, LT_SUB_ENTRY, 0, q, sizeof q);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc008240a, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3134983661, ...})" EBADF_);
}

static void test_rtc(void)
{
	struct lt_event ev;
	ev = mk("ioctl", -9, (uint64_t)-1, 0x7004, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, PHN_NOT_OH or RTC_UIE_OFF)" EBADF_);
	uint8_t p[24] = { 0 };
	put64(p + 8, 0xdeadfacebeeffeedull);
	put32(p + 16, 4207856382u);
	put32(p + 20, 0xbadc0ded);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, p, sizeof p);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40187014, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_FEATURES, uvalue=1<<RTC_FEATURE_ALARM|"
		   "1<<RTC_FEATURE_NEED_WEEK_DAY|1<<RTC_FEATURE_ALARM_RES_2S|1<<RTC_FEATURE_CORRECTION|"
		   "1<<RTC_FEATURE_BACKUP_SWITCH_MODE|1<<RTC_FEATURE_ALARM_WAKEUP_ONLY|0xdeadfacebeeffe00, "
		   "index=4207856382, __pad=0xbadc0ded})" EBADF_);
	put64(p + 8, 0);
	put32(p + 16, 0);
	put32(p + 20, 0);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, p, sizeof p);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40187013, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, RTC_PARAM_GET, {param=RTC_PARAM_FEATURES, index=0} => 0x7ffd1000)" EBADF_);
}

static void test_kd(void)
{
	struct lt_event ev;
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b2f, 440, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KIOCSOUND, 440 /* 2711 Hz */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b30, 0xdeadfaceull << 32 | 57005u << 16 | 64206, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDMKTONE, 57005<<16|64206 /* 18 Hz, 57005 ms */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b30, 65535, 0, 0, 0);
	EXPECTF(ev, &fraw, "ioctl(-1, 0x4b30, 65535)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b32, 0xfe, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSETLED, LED_NUM|LED_CAP|0xf8)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b32, 0xf0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSETLED, 0xf0 /* LED_??? */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b34, 0x3c0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDADDIO, 0x3c0 /* GPFIRST + 12 */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b3a, 0xbadc0dedcacafefeull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSETMODE, 0xcacafefe /* KD_??? */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b45, 0xffffffffu, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSKBMODE, -1 /* K_??? */)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b31, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDGETLED, 0x7ffd1000)" EBADF_);
	/* struct kbentry: kb_table and kb_index, then kb_value (sub 0) with the key's name */
	uint8_t ke[2] = { 0, 89 }, kv[2] = { 0, 1 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ke, sizeof ke);
	cap(2, 0, LT_CAP_EXIT, kv, sizeof kv);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b47, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSKBENT, {kb_table=K_NORMTAB, kb_index=89, kb_value=0x100 /* K_F1 */})"
		   EBADF_);
	uint8_t ke2[2] = { 1, 69 }, kv2[2] = { 0x10, 0 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ke2, sizeof ke2);
	cap(2, 0, LT_CAP_EXIT, kv2, sizeof kv2);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b47, A, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0x4b47 /* KDSKBENT */, {kb_table=0x1 /* K_SHIFTTAB */, "
		    "kb_index=69, kb_value=0x10 /* K(KT_LATIN, '\\x10') */})" EBADF_);
	/* struct kbsentry: a kb_string that ends unread shows ??? */
	uint8_t fn[1] = { 0 }, str[1] = { 1 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, fn, sizeof fn);
	cap(2, 0, LT_CAP_EXIT | LT_CAP_STR | LT_CAP_TRUNC | LT_CAP_SHORT, str, sizeof str);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b49, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSKBSENT, {kb_func=KVAL(K_F1), kb_string=???})" EBADF_);
	/* struct kbdiacrs: kb_cnt, then the entries (sub 0) */
	uint8_t cnt[4] = { 2 }, dia[6] = { '(', ')', '*', '+', ',', '-' };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, cnt, sizeof cnt);
	cap(2, 0, LT_CAP_EXIT, dia, sizeof dia);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b4b, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDSKBDIACR, {kb_cnt=2, kbdiacr=[{diacr='(', base=')', result='*'}, "
		   "{diacr='+', base=',', result='-'}]})" EBADF_);
	/* PIO_UNISCRNMAP: glyphs the font maps directly (-s 2) */
	uint16_t map16[3] = { 0xefd5, 0xf015, 0xf035 };
	uint8_t map[6];
	memcpy(map, map16, sizeof map);
	struct lt_fmt f2 = { .strsize = 2, .xlat = LT_XLAT_VERBOSE };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, map, sizeof map);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b6a, A, 0, 0, 0);
	EXPECTF(ev, &f2, "ioctl(-1, 0x4b6a /* PIO_UNISCRNMAP */, [0xefd5, 0xf015 /* UNI_DIRECT_BASE+0x15 */, ...])"
		    EBADF_);
}

/* the console's fonts and unicode maps: structures that point to their data (sub 0) */
static void test_kd_font(void)
{
	struct lt_event ev;
	uint8_t fo[32];
	put32(fo, 4);
	put32(fo + 4, 0xdeadbeefu);
	put32(fo + 8, 3134983661u);
	put32(fo + 12, 4207856382u);
	put32(fo + 16, 3672092141u);
	put32(fo + 20, 0);
	put64(fo + 24, 0);
	cap(2, LT_SUB_ENTRY, 0, fo, sizeof fo);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b72, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDFONTOP, {op=0x4 /* KD_FONT_OP_??? */, flags=KD_FONT_FLAG_DONT_RECALC|"
		   "KD_FONT_FLAG_OLD|0x5eadbeee, width=3134983661, height=4207856382, "
		   "charcount=3672092141, data=NULL})" EBADF_);
	/* KD_FONT_OP_SET_DEFAULT: a 32-byte name with no NUL shows 31 bytes */
	static const char name[] = "\1\2\3\r\n\t\v\f\\\"OH\377HAI\a\b\02101234567890xy";
	put32(fo, 2);
	put32(fo + 8, 3405692655u);
	put32(fo + 12, 3198664421u);
	put64(fo + 24, A + 64);
	cap(2, LT_SUB_ENTRY, 0, fo, sizeof fo);
	cap(2, 0, LT_CAP_EXIT | LT_CAP_STR | LT_CAP_TRUNC, name, 32);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b72, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, KDFONTOP, {op=KD_FONT_OP_SET_DEFAULT, width=3405692655, "
		   "height=3198664421, data=\"\\1\\2\\3\\r\\n\\t\\v\\f\\\\\\\"OH\\377HAI\\7\\10\\0210"
		   "1234567890x\"...})" EBADF_);
	/* GIO_UNIMAP failed: the count written back, the entries' address */
	uint8_t um[16] = { 31 };
	put64(um + 8, A + 0xf84);
	cap(2, LT_SUB_ENTRY, 0, um, sizeof um);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, um, sizeof um);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4b66, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, GIO_UNIMAP, {entry_ct=31 => 31, entries=0x7ffd1f84})" EBADF_);
}

static void test_v4l2(void)
{
	struct lt_event ev;
	/* a request strace does not decode: its argument in hex */
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4004560e, 0xbadc0deddeadc0deull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_OVERLAY, 0xbadc0deddeadc0de)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80685600, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_QUERYCAP, NULL)" EBADF_);
	uint8_t r[20];
	put32(r, 4025413100u);
	put32(r + 4, 0xf3f2f1f0);
	put32(r + 8, 0xf7f6f5f4);
	put32(r + 12, 0);
	put32(r + 16, 0);
	cap(2, LT_SUB_ENTRY, 0, r, sizeof r);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0145608, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_REQBUFS, {type=0xf3f2f1f0 /* V4L2_BUF_TYPE_??? */, "
		   "memory=0xf7f6f5f4 /* V4L2_MEMORY_??? */, count=4025413100})" EBADF_);
	uint8_t f[44] = { 0 };
	put32(f, 0xdeadbeef);
	put32(f + 4, 0xfa5c2741); /* 'A', '\'', '\\', 0xfa */
	cap(2, LT_SUB_ENTRY, 0, f, sizeof f);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc02c564a, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_ENUM_FRAMESIZES, {index=3735928559, "
		   "pixel_format=v4l2_fourcc('A', '\\'', '\\\\', '\\xfa')})" EBADF_);
	uint8_t s[204];
	memset(s, 0xff, sizeof s);
	put32(s, 1);
	put32(s + 4, 0x1000);
	put32(s + 8, 1);
	put32(s + 12, 0xdeadbeef);
	put32(s + 16, 0xbadc0ded);
	cap(2, LT_SUB_ENTRY, 0, s, sizeof s);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0cc5616, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_S_PARM, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, parm.capture={"
		   "capability=V4L2_CAP_TIMEPERFRAME, capturemode=V4L2_MODE_HIGHQUALITY, "
		   "timeperframe=3735928559/3134983661, extendedmode=0xffffffff, "
		   "readbuffers=4294967295}})" EBADF_);
	/* control ids: a name, a class and offset, or hex; a query's NEXT_* flags first */
	uint8_t k[8];
	put32(k, 0xa31234);
	put32(k + 4, 1);
	cap(2, LT_SUB_ENTRY, 0, k, sizeof k);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc008561c, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_S_CTRL, {id=V4L2_CTRL_CLASS_DETECT+0x1234, value=1})" EBADF_);
	put32(k, 0x990a64);
	cap(2, LT_SUB_ENTRY, 0, k, sizeof k);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc008561b, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_G_CTRL, {id=V4L2_CID_MPEG_VIDEO_H264_CPB_SIZE})" EBADF_);
	put32(k, 0xa60000);
	cap(2, LT_SUB_ENTRY, 0, k, sizeof k);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc008561b, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_G_CTRL, {id=0xa60000 /* V4L2_CID_??? */})" EBADF_);
	uint8_t q[68] = { 0 };
	put32(q, 0xbfbebdbc);
	cap(2, LT_SUB_ENTRY, 0, q, sizeof q);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0445624, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_QUERYCTRL, {id=V4L2_CTRL_FLAG_NEXT_CTRL|0x3fbebdbc "
		   "/* V4L2_CID_??? */})" EBADF_);
	/* extended controls: the array the shim copied (sub 0) and a control's string */
	uint8_t x[32] = { 0 }, xc[40] = { 0 };
	put32(x, 0x990000);
	put32(x + 4, 2);
	put32(x + 8, 0xffffffff);
	put64(x + 24, A + 0x100);
	put32(xc, 0x980900);
	put64(xc + 12, 0xfacefeeddeadbeefull);
	put32(xc + 20, 0x980901);
	put32(xc + 24, 2);
	put64(xc + 32, A + 0x200);
	uint8_t str[2] = { 0xff, 0xff };
	cap(2, LT_SUB_ENTRY, 0, x, sizeof x);
	cap(2, 0, LT_CAP_EXIT, xc, sizeof xc);
	cap(2, LT_SUB_V4L2_STRING(1), LT_CAP_EXIT, str, sizeof str);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0205648, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_S_EXT_CTRLS, {ctrl_class=V4L2_CTRL_CLASS_CODEC, count=2, "
		   "controls=[{id=V4L2_CID_BRIGHTNESS, size=0, value=-559038737, "
		   "value64=-374081421428539665}, {id=V4L2_CID_CONTRAST, size=2, string=\"\\377\\377\"}]} "
		   "=> {controls=[{id=V4L2_CID_BRIGHTNESS, size=0, value=-559038737, "
		   "value64=-374081421428539665}, {id=V4L2_CID_CONTRAST, size=2, string=\"\\377\\377\"}], "
		   "error_idx=4294967295})" EBADF_);
	/* formats by their type: a four-character code and its name, or hex with -Xraw */
	uint8_t fm[208];
	memset(fm, 0xff, sizeof fm);
	put32(fm, 2);
	put32(fm + 8, 0x657b8160);
	put32(fm + 12, 0x951c0047);
	put32(fm + 16, 0x38303553); /* S508 */
	put32(fm + 20, 1);
	put32(fm + 24, 0xdf20d185);
	put32(fm + 28, 0x0cf7be41);
	put32(fm + 32, 7);
	cap(2, LT_SUB_ENTRY, 0, fm, sizeof fm);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0d05605, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_S_FMT, {type=V4L2_BUF_TYPE_VIDEO_OUTPUT, fmt.pix={width=1702592864, "
		   "height=2501640263, pixelformat=v4l2_fourcc('S', '5', '0', '8') /* V4L2_PIX_FMT_SPCA508 */, "
		   "field=V4L2_FIELD_NONE, bytesperline=3743469957, sizeimage=217562689, "
		   "colorspace=V4L2_COLORSPACE_JPEG}})" EBADF_);
	cap(2, LT_SUB_ENTRY, 0, fm, sizeof fm);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0d05605, A, 0, 0, 0);
	EXPECTF(ev, &fraw, "ioctl(-1, 0xc0d05605, {type=0x2, fmt.pix={width=1702592864, "
		    "height=2501640263, pixelformat=0x38303553, field=0x1, bytesperline=3743469957, "
		    "sizeimage=217562689, colorspace=0x7}})" EBADF_);
	/* an overlay window's clips: the array the shim copied (sub 0) */
	memset(fm, 0xff, sizeof fm);
	put32(fm, 8);
	put32(fm + 8, (uint32_t)-399034782);
	put32(fm + 12, 53924483);
	put32(fm + 16, 2453012082u);
	put32(fm + 20, 3151529672u);
	put32(fm + 24, 0);
	put32(fm + 28, 0xdb1f991f);
	put64(fm + 32, A + 0x100);
	put32(fm + 40, 2);
	put64(fm + 48, 0xfffffffffffffffeull);
	fm[56] = 0xce;
	uint8_t cl[48] = { 0 };
	put32(cl, 856937326);
	put32(cl + 4, (uint32_t)-838867696);
	put32(cl + 8, 543486888);
	put32(cl + 12, 3496816970u);
	put32(cl + 24, (uint32_t)-657938369);
	put32(cl + 28, 862881722);
	put32(cl + 32, 2654629811u);
	put32(cl + 36, 90274678);
	cap(2, LT_SUB_ENTRY, 0, fm, sizeof fm);
	cap(2, 0, LT_CAP_EXIT, cl, sizeof cl);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0d05640, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_TRY_FMT, {type=V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY, fmt.win={w={"
		   "left=-399034782, top=53924483, width=2453012082, height=3151529672}, "
		   "field=V4L2_FIELD_ANY, chromakey=0xdb1f991f, clips=[{c={left=856937326, top=-838867696, "
		   "width=543486888, height=3496816970}}, {c={left=-657938369, top=862881722, "
		   "width=2654629811, height=90274678}}], clipcount=2, bitmap=0xfffffffffffffffe, "
		   "global_alpha=0xce}})" EBADF_);
	/* what a success returns (ioctl_v4l2-success.c: words 0x80a0c0e0 + i) */
	uint8_t cc[44];
	for (int i = 0; i < 11; i++)
		put32(cc + i * 4, 0x80a0c0e0u + i);
	put32(cc, 1);
	cap(2, LT_SUB_ENTRY, 0, cc, sizeof cc);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, cc, sizeof cc);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc02c563a, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_CROPCAP, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, bounds={"
		   "left=-2136948511, top=-2136948510, width=2158018787, height=2158018788}, "
		   "defrect={left=-2136948507, top=-2136948506, width=2158018791, height=2158018792}, "
		   "pixelaspect=2158018793/2158018794}) = 0");
	uint8_t sd[72];
	memset(sd, 0, sizeof sd);
	for (int i = 10; i < 18; i++)
		put32(sd + i * 4, 0x80a0c0e0u + i - 10);
	put32(sd, 0xdeadface);
	memcpy(sd + 16, "PAL", 4);
	cap(2, LT_SUB_ENTRY, 0, sd, sizeof sd);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, sd, sizeof sd);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc0485619, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_ENUMSTD, {index=3735943886, name=\"PAL\", "
		   "frameperiod=2158018784/2158018785, framelines=2158018786}) = 0");
	uint8_t qc[104] = { 0 };
	memcpy(qc, "vivid", 5);
	memcpy(qc + 16, "vivid", 5);
	memcpy(qc + 48, "platform:vivid-000", 18);
	put32(qc + 80, 0xd3d2d1d0);
	put32(qc + 84, 0xdeadbeef);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, qc, sizeof qc);
	ev = mk("ioctl", 0, 3, 0x80685600, A, 0, 0, 0);
	EXPECT(ev, "ioctl(3, VIDIOC_QUERYCAP, {driver=\"vivid\", card=\"vivid\", "
		   "bus_info=\"platform:vivid-000\", version=KERNEL_VERSION(54226, 209, 208), "
		   "capabilities=V4L2_CAP_VIDEO_CAPTURE|V4L2_CAP_VIDEO_OUTPUT|V4L2_CAP_VIDEO_OVERLAY|"
		   "V4L2_CAP_VBI_OUTPUT|V4L2_CAP_SLICED_VBI_CAPTURE|V4L2_CAP_SLICED_VBI_OUTPUT|"
		   "V4L2_CAP_VIDEO_OUTPUT_OVERLAY|V4L2_CAP_HW_FREQ_SEEK|V4L2_CAP_RDS_OUTPUT|"
		   "V4L2_CAP_VIDEO_CAPTURE_MPLANE|V4L2_CAP_VIDEO_OUTPUT_MPLANE|V4L2_CAP_VIDEO_M2M|"
		   "V4L2_CAP_TUNER|V4L2_CAP_RADIO|V4L2_CAP_MODULATOR|V4L2_CAP_EXT_PIX_FORMAT|"
		   "V4L2_CAP_META_CAPTURE|V4L2_CAP_ASYNCIO|V4L2_CAP_STREAMING|V4L2_CAP_META_OUTPUT|"
		   "V4L2_CAP_TOUCH|V4L2_CAP_DEVICE_CAPS|0x40000008}) = 0");
	uint8_t fs[44];
	for (int i = 0; i < 11; i++)
		put32(fs + i * 4, 0x80a0c0e0u + i);
	put32(fs + 4, 0x5c22270d);
	put32(fs + 8, 3);
	cap(2, LT_SUB_ENTRY, 0, fs, sizeof fs);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, fs, sizeof fs);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc02c564a, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_ENUM_FRAMESIZES, {index=2158018784, pixel_format="
		   "v4l2_fourcc('\\x0d', '\\'', '\"', '\\\\'), type=V4L2_FRMSIZE_TYPE_STEPWISE, "
		   "stepwise={min_width=2158018787, max_width=2158018788, step_width=2158018789, "
		   "min_height=2158018790, max_height=2158018791, step_height=2158018792}}) = 0");
	uint8_t fi[52];
	for (int i = 0; i < 13; i++)
		put32(fi + i * 4, 0x80a0c0e0u + i);
	put32(fi + 16, 1);
	cap(2, LT_SUB_ENTRY, 0, fi, sizeof fi);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, fi, sizeof fi);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc034564b, A, 0, 0, 0);
	EXPECTF(ev, &fverb, "ioctl(-1, 0xc034564b /* VIDIOC_ENUM_FRAMEINTERVALS */, {index=2158018784, "
		    "pixel_format=v4l2_fourcc('\\xe1', '\\xc0', '\\xa0', '\\x80'), width=2158018786, "
		    "height=2158018787, type=0x1 /* V4L2_FRMIVAL_TYPE_DISCRETE */, "
		    "discrete=2158018789/2158018790}) = 0");
	uint8_t qy[68];
	for (int i = 0; i < 17; i++)
		put32(qy + i * 4, 0x80a0c0e0u + i);
	put32(qy, 0x980900);
	put32(qy + 4, 1);
	memset(qy + 8, 0, 32);
	memcpy(qy + 8, "Brightness", 10);
	put32(qy + 56, 0x21);
	put64(qy + 60, 0);
	struct lt_fmt fv = { .strsize = 32, .verbose = 1 };
	cap(2, LT_SUB_ENTRY, 0, qy, sizeof qy);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, qy, sizeof qy);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc0445624, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_QUERYCTRL, {id=V4L2_CID_BRIGHTNESS, type=V4L2_CTRL_TYPE_INTEGER, "
		   "name=\"Brightness\", ...}) = 0");
	cap(2, LT_SUB_ENTRY, 0, qy, sizeof qy);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, qy, sizeof qy);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc0445624, A, 0, 0, 0);
	EXPECTF(ev, &fv, "ioctl(-1, VIDIOC_QUERYCTRL, {id=V4L2_CID_BRIGHTNESS, "
		    "type=V4L2_CTRL_TYPE_INTEGER, name=\"Brightness\", minimum=-2136948502, "
		    "maximum=-2136948501, step=-2136948500, default_value=-2136948499, "
		    "flags=V4L2_CTRL_FLAG_DISABLED|V4L2_CTRL_FLAG_SLIDER}) = 0");
	uint8_t bu[88] = { 0 };
	put32(bu, 0xdeadc0de);
	put32(bu + 4, 1);
	put32(bu + 8, 0xdecaffee);
	put32(bu + 12, 0x1ff);
	put32(bu + 16, 2);
	put64(bu + 24, 0x1e55c0de);
	put64(bu + 32, 999999);
	put32(bu + 60, 1);
	put32(bu + 64, 0xfacefeed);
	put32(bu + 72, 0xcafebed5);
	cap(2, LT_SUB_ENTRY, 0, bu, sizeof bu);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, bu, sizeof bu);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc0585611, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, VIDIOC_DQBUF, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, index=3735929054, "
		   "memory=V4L2_MEMORY_MMAP, m.offset=0xfacefeed, length=3405692629, "
		   "bytesused=3737845742, flags=V4L2_BUF_FLAG_MAPPED|V4L2_BUF_FLAG_QUEUED|"
		   "V4L2_BUF_FLAG_DONE|V4L2_BUF_FLAG_KEYFRAME|V4L2_BUF_FLAG_PFRAME|V4L2_BUF_FLAG_BFRAME|"
		   "V4L2_BUF_FLAG_ERROR|V4L2_BUF_FLAG_IN_REQUEST|V4L2_BUF_FLAG_TIMECODE|"
		   "V4L2_BUF_FLAG_TIMESTAMP_UNKNOWN|V4L2_BUF_FLAG_TSTAMP_SRC_EOF, "
		   "timestamp={tv_sec=508936414, tv_usec=999999}, ...}) = 0");
	cap(2, LT_SUB_ENTRY, 0, bu, sizeof bu);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, bu, sizeof bu);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc0585611, A, 0, 0, 0);
	EXPECTF(ev, &fraw, "ioctl(-1, 0xc0585611, {type=0x1, index=3735929054, memory=0x1, "
		    "m.offset=0xfacefeed, length=3405692629, bytesused=3737845742, flags=0x1ff, "
		    "timestamp={tv_sec=508936414, tv_usec=999999}, ...}) = 0");
	uint8_t qe[232];
	for (int i = 0; i < 58; i++)
		put32(qe + i * 4, 0x80a0c0e0u + i);
	put32(qe, 0x980900);
	put32(qe + 4, 1);
	memset(qe + 8, 0, 32);
	memcpy(qe + 8, "Brightness", 10);
	put64(qe + 40, 0xbadc0deddeadfaceull);
	put64(qe + 48, 0xdecaffedbeeff00dull);
	put64(qe + 56, 0xbeaded1dea5a51deull);
	put64(qe + 64, 0xca5efade1cedbeefull);
	put32(qe + 72, 0);
	put32(qe + 84, 3);
	memset(qe + 104, 0, 128);
	cap(2, LT_SUB_ENTRY, 0, qe, sizeof qe);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, qe, sizeof qe);
	ev = mk("ioctl", 0, (uint64_t)-1, 0xc0e85667, A, 0, 0, 0);
	EXPECTF(ev, &fv, "ioctl(-1, VIDIOC_QUERY_EXT_CTRL, {id=V4L2_CID_BRIGHTNESS, "
		    "type=V4L2_CTRL_TYPE_INTEGER, name=\"Brightness\", minimum=-4982091772484257074, "
		    "maximum=-2392818855418269683, step=13739898750918873566, "
		    "default_value=-3864375598362280209, flags=0, elem_size=2158018803, "
		    "elems=2158018804, nr_of_dims=3, dims=[2158018806, 2158018807, 2158018808]}) = 0");
}

/* fill_memory's bytes: 0x80, 0x81, ... */
static void fill(uint8_t *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		p[k] = (uint8_t)(0x80 + k % 0x80);
}

static void test_ubi(void)
{
	struct lt_event ev;
	uint8_t leb[16], vol[152], out[152];
	fill(leb, sizeof leb);
	leb[8] = 3;
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, leb, sizeof leb);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40044f02, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, UBI_IOCEBCH, {lnum=-2088599168, bytes=-2021227132, dtype=UBI_UNKNOWN})" EBADF_);
	fill(vol, sizeof vol);
	vol[16] = 4;
	vol[17] = 1;
	vol[18] = 1, vol[19] = 0;
	memcpy(vol + 24, "0123456789", 10);
	memcpy(out, vol, sizeof out);
	put32(out, 7);
	cap(2, LT_SUB_ENTRY, 0, vol, sizeof vol);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, out, sizeof out);
	ev = mk("ioctl", 0, (uint64_t)-1, 0x40986f00, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, UBI_IOCMKVOL, {vol_id=-2088599168, alignment=-2021227132, "
		   "bytes=-8102383044816893560, vol_type=UBI_STATIC_VOLUME, "
		   "flags=UBI_VOL_SKIP_CRC_CHECK_FLG, name_len=1, name=\"0\"...} => [7]) = 0");
	ev = mk("ioctl", -9, (uint64_t)-1, 0x6f35, 0xdeadbeefbadc0dedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, NET_REMOVE_IF, 0xdeadbeefbadc0ded)" EBADF_);
}

/* SG_IO v3, SG_DXFER_TO_FROM_DEV: the data out at entry, " => " the data in at exit */
static void test_sg_io(void)
{
	struct lt_event ev;
	uint8_t h[88] = { 'S' }, cmd[1] = { 0x12 }, dout[3] = { 0xd5, 0xd6, 0xd7 };
	put32(h + 4, (uint32_t)-4);
	h[8] = 1;
	put32(h + 12, 3);
	put64(h + 16, A + 0x100);
	put64(h + 24, A + 0x200);
	put32(h + 44, 2);
	cap(2, LT_SUB_ENTRY, 0, h, sizeof h);
	cap(2, LT_SUB_SG_CMD, 0, cmd, sizeof cmd);
	cap(2, LT_SUB_SG_DOUT, 0, dout, sizeof dout);
	put32(h + 72, 1); /* resid: 2 bytes came in */
	put32(h + 80, 0xdeadbeef);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, h, sizeof h);
	cap(2, LT_SUB_SG_DIN, LT_CAP_EXIT, dout, 2);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2285, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SG_IO, {interface_id='S', dxfer_direction=SG_DXFER_TO_FROM_DEV, "
		   "cmd_len=1, cmdp=\"\\x12\", mx_sb_len=0, iovec_count=0, dxfer_len=3, timeout=0, "
		   "flags=SG_FLAG_UNUSED_LUN_INHIBIT, dxferp=\"\\xd5\\xd6\\xd7\" => "
		   "dxferp=\"\\xd5\\xd6\", status=0, masked_status=0, msg_status=0, sb_len_wr=0, "
		   "sbp=NULL, host_status=0, driver_status=0, resid=1, duration=0, "
		   "info=SG_INFO_CHECK|SG_INFO_DIRECT_IO|SG_INFO_MIXED_IO|0xdeadbee8})" EBADF_);
	uint8_t id[4] = { 0x80, 0x81, 0x82, 0x83 };
	cap(2, LT_SUB_ENTRY, 0, id, sizeof id);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2285, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SG_IO, [2206368128])" EBADF_);
	cap(2, LT_SUB_ENTRY, 0, (const uint8_t *)"Q\0\0", 4);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2285, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SG_IO, {guard='Q', 0x7ffd1004})" EBADF_);
	uint8_t r[4] = { 0, 1 };
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, r, sizeof r);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2284, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_NOTHING])" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2204, 0xdeadbeeffacefeedull, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SG_SET_TRANSFORM, 0xfacefeed)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x2270, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SG_GET_COMMAND_Q, 0x7ffd1000)" EBADF_);
}

/* device mapper: the header, then (-v) the payload at data_start */
static void test_dm(void)
{
	struct lt_event ev;
	uint8_t d[312] = { 0 };
	put32(d, 4), put32(d + 4, 1), put32(d + 8, 2);
	put32(d + 12, 14);
	cap(2, LT_SUB_ENTRY, 0, d, sizeof d);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc138fd00, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, DM_VERSION, [{version=[4, 1, 2], data_size=14 /* data_size too small */}])" EBADF_);
	put32(d + 12, 312);
	put32(d + 16, 305);
	memcpy(d + 48, "nnn", 3);
	memcpy(d + 305, "nn", 2);
	cap(2, LT_SUB_ENTRY, 0, d, sizeof d);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, d, sizeof d);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc138fd05, A, 0, 0, 0);
	struct lt_fmt fv = { .strsize = 9, .verbose = 1 };
	EXPECTF(ev, &fv, "ioctl(-1, DM_DEV_RENAME, [{version=[4, 1, 2], data_size=312, data_start=305, "
		    "name=\"nnn\", event_nr=0, flags=0}, {string=\"nn\"}])" EBADF_);
	cap(2, LT_SUB_ENTRY, 0, d, sizeof d);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc138fd05, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, DM_DEV_RENAME, [{version=[4, 1, 2], data_size=312, data_start=305, "
		   "name=\"nnn\", event_nr=0, flags=0}, ...])" EBADF_);
}

/* MTD, and the OSS mixer's numbers that share type 'M' */
static void test_mtd(void)
{
	struct lt_event ev;
	uint8_t e[8];
	fill(e, sizeof e);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, e, sizeof e);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40084d02, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, MIXER_WRITE(2) or MEMERASE, {start=0x83828180, length=0x87868584})" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4d13, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_NORMAL)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x80204d01, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, MIXER_READ(1) or MEMGETINFO, 0x7ffd1000)" EBADF_);
}

/* TEE: a plain structure, and an invocation's argument behind its buf_data */
static void test_tee(void)
{
	struct lt_event ev;
	uint8_t cancel[8], buf[16], inv[24 + 32] = { 0 };
	put32(cancel, 0xdeadbeef), put32(cancel + 4, 0xbadc0ded);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, cancel, sizeof cancel);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x8008a404, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, TEE_IOC_CANCEL, {cancel_id=3735928559, session=0xbadc0ded})" EBADF_);
	put64(buf, A + 0x100), put64(buf + 8, sizeof inv);
	put32(inv, 0xdeadbeef), put32(inv + 4, 0xbadc0ded), put32(inv + 8, 0xeef0beef);
	put32(inv + 20, 1);
	put64(inv + 24, 0x101);
	put64(inv + 32, 0xbadc0dedbadc0dedull);
	cap(2, LT_SUB_ENTRY, 0, buf, sizeof buf);
	cap(2, LT_SUB_TEE_IN, 0, inv, sizeof inv);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x8010a403, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, TEE_IOC_INVOKE, {buf_len=56, buf_ptr={func=3735928559, session=0xbadc0ded, "
		   "cancel_id=4008754927, num_params=1, params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT|"
		   "TEE_IOCTL_PARAM_ATTR_META, a=0xbadc0dedbadc0ded, b=0, c=0}]}})" EBADF_);
	put64(buf + 8, 280);
	cap(2, LT_SUB_ENTRY, 0, buf, sizeof buf);
	cap(2, LT_SUB_TEE_IN, 0, inv, sizeof inv);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x8010a403, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, TEE_IOC_INVOKE, {buf_len=280, buf_ptr=0x7ffd1100})" EBADF_);
}

/* socket requests: an interface's field, a bridge name, one shown as an address */
static void test_sock(void)
{
	struct lt_event ev;
	uint8_t ifr[40] = { 0 }, br[16];
	memcpy(ifr, "lo", 2);
	put32(ifr + 16, 0x2defaced);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ifr, sizeof ifr);
	ev = mk("ioctl", -9, 3, 0x8922, A, 0, 0, 0);
	EXPECT(ev, "ioctl(3, SIOCSIFMTU, {ifr_name=\"lo\", ifr_mtu=770682093})" EBADF_);
	cap(2, LT_SUB_ENTRY, 0, ifr, sizeof ifr);
	ev = mk("ioctl", -9, 3, 0x8921, A, 0, 0, 0);
	EXPECT(ev, "ioctl(3, SIOCGIFMTU, {ifr_name=\"lo\"})" EBADF_);
	memcpy(br, "0123456789012345", 16);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, br, sizeof br);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x89a0, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SIOCBRADDBR, \"0123456789012345\"...)" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x890b, 0, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, SIOCADDRT, NULL)" EBADF_);
}

/* btrfs: a request without argument, flags by pointer, vol_args */
static void test_btrfs(void)
{
	struct lt_event ev;
	static uint8_t vol[4096];
	uint8_t fl[8] = { 0xf };
	ev = mk("ioctl", -9, (uint64_t)-1, 0x9406, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_TRANS_START)" EBADF_);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, fl, sizeof fl);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x4008941a, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_SUBVOL_SETFLAGS, BTRFS_SUBVOL_CREATE_ASYNC|BTRFS_SUBVOL_RDONLY|"
		   "BTRFS_SUBVOL_QGROUP_INHERIT|0x8)" EBADF_);
	put64(vol, 2);
	memcpy(vol + 8, "/dev/sda1", 9);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, vol, sizeof vol);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x5000940a, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_ADD_DEV, {fd=2, name=\"/dev/sda1\"})" EBADF_);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40049421, 1, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_BALANCE_CTL, BTRFS_BALANCE_CTL_PAUSE)" EBADF_);
	uint8_t q[16] = { 4 };
	cap(2, LT_SUB_ENTRY, 0, q, sizeof q);
	ev = mk("ioctl", -9, (uint64_t)-1, 0xc0109428, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_QUOTA_CTL, {cmd=0x4 /* BTRFS_QUOTA_CTL_??? */})" EBADF_);
	uint8_t dr[48] = { 0 };
	put64(dr + 8, UINT64_MAX);
	put64(dr + 16, 7);
	put32(dr + 24, 131072);
	put32(dr + 28, 2);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, dr, sizeof dr);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40309410, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, {start=0, len=UINT64_MAX, flags=BTRFS_DEFRAG_RANGE_COMPRESS|"
		   "BTRFS_DEFRAG_RANGE_START_IO|0x4, extent_thresh=131072, compress_type=BTRFS_COMPRESS_LZO})" EBADF_);
	uint8_t ft[48] = { 0 };
	put64(ft, 1);
	put64(ft + 8, 3);
	put64(ft + 16, 1);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, ft, sizeof ft);
	ev = mk("ioctl", -9, (uint64_t)-1, 0x40309439, A, 0, 0, 0);
	EXPECT(ev, "ioctl(-1, BTRFS_IOC_SET_FEATURES, [{compat_flags=0x1 /* BTRFS_FEATURE_COMPAT_??? */, "
		   "compat_ro_flags=BTRFS_FEATURE_COMPAT_RO_FREE_SPACE_TREE|BTRFS_FEATURE_COMPAT_RO_FREE_SPACE_TREE_VALID, "
		   "incompat_flags=BTRFS_FEATURE_INCOMPAT_MIXED_BACKREF}, {compat_flags=0, compat_ro_flags=0, "
		   "incompat_flags=0}])" EBADF_);
}

static void test_ifconf(void)
{
	struct lt_event ev;
	uint8_t in[16] = { 0 }, out[16] = { 0 }, ifr[80] = { 0 }; /* -s 1: two captured */
	put32(in, 82);
	put64(in + 8, A + 0x100);
	memcpy(out, in, 16);
	put32(out, 80);
	memcpy(ifr, "lo", 2);
	ifr[16] = 2; /* AF_INET, port 0, 127.0.0.1 */
	ifr[20] = 127;
	ifr[23] = 1;
	struct lt_fmt f1 = { .strsize = 1 };
	cap(2, LT_SUB_ENTRY, 0, in, sizeof in);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, out, sizeof out);
	cap(2, 0, LT_CAP_EXIT, ifr, sizeof ifr);
	ev = mk("ioctl", 0, 3, 0x8912, A, 0, 0, 0);
	EXPECTF(ev, &f1, "ioctl(3, SIOCGIFCONF, {ifc_len=82 => 80 /* 2 * sizeof(struct ifreq) */, "
		    "ifc_buf=[{ifr_name=\"lo\", ifr_addr={sa_family=AF_INET, sin_port=htons(0), "
		    "sin_addr=inet_addr(\"127.0.0.1\")}}, ...]}) = 0");
	put32(in, 80);
	put64(in + 8, 0);
	cap(2, LT_SUB_ENTRY, 0, in, sizeof in);
	cap(2, LT_CAP_SUB_SELF, LT_CAP_EXIT, in, sizeof in);
	ev = mk("ioctl", 0, 3, 0x8912, A, 0, 0, 0);
	EXPECT(ev, "ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}) = 0");
}

int main(void)
{
	test_kd_font();
	test_kd();
	test_btrfs();
	test_sock();
	test_tee();
	test_mtd();
	test_dm();
	test_sg_io();
	test_ubi();
	test_ifconf();
	test_v4l2();
	test_rtc();
	test_perf();
	test_seccomp();
	test_ptp();
	test_evdev();
	test_gpio();
	test_disk();
	test_names();
	test_counter();
	test_fs();
	test_dev();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
