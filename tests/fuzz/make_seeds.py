#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus (tests/fuzz/seeds/): small VALID inputs that reach every
record type and every output (a log with every record type, captures of each shape, two
threads, and strace -f -ttt -T -y text with unfinished calls, signals and exits), for the
fuzzer to mutate from. The bad inputs are tests/fuzz/corpus/ (make_corpus.py).
Usage: make_seeds.py DIR"""
import os
import struct
import sys

MAGIC = b"LTRACE\x1a\x01"


def header(pid=42, ppid=1, flags=4):
    h = MAGIC + struct.pack("<HHIIIII", 1, 80, 0xC000003E, 4096, 4096, pid, ppid)
    return h + struct.pack("<QQIIII", 10**9, 1700000000 * 10**9, 32, 1, flags, 0) + \
        b"prog".ljust(16, b"\0")


def pad(b):
    return b.ljust((len(b) + 7) & ~7, b"\0")


def rec(typ, ts, body, flags=0):
    body = pad(body)
    return struct.pack("<HHIQ", typ, flags, 16 + len(body), ts) + body


def cap(arg, data, flags=0, sub=0xffff):
    return pad(struct.pack("<BBHI", arg, flags, sub, len(data)) + data)


def sc(ts, nr, args, ret, caps=(), dur=1000, flags=0):
    a = list(args) + [0] * (6 - len(args))
    return rec(1, ts, struct.pack("<II6QqQ", nr, len(caps), *a, ret, dur) + b"".join(caps), flags)


def chunk(tid, records, seq=0):
    c = struct.pack("<IIII", 0x4b43544c, tid, seq, 0) + b"".join(records)
    assert len(c) <= 4096
    return c.ljust(4096, b"\0")


def main_log():
    t = 10**9
    cmd = b"/bin/prog\0-x\0\x1b]0;title\x07\0"
    recs = [
        rec(7, t, struct.pack("<IIII", 42, 1, len(cmd), 0) + cmd, flags=4),
        rec(6, t + 1, b"main\x1b".ljust(16, b"\0")),
        rec(8, t + 2, struct.pack("<iI", 5, 9) + b"/dev/null"),
        rec(5, t + 3, struct.pack("<II", 1, 1)),
        sc(t + 10, 257, [2**64 - 100, 1, 0o2000000], 3, [cap(1, b"/etc/hostname", 8)]),
        sc(t + 20, 0, [3, 0x1000, 64], 6, [cap(1, b"hello\n", 1)]),
        sc(t + 30, 72, [3, 0, 20], 20),
        sc(t + 40, 1, [20, 0x2000, 6], 6, [cap(1, b"hi\x1b[0m\n", 0)], flags=4),
        sc(t + 50, 293, [0x3000, 0o2000000], 0, [cap(0, struct.pack("<ii", 7, 8), 1)]),
        sc(t + 60, 3, [3], 0),
        sc(t + 70, 3, [3], -9),
        sc(t + 80, 2, [0x4000, 0], -2, [cap(0, b"/nonexistent", 8)]),
        sc(t + 90, 56, [0x3d0f00, 0x5000], 43),
        sc(t + 100, 230, [0, 0, 0x6000], 0, [cap(2, struct.pack("<qq", 0, 5000), 0)], dur=5000),
        sc(t + 110, 999, [1, 2, 3], -38),
        rec(2, t + 120, struct.pack("<iii", 17, 0, 1).ljust(128, b"\0"), flags=1),
        rec(4, t + 130, struct.pack("<Q", 12)),
        rec(9, t + 140, struct.pack("<II", 2, 24) + b"log full \x1b]0;x\x07 (ENOSPC)"),
        sc(t + 150, 59, [0x7000, 0x8000, 0x9000], 0, [cap(0, b"/bin/true", 8)], flags=1),
        rec(5, t + 160, struct.pack("<II", 0, 1)),
        rec(3, t + 170, struct.pack("<ii", 0, 9)),
        struct.pack("<HHIQ", 0x7ffe, 0, 24, t + 180) + b"\0" * 8,
    ]
    thread2 = [sc(t + 15, 0, [7, 0x1000, 10], -4), sc(t + 25, 1, [8, 0x1000, 1], 1),
               rec(6, t + 26, b"worker".ljust(16, b"\0")), rec(3, t + 200, struct.pack("<ii", 3, 0))]
    return header().ljust(4096, b"\0") + chunk(42, recs) + chunk(43, thread2)


def exec_log():
    t = 10**9 + 155
    cmd = b"/bin/true\0"
    recs = [rec(7, t, struct.pack("<IIII", 42, 1, len(cmd), 0) + cmd, flags=1),
            sc(t + 10, 3, [20], 0), sc(t + 20, 3, [3], -9), rec(3, t + 30, struct.pack("<ii", 0, 0))]
    return header(flags=1).ljust(4096, b"\0") + chunk(42, recs)


STRACE = b"""\
100 1700000000.000001 execve("/bin/sh", ["sh", "-c", "ls"], 0x7ffd /* 20 vars */) = 0 <0.000100>
100 1700000000.000200 openat(AT_FDCWD, "/etc/\\33]0;x\\7", O_RDONLY|O_CLOEXEC) = 3</etc/\\33]0;x\\7> <0.000010>
100 1700000000.000300 fcntl(3</etc/x>, F_DUPFD, 20) = 20</etc/x> <0.000001>
100 1700000000.000400 pipe2([4, 5], O_CLOEXEC) = 0 <0.000002>
100 1700000000.000500 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 101 <0.000050>
101 1700000000.000600 read(4, "ab\\n", 3) = 3 <0.000003>
100 1700000000.000610 wait4(-1,  <unfinished ...>
101 1700000000.000700 prctl(PR_SET_NAME, "w\\33k") = 0 <0.000001>
101 1700000000.000800 write(5, "x", 1) = -1 EPIPE (Broken pipe) <0.000001>
101 1700000000.000810 --- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=101, si_uid=0} ---
101 1700000000.000900 +++ killed by SIGPIPE +++
100 1700000000.001000 <... wait4 resumed>[{WIFSIGNALED(s) && WTERMSIG(s) == SIGPIPE}], 0, NULL) = 101 <0.000390>
100 1700000000.001100 close(3</etc/x>) = 0 <0.000001>
100 1700000000.001200 read(20, 0x7f, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set) <0.000001>
100 1700000000.001300 openat(AT_FDCWD, "/x", O_WRONLY|O_CREAT, 0644) = -1 ENOSPC (No space left on device) (INJECTED) <0.000001>
100 1700000000.001400 exit_group(0) = ?
100 1700000000.001500 +++ exited with 0 +++
"""


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data in {"log.ltl": main_log(), "exec.ltl": exec_log(), "strace.txt": STRACE,
                       "strace-plain.txt": b"write(1, \"x\\n\", 2) = 2\nexit_group(0) = ?\n"}.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


main()
