#!/usr/bin/env python3
"""Runs strace's own test programs under the libtrace shim and compares their expected
output with libtrace-report's.

Each strace test program calls its syscall with interesting arguments and prints, on its
stdout, the exact lines strace must print; tests/gen_tests.in gives each test's strace
options. For every test whose options libtrace-report can express, this runs the program
under the shim (native backend), formats the log with the same options, normalises the
alignment (-a) as strace's own tests make irrelevant, and counts expected lines found in
our output (in order) and tests identical in full, by category.

usage: suite.py STRACE_SRC BUILD [--only NAME,...] [--show N] [--diffs FILE]
"""
import argparse
import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

# options of strace that libtrace-report takes as they are
PASS_FLAGS = {"-v", "-x", "-xx", "-y", "-Z"}
TIME_NAMES = re.compile(r"^(clock_|timer_|timerfd|time$|times$|nanosleep|.*itimer|adjtimex|"
                        r"gettimeofday|settimeofday|utime|futimesat|stime|alarm)")


# The test scripts of strace's suite this imitates: the syscalls traced, and what the script
# does to strace's output before comparing (keep: lines from the first one containing the
# string; drop_through: lines up to the first one matching; drop: lines matching; uniq).
SCRIPTS = {
    "ioctl.test": {"trace": "ioctl", "drop": re.compile(r"^ioctl\([012][,<]")},
    "prctl.sh": {"trace": "prctl", "drop_through": re.compile(
        r"^prctl\(0xffffffff( /\* PR_\?\?\? \*/)?, 0xfffffffe, 0xfffffffd, 0xfffffffc, "
        r"0xfffffffb\) = -1 ")},
    "arch_prctl.sh": {"trace": "arch_prctl", "drop_through": re.compile(
        r"^arch_prctl\(0xffffffff( /\* ARCH_\?\?\? \*/)?, 0xfffffffe\) = -1 ")},
    "netlink_sock_diag.test": {"trace": "sendto"},
    # run_strace -qq: no "+++ exited with 0 +++"
    "getuid.test": {"uniq": True, "drop": re.compile(r"^\+\+\+ exited with \d+ \+\+\+$")},
    "faccessat.test": {"trace": "faccessat", "keep": "faccessat(-1, NULL,"},
    # one run per value injected into the calls from the 256th on (LIBTRACE_INJECT), each
    # compared from the marker call that got it (translate fills in the rest)
    "prctl-success.sh": {"inject_start": 256},
}
# prctl-success.sh's marker calls, by syscall
INJECT_MARKERS = {
    "prctl": r"^prctl\(0xffffffff( /\* PR_\?\?\? \*/)?, 0xfffffffe, 0xfffffffd, 0xfffffffc, "
             r"0xfffffffb\) = ",
    "arch_prctl": r"^arch_prctl\(0xffffffff( /\* ARCH_\?\?\? \*/)?, 0xfffffffe\) = ",
}


def syscall_classes():
    """name -> set of classes, from lib/syscalls.tbl"""
    out = {}
    for line in open(os.path.join(TOP, "lib", "syscalls.tbl")):
        f = line.split("#", 1)[0].split()
        if len(f) >= 4 and f[0].isdigit():
            out[f[1]] = set() if f[2] == "-" else set(f[2].split(","))
    return out


def parse_gen_tests(path):
    """[(name, [tokens], script)]: tests run by run_strace_match_diff (script None) or by
    one of the SCRIPTS"""
    tests = []
    for line in open(path):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        name = parts[0]
        rest = parts[1] if len(parts) > 1 else ""
        try:
            toks = shlex.split(rest)
        except ValueError:
            continue
        script = None
        if toks and toks[0].startswith("+"):
            script = toks.pop(0)[1:]
            if script not in SCRIPTS:
                continue  # a harness of its own this does not imitate
        tests.append((name, toks, script))
    return tests


