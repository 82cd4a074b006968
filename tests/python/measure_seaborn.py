"""Measures `import seaborn` inside a Tracer against strace and against no tracing (numbers
for docs/inject.md; not a test: timings belong to benchmarks). Run from the checkout:
    PYTHONPATH=python LIBTRACE_SO=build/libtrace.so python3 tests/python/measure_seaborn.py [RUNS [MODULE...]]
(other modules than seaborn: a machine without it can still measure imports).
Each run is a fresh interpreter started the same way (-c), with the package imported on both
sides (its imports would otherwise be part of seaborn's). strace -f's count is of the calls
between two pairs of marker calls (getppid) around the import: by the interpreter's threads,
and with the processes it starts (uname, ldconfig... which a region traces too)."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
MODULES = ", ".join(sys.argv[2:]) or "seaborn"
PY = sys.executable

TRACED = """
import time, libtrace
from libtrace._shim import shim; shim()  # the shim is loaded before the region
import resource
cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
with libtrace.Tracer() as t:
    t0, c0 = time.perf_counter(), cpu()
    import MODULES
    t1, c1 = time.perf_counter(), cpu()
t2 = time.perf_counter()
import os
mine = [e for e in t.trace if e.pid == os.getpid()]
print(t1 - t0, len(mine), len({e.tid for e in mine}), len(t.trace), t2 - t1, c1 - c0)
"""
PLAIN = """
import time, os, resource, libtrace  # the package's own imports (json, re, ...) on both sides
cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
t0, c0 = time.perf_counter(), cpu()
os.getppid(); os.getppid()
import MODULES
os.getppid(); os.getppid()
t1, c1 = time.perf_counter(), cpu()
print(t1 - t0, c1 - c0)
"""


def run(code, env=None, prefix=()):
    code = code.replace("MODULES", MODULES)
    p = subprocess.run(list(prefix) + [PY, "-c", code], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, check=True)
    return p.stdout.decode().split()


def strace_calls():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "s")
        run(PLAIN, prefix=("strace", "-f", "-qq", "-o", out))
        lines = open(out).read().splitlines()
    marks = [i for i, l in enumerate(lines) if re.match(r"\d+ +getppid\(\)", l)]
    region = lines[marks[1] + 1:marks[2]]
    tids = {lines[marks[1]].split()[0]}
    for l in region:  # the interpreter's threads: clones with CLONE_THREAD
        m = re.match(r"(\d+) +clone3?\(.*CLONE_THREAD.*\) += (\d+)", l)
        if m and m.group(1) in tids:
            tids.add(m.group(2))
    calls = [l for l in region if "+++" not in l and "---" not in l and "resumed>" not in l]
    mine = [l for l in calls if l.split()[0] in tids]
    return len(mine), len(tids), len(calls)


plain = [run(PLAIN) for _ in range(RUNS)]
pw, pc = [float(r[0]) for r in plain], [float(r[1]) for r in plain]
traced = [run(TRACED) for _ in range(RUNS)]
st = [strace_calls() for _ in range(RUNS)] if shutil.which("strace") else []
tt, tc = [float(r[0]) for r in traced], [float(r[5]) for r in traced]
med = statistics.median
print("untraced import: median %.3f s wall, %.3f s CPU" % (med(pw), med(pc)))
print("traced import:   median %.3f s wall (%.2fx), %.3f s CPU (%.2fx)"
      % (med(tt), med(tt) / med(pw), med(tc), med(tc) / med(pc)))
print("after the region (stop, libtrace-report --json, events): median %.3f s"
      % statistics.median(float(r[4]) for r in traced))
print("libtrace calls:  interpreter %s, threads %s; with the processes it started %s" % (
    [int(r[1]) for r in traced], [int(r[2]) for r in traced], [int(r[3]) for r in traced]))
print("strace -f calls: interpreter %s, threads %s; with the processes it started %s" % (
    [r[0] for r in st], [r[1] for r in st], [r[2] for r in st]))
