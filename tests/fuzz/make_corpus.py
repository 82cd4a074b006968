#!/usr/bin/env python3
"""Writes the seed corpus of bad inputs (tests/fuzz/corpus/): every file must make
libtrace-report exit 1 with an error naming the file and offset, never crash. Crashes
found later by fuzzing are added to the corpus as they are (named crash-*), not here.
Usage: make_corpus.py DIR"""
import os
import struct
import sys

MAGIC = b"LTRACE\x1a\x01"
ARCH = 0xC000003E
CHUNK_MAGIC = 0x4b43544c


def header(version=1, header_size=80, arch=ARCH, data_offset=4096, chunk_size=4096, pid=42):
    h = MAGIC + struct.pack("<HHIIIII", version, header_size, arch, data_offset, chunk_size,
                            pid, 1)
    h += struct.pack("<QQIIII", 10**9, 1700000000 * 10**9, 32, 1, 4, 0) + b"prog".ljust(16, b"\0")
    assert len(h) == 80
    return h


def syscall(ts, nr=1, ret=6, dur=100, ncaps=0, caps=b"", size=None, args=(1, 0, 6, 0, 0, 0)):
    body = struct.pack("<II6QqQ", nr, ncaps, *args, ret, dur) + caps
    n = 16 + len(body)
    n = (n + 7) & ~7
    rec = struct.pack("<HHIQ", 1, 0, size if size is not None else n, ts) + body
    return rec.ljust(n, b"\0")


def chunk(tid, records, seq=0, size=4096):
    c = struct.pack("<IIII", CHUNK_MAGIC, tid, seq, 0) + b"".join(records)
    return c.ljust(size, b"\0")[:size] if len(c) <= size else c


def log(records, tid=42, **kw):
    h = header(**kw)
    return h.ljust(4096, b"\0") + chunk(tid, records)


def good(n=3):
    return [syscall(10**9 + i * 1000) for i in range(n)]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "empty.ltl": b"",
        "magic-only.ltl": MAGIC,
        "header-cut.ltl": header()[:40],
        "version-future.ltl": log(good(), version=2),
        "version-zero.ltl": log(good(), version=0),
        "version-max.ltl": log(good(), version=0xffff),
        "header-size-small.ltl": log(good(), header_size=16),
        "arch-i386.ltl": log(good(), arch=0x40000003),
        "data-offset-unaligned.ltl": log(good(), data_offset=4095),
        "data-offset-huge.ltl": log(good(), data_offset=0xfffff000),
        "data-offset-zero.ltl": log(good(), data_offset=0),
        "chunk-size-zero.ltl": log(good(), chunk_size=0),
        "chunk-size-small.ltl": log(good(), chunk_size=1024),
        "chunk-size-huge.ltl": log(good(), chunk_size=0xfffff000),
        "chunk-size-unaligned.ltl": log(good(), chunk_size=4097),
        "record-size-huge.ltl": log(good() + [syscall(2 * 10**9, size=0xfffffff8)]),
        "record-size-odd.ltl": log(good() + [syscall(2 * 10**9, size=91)]),
        "record-size-tiny.ltl": log(good() + [syscall(2 * 10**9, size=8)]),
        "record-size-short-for-type.ltl": log(good() + [syscall(2 * 10**9, size=24)]),
        "ncaps-huge.ltl": log(good() + [syscall(2 * 10**9, ncaps=0xffffffff)]),
        "cap-len-huge.ltl": log(good() + [syscall(2 * 10**9, ncaps=1,
                                 caps=struct.pack("<BBHI", 1, 0, 0xffff, 0xfffffff0) + b"x" * 8)]),
        "cap-arg-bad.ltl": log(good() + [syscall(2 * 10**9, ncaps=1,
                                 caps=struct.pack("<BBHI", 200, 0, 0xffff, 8) + b"x" * 8)]),
        "process-cmdline-huge.ltl": log(good() + [struct.pack("<HHIQIIII", 7, 0, 32, 2 * 10**9,
                                                               42, 1, 0xffffff00, 0)]),
        "cut-mid-record.ltl": log(good())[: 4096 + 16 + 88 * 2 + 30],
        "cut-mid-chunk-header.ltl": (header().ljust(4096, b"\0") + chunk(42, good()) +
                                     chunk(43, good()))[: 8192 + 8],
        "garbage.ltl": b"\xff" * 5000,
        "text-garbage.txt": b"1.0 write(1, \"x\", 1) = 1\nthis is not strace\n\x00\x01\x02\n",
        "text-binary-tail.txt": b"1.0 brk(NULL) = 0x1000\n" + bytes(range(256)) * 4,
        "text-resumed-junk.txt": b"12 1.0 <... read resumed>\n12 1.1 <... resumed>x) = 1\n",
        "text-long-line.txt": b"1.0 write(1, \"" + b"a" * 200000 + b"\n",
        "text-huge-pid.txt": b"[pid 99999999999999999999] 1.0 getpid() = 1\n",
        "text-huge-time.txt": b"99999999999999999999999.999999999999 getpid() = 1\n1.0 x\n",
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


main()