def translate(name, toks, script=None):
    """(report options, strsize, redirects, prog args, start marker) or None when
    libtrace-report cannot express the options"""
    ropts, redirects, prog_args = [], [], []
    strsize, start, have_trace = None, None, False
    sc = SCRIPTS.get(script, {})
    if "inject_start" in sc:
        m = re.match(r"^(ARCH_)?PRCTL_INJECT_RETVALS=(.*)$", toks[0]) if toks else None
        call = "arch_prctl" if m and m.group(1) else "prctl"
        sc = dict(sc, trace=call, inject=(call, m.group(2).split() if m else ["42"]))
        toks = toks[1:] if m else toks
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        m = re.match(r"^(\d+)(>>?|<)(.*)$", t)
        if m:
            redirects.append((int(m.group(1)), m.group(2), m.group(3)))
        elif t.startswith("QUIRK:PROG-ARGS:"):
            prog_args += shlex.split(t[len("QUIRK:PROG-ARGS:"):])
        elif t.startswith("QUIRK:START-OF-TEST-OUTPUT:"):
            start = t[len("QUIRK:START-OF-TEST-OUTPUT:"):]
        elif t.startswith("QUIRK:"):
            return None
        elif re.match(r"^-a\d+$", t):
            pass
        elif t == "-a" and nxt is not None:
            i += 1
        elif t in PASS_FLAGS:
            ropts.append(t)
        elif re.match(r"^-s\d+$", t):
            strsize = t[2:]
        elif t == "-s" and nxt is not None:
            strsize = nxt
            i += 1
        elif t in ("-X", "--const-print-style") and nxt in ("raw", "abbrev", "verbose"):
            ropts += ["-X", nxt]
            i += 1
        elif re.match(r"^(-X|--const-print-style=)(raw|abbrev|verbose)$", t):
            ropts += ["-X", re.sub(r"^(-X|--const-print-style=)", "", t)]
        elif t in ("-e", "--trace") and nxt is not None and nxt.startswith("trace="):
            ropts += ["-e", nxt]
            have_trace = True
            i += 1
        elif t.startswith("-etrace=") or t.startswith("--trace="):
            ropts += ["-e", "trace=" + t.split("=", 1)[1]]
            have_trace = True
        else:
            return None
        i += 1
    if script == "getuid.test" and name.endswith("-creds"):
        return None  # traces %creds of a program named otherwise
    if sc.get("trace"):
        ropts = ["-e", "trace=" + sc["trace"]] + ropts
    elif not have_trace:
        ropts = ["-e", "trace=" + name] + ropts
    if strsize is not None:
        ropts += ["-s", strsize]
    return ropts, strsize, redirects, prog_args, start, sc


def category(name, ropts, classes):
    trace = [o for o in ropts if o.startswith("trace=")]
    call = trace[0][6:].split(",")[0].lstrip("%!/") if trace else name
    if "ioctl" in name or call == "ioctl":
        return "ioctl"
    cls = classes.get(call)
    if cls is None:
        cls = classes.get(re.split(r"[-.]", name)[0], set())
    if TIME_NAMES.match(call):
        return "time"
    for c in ("ipc", "network", "signal", "creds", "process", "memory", "file", "desc"):
        if c in cls:
            return "fd" if c == "desc" else c
    return "other"


ALIGN = re.compile(r"^(.*?\))\s+= (.*)$")


def normalise(lines):
    out = []
    for ln in lines:
        ln = ln.rstrip("\n")
        m = ALIGN.match(ln)
        if m and not m.group(1).endswith("("):
            ln = "%s = %s" % (m.group(1), m.group(2))
        out.append(re.sub(r"\s+$", "", ln))
    return out


def script_filter(got, start, sc):
    start = sc.get("keep", start)
    if start is not None:
        for k, ln in enumerate(got):
            if start in ln:
                got = got[k:]
                break
    if "drop" in sc:
        got = [ln for ln in got if not sc["drop"].search(ln)]
    if "drop_through" in sc:
        norm = normalise(got)
        for k, ln in enumerate(norm):
            if sc["drop_through"].search(ln):
                got = got[k + 1:]
                break
    if sc.get("uniq"):
        got = [ln for k, ln in enumerate(got) if not k or got[k - 1] != ln]
    return got


SANITIZER_REPORTS = []  # under BUILD=build-asan: what the report's sanitizers said, by test


def run_test(src, build, name, spec, timeout=20):
    """(expected lines, our lines), "skip", "error", or None when the program is absent"""
    sc = spec[5]
    if "inject" not in sc:
        return run_once(src, build, name, spec, {}, [], sc, timeout)
    # prctl-success.sh: one run per value, the program told where injection starts
    call, values = sc["inject"]
    exp, got = [], []
    for v in values:
        if v.startswith("error="):
            inj, ret, match = v, "-1", "-1 " + v[len("error="):]
        else:
            inj, ret, match = "retval=%d" % int(v, 0), v, str(int(v, 0))
        env = {"LIBTRACE_INJECT": "%s:%s:when=%d+" % (call, inj, sc["inject_start"])}
        one = dict(sc, drop_through=re.compile(INJECT_MARKERS[call] + re.escape(match) + " "))
        res = run_once(src, build, name, spec, env, [str(sc["inject_start"]), ret], one,
                       timeout)
        if not isinstance(res, tuple):
            return res
        exp += res[0]
        got += res[1]
    return exp, got


