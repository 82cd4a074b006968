#!/usr/bin/python3
"""libtrace benchmarks (make bench): tracer overhead side by side, and report speed.

Configurations, interleaved run by run so drift hits all alike:
  untraced     the program alone
  native       LD_PRELOAD=libtrace.so LIBTRACE_BACKEND=native
  off          the same, loaded idle (LIBTRACE_START=0)
  lt-strace    LD_PRELOAD=libtrace.so LIBTRACE_BACKEND=strace
  strace -f    strace -f -qq -o /dev/null
  perf trace   perf trace -q -o /dev/null (if it works here)
Workloads: a raw getppid loop (trap path), a libc write() loop to /dev/null (interposed
path), both timed inside the program (ns per call), and
`python3 -c "import json, email.parser, http.client"` (wall time, twice as many runs).
Best of the runs by default (BENCH_STAT=median for medians). The loops also report the CPU
time of the whole process tree per call (tracer included, start-up cancelled by a second
run with N/10 calls): robust to a loaded machine, where wall time is not. (The strace
backend's strace is the program's own child; its CPU counts only if the shim waits for it.)
Report speed: libtrace-report -c / --tef / --perfetto over a 1,000,000-call log made by
tests/bench/genlog (and over a real native log of 1M getppid calls when native works).

Exit 0 whatever the numbers (the table says PASS/MISS against the targets); 1 if a
configuration crashed (a program or the report exited non-zero or by a signal).
"""

import argparse
import json
import re
import os
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("--build", required=True)
ap.add_argument("--bin", required=True, help="dir with loop and genlog")
ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 5)))
ap.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", 200000)))
ap.add_argument("--n-slow", type=int, default=int(os.environ.get("BENCH_N_SLOW", 20000)))
ap.add_argument("--report-n", type=int, default=int(os.environ.get("BENCH_REPORT_N",
                                                                   1000000)))
ap.add_argument("--json", default="", help="also write the numbers here")
args = ap.parse_args()

SO = os.path.join(args.build, "libtrace.so")
REPORT = os.path.join(args.build, "libtrace-report")
LOOP = os.path.join(args.bin, "loop")
GENLOG = os.path.join(args.bin, "genlog")
PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else shutil.which("python3")
PY_CMD = [PY, "-c", "import json, email.parser, http.client"]
work = tempfile.mkdtemp(prefix="lt-bench.")
LOAD0 = os.getloadavg()[0]
# Best of the runs by default: on a shared 2-core VM, other work only ever adds time, so
# the minimum is the closest to the cost itself. BENCH_STAT=median for the median.
STAT = statistics.median if os.environ.get("BENCH_STAT") == "median" else min
crashes = []
notes = []


def clean_env():
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("LIBTRACE_") or k == "LD_PRELOAD":
            del env[k]
    return env


def lt_env(backend, start=True):
    d = tempfile.mkdtemp(dir=work, prefix="logs.")
    env = clean_env()
    env.update({"LD_PRELOAD": SO, "LIBTRACE_BACKEND": backend, "LIBTRACE_DIR": d,
                "LIBTRACE_REPORT": "none"})
    if not start:
        env["LIBTRACE_START"] = "0"
    return env, d


def log_backends(d):
    """Backend ids found in the headers of the logs under d (lt_log.h: offset 52); the
    strace backend may keep strace's own text log (strace.PID.txt) instead."""
    ids = set()
    for root, _, files in os.walk(d):
        for f in files:
            if f.startswith("strace.") and f.endswith(".txt") and \
                    os.path.getsize(os.path.join(root, f)) > 0:
                ids.add(2)
            if f.endswith(".ltl"):
                with open(os.path.join(root, f), "rb") as fh:
                    h = fh.read(56)
                if len(h) >= 56 and h[:6] == b"LTRACE":
                    ids.add(struct.unpack_from("<I", h, 52)[0])
    return ids


