#!/usr/bin/env python3
"""Runs every test program of strace's suite untraced twice and, between those, under the shim,
and reports those whose behaviour the shim changes: exit status or signal, and stdout and
stderr where the two untraced runs agree (exactly, or once addresses, numbers and the
working directory are normalised; programs whose output differs from run to run even then
are compared by their status only).

The programs are tests/*.c of strace's tree, built; each runs in a fresh working directory
(as strace's tests do), stdin /dev/null, with the arguments and descriptor redirections
tests/gen_tests.in gives it, under a timeout. A program that differs is run again, twice (all
three runs) before it is reported, so that a loaded machine's timing is not taken for a
difference.

usage: behave.py STRACE_SRC BUILD [-j N] [--timeout S] [--only NAME,...] [--skip NAME,...]
                 [--known FILE] [--env K=V ...] [--list]
With --known (lines "name<TAB>cause"), exits 1 when a program not listed there differs.
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

LOGS_ROOT = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
REDIR = re.compile(r"^(\d*)(>>|>|<)(.*)$")


def gen_tests_specs(path):
    """name -> (args, [(fd, op, target)]) from gen_tests.in"""
    specs = {}
    for line in open(path):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        rest = parts[1] if len(parts) > 1 else ""
        try:
            toks = shlex.split(rest.replace(";", " ; "))
        except ValueError:
            continue
        args, redirs = [], []
        i = 0
        while i < len(toks):
            t = toks[i]
            m = REDIR.match(t)
            if t.startswith("QUIRK:PROG-ARGS:"):
                args += shlex.split(t[len("QUIRK:PROG-ARGS:"):])
            elif m and (m.group(1) or t[0] in "<>"):
                target = m.group(3)
                if not target and i + 1 < len(toks):
                    i += 1
                    target = toks[i]
                redirs.append((int(m.group(1) or (0 if m.group(2) == "<" else 1)),
                               m.group(2), target))
            i += 1
        specs[parts[0]] = (args, redirs)
    return specs


def programs(src):
    tdir = os.path.join(src, "tests")
    out = []
    for f in sorted(os.listdir(tdir)):
        if f.endswith(".c"):
            p = os.path.join(tdir, f[:-2])
            if os.path.isfile(p) and os.access(p, os.X_OK):
                out.append(f[:-2])
    return out


OPEN_FLAGS = {">": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
              ">>": os.O_WRONLY | os.O_CREAT | os.O_APPEND, "<": os.O_RDONLY}


def run_once(prog, args, redirs, env, timeout):
    """(status, stdout, stderr, cwd): status is the exit code, -SIGNAL, or 'timeout'"""
    tmp = tempfile.mkdtemp(prefix="lt-behave-")
    cwd = os.path.join(tmp, "work")
    os.mkdir(cwd)
    env = dict(env)
    # The logs go elsewhere (tmpfs where there is one), made for every run alike: the
    # working directory's file system sees the same files, inodes and free blocks traced
    # as untraced (strace's fstatfs, statfs, getdents-v print them).
    logs = tempfile.mkdtemp(prefix="lt-behave-logs-", dir=LOGS_ROOT)
    if "LD_PRELOAD" in env:
        env["LIBTRACE_DIR"] = logs
    fds = {}
    try:
        for fd, op, target in redirs:
            fds[fd] = os.open(os.path.join(cwd, target), OPEN_FLAGS[op], 0o644)

        def pre():
            os.setsid()  # a timeout kills the whole group
            for fd, ofd in fds.items():
                os.dup2(ofd, fd)
        p = subprocess.Popen([prog] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=pre,
                             pass_fds=tuple(fds.values()))
        for ofd in fds.values():
            os.close(ofd)
        fds = {}
        try:
            out, err = p.communicate(timeout=timeout)
            status = p.returncode
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, 9)
            except OSError:
                pass
            out, err = p.communicate()
            status = "timeout"
        return status, out, err, cwd
    finally:
        for ofd in fds.values():
            os.close(ofd)
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(logs, ignore_errors=True)


HEX = re.compile(rb"0x[0-9a-fA-F]+")
NUM = re.compile(rb"[0-9]+")


def normalise(data, cwd):
    data = data.replace(os.path.dirname(cwd).encode(), b"TMP")
    return NUM.sub(b"N", HEX.sub(b"0xX", data))


def compare(a, b, t):
    """(kind, detail): kind 'same', 'differs' or 'unstable' (the untraced runs disagree on
    the status)"""
    if a[0] != b[0]:
        return "unstable", "untraced status %s then %s" % (a[0], b[0])
    if t[0] != a[0]:
        return "differs", "status %s untraced, %s traced" % (a[0], t[0])
    for k, what in ((1, "stdout"), (2, "stderr")):
        if a[k] == b[k]:
            if t[k] != a[k]:
                return "differs", what + " differs: " + first_diff(a[k], t[k])
        else:
            na, nb, nt = (normalise(x[k], x[3]) for x in (a, b, t))
            if na == nb and nt != na:
                return "differs", what + " differs (normalised): " + first_diff(na, nt)
    return "same", ""


def first_diff(x, y):
    xl, yl = x.splitlines(), y.splitlines()
    for i in range(max(len(xl), len(yl))):
        u = xl[i] if i < len(xl) else b"<none>"
        v = yl[i] if i < len(yl) else b"<none>"
        if u != v:
            return "line %d: %r -> %r" % (i + 1, u[:100], v[:100])
    return "?"


def check(src, name, spec, base_env, traced_env, timeout):
    prog = os.path.join(src, "tests", name)
    args, redirs = spec
    res = None
    for _ in range(3):
        # traced between the two untraced runs: what changes with time (uptime, free
        # blocks, a reused inode) makes the untraced runs disagree, then is normalised
        a = run_once(prog, args, redirs, base_env, timeout)
        t = run_once(prog, args, redirs, traced_env, timeout)
        b = run_once(prog, args, redirs, base_env, timeout)
        res = compare(a, b, t)
        if res[0] != "differs":
            break
    return name, res[0], res[1], a[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("build")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--only", default="")
    ap.add_argument("--known", default="")
    ap.add_argument("--skip", default="", help="NAME,... not run (they wait for a tracer)")
    ap.add_argument("--env", action="append", default=[], help="K=V for the traced runs")
    ap.add_argument("--list", action="store_true", help="print every program's result")
    o = ap.parse_args()
    o.build = os.path.abspath(o.build)
    specs = gen_tests_specs(os.path.join(o.src, "tests", "gen_tests.in"))
    names = programs(o.src)
    if o.only:
        only = set(o.only.split(","))
        names = [n for n in names if n in only]
    skip = set(o.skip.split(",")) if o.skip else set()
    names = [n for n in names if n not in skip]
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("LIBTRACE_")
                and k != "LD_PRELOAD"}
    traced_env = dict(base_env, LD_PRELOAD=os.path.join(o.build, "libtrace.so"),
                      LIBTRACE_BACKEND="native", LIBTRACE_REPORT="none")
    for kv in o.env:
        k, v = kv.split("=", 1)
        traced_env[k] = v
    known = {}
    if o.known:
        for line in open(o.known):
            if line.strip() and not line.startswith("#"):
                n, _, cause = line.rstrip("\n").partition("\t")
                known[n.strip()] = cause
    results = []
    with concurrent.futures.ThreadPoolExecutor(o.j) as ex:
        futs = [ex.submit(check, o.src, n, specs.get(n, ([], [])), base_env, traced_env,
                          o.timeout) for n in names]
        for f in concurrent.futures.as_completed(futs):
            results.append(f.result())
    results.sort()
    count = {"same": 0, "differs": 0, "unstable": 0}
    new = []
    for name, kind, detail, status in results:
        count[kind] += 1
        if o.list or kind != "same":
            print("%-8s %-40s %s" % (kind, name, detail or "status %s" % status))
        if kind == "differs" and o.known and name not in known:
            new.append(name)
    print("%d programs: %d behave identically traced, %d differ, %d unstable untraced"
          % (len(results), count["same"], count["differs"], count["unstable"]))
    if o.known:
        fixed = [n for n in known if n in names and
                 any(r[0] == n and r[1] == "same" for r in results)]
        if fixed:
            print("listed as known differences but now identical: " + " ".join(fixed))
        if new:
            print("NEW differences (not in %s): %s" % (o.known, " ".join(new)))
            return 1
    return 0


if __name__ == "__main__":
    # Descriptors inherited from whoever started us (a CI runner's, a shell's) would size
    # every program's descriptor table, which select's results depend on: start from the
    # smallest table, as a program started from a login shell does.
    os.closerange(3, 1 << 16)
    sys.exit(main())
