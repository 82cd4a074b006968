#!/usr/bin/env python3
"""Mutation fuzzer for libtrace-report (run by hand, best with a sanitizer build):
    mutate.py REPORT_BINARY ITERATIONS OUTDIR SEED_FILE...
Each round flips bytes, overwrites 32-bit fields with edge values, or truncates a seed,
runs the report in text, -c, --json and --tef modes, and keeps any input that makes it die
by a signal, print a sanitizer report, or exit with a status other than 0 or 1:
those go to OUTDIR as crash-* files, to be added to tests/fuzz/corpus/."""
import os
import random
import struct
import subprocess
import sys

EDGE = [0, 1, 7, 8, 15, 16, 0x7f, 0x80, 0xff, 0xfff, 0x1000, 0xffff, 0x10000, 0x7fffffff,
        0x80000000, 0xfffffff0, 0xfffffff8, 0xffffffff]


def pos(d, rnd):
    # mostly where the data is: a log is largely zero padding
    for _ in range(8):
        i = rnd.randrange(len(d))
        if d[i] or rnd.random() < 0.1:
            return i
    return i


def mutate(data, rnd):
    d = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        k = rnd.random()
        if not d:
            break
        if k < 0.4:
            i = pos(d, rnd)
            d[i] = rnd.randrange(256)
        elif k < 0.8 and len(d) >= 4:
            i = min(pos(d, rnd) & ~3, len(d) - 4)
            d[i:i + 4] = struct.pack("<I", rnd.choice(EDGE))
        elif k < 0.9:
            del d[rnd.randrange(len(d)):]
        else:
            i = rnd.randrange(len(d))
            d[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16)))
    return bytes(d)


def main():
    report, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    seeds = [open(p, "rb").read() for p in sys.argv[4:]]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(int(os.environ.get("SEED", "1")))
    tmp = os.path.join(out, "cur")
    found = 0
    for it in range(n):
        seed = rnd.randrange(len(seeds))
        data = mutate(seeds[seed], rnd)
        path = tmp + (".ltl" if seeds[seed][:6] == b"LTRACE" else ".txt")
        with open(path, "wb") as f:
            f.write(data)
        for mode in ([], ["-c"], ["--json"], ["--tef", os.path.join(out, "t.json")]):
            p = subprocess.run([report] + mode + [path], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
            err = p.stderr.decode(errors="replace")
            if p.returncode not in (0, 1) or "Sanitizer" in err or "runtime error" in err:
                found += 1
                name = os.path.join(out, "crash-%d%s" % (it, os.path.splitext(path)[1]))
                os.rename(path, name)
                print("FOUND", name, mode, p.returncode, err[-400:])
                break
    print("%d iterations, %d crashes" % (n, found))


main()