def perf_works():
    if not shutil.which("perf"):
        return "perf not installed"
    try:
        p = subprocess.run(["perf", "trace", "-o", "/dev/null", "--", "/bin/true"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=30)
    except subprocess.TimeoutExpired:
        return "perf trace hangs"
    if p.returncode != 0:
        return "perf trace fails: " + p.stderr.decode(errors="replace").strip()[:120]
    return None


# name -> (prefix, env factory, expected backend id or None, slow)
CONFIGS = [
    ("untraced", [], lambda: (clean_env(), None), None, False),
    ("native", [], lambda: lt_env("native"), 1, False),
    ("off", [], lambda: lt_env("native", start=False), None, False),
    ("lt-strace", [], lambda: lt_env("strace"), 2, True),
    ("strace -f", ["strace", "-f", "-qq", "-o", "/dev/null"], lambda: (clean_env(), None),
     None, True),
    ("perf trace", ["perf", "trace", "-o", "/dev/null", "--"],
     lambda: (clean_env(), None), None, True),
]
available = {}
why = perf_works()
for name, prefix, envf, want, slow in CONFIGS:
    if name in ("native", "off", "lt-strace") and not os.path.exists(SO):
        available[name] = "libtrace.so not built"
    elif name == "perf trace" and why:
        available[name] = why
    else:
        available[name] = None
# Does the backend really record? (a log with that backend id in its header)
for name, want in (("native", 1), ("lt-strace", 2)):
    if available[name]:
        continue
    env, d = lt_env("native" if want == 1 else "strace")
    p = subprocess.run([LOOP, "getppid", "10"], env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    ids = log_backends(d)
    if p.returncode != 0:
        crashes.append("%s: loop exited %d: %s" % (name, p.returncode,
                                                    p.stderr.decode(errors="replace")[:200]))
        available[name] = "crashed"
    elif want not in ids:
        available[name] = "no %s log written (backend not available; stderr: %s)" % (
            name, p.stderr.decode(errors="replace").strip()[:100] or "-")
if available["native"]:
    available["off"] = available["native"]


def run_loop(name, prefix, envf, kind, n):
    """Runs the loop; returns (ns per call timed inside the loop, CPU seconds of the whole
    process tree: the program, and a tracer and what it waited for), or None."""
    env, _ = envf()
    p = subprocess.Popen(prefix + [LOOP, kind, str(n)], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    try:
        out, err = p.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    # communicate() reaped it; the tree's CPU is in our children's rusage delta
    if p.returncode != 0:
        crashes.append("%s: loop %s exited %d: %s" % (name, kind, p.returncode,
                                                       err.decode(errors="replace")[:200]))
        return None
    try:
        return float(out.decode().split()[-1])
    except (ValueError, IndexError):
        crashes.append("%s: loop %s printed %r" % (name, kind, out[:100]))
        return None


def children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_loop_cpu(name, prefix, envf, kind, n):
    c0 = children_cpu()
    v = run_loop(name, prefix, envf, kind, n)
    return v, children_cpu() - c0


def run_wall(name, prefix, envf, cmd):
    env, _ = envf()
    t0 = time.monotonic()
    p = subprocess.run(prefix + cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=600)
    t = time.monotonic() - t0
    if p.returncode != 0:
        crashes.append("%s: %s exited %d: %s" % (name, " ".join(cmd), p.returncode,
                                                  p.stderr.decode(errors="replace")[:200]))
        return None
    return t


results = {}  # (workload, config) -> median
live = [c for c in CONFIGS if not available[c[0]]]
# CPU cost per call: the CPU time of the whole process tree (tracer included) for N calls
# minus that for N/10 calls, over 0.9 N: start-up cancels out, and waiting for a CPU on a
# loaded machine costs no CPU time, so this holds up where wall time does not.
cpu = {}
for kind in ("getppid", "write"):
    samples = {c[0]: [] for c in live}
    csamples = {c[0]: [] for c in live}
    for r in range(args.runs):
        for name, prefix, envf, _, slow in live:
            n = args.n_slow if slow else args.n
            v, c_big = run_loop_cpu(name, prefix, envf, kind, n)
            _, c_small = run_loop_cpu(name, prefix, envf, kind, n // 10)
            if v is not None:
                samples[name].append(v)
                csamples[name].append(max(0.0, c_big - c_small) * 1e9 / (n - n // 10))
    for name in samples:
        if samples[name]:
            results[(kind, name)] = STAT(samples[name])
            cpu[(kind, name)] = STAT(csamples[name])
samples = {c[0]: [] for c in live}
PY_RUNS = max(2 * args.runs, 10)  # the 1.02x target is close to the noise: more runs
for r in range(PY_RUNS):
    for name, prefix, envf, _, slow in live:
        v = run_wall(name, prefix, envf, PY_CMD)
        if v is not None:
            samples[name].append(v)
for name in samples:
    if samples[name]:
        results[("python", name)] = STAT(samples[name])

# ---------------------------------------------------------------------------------------
out = sys.stdout
out.write("\nlibtrace bench on %s (%d cores, load average %.2f at start, %.2f at end), %s;"
          " loops: %d calls (%d under ptrace), %s of %d runs\n" % (
              os.uname().nodename, os.cpu_count(), LOAD0, os.getloadavg()[0],
              time.strftime("%Y-%m-%d %H:%M"), args.n, args.n_slow,
              "median" if STAT is statistics.median else "best", args.runs))
out.write("\n%-22s" % "workload" + "".join("%13s" % c[0] for c in CONFIGS) + "\n")
for kind, label, unit in (("getppid", "getppid raw (ns/call)", 1),
                          ("write", "write libc (ns/call)", 1),
                          ("python", "python3 import (ms)", 1000)):
    row = "%-22s" % label
    for c in CONFIGS:
        v = results.get((kind, c[0]))
        row += "%13s" % ("%.0f" % (v * unit) if v is not None else "n/a")
    out.write(row + "\n")
    if kind != "python" and cpu.get((kind, "untraced")) is not None:
        row = "%-22s" % "  CPU ns/call (tree)"
        for c in CONFIGS:
            v = cpu.get((kind, c[0]))
            row += "%13s" % ("%.0f" % v if v is not None else "-")
        out.write(row + "\n")
    base = results.get((kind, "untraced"))
    if base:
        row = "%-22s" % ("  overhead ns/call" if kind != "python" else "  ratio to untraced")
        for c in CONFIGS:
            v = results.get((kind, c[0]))
            if v is None:
                row += "%13s" % "-"
            elif kind == "python":
                row += "%13s" % ("%.3fx" % (v / base))
            else:
                row += "%13s" % ("%.0f" % (v - base))
        out.write(row + "\n")
for name, _, _, _, _ in CONFIGS:
    if available[name]:
        out.write("  %s: %s\n" % (name, available[name]))

targets = []


def target(label, value, limit, fmt, ok):
    targets.append((label, value, limit, fmt, ok))


def get(k, c):
    return results.get((k, c))


b = get("getppid", "untraced")
if b is not None and get("getppid", "native") is not None and get("getppid", "strace -f"):
    nat, st = get("getppid", "native") - b, get("getppid", "strace -f") - b
    target("trap path overhead <= 1/10 of strace -f's", "%.0f ns" % nat,
           "%.0f ns" % (st / 10), "", nat <= st / 10)
else:
    target("trap path overhead <= 1/10 of strace -f's", None, "", "", None)
cb, cn, cs = (cpu.get(("getppid", c)) for c in ("untraced", "native", "strace -f"))
if None not in (cb, cn, cs):
    target("  same, by CPU time of the process tree", "%.0f ns" % (cn - cb),
           "%.0f ns" % ((cs - cb) / 10), "", cn - cb <= (cs - cb) / 10)
b = get("write", "untraced")
if b is not None and get("write", "native") is not None:
    nat = get("write", "native") - b
    target("interposed path overhead <= 300 ns/call", "%.0f ns" % nat, "300 ns", "",
           nat <= 300)
    cb, cn = cpu.get(("write", "untraced")), cpu.get(("write", "native"))
    if None not in (cb, cn):
        target("  same, by CPU time", "%.0f ns" % (cn - cb), "300 ns", "", cn - cb <= 300)
else:
    target("interposed path overhead <= 300 ns/call", None, "", "", None)
b = get("python", "untraced")
for cfg, label, lim in (("native", "python3 native <= 1.15x untraced", 1.15),
                        ("off", "python3 loaded, tracing off <= 1.02x", 1.02)):
    v = get("python", cfg)
    if b and v:
        target(label, "%.3fx" % (v / b), "%.2fx" % lim, "", v / b <= lim)
    else:
        target(label, None, "", "", None)
b, v = get("getppid", "untraced"), get("getppid", "off")
if b and v:
    target("getppid loop, tracing off <= 1.02x", "%.3fx" % (v / b), "1.02x", "", v / b <= 1.02)

# ---------------------------------------------------------------------------------------
# Report speed


def timed(cmd, stdout):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    t = time.monotonic() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    return t, ru.ru_maxrss, p.returncode, err


def report_bench(label, logdir, ncalls):
    rows = []
    for fmt, extra in (("-c", ["-c"]), ("--tef", ["--tef", os.path.join(work, "o.json")]),
                       ("--perfetto", ["--perfetto", os.path.join(work, "o.pftrace")])):
        ts, rss = [], []
        err = None
        for _ in range(3):
            with open(os.devnull, "w") as dn:
                t, m, rc, e = timed([REPORT] + extra + [logdir], dn)
            if rc != 0:
                err = "exit %d: %s" % (rc, e.strip()[:150])
                if rc < 0 or rc >= 128:
                    crashes.append("libtrace-report %s on %s: %s" % (fmt, label, err))
                break
            ts.append(t)
            rss.append(m)
        if err:
            rows.append((fmt, None, None, err))
            continue
        t = STAT(ts)
        rows.append((fmt, ncalls / t, max(rss) / 1024.0, None))
    return rows


rep_rows = []
if not os.access(REPORT, os.X_OK):
    notes.append("report speed: libtrace-report not built")
elif not os.access(GENLOG, os.X_OK):
    notes.append("report speed: genlog not built (tests/support/lt_logwrite.c missing?)")
else:
    gdir = os.path.join(work, "genlog")
    p = subprocess.run([GENLOG, gdir, str(args.report_n)])
    if p.returncode != 0:
        crashes.append("genlog exited %d" % p.returncode)
    else:
        rep_rows.append(("generated", report_bench("generated", gdir, args.report_n)))
    if not available["native"]:
        env, d = lt_env("native")
        p = subprocess.run([LOOP, "getppid", str(args.report_n)], env=env,
                           stdout=subprocess.DEVNULL)
        if p.returncode == 0:
            rep_rows.append(("native getppid", report_bench("native log", d, args.report_n)))
        else:
            crashes.append("native: loop getppid %d exited %d" % (args.report_n, p.returncode))

out.write("\nreport speed over %d-call logs (best of 3; peak RSS of the report process)\n"
          % args.report_n)
out.write("%-16s %-11s %14s %12s\n" % ("log", "format", "calls/s", "peak RSS"))
for label, rows in rep_rows:
    for fmt, rate, rss, err in rows:
        if err:
            out.write("%-16s %-11s %s\n" % (label, fmt, err))
            continue
        out.write("%-16s %-11s %14s %9.1f MiB\n" % (label, fmt, "{:,.0f}".format(rate), rss))
        if label == "generated":
            if fmt == "-c":
                target("report -c >= 2.5 M calls/s", "%.2f M/s" % (rate / 1e6), "2.5 M/s", "",
                       rate >= 2.5e6)
                target("report -c peak RSS < 64 MiB", "%.1f MiB" % rss, "64 MiB", "",
                       rss < 64)
            else:
                target("report %s >= 1 M calls/s" % fmt, "%.2f M/s" % (rate / 1e6), "1 M/s",
                       "", rate >= 1e6)
# Issue 5: the last 1M-call outputs written above must import into Perfetto's own
# trace_processor with no error, with every slice there.
CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared",
                     "tools", "perfetto-check", "check.mjs")
if rep_rows and os.path.exists(CHECK) and shutil.which("node"):
    for f in ("o.pftrace", "o.json"):
        path = os.path.join(work, f)
        if not os.path.exists(path):
            continue
        p = subprocess.run(["node", CHECK, path, "select count(*) as n from slice"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        n = re.findall(r"^\s*n=(\d+)", p.stdout, re.M)
        got = int(n[-1]) if n else 0
        target("perfetto-check of the 1M-call %s" % f.split(".")[1], "%d slices" % got,
               ">= %d" % args.report_n, "", p.returncode == 0 and got >= args.report_n)
else:
    notes.append("perfetto-check not found next to the checkout: 1M-call import not checked")
for n in notes:
    out.write("  %s\n" % n)

out.write("\n%-44s %12s %12s  %s\n" % ("target", "measured", "limit", "result"))
for label, value, limit, _, ok in targets:
    out.write("%-44s %12s %12s  %s\n" % (label, value or "n/a", limit or "-",
                                         "n/a" if ok is None else ("PASS" if ok else "MISS")))
if args.json:
    with open(args.json, "w") as f:
        json.dump({"results": {"%s/%s" % k: v for k, v in results.items()},
                   "targets": [(t[0], t[1], t[2], t[4]) for t in targets],
                   "unavailable": {k: v for k, v in available.items() if v},
                   "crashes": crashes}, f, indent=1)
shutil.rmtree(work, ignore_errors=True)
if crashes:
    out.write("\nCRASHED:\n" + "".join("  %s\n" % c for c in crashes))
    sys.exit(1)
sys.exit(0)