def run_once(src, build, name, spec, extra_env, extra_args, sc, timeout):
    ropts, strsize, redirects, prog_args, start, _ = spec
    prog_args = extra_args + prog_args
    prog = os.path.join(src, "tests", name)
    if not os.access(prog, os.X_OK):
        return None
    tmp = tempfile.mkdtemp(prefix="lt-strace-")
    try:
        work = os.path.join(tmp, "work")
        logs = os.path.join(tmp, "logs")
        os.mkdir(work)
        os.mkdir(logs)
        env = dict(os.environ, LD_PRELOAD=os.path.join(build, "libtrace.so"), LIBTRACE_DIR=logs,
                   LIBTRACE_REPORT="none", LIBTRACE_BACKEND="native", LIBTRACE_START="1",
                   **extra_env)
        if strsize:
            env["LIBTRACE_STRSIZE"] = strsize
        # The program gets the redirected descriptors (7>>/dev/full) at their numbers and
        # no other: opened there in this process for the time of the start (a descriptor of
        # ours on that number parked meanwhile), kept through close_fds by number.
        # (pass_fds must name descriptors open here: a preexec_fn's dup2 comes too late.)
        placed = {}
        try:
            for fd, op, target in redirects:
                o = os.open(target, {">": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                                     ">>": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                                     "<": os.O_RDONLY}[op])
                try:
                    placed[fd] = (os.dup(fd), os.get_inheritable(fd))
                except OSError:
                    placed[fd] = None
                os.dup2(o, fd)
                os.close(o)
            with subprocess.Popen([prog] + prog_args, cwd=work, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                  pass_fds=tuple(placed)) as p:
                try:
                    out = p.communicate(timeout=timeout)[0]
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.communicate()
                    return "error"
        except OSError:
            return "error"
        finally:
            for fd, saved in placed.items():
                if saved is None:
                    os.close(fd)
                else:
                    os.dup2(saved[0], fd, inheritable=saved[1])
                    os.close(saved[0])
        if p.returncode == 77:
            return "skip"
        failed = p.returncode != 0  # under the shim: compared, never identical
        runs = glob.glob(os.path.join(logs, "run-*"))
        if not runs:
            return "error"
        # strace without -f traces the program's own process only: as the launcher does,
        # print that one (its pid is the run's root).
        own = [] if "-f" in ropts else ["-p", str(p.pid)]
        # and tells where the command started, as the launcher does (-y's AT_FDCWD</dir>)
        own += ["--cwd", work]
        r = subprocess.run([os.path.join(build, "libtrace-report")] + ropts + own + [runs[0]],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        if b"runtime error:" in r.stderr or b"Sanitizer" in r.stderr:
            # a report built with sanitizers (make asan) found a bug in a decoder
            SANITIZER_REPORTS.append("%s: %s" % (name, r.stderr.decode(errors="replace")
                                                 .strip().splitlines()[0][:300]))
        got = r.stdout.decode("utf-8", "surrogateescape").splitlines()
        exp = out.decode("utf-8", "surrogateescape").splitlines()
        got = script_filter(got, start, sc)
        return normalise(exp), normalise(got) + (["<exit %d under the shim>" % p.returncode]
                                                 if failed else [])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("build")
    ap.add_argument("--only", default="")
    ap.add_argument("--diffs", default="", help="write every differing line pair here")
    args = ap.parse_args()
    classes = syscall_classes()
    tests = parse_gen_tests(os.path.join(args.src, "tests", "gen_tests.in"))
    only = set(args.only.split(",")) if args.only else None
    stats = {}
    unexpressed = skipped = errors = 0
    diffs = open(args.diffs, "w", errors="surrogateescape") if args.diffs else None
    for name, toks, script in tests:
        if only and name not in only:
            continue
        spec = translate(name, toks, script)
        if spec is None:
            unexpressed += 1
            continue
        res = run_test(args.src, args.build, name, spec)
        if res is None or res == "skip":
            skipped += 1
            continue
        cat = category(name, spec[0], classes)
        st = stats.setdefault(cat, [0, 0, 0, 0])  # lines, identical lines, tests, identical
        if res == "error":
            errors += 1
            continue
        exp, got = res
        sm = difflib.SequenceMatcher(None, exp, got, autojunk=False)
        same = sum(b.size for b in sm.get_matching_blocks())
        st[0] += len(exp)
        st[1] += same
        st[2] += 1
        st[3] += exp == got
        if diffs and exp != got:
            diffs.write("=== %s (%s) %s\n" % (name, cat, " ".join(spec[0])))
            for op, a1, a2, b1, b2 in sm.get_opcodes():
                if op == "equal":
                    continue
                for ln in exp[a1:a2]:
                    diffs.write("- %s\n" % ln)
                for ln in got[b1:b2]:
                    diffs.write("+ %s\n" % ln)
    tot = [sum(s[k] for s in stats.values()) for k in range(4)]
    print("%-10s %8s %8s %10s %7s %10s" % ("category", "lines", "same", "% lines", "tests",
                                          "% tests"))
    for cat in sorted(stats, key=lambda c: -stats[c][0]):
        s = stats[cat]
        print("%-10s %8d %8d %9.1f%% %7d %9.1f%%" % (cat, s[0], s[1], 100.0 * s[1] / max(s[0], 1),
                                                   s[2], 100.0 * s[3] / max(s[2], 1)))
    print("%-10s %8d %8d %9.1f%% %7d %9.1f%%" % ("all", tot[0], tot[1],
                                               100.0 * tot[1] / max(tot[0], 1), tot[2],
                                               100.0 * tot[3] / max(tot[2], 1)))
    print("(%d tests compared; %d skipped by the program or absent; %d failed to run;"
          " %d with options libtrace-report cannot express)" % (tot[2], skipped, errors,
                                                               unexpressed))
    for rep in SANITIZER_REPORTS:
        print("sanitizer: %s" % rep)
    return 3 if SANITIZER_REPORTS else 0


if __name__ == "__main__":
    sys.exit(main())
