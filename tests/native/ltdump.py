#!/usr/bin/env python3
"""Dumps libtrace logs (lib/lt_log.h layout) for the native backend's tests, one line per
record: TID TYPE ... Syscall lines: `tid sc NAME nr=N args=a,b,.. ret=R flags=F caps=..`.
Usage: ltdump.py LOG|DIR..."""
import os, re, struct, sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def names():
    tbl = {}
    try:
        for line in open(os.path.join(TOP, 'lib', 'syscalls.tbl')):
            f = line.split()
            if len(f) >= 2 and f[0].isdigit():
                tbl[int(f[0])] = f[1]
    except OSError:
        pass
    return tbl

NAMES = names()

def dump(path, out):
    d = open(path, 'rb').read()
    if d[:8] != b'LTRACE\x1a\x01':
        raise SystemExit(f'{path}: bad magic')
    (ver, hsz, arch, doff, csz, pid, ppid, mono, wall, strsize, backend, flags) = \
        struct.unpack_from('<HHIIIIIQQIII', d, 8)
    out.append(f'file {os.path.basename(path)} pid={pid} ppid={ppid} flags={flags} chunk={csz}')
    off = doff
    while off + 16 <= len(d):
        magic, tid, seq, _ = struct.unpack_from('<IIII', d, off)
        if magic != 0x4b43544c:
            off += csz
            continue
        pos, end = off + 16, min(off + csz, len(d))
        while pos + 16 <= end:
            typ, fl, size, ts = struct.unpack_from('<HHIQ', d, pos)
            if size == 0 or pos + size > end:
                break
            body = d[pos + 16:pos + size]
            if typ == 1:
                nr, ncaps = struct.unpack_from('<II', body, 0)
                args = struct.unpack_from('<6Q', body, 8)
                ret, dur = struct.unpack_from('<qQ', body, 56)
                caps, p = [], 72
                for _ in range(ncaps):
                    arg, cfl, sub, ln = struct.unpack_from('<BBHI', body, p)
                    data = body[p + 8:p + 8 + ln]
                    caps.append(f'{arg}:{cfl}:{data!r}')
                    p += 8 + ((ln + 7) & ~7)
                name = NAMES.get(nr, str(nr))
                out.append(f'{pid} {tid} sc {name} ts={ts} ret={ret} flags={fl} '
                           f'args={",".join(hex(a) for a in args)} caps={" ".join(caps)}')
            elif typ == 2:
                signo, errno_, code = struct.unpack_from('<iii', body, 0)
                out.append(f'{pid} {tid} signal {signo} code={code} flags={fl}')
            elif typ == 3:
                code, signo = struct.unpack_from('<ii', body, 0)
                out.append(f'{pid} {tid} exit code={code} signo={signo}')
            elif typ == 4:
                out.append(f'{pid} {tid} lost {struct.unpack_from("<Q", body, 0)[0]}')
            elif typ == 5:
                on, seq2 = struct.unpack_from('<II', body, 0)
                out.append(f'{pid} {tid} window on={on} seq={seq2}')
            elif typ == 6:
                out.append(f'{pid} {tid} thread {body[:16].rstrip(bytes(1)).decode(errors="replace")}')
            elif typ == 7:
                p2, pp, cl, _ = struct.unpack_from('<IIII', body, 0)
                cmd = body[16:16 + cl].split(b'\0')
                out.append(f'{pid} {tid} process pid={p2} ppid={pp} flags={fl} cmd={b" ".join(cmd).decode(errors="replace").strip()}')
            elif typ == 8:
                fd, pl = struct.unpack_from('<iI', body, 0)
                out.append(f'{pid} {tid} fd {fd} {body[8:8 + pl].decode(errors="replace")}')
            elif typ == 9:
                code, tl = struct.unpack_from('<II', body, 0)
                # ends in "type9", as the record type printed before notes were decoded
                out.append(f'{pid} {tid} note code={code} '
                           f'{body[8:8 + tl].decode(errors="replace")!r} type9')
            else:
                out.append(f'{pid} {tid} type{typ}')
            pos += size
        off += csz

def main():
    out = []
    for a in sys.argv[1:]:
        if os.path.isdir(a):
            for f in sorted(os.listdir(a)):
                if f.endswith('.ltl'):
                    dump(os.path.join(a, f), out)
        else:
            dump(a, out)
    print('\n'.join(out))

main()
